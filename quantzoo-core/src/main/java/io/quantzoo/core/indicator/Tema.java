package io.quantzoo.core.indicator;

/**
 * Triple exponential moving average (Mulloy 1994): with {@code E1 = EMA(x)}, {@code E2 = EMA(E1)},
 * {@code E3 = EMA(E2)}, all with {@code α = 2/(period+1)}, {@code TEMA = 3·E1 − 3·E2 + E3}. Each
 * EMA is seeded by {@link EmaSeed}: with {@link EmaSeed#SMA} (default, TA-Lib) each one's first
 * value is the mean of its own first {@code period} inputs, so the warm-up is {@code 3·(period −
 * 1)}; with {@link EmaSeed#FIRST_VALUE} all three start at the first input (warm-up 0).
 */
public final class Tema extends ValueIndicator {
  private final Smoother ema1;
  private final Smoother ema2;
  private final Smoother ema3;
  private double value = Double.NaN;

  public Tema(int period) {
    this(period, EmaSeed.SMA, PriceSource.CLOSE);
  }

  public Tema(int period, EmaSeed seed, PriceSource source) {
    super("tema", source);
    this.ema1 = new Smoother(Smoothing.EXPONENTIAL, period, seed);
    this.ema2 = new Smoother(Smoothing.EXPONENTIAL, period, seed);
    this.ema3 = new Smoother(Smoothing.EXPONENTIAL, period, seed);
  }

  @Override
  public double update(double x) {
    double e1 = ema1.update(x);
    if (Double.isNaN(e1)) {
      return value;
    }
    double e2 = ema2.update(e1);
    if (Double.isNaN(e2)) {
      return value;
    }
    double e3 = ema3.update(e2);
    if (!Double.isNaN(e3)) {
      value = 3 * e1 - 3 * e2 + e3;
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return ema1.warmup() + ema2.warmup() + ema3.warmup();
  }

  public int period() {
    return ema1.period();
  }
}
