package io.quantzoo.core.indicator;

/**
 * Hull moving average (Alan Hull 2005): {@code HMA = WMA_s(2·WMA_h(x) − WMA_n(x))} with {@code n =
 * period}, {@code h = ⌊n/2⌋}, {@code s = ⌊√n⌋} and {@link Wma} the linearly weighted average. The
 * inner difference is defined from input {@code n − 1}, the outer average {@code s − 1} inputs
 * later: warm-up {@code n − 1 + s − 1}. Period at least 2.
 */
public final class Hma extends ValueIndicator {
  private final int n;
  private final Wma half;
  private final Wma full;
  private final Wma outer;
  private double value = Double.NaN;

  public Hma(int period) {
    this(period, PriceSource.CLOSE);
  }

  public Hma(int period, PriceSource source) {
    super("hma", source);
    if (period < 2) {
      throw new IllegalArgumentException("period must be >= 2, was " + period);
    }
    this.n = period;
    this.half = new Wma(period / 2);
    this.full = new Wma(period);
    this.outer = new Wma((int) Math.floor(Math.sqrt(period)));
  }

  @Override
  public double update(double x) {
    double h = half.update(x);
    double f = full.update(x);
    if (Double.isNaN(f) || Double.isNaN(h)) {
      return value;
    }
    double v = outer.update(2 * h - f);
    if (!Double.isNaN(v)) {
      value = v;
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return full.warmup() + outer.warmup();
  }

  public int period() {
    return n;
  }
}
