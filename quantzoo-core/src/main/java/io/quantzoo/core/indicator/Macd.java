package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Objects;

/**
 * Moving Average Convergence/Divergence (Appel): {@code macd = EMA(fast) − EMA(slow)} of the input,
 * {@code signal = EMA(signal)} of the macd line, {@code histogram = macd − signal}. Every EMA uses
 * {@code α = 2/(n+1)} and is seeded with the SMA of its first {@code n} inputs; the signal EMA is
 * seeded with the SMA of the first {@code signal} macd values.
 *
 * <p>{@link MacdAlignment} says where the fast EMA starts: on the first bar ({@code independent},
 * default) or on bar {@code slow − fast} ({@code talib}, as TA-Lib's {@code TA_MACD}). Either way
 * the macd line exists from bar {@code slow − 1} and the signal from bar {@code slow − 1 + signal −
 * 1}; all three outputs are published together from that bar (warm-up {@code slow + signal − 2}, 33
 * for 12/26/9).
 */
public final class Macd implements Indicator {
  private static final List<String> OUT = List.of("macd", "signal", "histogram");
  private final Smoother fastEma;
  private final Smoother slowEma;
  private final Smoother signalEma;
  private final PriceSource source;
  private final MacdAlignment alignment;
  private int skipFast;
  private double macd = Double.NaN;
  private double signal = Double.NaN;
  private double histogram = Double.NaN;

  /** Appel's 12/26/9 on closes, independent alignment. */
  public Macd() {
    this(12, 26, 9, MacdAlignment.INDEPENDENT, PriceSource.CLOSE);
  }

  public Macd(int fast, int slow, int signal, MacdAlignment alignment, PriceSource source) {
    if (fast < 1 || signal < 1) {
      throw new IllegalArgumentException(
          "fast and signal periods must be >= 1, were " + fast + " and " + signal);
    }
    if (fast >= slow) {
      throw new IllegalArgumentException("fast (" + fast + ") must be < slow (" + slow + ")");
    }
    this.alignment = Objects.requireNonNull(alignment, "alignment");
    this.source = Objects.requireNonNull(source, "source");
    this.fastEma = new Smoother(Smoothing.EXPONENTIAL, fast, EmaSeed.SMA);
    this.slowEma = new Smoother(Smoothing.EXPONENTIAL, slow, EmaSeed.SMA);
    this.signalEma = new Smoother(Smoothing.EXPONENTIAL, signal, EmaSeed.SMA);
    this.skipFast = alignment == MacdAlignment.TALIB ? slow - fast : 0;
  }

  /** Feeds the next input value; returns the macd line (NaN during warm-up). */
  public double update(double x) {
    double s = slowEma.update(x);
    double f;
    if (skipFast > 0) {
      skipFast--;
      f = Double.NaN;
    } else {
      f = fastEma.update(x);
    }
    if (!Double.isNaN(s)) {
      // the fast EMA is defined no later than the slow one under both alignments
      double m = f - s;
      double sg = signalEma.update(m);
      if (!Double.isNaN(sg)) {
        macd = m;
        signal = sg;
        histogram = m - sg;
      }
    }
    return macd;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(source.of(open, high, low, close, volume));
  }

  public double macd() {
    return macd;
  }

  public double signal() {
    return signal;
  }

  public double histogram() {
    return histogram;
  }

  public MacdAlignment alignment() {
    return alignment;
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    return switch (k) {
      case 0 -> macd;
      case 1 -> signal;
      case 2 -> histogram;
      default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    };
  }

  @Override
  public int warmup() {
    return slowEma.warmup() + signalEma.warmup();
  }
}
