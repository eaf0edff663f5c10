package io.quantzoo.core.indicator;

import java.util.Objects;

/**
 * A running average of a stream under a {@link Smoothing} convention: the building block of EMA,
 * RSI, ATR, ADX and friends. O(1) per value, no allocation after construction.
 *
 * <p>{@link #update} returns NaN until the average is defined: after {@code n} values for {@link
 * Smoothing#SIMPLE} and for SMA-seeded {@link Smoothing#WILDER}/{@link Smoothing#EXPONENTIAL}, from
 * the first value for {@link EmaSeed#FIRST_VALUE}. NaN inputs are not allowed.
 */
public final class Smoother {
  private final Smoothing kind;
  private final int n;
  private final EmaSeed seed;
  private final double alpha;
  private final double[] window;
  private int count;
  private int pos;
  private double sum;
  private double value = Double.NaN;

  public Smoother(Smoothing kind, int n, EmaSeed seed) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.seed = Objects.requireNonNull(seed, "seed");
    if (n < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + n);
    }
    this.n = n;
    this.alpha = kind == Smoothing.WILDER ? 1.0 / n : 2.0 / (n + 1);
    this.window = kind == Smoothing.SIMPLE ? new double[n] : null;
  }

  public Smoother(Smoothing kind, int n) {
    this(kind, n, EmaSeed.SMA);
  }

  /** Adds a value; returns the average (NaN until defined). */
  public double update(double x) {
    count++;
    if (kind == Smoothing.SIMPLE) {
      if (count > n) {
        sum -= window[pos];
      }
      window[pos] = x;
      sum += x;
      if (++pos == n) {
        pos = 0;
        // re-add from the window once per cycle (the window is full by now) so rounding never
        // accumulates: O(1) amortised
        double s = 0;
        for (double w : window) {
          s += w;
        }
        sum = s;
      }
      value = count >= n ? sum / n : Double.NaN;
      return value;
    }
    if (seed == EmaSeed.FIRST_VALUE) {
      value = count == 1 ? x : value + alpha * (x - value);
      return value;
    }
    if (count < n) {
      sum += x;
      return Double.NaN;
    }
    if (count == n) {
      value = (sum + x) / n;
      return value;
    }
    value += alpha * (x - value);
    return value;
  }

  /** The current average (NaN until defined). */
  public double value() {
    return value;
  }

  /** Number of leading inputs with a NaN result. */
  public int warmup() {
    return kind != Smoothing.SIMPLE && seed == EmaSeed.FIRST_VALUE ? 0 : n - 1;
  }

  public int period() {
    return n;
  }

  /** Smoothing factor α of the recursive forms (1/n Wilder, 2/(n+1) exponential). */
  public double alpha() {
    return alpha;
  }
}
