package io.quantzoo.core.order;

import java.util.Objects;

/**
 * Our own rules refused the order; it never reached the venue.
 *
 * @param rule the rule that refused it
 * @param detail what was checked, with the offending values (e.g. "quantity 0.4 rounds down to 0
 *     lots of 1", "order notional 125,000.00 &gt; max_order_notional 100,000.00")
 * @param limit the limit the rule checked against, NaN when the rule has no numeric limit
 * @param value the checked value that broke the limit, NaN when not numeric
 */
public record OrderDenied(
    OrderId orderId,
    String symbol,
    DenialRule rule,
    String detail,
    double limit,
    double value,
    long tsEvent,
    long tsInit)
    implements OrderEvent {
  public OrderDenied {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }

  /** A denial without a numeric limit and value (both NaN). */
  public OrderDenied(
      OrderId orderId, String symbol, DenialRule rule, String detail, long tsEvent, long tsInit) {
    this(orderId, symbol, rule, detail, Double.NaN, Double.NaN, tsEvent, tsInit);
  }
}
