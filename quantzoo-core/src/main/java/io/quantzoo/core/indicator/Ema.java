package io.quantzoo.core.indicator;

/**
 * Exponential moving average, {@code α = 2/(period+1)}: {@code ema = ema + α·(x − ema)}. Seeded by
 * {@link EmaSeed}: with the SMA of the first {@code period} values (default, TA-Lib; warm-up {@code
 * period − 1}) or with the first value (warm-up 0).
 */
public final class Ema extends ValueIndicator {
  private final Smoother ema;

  public Ema(int period) {
    this(period, EmaSeed.SMA, PriceSource.CLOSE);
  }

  public Ema(int period, EmaSeed seed, PriceSource source) {
    super("ema", source);
    this.ema = new Smoother(Smoothing.EXPONENTIAL, period, seed);
  }

  @Override
  public double update(double x) {
    return ema.update(x);
  }

  @Override
  public double value() {
    return ema.value();
  }

  @Override
  public int warmup() {
    return ema.warmup();
  }

  public int period() {
    return ema.period();
  }
}
