package io.quantzoo.core.risk;

/**
 * Where a gate reads the operator's trading state before each order. Reads must be cheap (no file
 * read per order): the live store answers from memory and notices a change made by another process
 * through a shared generation counter.
 */
@FunctionalInterface
public interface TradingStateSource {

  /** Always ACTIVE: backtests and research runs, where no operator state applies. */
  TradingStateSource ALWAYS_ACTIVE = () -> TradingState.ACTIVE;

  /** The state now; HALTED when it cannot be known (fail closed). */
  TradingState tradingState();
}
