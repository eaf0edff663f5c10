package io.quantzoo.core.order;

import java.util.Objects;

/** The order was canceled; whatever had filled before stays filled. */
public record OrderCanceled(
    OrderId orderId, String symbol, CancelReason reason, long tsEvent, long tsInit)
    implements OrderEvent {
  public OrderCanceled {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(reason, "reason");
  }
}
