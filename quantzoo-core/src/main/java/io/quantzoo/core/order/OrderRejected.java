package io.quantzoo.core.order;

import java.util.Objects;

/**
 * The venue refused the order.
 *
 * @param code the venue's error code ("" when it gave none)
 * @param reason the venue's message
 */
public record OrderRejected(
    OrderId orderId, String symbol, String code, String reason, long tsEvent, long tsInit)
    implements OrderEvent {
  public OrderRejected {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
