package io.quantzoo.core.indicator;

/**
 * Rolling standard deviation of the last {@code period} values, population (divide by n, default)
 * or sample (n − 1), see {@link Deviation}. Warm-up {@code period − 1}. Sums are kept relative to a
 * shift that is reset to the window mean once per cycle, so the result stays accurate for large
 * price levels and long series.
 */
public final class StdDev extends ValueIndicator {
  private final int n;
  private final Deviation deviation;
  private final RollingMoments m;
  private double value = Double.NaN;

  public StdDev(int period) {
    this(period, Deviation.POPULATION, PriceSource.CLOSE);
  }

  public StdDev(int period, Deviation deviation, PriceSource source) {
    super("stddev", source);
    if (period < 1 || (deviation == Deviation.SAMPLE && period < 2)) {
      throw new IllegalArgumentException(
          "period must be >= " + (deviation == Deviation.SAMPLE ? 2 : 1) + ", was " + period);
    }
    this.n = period;
    this.deviation = deviation;
    this.m = new RollingMoments(period);
  }

  @Override
  public double update(double x) {
    if (m.add(x)) {
      double mean = m.sum() / n;
      double ss = m.sumSq() - n * mean * mean;
      double var = Math.max(0, ss) / (deviation == Deviation.SAMPLE ? n - 1 : n);
      value = m.constant() ? 0.0 : Math.sqrt(var);
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
}
