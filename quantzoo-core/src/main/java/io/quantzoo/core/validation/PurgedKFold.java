package io.quantzoo.core.validation;

import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Purged K-fold cross-validation with an embargo (López de Prado, <i>Advances in Financial Machine
 * Learning</i>, 2018, ch. 7).
 *
 * <p><b>Samples.</b> Samples {@code i = 0..n-1} are in time order; sample {@code i}'s label is
 * computed from the closed window {@code [start[i], end[i]]} (epoch millis, bar indices, any {@code
 * long} clock), with {@code end[i] >= start[i]} and starts non-decreasing.
 *
 * <p><b>Folds.</b> The samples are cut into {@code k} contiguous folds in index order; fold sizes
 * are {@code n / k}, and the first {@code n % k} folds get one more sample.
 *
 * <p><b>Purging.</b> For test fold {@code F} with test span {@code [t0, t1]}, {@code t0 = min
 * start[i]} and {@code t1 = max end[i]} over {@code i ∈ F}, every sample {@code j ∉ F} whose window
 * overlaps the span, {@code start[j] <= t1 && end[j] >= t0}, is removed from training. Its label
 * shares information with a test label.
 *
 * <p><b>Embargo.</b> Of the samples after the fold that survive purging (those that start after
 * {@code t1}), the first {@code h} in index order are removed too: serial correlation leaks
 * information forwards even where labels do not overlap. Equivalently: with {@code m} the first
 * index after the fold with {@code start[m] > t1}, indices {@code m .. m+h-1} are embargoed and
 * training resumes at {@code m + h}. When labels do not reach into the next sample's window (e.g.
 * one-bar labels), {@code m} is the last test index + 1 and the embargo is exactly the indices in
 * {@code (last test index, last test index + h]}. Nothing is embargoed before a test fold. {@code
 * h} is a sample count; {@link #embargoSamples(double, int)} turns AFML's fraction into one.
 *
 * <p>A training set may come out empty (labels longer than the data); it is returned as it is.
 */
public final class PurgedKFold {
  private PurgedKFold() {}

  /**
   * The K purged and embargoed splits, fold 0 first.
   *
   * @param start label window starts, non-decreasing
   * @param end label window ends, {@code end[i] >= start[i]}
   * @param folds number of folds {@code k}, {@code 2 <= k <= n}
   * @param embargo samples embargoed after each test fold, {@code >= 0}
   * @return {@code k} splits; split {@code f} tests fold {@code f}
   * @throws IllegalArgumentException if the windows break the rules above
   * @throws ConfigException (key {@code folds} or {@code embargo}) for a bad count
   */
  public static List<Split> split(long[] start, long[] end, int folds, int embargo) {
    Purging.checkWindows(start, end);
    int n = start.length;
    if (folds < 2 || folds > n) {
      throw new ConfigException(
          "folds", "folds must be between 2 and the number of samples " + n + ", was " + folds);
    }
    Purging.checkEmbargo(embargo);
    int[] b = Purging.bounds(n, folds);
    List<Split> out = new ArrayList<>(folds);
    boolean[] scratch = new boolean[n];
    int[] lo = new int[1];
    int[] hi = new int[1];
    for (int f = 0; f < folds; f++) {
      lo[0] = b[f];
      hi[0] = b[f + 1];
      int[] train = Purging.train(start, end, lo, hi, 1, embargo, scratch);
      out.add(new Split(train, Purging.range(b[f], b[f + 1])));
    }
    return out;
  }

  /**
   * The embargo as a sample count from AFML's fraction: {@code h = ceil(embargoPct × n)}. A product
   * within 1e-9 of an integer counts as that integer, so that 0.07 × 100 (which is
   * 7.000000000000001 in floating point) gives 7, not 8.
   *
   * @param embargoPct fraction of the samples, {@code 0 <= embargoPct < 1}
   * @param n number of samples, {@code >= 0}
   * @throws ConfigException (key {@code embargo_pct}) if the fraction is out of range
   */
  public static int embargoSamples(double embargoPct, int n) {
    if (!(embargoPct >= 0 && embargoPct < 1)) {
      throw new ConfigException(
          "embargo_pct", "embargo_pct must be >= 0 and < 1, was " + embargoPct);
    }
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    double x = embargoPct * n;
    double r = Math.rint(x);
    return (int) (Math.abs(x - r) <= 1e-9 * Math.max(1, r) ? r : Math.ceil(x));
  }
}
