package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Atr;
import io.quantzoo.core.indicator.Cross;
import io.quantzoo.core.indicator.Rsi;
import io.quantzoo.core.indicator.Sma;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;
import java.util.HashMap;
import java.util.Map;

/**
 * RSI mean reversion (docs/strategies/rsi_reversion.md).
 *
 * <p>At the close of bar {@code t}, with {@code R = RSI(period)} (Wilder, TA-Lib convention):
 * <em>buy signal</em> when R crosses up through {@code oversold} ({@code R[1] <= oversold && R[0] >
 * oversold}); <em>sell signal</em> when R crosses down through {@code overbought} ({@code R[1] >=
 * overbought && R[0] < overbought}). An entry is <em>allowed</em> when the direction permits it
 * and, with the trend filter on, {@code close > SMA(trend_period)} (long) / {@code close < SMA}
 * (short). Checked in this order:
 *
 * <ol>
 *   <li>long and a sell signal: reverse to short if allowed, else exit; short and a buy signal: the
 *       mirror;
 *   <li>long and {@code R >= exit_level}, or short and {@code R <= exit_level}: exit;
 *   <li>in a position and {@code max_holding_bars > 0} and {@code t − s >= max_holding_bars}
 *       ({@code s} the bar whose close placed the entry): exit;
 *   <li>flat: buy signal → long if allowed; sell signal → short if allowed.
 * </ol>
 *
 * <p>With {@code stop_atr > 0} each entry carries a stop-loss {@code stop_atr × ATR(atr_period)}
 * (Wilder, at the signal bar) from the fill; entries wait until that ATR is defined.
 */
public final class RsiReversion implements Strategy {

  /** Parameters of {@code rsi_reversion}. */
  public record Settings(
      @Param(value = "RSI period (Wilder)", def = "14", min = 1, max = 10_000) int period,
      @Param(value = "buy when RSI crosses up through this level", def = "30", min = 0, max = 100)
          double oversold,
      @Param(
              value = "sell short when RSI crosses down through this level",
              def = "70",
              min = 0,
              max = 100)
          double overbought,
      @Param(
              value = "exit long when RSI >= this, short when RSI <= this",
              def = "50",
              min = 0,
              max = 100)
          double exitLevel,
      @Param(value = "time exit after this many bars; 0 = off", def = "0", min = 0, max = 100_000)
          int maxHoldingBars,
      @Param(
              value = "stop-loss at this many ATRs from the fill; 0 = off",
              def = "0",
              min = 0,
              max = 100)
          double stopAtr,
      @Param(value = "ATR period (Wilder) of the stop", def = "14", min = 1, max = 10_000)
          int atrPeriod,
      @Param(value = "long only above, short only below SMA(trend_period)", def = "false")
          boolean useTrendFilter,
      @Param(value = "period of the trend-filter SMA in bars", def = "200", min = 1, max = 100_000)
          int trendPeriod,
      @Param(
              value = "which side(s) to trade",
              def = "long_short",
              choices = {"long_short", "long_only", "short_only"})
          String direction) {
    public Settings {
      Directions.check(direction);
      if (!(oversold < exitLevel && exitLevel < overbought)) {
        throw new ConfigException(
            "params.exit_level",
            "rsi_reversion needs oversold < exit_level < overbought, was "
                + oversold
                + " / "
                + exitLevel
                + " / "
                + overbought);
      }
    }

    /** The defaults, as documented. */
    public static Settings defaults() {
      return new Settings(14, 30, 70, 50, 0, 0, 14, false, 200, "long_short");
    }
  }

  public static final String LONG = "RsiLong";
  public static final String SHORT = "RsiShort";
  public static final String EXIT = "RsiExit";
  public static final String TIME_EXIT = "MaxHolding";

  private final Settings p;
  private final boolean allowLong;
  private final boolean allowShort;
  private final Map<String, State> states = new HashMap<>();

  /** Per-symbol state. */
  private final class State {
    final Rsi rsi = new Rsi(p.period());
    final Atr atr = new Atr(p.atrPeriod());
    final Sma trend = new Sma(p.trendPeriod());
    double prevRsi = Double.NaN;
    int signalBar = -1;
  }

  public RsiReversion(Settings settings) {
    this.p = settings;
    this.allowLong = Directions.allowsLong(settings.direction());
    this.allowShort = Directions.allowsShort(settings.direction());
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "rsi_reversion",
        "RSI mean reversion: long on a cross up through oversold, short on a cross down through"
            + " overbought, exit at exit_level; optional time exit, ATR stop, trend filter.",
        Settings.class,
        RsiReversion::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    State st = states.computeIfAbsent(ctx.symbol(), k -> new State());
    double c = ctx.close(0);
    double r = st.rsi.update(c); // every indicator is fed every bar
    double a = st.atr.update(ctx.high(0), ctx.low(0), c);
    double sma = st.trend.update(c);
    double prev = st.prevRsi;
    st.prevRsi = r;
    if (Double.isNaN(prev)) {
      return; // no position can exist before the first signal
    }
    int t = ctx.barIndex();
    boolean buySignal = Cross.above(prev, r, p.oversold(), p.oversold());
    boolean sellSignal = Cross.below(prev, r, p.overbought(), p.overbought());
    boolean filter = p.useTrendFilter();
    boolean longAllowed = allowLong && (!filter || c > sma);
    boolean shortAllowed = allowShort && (!filter || c < sma);
    boolean timeUp = p.maxHoldingBars() > 0 && t - st.signalBar >= p.maxHoldingBars();
    if (ctx.isLong()) {
      if (sellSignal) {
        if (!(shortAllowed && enter(ctx, st, false, t, a))) {
          ctx.exitPosition(EXIT);
        }
      } else if (r >= p.exitLevel()) {
        ctx.exitPosition(EXIT);
      } else if (timeUp) {
        ctx.exitPosition(TIME_EXIT);
      }
    } else if (ctx.isShort()) {
      if (buySignal) {
        if (!(longAllowed && enter(ctx, st, true, t, a))) {
          ctx.exitPosition(EXIT);
        }
      } else if (r <= p.exitLevel()) {
        ctx.exitPosition(EXIT);
      } else if (timeUp) {
        ctx.exitPosition(TIME_EXIT);
      }
    } else if (buySignal && longAllowed) {
      enter(ctx, st, true, t, a);
    } else if (sellSignal && shortAllowed) {
      enter(ctx, st, false, t, a);
    }
  }

  /** Places the entry (reversing an opposite position); false when nothing could be placed. */
  private boolean enter(StrategyContext ctx, State st, boolean isLong, int t, double atr) {
    Exits exits = Exits.NONE;
    if (p.stopAtr() > 0) {
      if (!(atr > 0)) {
        return false; // stop distance not defined yet
      }
      exits = exits.withStopLoss(Offset.price(p.stopAtr() * atr));
    }
    if ((isLong ? ctx.enterLong(LONG, exits) : ctx.enterShort(SHORT, exits)).isPresent()) {
      st.signalBar = t;
      return true;
    }
    return false;
  }
}
