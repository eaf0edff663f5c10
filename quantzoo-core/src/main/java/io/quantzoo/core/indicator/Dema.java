package io.quantzoo.core.indicator;

/**
 * Double exponential moving average (Mulloy 1994): {@code DEMA = 2·EMA(x) − EMA(EMA(x))}, both with
 * {@code α = 2/(period+1)}. Each EMA is seeded by {@link EmaSeed}: with {@link EmaSeed#SMA}
 * (default, TA-Lib) each one's first value is the mean of its own first {@code period} inputs, so
 * the outer EMA starts {@code period − 1} values after the inner one and the warm-up is {@code
 * 2·(period − 1)}; with {@link EmaSeed#FIRST_VALUE} both start at the first input (warm-up 0).
 */
public final class Dema extends ValueIndicator {
  private final Smoother ema1;
  private final Smoother ema2;
  private double value = Double.NaN;

  public Dema(int period) {
    this(period, EmaSeed.SMA, PriceSource.CLOSE);
  }

  public Dema(int period, EmaSeed seed, PriceSource source) {
    super("dema", source);
    this.ema1 = new Smoother(Smoothing.EXPONENTIAL, period, seed);
    this.ema2 = new Smoother(Smoothing.EXPONENTIAL, period, seed);
  }

  @Override
  public double update(double x) {
    double e1 = ema1.update(x);
    if (Double.isNaN(e1)) {
      return value;
    }
    double e2 = ema2.update(e1);
    if (!Double.isNaN(e2)) {
      value = 2 * e1 - e2;
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return ema1.warmup() + ema2.warmup();
  }

  public int period() {
    return ema1.period();
  }
}
