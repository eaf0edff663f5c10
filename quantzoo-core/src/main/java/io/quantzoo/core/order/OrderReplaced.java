package io.quantzoo.core.order;

import java.util.Objects;

/**
 * The order was replaced (modified): {@code replacementId} now works with the new terms and {@code
 * orderId} is done. NaN in a field means that term did not change.
 */
public record OrderReplaced(
    OrderId orderId,
    OrderId replacementId,
    String symbol,
    double quantity,
    double limitPrice,
    double stopPrice,
    long tsEvent,
    long tsInit)
    implements OrderEvent {
  public OrderReplaced {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(replacementId, "replacementId");
    Objects.requireNonNull(symbol, "symbol");
  }
}
