package io.quantzoo.core.execution;

import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import java.util.Objects;

/**
 * What a venue says about one of our orders (for reconciliation and lookups by client order id).
 *
 * @param id our id
 * @param request its current terms (a trailing stop's stop price is its current level)
 * @param state its state at the venue
 * @param filledQuantity quantity filled so far
 */
public record VenueOrderStatus(
    OrderId id, OrderRequest request, OrderState state, double filledQuantity) {
  public VenueOrderStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
  }
}
