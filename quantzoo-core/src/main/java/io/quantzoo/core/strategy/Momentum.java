package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Sma;
import io.quantzoo.core.param.Param;
import java.util.HashMap;
import java.util.Map;

/**
 * Time-series momentum (docs/strategies/momentum.md).
 *
 * <p>At the close of bar {@code t} (once {@code t >= lookback}): {@code r = close[0] /
 * close[lookback] − 1}. The momentum is <em>up</em> when {@code r > threshold} and <em>down</em>
 * when {@code r < −threshold}. With the trend filter on, a long entry also needs {@code close[0] >
 * SMA(trend_period)} and a short entry {@code close[0] < SMA}; the SMA is fed every bar's close,
 * whatever the position, and while it is undefined no entry is allowed.
 *
 * <ul>
 *   <li>Flat: up momentum (and filter, and direction) → enter long; down → enter short.
 *   <li>Long and down momentum: reverse to short if a short entry is allowed right now (direction
 *       and filter), otherwise exit. Short and up momentum: the mirror.
 *   <li>Otherwise, when {@code t − s >= holding_period}, where {@code s} is the bar whose close
 *       placed the entry, exit. Under the default next-open fill the position is held exactly
 *       {@code holding_period} bars; a momentum that still holds re-enters one bar later.
 * </ul>
 *
 * <p>State is kept per symbol, so a multi-symbol run trades each symbol independently.
 */
public final class Momentum implements Strategy {

  /** Parameters of {@code momentum}. */
  public record Settings(
      @Param(
              value = "bars back of the return close[0]/close[lookback] - 1",
              def = "20",
              min = 1,
              max = 100_000)
          int lookback,
      @Param(
              value = "return beyond which momentum is a signal (0.02 = 2 %)",
              def = "0.02",
              min = 0,
              max = 100)
          double threshold,
      @Param(value = "long only above, short only below SMA(trend_period)", def = "true")
          boolean useTrendFilter,
      @Param(value = "period of the trend-filter SMA in bars", def = "50", min = 1, max = 100_000)
          int trendPeriod,
      @Param(
              value = "bars a position is held before the time exit",
              def = "5",
              min = 1,
              max = 100_000)
          int holdingPeriod,
      @Param(
              value = "which side(s) to trade",
              def = "long_short",
              choices = {"long_short", "long_only", "short_only"})
          String direction) {
    public Settings {
      Directions.check(direction);
    }

    /** The defaults, as documented. */
    public static Settings defaults() {
      return new Settings(20, 0.02, true, 50, 5, "long_short");
    }
  }

  /** Tags of the orders this strategy places. */
  public static final String LONG = "MomentumLong";

  public static final String SHORT = "MomentumShort";
  public static final String EXIT = "MomentumExit";
  public static final String TIME_EXIT = "HoldingPeriod";

  private final Settings p;
  private final boolean allowLong;
  private final boolean allowShort;
  private final Map<String, State> states = new HashMap<>();

  /** Per-symbol state. */
  private final class State {
    final Sma trend = new Sma(p.trendPeriod());
    int signalBar = -1;
  }

  public Momentum(Settings settings) {
    this.p = settings;
    this.allowLong = Directions.allowsLong(settings.direction());
    this.allowShort = Directions.allowsShort(settings.direction());
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "momentum",
        "Time-series momentum: long/short on the sign of the lookback return beyond a threshold,"
            + " optional SMA trend filter, time exit after holding_period bars.",
        Settings.class,
        Momentum::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    State st = states.computeIfAbsent(ctx.symbol(), k -> new State());
    double c = ctx.close(0);
    double sma = st.trend.update(c); // every bar, before any early return
    int t = ctx.barIndex();
    if (t < p.lookback()) {
      return;
    }
    double r = c / ctx.close(p.lookback()) - 1;
    boolean up = r > p.threshold();
    boolean down = r < -p.threshold();
    boolean longEntry = up && allowLong && (!p.useTrendFilter() || c > sma);
    boolean shortEntry = down && allowShort && (!p.useTrendFilter() || c < sma);
    if (ctx.isLong()) {
      if (down) {
        if (shortEntry) {
          enter(ctx, st, false, t);
        } else {
          ctx.exitPosition(EXIT);
        }
      } else if (t - st.signalBar >= p.holdingPeriod()) {
        ctx.exitPosition(TIME_EXIT);
      }
    } else if (ctx.isShort()) {
      if (up) {
        if (longEntry) {
          enter(ctx, st, true, t);
        } else {
          ctx.exitPosition(EXIT);
        }
      } else if (t - st.signalBar >= p.holdingPeriod()) {
        ctx.exitPosition(TIME_EXIT);
      }
    } else if (longEntry) {
      enter(ctx, st, true, t);
    } else if (shortEntry) {
      enter(ctx, st, false, t);
    }
  }

  private static void enter(StrategyContext ctx, State st, boolean isLong, int t) {
    if ((isLong ? ctx.enterLong(LONG) : ctx.enterShort(SHORT)).isPresent()) {
      st.signalBar = t;
    }
  }
}
