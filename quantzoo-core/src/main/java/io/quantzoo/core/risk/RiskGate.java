package io.quantzoo.core.risk;

import io.quantzoo.core.order.OrderRequest;

/**
 * Decides whether an order may go to the venue. Called on every path, backtest, paper and live, for
 * strategy orders and protective exits alike, before the order is sent.
 *
 * <p>{@code estimatedQuantity} is the order's quantity, or for sized and close-position orders the
 * estimate at the latest price (the final quantity is set when it fills).
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
}
