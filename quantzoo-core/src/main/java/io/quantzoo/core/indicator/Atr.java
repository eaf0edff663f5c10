package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Average true range: the {@link TrueRange} averaged under a {@link Smoothing}. Defaults follow
 * Wilder and TA-Lib: Wilder smoothing seeded with the mean of the first {@code period} true ranges,
 * true ranges from bar 1 ({@link FirstTrueRange#SKIP}), so ATR(14) is first defined at bar 14. With
 * {@link Smoothing#SIMPLE} it is the plain mean of the last {@code period} true ranges (the
 * AlphaTrend convention).
 */
public final class Atr implements Indicator {
  private static final List<String> OUT = List.of("atr");
  private final TrueRange tr;
  private final Smoother avg;
  private double value = Double.NaN;

  public Atr(int period) {
    this(period, Smoothing.WILDER, FirstTrueRange.SKIP);
  }

  public Atr(int period, Smoothing smoothing, FirstTrueRange first) {
    this.tr = new TrueRange(first);
    this.avg = new Smoother(smoothing, period);
  }

  /** Feeds a bar and returns the ATR (NaN during warm-up). */
  public double update(double high, double low, double close) {
    double r = tr.update(high, low, close);
    if (!Double.isNaN(r)) {
      value = avg.update(r);
    }
    return value;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low, close);
  }

  /** The latest true range (NaN before the first). */
  public double trueRange() {
    return tr.value(0);
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
    return tr.warmup() + avg.warmup();
  }

  public int period() {
    return avg.period();
  }
}
