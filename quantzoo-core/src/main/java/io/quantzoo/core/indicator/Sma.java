package io.quantzoo.core.indicator;

/**
 * Simple moving average: the plain mean of the last {@code period} values. Warm-up {@code period −
 * 1}. Incremental O(1) with a running sum that is re-added from the window once per cycle, so
 * rounding error never accumulates over long series.
 */
public final class Sma extends ValueIndicator {
  private final Smoother mean;

  public Sma(int period) {
    this(period, PriceSource.CLOSE);
  }

  public Sma(int period, PriceSource source) {
    super("sma", source);
    this.mean = new Smoother(Smoothing.SIMPLE, period);
  }

  public int period() {
    return mean.period();
  }

  /** Adds a value and returns the current average (NaN during warm-up). */
  @Override
  public double update(double x) {
    return mean.update(x);
  }

  @Override
  public double value() {
    return mean.value();
  }

  @Override
  public int warmup() {
    return mean.warmup();
  }
}
