package io.quantzoo.core.indicator;

/**
 * Rate of change in percent: {@code ROC = 100·(x[t] − x[t−n])/x[t−n]} with {@code n = period}
 * (TA-Lib ROC; Metastock "ROC (percent)"). Warm-up {@code period}. As TA-Lib, 0 when {@code x[t−n]}
 * is 0.
 */
public final class Roc extends ValueIndicator {
  private final int n;
  private final double[] window;
  private int count;
  private int pos;
  private double value = Double.NaN;

  public Roc(int period) {
    this(period, PriceSource.CLOSE);
  }

  public Roc(int period, PriceSource source) {
    super("roc", source);
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.n = period;
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    double old = window[pos]; // x[t−n] once n values were seen
    window[pos] = x;
    pos = pos + 1 == n ? 0 : pos + 1;
    if (count < n) {
      count++;
      return value;
    }
    value = old == 0 ? 0.0 : 100.0 * (x - old) / old;
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return n;
  }

  public int period() {
    return n;
  }
}
