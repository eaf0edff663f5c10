package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Money Flow Index (Quong and Soudack 1989), as TA-Lib. Typical price {@code TP = (H+L+C)/3}; raw
 * flow {@code TP·volume}. From bar 1, the flow counts as positive when TP rose against the previous
 * bar, negative when it fell, and not at all when unchanged. {@code MFI = 100·pos/(pos+neg)} over
 * the last {@code period} flows, first defined at bar {@code period}; 100 when there is no negative
 * flow, 50 when the window has no flow at all.
 */
public final class Mfi implements Indicator {
  private static final List<String> OUT = List.of("mfi");
  private final int n;
  private final double[] posWin;
  private final double[] negWin;
  private int count;
  private int pos;
  private double posSum;
  private double negSum;
  private double prevTp = Double.NaN;
  private double value = Double.NaN;

  public Mfi(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.n = period;
    this.posWin = new double[period];
    this.negWin = new double[period];
  }

  /** Feeds a bar; returns the MFI (NaN during warm-up). */
  public double update(double high, double low, double close, double volume) {
    double tp = (high + low + close) / 3;
    double ptp = prevTp;
    prevTp = tp;
    if (Double.isNaN(ptp)) {
      return value;
    }
    double flow = tp * volume;
    double p = tp > ptp ? flow : 0;
    double m = tp < ptp ? flow : 0;
    count++;
    if (count > n) {
      posSum -= posWin[pos];
      negSum -= negWin[pos];
    }
    posWin[pos] = p;
    negWin[pos] = m;
    posSum += p;
    negSum += m;
    if (++pos == n) {
      pos = 0;
      double a = 0;
      double b = 0;
      for (int i = 0; i < n; i++) {
        a += posWin[i];
        b += negWin[i];
      }
      posSum = a;
      negSum = b;
    }
    if (count >= n) {
      double total = posSum + negSum;
      value = total <= 0 ? 50.0 : 100.0 * posSum / total;
    }
    return value;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low, close, volume);
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
    return n;
  }
}
