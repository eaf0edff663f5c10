package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Normalized average true range (TA-Lib NATR): {@code NATR = 100·ATR/close}, the {@link Atr} with
 * the same {@code period}, {@link Smoothing} and {@link FirstTrueRange} conventions (defaults:
 * Wilder, seeded with the mean of the first {@code period} true ranges from bar 1), divided by the
 * bar's close. Warm-up as ATR: {@code period} ({@code period − 1} with {@link
 * FirstTrueRange#HIGH_LOW}). As TA-Lib, 0 when the close is 0.
 */
public final class Natr implements Indicator {
  private static final List<String> OUT = List.of("natr");
  private final Atr atr;
  private double value = Double.NaN;

  public Natr(int period) {
    this(period, Smoothing.WILDER, FirstTrueRange.SKIP);
  }

  public Natr(int period, Smoothing smoothing, FirstTrueRange first) {
    this.atr = new Atr(period, smoothing, first);
  }

  /** Feeds a bar and returns the NATR (NaN during warm-up). */
  public double update(double high, double low, double close) {
    double a = atr.update(high, low, close);
    if (!Double.isNaN(a)) {
      value = close == 0 ? 0.0 : 100.0 * a / close;
    }
    return value;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low, close);
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    if (k != 0) {
      throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    }
    return value;
  }

  @Override
  public int warmup() {
    return atr.warmup();
  }

  public int period() {
    return atr.period();
  }
}
