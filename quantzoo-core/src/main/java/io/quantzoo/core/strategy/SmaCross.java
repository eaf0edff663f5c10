package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Sma;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.util.ConfigException;
import java.util.List;

/**
 * Moving-average crossover on closes.
 *
 * <p>Rules, evaluated at each bar's close once both averages are defined on this bar and the
 * previous one: the fast SMA <em>crosses above</em> the slow SMA when {@code fast[1] <= slow[1]}
 * and {@code fast[0] > slow[0]}; it <em>crosses below</em> when {@code fast[1] >= slow[1]} and
 * {@code fast[0] < slow[0]}.
 *
 * <ul>
 *   <li>{@code long_short}: cross above → go long (reversing a short); cross below → go short
 *       (reversing a long).
 *   <li>{@code long_only}: cross above → go long; cross below → exit.
 *   <li>{@code short_only}: cross below → go short; cross above → exit.
 * </ul>
 *
 * <p>Optional protective exits, as multiples of the 14-bar ATR at the signal: {@code stop_atr} and
 * {@code take_profit_atr} (0 = off).
 */
public final class SmaCross implements Strategy {
  private final Sma fast;
  private final Sma slow;
  private final String direction;
  private final Exits exits;
  private double prevFast = Double.NaN;
  private double prevSlow = Double.NaN;

  public SmaCross(int fastPeriod, int slowPeriod, String direction, Exits exits) {
    if (fastPeriod >= slowPeriod) {
      throw new ConfigException(
          "params.fast",
          "parameter 'fast' of sma_cross must be < slow (" + slowPeriod + "), was " + fastPeriod);
    }
    this.fast = new Sma(fastPeriod);
    this.slow = new Sma(slowPeriod);
    this.direction = direction;
    this.exits = exits;
  }

  @Override
  public void onBar(StrategyContext ctx) {
    double c = ctx.close(0);
    double f = fast.update(c);
    double s = slow.update(c);
    double pf = prevFast;
    double ps = prevSlow;
    prevFast = f;
    prevSlow = s;
    if (Double.isNaN(ps)) {
      return; // slow average not defined on the previous bar yet
    }
    boolean crossAbove = pf <= ps && f > s;
    boolean crossBelow = pf >= ps && f < s;
    if (crossAbove) {
      switch (direction) {
        case "long_short", "long_only" -> ctx.enterLong("SmaCrossUp", exits);
        default -> ctx.exitPosition("SmaCrossUp");
      }
    } else if (crossBelow) {
      switch (direction) {
        case "long_short", "short_only" -> ctx.enterShort("SmaCrossDown", exits);
        default -> ctx.exitPosition("SmaCrossDown");
      }
    }
  }

  /** Factory and parameter declarations. */
  public static final class Factory implements StrategyFactory {
    @Override
    public String name() {
      return "sma_cross";
    }

    @Override
    public String description() {
      return "Fast/slow simple moving average crossover; long, short or long-short reversal.";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          ParamSpec.integer("fast", 10, 1, 10_000, "fast SMA period in bars"),
          ParamSpec.integer("slow", 30, 2, 10_000, "slow SMA period in bars (> fast)"),
          ParamSpec.choice(
              "direction",
              "long_short",
              List.of("long_short", "long_only", "short_only"),
              "which side(s) to trade"),
          ParamSpec.decimal("stop_atr", 0, 0, 100, "stop-loss at N x ATR(14) from entry; 0 = off"),
          ParamSpec.decimal(
              "take_profit_atr", 0, 0, 100, "take-profit at N x ATR(14) from entry; 0 = off"));
    }

    @Override
    public Strategy create(Params p) {
      Exits exits = Exits.NONE;
      if (p.getDouble("stop_atr") > 0) {
        exits = exits.withStopLoss(Offset.atr(p.getDouble("stop_atr"), 14));
      }
      if (p.getDouble("take_profit_atr") > 0) {
        exits = exits.withTakeProfit(Offset.atr(p.getDouble("take_profit_atr"), 14));
      }
      return new SmaCross(p.getInt("fast"), p.getInt("slow"), p.getString("direction"), exits);
    }
  }
}
