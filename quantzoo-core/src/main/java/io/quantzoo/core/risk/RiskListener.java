package io.quantzoo.core.risk;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;

/**
 * Told by a {@link PreTradeRiskGate} of what must be audited beyond the {@code OrderDenied} events:
 * the gate's own automatic state changes, so the live layer can write the machine-wide trading
 * state, and every use of an operator override. Called on the trading thread; must not block.
 */
public interface RiskListener {

  /** Hears nothing. */
  RiskListener NONE = new RiskListener() {};

  /**
   * The gate latched a stricter state by itself: HALTED when the session day's loss passed {@code
   * max_daily_loss}, REDUCING when the drawdown passed {@code max_drawdown_pct}. Called once per
   * latch.
   *
   * @param to the state the gate now holds
   * @param cause {@link DenialRule#DAILY_LOSS} or {@link DenialRule#MAX_DRAWDOWN}
   * @param limit the limit passed
   * @param value the loss (currency) or drawdown (percent) that passed it
   * @param clockMillis the engine clock when it happened
   * @param untilMillis when the gate's latch ends: the start of the next exchange session day
   */
  default void onAutomaticTransition(
      TradingState to,
      DenialRule cause,
      double limit,
      double value,
      long clockMillis,
      long untilMillis) {}

  /**
   * An operator override lifted a rule for one order.
   *
   * @param override the override, now used up
   * @param request the order it let pass that rule
   * @param limit the limit the order broke
   * @param value the order's value for that rule
   * @param clockMillis the engine clock
   */
  default void onOverride(
      RiskOverride override, OrderRequest request, double limit, double value, long clockMillis) {}
}
