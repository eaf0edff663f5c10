package io.quantzoo.core.indicator;

/**
 * The last {@code n} values of a stream with their sum and sum of squares, shared by {@link StdDev}
 * and {@link ZScore}. Sums are kept relative to a shift that is reset to the window mean once per
 * cycle, when they are re-added from the window, so they stay accurate at large price levels and
 * over long series (O(1) amortised, no allocation). A window of identical values is detected
 * exactly by counting changes between neighbours, since the shifted sums can leave a rounding
 * residue.
 */
final class RollingMoments {
  private final int n;
  private final double[] window;
  private int count;
  private int pos;
  private int changes;
  private double shift = Double.NaN;
  private double sum;
  private double sumSq;

  RollingMoments(int n) {
    this.n = n;
    this.window = new double[n];
  }

  /** Adds a value; returns whether the window is full. */
  boolean add(double x) {
    if (Double.isNaN(shift)) {
      shift = x;
    }
    if (count == n) {
      double old = window[pos];
      if (old != window[pos + 1 == n ? 0 : pos + 1]) {
        changes--; // the pair (oldest, second oldest) leaves the window
      }
      double e = old - shift;
      sum -= e;
      sumSq -= e * e;
    } else {
      count++;
    }
    if (count > 1 && window[pos == 0 ? n - 1 : pos - 1] != x) {
      changes++; // the pair (newest, x) enters
    }
    window[pos] = x;
    double d = x - shift;
    sum += d;
    sumSq += d * d;
    if (++pos == n) {
      pos = 0;
      double m = 0;
      for (double w : window) {
        m += w;
      }
      shift = m / n;
      double s = 0;
      double sq = 0;
      for (double w : window) {
        double e = w - shift;
        s += e;
        sq += e * e;
      }
      sum = s;
      sumSq = sq;
    }
    return count == n;
  }

  /** Whether every value in the window is the same. */
  boolean constant() {
    return changes == 0;
  }

  /** The current shift; values enter the sums as {@code x − shift()}. */
  double shift() {
    return shift;
  }

  /** Sum of {@code x − shift()} over the window. */
  double sum() {
    return sum;
  }

  /** Sum of {@code (x − shift())²} over the window. */
  double sumSq() {
    return sumSq;
  }
}
