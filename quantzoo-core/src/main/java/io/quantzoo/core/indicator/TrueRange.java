package io.quantzoo.core.indicator;

import java.util.List;

/**
 * True range (Wilder): {@code max(high − low, |high − prevClose|, |low − prevClose|)}. The first
 * bar has no previous close: see {@link FirstTrueRange} (default {@link FirstTrueRange#SKIP}: NaN).
 */
public final class TrueRange implements Indicator {
  private static final List<String> OUT = List.of("tr");
  private final FirstTrueRange first;
  private double prevClose = Double.NaN;
  private double value = Double.NaN;

  public TrueRange() {
    this(FirstTrueRange.SKIP);
  }

  public TrueRange(FirstTrueRange first) {
    this.first = first;
  }

  /** Feeds a bar and returns its true range (NaN for the first bar under SKIP). */
  public double update(double high, double low, double close) {
    double pc = prevClose;
    prevClose = close;
    if (Double.isNaN(pc)) {
      value = first == FirstTrueRange.HIGH_LOW ? high - low : Double.NaN;
    } else {
      value = Math.max(high - low, Math.max(Math.abs(high - pc), Math.abs(low - pc)));
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
    return first == FirstTrueRange.SKIP ? 1 : 0;
  }
}
