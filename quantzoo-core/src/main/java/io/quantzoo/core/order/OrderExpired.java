package io.quantzoo.core.order;

import java.util.Objects;

/** The order expired by its time in force. */
public record OrderExpired(OrderId orderId, String symbol, long tsEvent, long tsInit)
    implements OrderEvent {
  public OrderExpired {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(symbol, "symbol");
  }
}
