package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Williams %R, as TA-Lib {@code WILLR}: {@code −100·(HH − C)/(HH − LL)} with HH and LL the highest
 * high and lowest low of the last {@code period} bars (the current one included). Ranges from −100
 * (close at the low) to 0 (close at the high); −50 when {@code HH = LL} (TA-Lib writes 0 there).
 * Warm-up {@code period − 1}.
 */
public final class WilliamsR implements Indicator {
  private static final List<String> OUT = List.of("williams_r");
  private final HighLowWindow range;
  private double value = Double.NaN;

  public WilliamsR(int period) {
    Stochastic.requirePositive("period", period);
    this.range = new HighLowWindow(period);
  }

  /** Feeds a bar; returns %R (NaN during warm-up). */
  public double update(double high, double low, double close) {
    range.add(high, low);
    if (range.full()) {
      double hh = range.highest();
      double ll = range.lowest();
      value = hh == ll ? -50.0 : -100.0 * (hh - close) / (hh - ll);
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
    return range.period() - 1;
  }
}
