package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Average Directional Index with the directional indicators (Wilder 1978), outputs {@code adx},
 * {@code plus_di}, {@code minus_di}.
 *
 * <p>From bar 1: {@code up = H − H₋₁}, {@code down = L₋₁ − L}; {@code +DM = up} if {@code up >
 * down} and {@code up > 0}, else 0; {@code −DM = down} if {@code down > up} and {@code down > 0},
 * else 0; TR = true range. TR, +DM and −DM are smoothed over {@code period} bars under a {@link
 * Smoothing}:
 *
 * <ul>
 *   <li>{@link Smoothing#WILDER} (default): Wilder's running sums {@code S = S − S/n + x}, seeded
 *       as {@link Seed} says: with the sum of the first {@code n} values (Wilder's book,
 *       TradingView {@code ta.dmi}; default) or TA-Lib's way;
 *   <li>{@link Smoothing#SIMPLE}: rolling sums (means) of the last {@code n};
 *   <li>{@link Smoothing#EXPONENTIAL}: EMA, α = 2/(n+1), seeded with the mean of the first n.
 * </ul>
 *
 * <p>{@code +DI = 100·S(+DM)/S(TR)}, {@code −DI = 100·S(−DM)/S(TR)} (0 when S(TR) = 0); {@code DX =
 * 100·|+DI − −DI|/(+DI + −DI)} (0 when both are 0); ADX = DX averaged under the same smoothing
 * (Wilder: seeded with the mean of the first n DX). DX exists from bar n, so the first ADX is at
 * bar {@code 2n − 1}, as TA-Lib; the DI outputs are held back (NaN) until then, so all three
 * outputs start together: {@code warmup() = 2·period − 1}.
 */
public final class Adx implements Indicator {
  private static final List<String> OUT = List.of("adx", "plus_di", "minus_di");

  /** How the Wilder sums of TR, +DM and −DM get their first value. */
  public enum Seed {
    /**
     * The sum of the first {@code n} values, at bar n (Wilder 1978, TradingView). Default.
     * Identical to a Wilder average seeded with the mean of the first n.
     */
    WILDER,
    /**
     * TA-Lib's ({@code ADX}, {@code PLUS_DI}, {@code MINUS_DI}, {@code DX}): the sum of the first
     * {@code n − 1} values, then one smoothing step {@code S − S/n + x} at bar n. Same timing;
     * early values differ slightly and converge to {@link #WILDER}'s.
     */
    TALIB;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Seed parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  private final int n;
  private final Smoothing smoothing;
  private final int prime;
  private final Smoother trAvg;
  private final Smoother plusAvg;
  private final Smoother minusAvg;
  private final Smoother adxAvg;
  private double prevHigh = Double.NaN;
  private double prevLow;
  private double prevClose;
  private int moves;
  private double trSum;
  private double plusSum;
  private double minusSum;
  private double adx = Double.NaN;
  private double plusDi = Double.NaN;
  private double minusDi = Double.NaN;

  public Adx(int period) {
    this(period, Smoothing.WILDER, Seed.WILDER);
  }

  public Adx(int period, Smoothing smoothing, Seed seed) {
    Stochastic.requirePositive("period", period);
    this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
    Objects.requireNonNull(seed, "seed");
    if (seed == Seed.TALIB && smoothing != Smoothing.WILDER) {
      throw new IllegalArgumentException(
          "dm_seed talib needs smoothing wilder, was " + smoothing.key());
    }
    this.n = period;
    this.prime = seed == Seed.TALIB ? period - 1 : period;
    boolean wilder = smoothing == Smoothing.WILDER;
    this.trAvg = wilder ? null : new Smoother(smoothing, period);
    this.plusAvg = wilder ? null : new Smoother(smoothing, period);
    this.minusAvg = wilder ? null : new Smoother(smoothing, period);
    this.adxAvg = new Smoother(smoothing, period);
  }

  /** Feeds a bar; returns the ADX (NaN during warm-up). */
  public double update(double high, double low, double close) {
    double ph = prevHigh;
    double pl = prevLow;
    double pc = prevClose;
    prevHigh = high;
    prevLow = low;
    prevClose = close;
    if (Double.isNaN(ph)) {
      return adx;
    }
    double up = high - ph;
    double down = pl - low;
    double pdm = up > down && up > 0 ? up : 0;
    double mdm = down > up && down > 0 ? down : 0;
    double tr = Math.max(high - low, Math.max(Math.abs(high - pc), Math.abs(low - pc)));
    double sTr;
    double sPlus;
    double sMinus;
    if (smoothing == Smoothing.WILDER) {
      moves++;
      if (moves <= prime) {
        trSum += tr;
        plusSum += pdm;
        minusSum += mdm;
      } else {
        trSum = trSum - trSum / n + tr;
        plusSum = plusSum - plusSum / n + pdm;
        minusSum = minusSum - minusSum / n + mdm;
      }
      if (moves < n) {
        return adx;
      }
      sTr = trSum;
      sPlus = plusSum;
      sMinus = minusSum;
    } else {
      sTr = trAvg.update(tr);
      sPlus = plusAvg.update(pdm);
      sMinus = minusAvg.update(mdm);
      if (Double.isNaN(sTr)) {
        return adx;
      }
    }
    double pdi = sTr == 0 ? 0 : 100.0 * sPlus / sTr;
    double mdi = sTr == 0 ? 0 : 100.0 * sMinus / sTr;
    double diSum = pdi + mdi;
    double dx = diSum == 0 ? 0 : 100.0 * Math.abs(pdi - mdi) / diSum;
    double a = adxAvg.update(dx);
    if (!Double.isNaN(a)) {
      adx = a;
      plusDi = pdi;
      minusDi = mdi;
    }
    return adx;
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
    return switch (k) {
      case 0 -> adx;
      case 1 -> plusDi;
      case 2 -> minusDi;
      default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    };
  }

  @Override
  public int warmup() {
    return 1 + (n - 1) + adxAvg.warmup();
  }
}
