package io.quantzoo.core.indicator;

/**
 * Rolling z-score: {@code z = (x[t] − mean)/sd} over the last {@code period} values (the current
 * one included), with the standard deviation's divisor chosen by {@link Deviation} ({@code n},
 * population, default; or {@code n − 1}, sample). Warm-up {@code period − 1}; period at least 2.
 *
 * <p>When every value in the window is the same (standard deviation 0) the z-score is defined as 0;
 * this is detected exactly, by counting the changes between neighbouring values in the window, not
 * by comparing a rounded variance with 0. Sums are kept relative to a shift reset to the window
 * mean once per cycle and re-added from the window then, as {@link StdDev}.
 */
public final class ZScore extends ValueIndicator {
  private final int n;
  private final double divisor;
  private final RollingMoments m;
  private double value = Double.NaN;

  public ZScore(int period) {
    this(period, Deviation.POPULATION, PriceSource.CLOSE);
  }

  public ZScore(int period, Deviation deviation, PriceSource source) {
    super("zscore", source);
    if (period < 2) {
      throw new IllegalArgumentException("period must be >= 2, was " + period);
    }
    this.n = period;
    this.divisor = deviation == Deviation.SAMPLE ? period - 1 : period;
    this.m = new RollingMoments(period);
  }

  @Override
  public double update(double x) {
    if (m.add(x)) {
      double mean = m.sum() / n;
      double var = (m.sumSq() - m.sum() * mean) / divisor;
      value = m.constant() || !(var > 0) ? 0.0 : (x - m.shift() - mean) / Math.sqrt(var);
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
