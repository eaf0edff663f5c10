package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Atr;
import io.quantzoo.core.indicator.Sma;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;
import java.util.HashMap;
import java.util.Map;

/**
 * Volatility breakout (docs/strategies/vol_breakout.md).
 *
 * <p>At the close of bar {@code t}, with {@code A = ATR(atr_period)} (Wilder, TA-Lib convention,
 * including bar {@code t}), {@code H = max(high[1..range_bars])} and {@code L =
 * min(low[1..range_bars])} (the prior bars only, <em>not</em> bar {@code t}):
 *
 * <ul>
 *   <li>long when flat and {@code close[0] > H + breakout_mult × A};
 *   <li>short when flat and {@code close[0] < L − breakout_mult × A};
 * </ul>
 *
 * <p>only while {@code A > 0}, {@code min_atr <= A} and {@code A <= max_atr} (when {@code max_atr >
 * 0}), and, with the trend filter on, {@code close > SMA(trend_period)} for longs and {@code close
 * < SMA} for shorts (the SMA is fed every bar). The entry carries an OCO bracket priced from the
 * fill: stop-loss at {@code stop_mult × A} and take-profit at {@code target_mult × A} (the same
 * Wilder ATR as the signal, as fixed price distances). One position at a time: signals are ignored
 * while a position is open; it ends only at its stop, its target or the end of data.
 */
public final class VolBreakout implements Strategy {

  /** Parameters of {@code vol_breakout}. */
  public record Settings(
      @Param(
              value = "prior bars (excluding the signal bar) whose high/low form the range",
              def = "10",
              min = 1,
              max = 10_000)
          int rangeBars,
      @Param(value = "ATR period (Wilder)", def = "14", min = 1, max = 10_000) int atrPeriod,
      @Param(
              value = "the close must clear the range by more than this many ATRs",
              def = "0.5",
              min = 0,
              max = 100)
          double breakoutMult,
      @Param(value = "no entry while ATR < this (price units)", def = "0", min = 0) double minAtr,
      @Param(
              value = "no entry while ATR > this (price units); 0 = no upper bound",
              def = "0",
              min = 0)
          double maxAtr,
      @Param(value = "long only above, short only below SMA(trend_period)", def = "false")
          boolean useTrendFilter,
      @Param(value = "period of the trend-filter SMA in bars", def = "50", min = 1, max = 100_000)
          int trendPeriod,
      @Param(
              value = "stop-loss distance from the fill in ATRs; 0 = no stop",
              def = "1.5",
              min = 0,
              max = 100)
          double stopMult,
      @Param(
              value = "take-profit distance from the fill in ATRs; 0 = no target",
              def = "3.0",
              min = 0,
              max = 100)
          double targetMult,
      @Param(
              value = "which side(s) to trade",
              def = "long_short",
              choices = {"long_short", "long_only", "short_only"})
          String direction) {
    public Settings {
      Directions.check(direction);
      if (maxAtr > 0 && minAtr > maxAtr) {
        throw new ConfigException(
            "params.min_atr",
            "parameter 'min_atr' of vol_breakout must be <= max_atr ("
                + maxAtr
                + "), was "
                + minAtr);
      }
      if (stopMult == 0 && targetMult == 0) {
        throw new ConfigException(
            "params.stop_mult",
            "vol_breakout needs an exit: stop_mult and target_mult cannot both be 0");
      }
    }

    /** The defaults, as documented. */
    public static Settings defaults() {
      return new Settings(10, 14, 0.5, 0, 0, false, 50, 1.5, 3.0, "long_short");
    }
  }

  public static final String LONG = "BreakoutLong";
  public static final String SHORT = "BreakoutShort";

  private final Settings p;
  private final boolean allowLong;
  private final boolean allowShort;
  private final Map<String, State> states = new HashMap<>();

  /** Per-symbol state. */
  private final class State {
    final Atr atr = new Atr(p.atrPeriod());
    final Sma trend = new Sma(p.trendPeriod());
  }

  public VolBreakout(Settings settings) {
    this.p = settings;
    this.allowLong = Directions.allowsLong(settings.direction());
    this.allowShort = Directions.allowsShort(settings.direction());
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "vol_breakout",
        "Close beyond the prior range_bars high/low by breakout_mult x ATR; ATR stop and target.",
        Settings.class,
        VolBreakout::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    State st = states.computeIfAbsent(ctx.symbol(), k -> new State());
    double c = ctx.close(0);
    double a = st.atr.update(ctx.high(0), ctx.low(0), c); // every bar
    double sma = st.trend.update(c); // every bar
    int n = p.rangeBars();
    if (!ctx.isFlat() || ctx.barIndex() < n || !(a > 0)) {
      return;
    }
    if (a < p.minAtr() || (p.maxAtr() > 0 && a > p.maxAtr())) {
      return;
    }
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    for (int k = 1; k <= n; k++) {
      hi = Math.max(hi, ctx.high(k));
      lo = Math.min(lo, ctx.low(k));
    }
    double band = p.breakoutMult() * a;
    boolean filter = p.useTrendFilter();
    if (allowLong && c > hi + band && (!filter || c > sma)) {
      ctx.enterLong(LONG, exits(a));
    } else if (allowShort && c < lo - band && (!filter || c < sma)) {
      ctx.enterShort(SHORT, exits(a));
    }
  }

  private Exits exits(double atr) {
    Exits e = Exits.NONE;
    if (p.stopMult() > 0) {
      e = e.withStopLoss(Offset.price(p.stopMult() * atr));
    }
    if (p.targetMult() > 0) {
      e = e.withTakeProfit(Offset.price(p.targetMult() * atr));
    }
    return e;
  }
}
