package io.quantzoo.core.execution;

import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import java.util.Objects;

/**
 * An order as sent to a venue.
 *
 * @param id our id; brokers receive it as a client order id
 * @param request the terms
 * @param stopDistance stop distance in price units for risk sizing (NaN when none)
 * @param trailDistance trailing distance in price units for a trailing stop (NaN otherwise); the
 *     request is then a STOP order whose stop price is the initial level
 * @param trailAnchor the price the trailing distance is first measured from (the entry fill), NaN
 *     for other orders
 */
public record VenueOrder(
    OrderId id,
    OrderRequest request,
    double stopDistance,
    double trailDistance,
    double trailAnchor) {
  public VenueOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
  }

  public boolean isTrailing() {
    return !Double.isNaN(trailDistance);
  }
}
