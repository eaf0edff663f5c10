package io.quantzoo.core.order;

import java.util.Objects;

/**
 * One execution of an order, complete or partial.
 *
 * @param executionId the venue's id of this execution; a second event with the same id is a
 *     duplicate and is ignored
 * @param side buy or sell
 * @param quantity quantity of this execution (&gt; 0)
 * @param price execution price, slippage included
 * @param commission commission of this execution (&gt;= 0, account currency)
 * @param slippageCost cost of slippage against the unslipped reference price (&gt;= 0; 0 when the
 *     venue does not know it)
 * @param leavesQuantity quantity still working after this execution (0 when the order is done)
 * @param tag the order's reason tag
 * @param barIndex index of the symbol's latest bar when it filled
 * @param atBarOpen whether it filled at that bar's open, so the rest of the bar happened after it
 *     (false for intrabar, on-close and live fills)
 */
public record OrderFilled(
    OrderId orderId,
    String symbol,
    String executionId,
    Side side,
    double quantity,
    double price,
    double commission,
    double slippageCost,
    double leavesQuantity,
    String tag,
    int barIndex,
    boolean atBarOpen,
    long tsEvent,
    long tsInit)
    implements OrderEvent {
  public OrderFilled {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(tag, "tag");
    if (!(quantity > 0) || !Double.isFinite(quantity)) {
      throw new IllegalArgumentException("fill quantity must be > 0, was " + quantity);
    }
    if (!(price > 0) || !Double.isFinite(price)) {
      throw new IllegalArgumentException("fill price must be > 0, was " + price);
    }
  }
}
