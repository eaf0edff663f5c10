package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Stochastic oscillator (Lane), outputs {@code k} and {@code d}, as TA-Lib {@code STOCH} with SMA
 * averages.
 *
 * <ul>
 *   <li>raw %K = {@code 100·(C − LL)/(HH − LL)}, with HH and LL the highest high and lowest low of
 *       the last {@code kPeriod} bars (the current one included); 50 when {@code HH = LL} (TA-Lib
 *       writes 0 there);
 *   <li>%K = SMA({@code slowing}) of raw %K ({@code slowing = 1}: the fast stochastic, TA-Lib
 *       {@code STOCHF});
 *   <li>%D = SMA({@code dPeriod}) of %K.
 * </ul>
 *
 * <p>Defaults 14/3/3. Both outputs start together at bar {@code warmup() = (kPeriod − 1) + (slowing
 * − 1) + (dPeriod − 1)} (17 for the defaults, TA-Lib's look-back).
 */
public final class Stochastic implements Indicator {
  private static final List<String> OUT = List.of("k", "d");
  private final HighLowWindow range;
  private final Smoother slowK;
  private final Smoother avgD;
  private double k = Double.NaN;
  private double d = Double.NaN;

  public Stochastic() {
    this(14, 3, 3);
  }

  public Stochastic(int kPeriod, int slowing, int dPeriod) {
    requirePositive("k_period", kPeriod);
    requirePositive("slowing", slowing);
    requirePositive("d_period", dPeriod);
    this.range = new HighLowWindow(kPeriod);
    this.slowK = new Smoother(Smoothing.SIMPLE, slowing);
    this.avgD = new Smoother(Smoothing.SIMPLE, dPeriod);
  }

  static void requirePositive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + v);
    }
  }

  /** Feeds a bar; returns %K (NaN during warm-up). */
  public double update(double high, double low, double close) {
    range.add(high, low);
    if (!range.full()) {
      return k;
    }
    double hh = range.highest();
    double ll = range.lowest();
    double raw = hh == ll ? 50.0 : 100.0 * (close - ll) / (hh - ll);
    double sk = slowK.update(raw);
    if (Double.isNaN(sk)) {
      return k;
    }
    double sd = avgD.update(sk);
    if (!Double.isNaN(sd)) {
      k = sk;
      d = sd;
    }
    return k;
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
  public double value(int i) {
    return switch (i) {
      case 0 -> k;
      case 1 -> d;
      default -> throw new IndexOutOfBoundsException("output " + i + " of " + OUT);
    };
  }

  @Override
  public int warmup() {
    return (range.period() - 1) + slowK.warmup() + avgD.warmup();
  }
}
