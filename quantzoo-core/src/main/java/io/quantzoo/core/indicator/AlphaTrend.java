package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * AlphaTrend (Kıvanç Özbilgiç, public TradingView script): a trailing line that ratchets up under
 * buying pressure and down under selling pressure.
 *
 * <p>Per bar, once the average true range is defined:
 *
 * <ul>
 *   <li>{@code ATR} = simple mean of the last {@code period} true ranges (true ranges from bar 1,
 *       as {@code ta.sma(ta.tr, period)});
 *   <li>{@code upT = low − ATR·coeff}, {@code downT = high + ATR·coeff};
 *   <li>momentum is <em>up</em> when the {@link Momentum} oscillator is {@code >= 50};
 *   <li>{@code AT = max(upT, AT[1])} when momentum is up, else {@code AT = min(downT, AT[1])}; the
 *       first AT, which has no previous value, is {@code upT} or {@code downT}.
 * </ul>
 *
 * <p>The oscillators are the {@link Mfi} of the bar's typical price with period {@code period}
 * (TA-Lib), or the {@link Rsi} of the close (Wilder, period {@code period}); all three (ATR, MFI,
 * RSI) are first defined at bar {@code period}, where the first AT is formed.
 *
 * <p>Outputs: {@code alphatrend} (AT) and {@code signal} (AT two bars earlier, the second line of
 * the TradingView plot; buy/sell signals are AT crossing it). Both are published together from bar
 * {@code period + 2} ({@link #warmup()}); {@link #crossedUp()} and {@link #crossedDown()} give the
 * crossings.
 *
 * <p>Differences from the Pine script, all at the start of the series: Pine's first AT in the down
 * branch is {@code min(downT, nz(AT[1])) = 0}; here it is {@code downT}. Pine's MFI is {@code na}
 * (hence "down") when its window has no volume at all; TA-Lib's, used here, is 50 (hence "up").
 */
public final class AlphaTrend implements Indicator {
  private static final List<String> OUT = List.of("alphatrend", "signal");

  /** Which oscillator decides the branch of the recursion. */
  public enum Momentum {
    /** MFI of the typical price {@code >= 50} (the TradingView default). */
    MFI,
    /** RSI of the close {@code >= 50} (TradingView's "no volume data" switch). */
    RSI,
    /**
     * Per bar: RSI when the bar's volume is exactly 0, else MFI. Both oscillators are fed every
     * bar, so switching never restarts a warm-up. On data that has volume this equals {@link #MFI}.
     */
    AUTO;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Momentum parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  private final int period;
  private final double coeff;
  private final Momentum momentum;
  private final Atr atr;
  private final Mfi mfi;
  private final Rsi rsi;
  // raw AT of this bar and 1, 2, 3 bars ago; NaN before the first AT
  private double at0 = Double.NaN;
  private double at1 = Double.NaN;
  private double at2 = Double.NaN;
  private double at3 = Double.NaN;
  private boolean up;

  /** AlphaTrend with TradingView's defaults for a given period: coefficient 1, MFI momentum. */
  public AlphaTrend(int period) {
    this(period, 1.0, Momentum.MFI);
  }

  /**
   * @param period ATR, MFI and RSI look-back in bars (&gt;= 1)
   * @param coeff ATR multiplier (&gt;= 0)
   * @param momentum oscillator choice
   */
  public AlphaTrend(int period, double coeff, Momentum momentum) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    if (!(coeff >= 0) || !Double.isFinite(coeff)) {
      throw new IllegalArgumentException("coeff must be >= 0, was " + coeff);
    }
    this.period = period;
    this.coeff = coeff;
    this.momentum = Objects.requireNonNull(momentum, "momentum");
    this.atr = new Atr(period, Smoothing.SIMPLE, FirstTrueRange.SKIP);
    this.mfi = momentum == Momentum.RSI ? null : new Mfi(period);
    this.rsi = momentum == Momentum.MFI ? null : new Rsi(period);
  }

  /** Feeds a bar; returns the published AlphaTrend (NaN during the warm-up). */
  public double update(double high, double low, double close, double volume) {
    double a = atr.update(high, low, close);
    double m = mfi == null ? Double.NaN : mfi.update(high, low, close, volume);
    double r = rsi == null ? Double.NaN : rsi.update(close);
    double next = Double.NaN;
    if (!Double.isNaN(a)) {
      boolean useRsi = momentum == Momentum.RSI || (momentum == Momentum.AUTO && volume == 0);
      up = (useRsi ? r : m) >= 50;
      double prev = at0;
      if (up) {
        double upT = low - a * coeff;
        next = Double.isNaN(prev) ? upT : Math.max(upT, prev);
      } else {
        double downT = high + a * coeff;
        next = Double.isNaN(prev) ? downT : Math.min(downT, prev);
      }
    }
    at3 = at2;
    at2 = at1;
    at1 = at0;
    at0 = next;
    return value(0);
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

  /** Output 0: AT; output 1: AT two bars earlier. Both NaN until {@link #warmup()} bars. */
  @Override
  public double value(int k) {
    double v =
        switch (k) {
          case 0 -> at0;
          case 1 -> at2;
          default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
        };
    return Double.isNaN(at2) ? Double.NaN : v;
  }

  /**
   * Pine {@code ta.crossover(AT, AT[2])} on the latest bar: {@code AT[1] <= AT[3]} and {@code AT >
   * AT[2]}; false while any of them is undefined (the first time at bar {@code period + 3}).
   */
  public boolean crossedUp() {
    return Cross.above(at1, at0, at3, at2);
  }

  /** Pine {@code ta.crossunder(AT, AT[2])}: {@code AT[1] >= AT[3]} and {@code AT < AT[2]}. */
  public boolean crossedDown() {
    return Cross.below(at1, at0, at3, at2);
  }

  /**
   * Whether the latest bar took the up branch (momentum {@code >= 50}); false before bar period.
   */
  public boolean momentumUp() {
    return up && !Double.isNaN(at0);
  }

  /** The latest ATR (simple mean of {@code period} true ranges); NaN before bar {@code period}. */
  public double atr() {
    return atr.value();
  }

  @Override
  public int warmup() {
    return period + 2;
  }

  public int period() {
    return period;
  }

  public double coeff() {
    return coeff;
  }

  public Momentum momentum() {
    return momentum;
  }
}
