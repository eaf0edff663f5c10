package io.quantzoo.core.order;

import java.util.Objects;

/** The venue refused a cancel (or replace) request; the order keeps working as it was. */
public record OrderCancelRejected(
    OrderId orderId, String symbol, String reason, long tsEvent, long tsInit)
    implements OrderEvent {
  public OrderCancelRejected {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(reason, "reason");
  }
}
