package io.quantzoo.core.order;

import java.util.Objects;

/** The venue acknowledged the order; it is working. */
public record OrderAccepted(OrderId orderId, String symbol, long tsEvent, long tsInit)
    implements OrderEvent {
  public OrderAccepted {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
  }
}
