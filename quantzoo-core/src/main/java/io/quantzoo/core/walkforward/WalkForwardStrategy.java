package io.quantzoo.core.walkforward;

import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import java.util.List;

/**
 * Trades a walk-forward's out-of-sample windows in one continuous backtest: window {@code k}'s
 * strategy instance (built with the parameters chosen in-sample for that window) trades from its
 * first to its last out-of-sample bar. Before that, from its warm-up start, it already receives
 * every bar through a muted context ({@link MutedContext}): its indicators warm up on bars before
 * the window without trading. Several instances may be warming while one trades; they share
 * nothing.
 *
 * <p>Unless positions are carried, the trading instance's working orders are cancelled and every
 * open position is closed at market after its last out-of-sample bar (after the last symbol's
 * {@code onBar} at that time), so the next window starts flat: with next-open fills the exits fill
 * at the open of the next window's first bar, before the next instance is first called. With {@code
 * carryPositions}, positions and working orders pass to the next window's instance, which sees them
 * in its context.
 */
public final class WalkForwardStrategy implements Strategy {
  /**
   * One window's instance and times (epoch millis of bar open times, inclusive).
   *
   * @param strategy the instance, or null when the window has no chosen parameters (it sits flat)
   * @param warmFrom first bar the instance sees (muted)
   * @param oosFrom first bar it trades
   * @param oosTo last bar it trades
   */
  public record Segment(Strategy strategy, long warmFrom, long oosFrom, long oosTo) {
    public Segment {
      if (!(warmFrom <= oosFrom && oosFrom <= oosTo)) {
        throw new IllegalArgumentException(
            "need warmFrom <= oosFrom <= oosTo, was " + warmFrom + ", " + oosFrom + ", " + oosTo);
      }
    }
  }

  private final List<Segment> segments;
  private final boolean carryPositions;
  private final MutedContext muted = new MutedContext();
  private final TrackingContext trading = new TrackingContext();

  /**
   * @param segments windows in time order, out-of-sample ranges not overlapping
   * @param carryPositions pass positions and working orders from one window to the next
   */
  public WalkForwardStrategy(List<Segment> segments, boolean carryPositions) {
    this.segments = List.copyOf(segments);
    for (int k = 1; k < this.segments.size(); k++) {
      if (this.segments.get(k).oosFrom() <= this.segments.get(k - 1).oosTo()) {
        throw new IllegalArgumentException("out-of-sample windows overlap at window " + k);
      }
    }
    this.carryPositions = carryPositions;
  }

  @Override
  public void onStart(StrategyContext ctx) {
    muted.delegate = ctx;
    for (Segment s : segments) {
      if (s.strategy() != null) {
        s.strategy().onStart(muted);
      }
    }
  }

  @Override
  public void onBar(StrategyContext ctx) {
    long t = ctx.timeMillis();
    for (int k = 0; k < segments.size(); k++) {
      Segment s = segments.get(k);
      if (t < s.warmFrom() || t > s.oosTo()) {
        continue;
      }
      if (t < s.oosFrom()) {
        if (s.strategy() != null) {
          muted.delegate = ctx;
          s.strategy().onBar(muted);
        }
        continue;
      }
      trading.delegate = ctx;
      if (s.strategy() != null) {
        s.strategy().onBar(trading);
      }
      if (t == s.oosTo() && k < segments.size() - 1 && !carryPositions && isLastCall(ctx, t)) {
        flatten(ctx);
      }
    }
  }

  /**
   * Order events go to the instance trading at the event's time (instances that are warming up
   * place no real orders, so they get none).
   */
  @Override
  public void onOrderEvent(StrategyContext ctx, OrderEvent event) {
    long t = ctx.timeMillis();
    for (Segment s : segments) {
      if (s.strategy() != null && t >= s.oosFrom() && t <= s.oosTo()) {
        trading.delegate = ctx;
        s.strategy().onOrderEvent(trading, event);
        return;
      }
    }
  }

  /** Whether this is the last {@code onBar} call at time {@code t} (the last symbol with a bar). */
  private static boolean isLastCall(StrategyContext ctx, long t) {
    List<String> symbols = ctx.symbols();
    for (int i = symbols.size() - 1; i >= 0; i--) {
      String s = symbols.get(i);
      if (ctx.barIndex(s) >= 0 && ctx.timeMillis(s, 0) == t) {
        return s.equals(ctx.symbol());
      }
    }
    return true;
  }

  private void flatten(StrategyContext ctx) {
    for (OrderId id : trading.orderIds) {
      ctx.cancel(id);
    }
    trading.orderIds.clear();
    for (String s : ctx.symbols()) {
      if (ctx.position(s) != 0) {
        ctx.exitPosition(s, "WalkForwardWindowEnd");
      }
    }
  }
}
