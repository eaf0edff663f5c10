package io.quantzoo.core.indicator;

/**
 * Linearly weighted moving average: {@code WMA = Σ_{i=1..n} i·x[t−n+i] / (n(n+1)/2)}, the newest
 * value weighted {@code n}, the oldest {@code 1} (TA-Lib WMA). Warm-up {@code period − 1}.
 *
 * <p>O(1) per value: with {@code S} the plain sum and {@code W} the weighted sum of the window, a
 * new value {@code x} makes {@code W' = W − S + n·x} (every weight drops by one, the oldest to
 * zero) and {@code S' = S − x_old + x}. Both sums are re-added from the window once per cycle of
 * {@code period} values, so rounding never accumulates.
 */
public final class Wma extends ValueIndicator {
  private final int n;
  private final double divisor;
  private final double[] window;
  private int count;
  private int pos;
  private double sum;
  private double weighted;
  private double value = Double.NaN;

  public Wma(int period) {
    this(period, PriceSource.CLOSE);
  }

  public Wma(int period, PriceSource source) {
    super("wma", source);
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.n = period;
    this.divisor = period * (period + 1.0) / 2.0;
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    if (count < n) {
      count++;
      weighted += count * x; // while filling, the k-th value gets weight k
      sum += x;
    } else {
      weighted += n * x - sum;
      sum += x - window[pos];
    }
    window[pos] = x;
    if (++pos == n) {
      pos = 0;
      // re-add from the window once per cycle: pos is now the oldest slot (weight 1)
      double s = 0;
      double w = 0;
      for (int i = 0; i < n; i++) {
        double v = window[i];
        s += v;
        w += (i + 1) * v;
      }
      sum = s;
      weighted = w;
    }
    if (count == n) {
      value = weighted / divisor;
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return n - 1;
  }

  public int period() {
    return n;
  }
}
