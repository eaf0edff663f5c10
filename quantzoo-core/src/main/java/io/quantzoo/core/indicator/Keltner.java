package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Keltner Channels (Raschke's modern form): {@code middle = EMA(close, period)} (SMA-seeded, see
 * {@link Ema}), {@code upper = middle + mult·ATR}, {@code lower = middle − mult·ATR}, with {@link
 * Atr} of {@code atrPeriod} under Wilder smoothing (true ranges from bar 1, as TA-Lib). All three
 * outputs start together: warm-up {@code max(period − 1, atrPeriod)}.
 */
public final class Keltner implements Indicator {
  private static final List<String> OUT = List.of("upper", "middle", "lower");
  private final Ema ema;
  private final Atr atr;
  private final double mult;
  private double upper = Double.NaN;
  private double middle = Double.NaN;
  private double lower = Double.NaN;

  public Keltner(int period, double mult, int atrPeriod) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    if (atrPeriod < 1) {
      throw new IllegalArgumentException("atr_period must be >= 1, was " + atrPeriod);
    }
    if (!(mult >= 0) || Double.isInfinite(mult)) {
      throw new IllegalArgumentException("mult must be finite and >= 0, was " + mult);
    }
    this.ema = new Ema(period);
    this.atr = new Atr(atrPeriod, Smoothing.WILDER, FirstTrueRange.SKIP);
    this.mult = mult;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low, close);
  }

  /** Feeds a bar; returns the middle line (NaN during warm-up). */
  public double update(double high, double low, double close) {
    double m = ema.update(close);
    double a = atr.update(high, low, close);
    if (!Double.isNaN(m) && !Double.isNaN(a)) {
      middle = m;
      upper = m + mult * a;
      lower = m - mult * a;
    }
    return middle;
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    return switch (k) {
      case 0 -> upper;
      case 1 -> middle;
      case 2 -> lower;
      default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    };
  }

  public double upper() {
    return upper;
  }

  public double middle() {
    return middle;
  }

  public double lower() {
    return lower;
  }

  @Override
  public int warmup() {
    return Math.max(ema.warmup(), atr.warmup());
  }
}
