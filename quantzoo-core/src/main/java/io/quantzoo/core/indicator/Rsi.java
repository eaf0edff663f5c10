package io.quantzoo.core.indicator;

/**
 * Relative Strength Index (Wilder 1978). Changes {@code d = x[t] − x[t−1]} start at bar 1; gains
 * {@code max(d,0)} and losses {@code max(−d,0)} are averaged under a {@link Smoothing} (default
 * Wilder, seeded with the mean of the first {@code period} gains/losses: first value at bar {@code
 * period}, as TA-Lib). {@code RSI = 100·avgGain/(avgGain+avgLoss)}; 100 when there are no losses,
 * 50 when the series did not move at all over the average.
 */
public final class Rsi extends ValueIndicator {
  private final Smoother gains;
  private final Smoother losses;
  private double prev = Double.NaN;
  private double value = Double.NaN;

  public Rsi(int period) {
    this(period, Smoothing.WILDER, EmaSeed.SMA, PriceSource.CLOSE);
  }

  public Rsi(int period, Smoothing smoothing, EmaSeed seed, PriceSource source) {
    super("rsi", source);
    this.gains = new Smoother(smoothing, period, seed);
    this.losses = new Smoother(smoothing, period, seed);
  }

  @Override
  public double update(double x) {
    double p = prev;
    prev = x;
    if (Double.isNaN(p)) {
      return value;
    }
    double d = x - p;
    double g = gains.update(d > 0 ? d : 0);
    double l = losses.update(d < 0 ? -d : 0);
    if (Double.isNaN(g)) {
      return value;
    }
    double total = g + l;
    value = total == 0 ? 50.0 : 100.0 * g / total;
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return 1 + gains.warmup();
  }
}
