package io.quantzoo.core.strategy;

import io.quantzoo.core.order.OrderEvent;

/**
 * A trading strategy: user code the engine calls once per bar.
 *
 * <p>The engine calls {@link #onBar} after the bar has closed, with a context that exposes that bar
 * and earlier ones only ({@code close(0)}, {@code close(1)}, ...): there is no way to read a later
 * bar. Orders placed in {@code onBar} are queued and fill under the run's fill model (by default at
 * the next bar's open). The same strategy object runs in backtests and, later, live.
 *
 * <p>Implementations keep their own state (indicators, counters) and must be deterministic: no wall
 * clock, no unseeded randomness.
 */
public interface Strategy {

  /** Called once before the first bar. */
  default void onStart(StrategyContext ctx) {}

  /** Called for every bar of every symbol, in time order; {@code ctx.symbol()} says which. */
  void onBar(StrategyContext ctx);

  /**
   * Called for every event of this strategy's orders (accepted, filled, canceled, denied, ...), in
   * the order they happened. Events of a bar's fills arrive before that bar's {@link #onBar};
   * events of orders placed in {@code onBar} (denials, acceptances, on-close fills) right after it
   * returns. The context is that of the order's symbol's latest bar. Orders may be placed from
   * here.
   */
  default void onOrderEvent(StrategyContext ctx, OrderEvent event) {}

  /**
   * Called once after the last bar (end of data, or a trader stopping), before open orders are
   * canceled.
   */
  default void onStop(StrategyContext ctx) {}
}
