package io.quantzoo.core.order;

import java.util.Objects;

/**
 * Our own rules refused the order; it never reached the venue.
 *
 * @param rule the rule that refused it
 * @param detail what was checked, with the offending values (e.g. "quantity 0.4 rounds down to 0
 *     lots of 1")
 */
public record OrderDenied(
    OrderId orderId, String symbol, DenialRule rule, String detail, long tsEvent, long tsInit)
    implements OrderEvent {
  public OrderDenied {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }
}
