package io.quantzoo.core.risk;

import io.quantzoo.core.order.OrderRequest;

/**
 * Decides whether an order may go to the venue. Called on every path, backtest, paper and live, for
 * strategy orders and protective exits alike, before the order is sent.
 *
 * <p>{@code estimatedQuantity} is the order's quantity, or for sized and close-position orders the
 * estimate at the latest price (the final quantity is set when it fills).
 *
 * <p>A gate may keep state (a throttle window, the session day's starting equity): the core calls
 * {@link #onBars} once per group of closed bars, after the marks and before the strategy sees the
 * bars, so such state follows every bar and not only the moments orders are placed. A stateful gate
 * serves one core (one run).
 */
@FunctionalInterface
public interface RiskGate {

  /** Lets every order through: backtests and research runs, where no live rule applies. */
  RiskGate ALLOW_ALL = (request, estimatedQuantity, protective, view) -> RiskDecision.ALLOW;

  /**
   * Checks one order.
   *
   * @param request the order
   * @param estimatedQuantity its quantity or the estimate
   * @param protective whether it is a protective exit the core places for an open position
   * @param view the account
   */
  RiskDecision check(
      OrderRequest request, double estimatedQuantity, boolean protective, RiskView view);

  /**
   * Observes the account after a group of closed bars has been marked, before the strategy runs on
   * them ({@code view.clockMillis()} is the bars' time). Does nothing by default.
   */
  default void onBars(RiskView view) {}
}
