package io.quantzoo.core.strategy;

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
}
