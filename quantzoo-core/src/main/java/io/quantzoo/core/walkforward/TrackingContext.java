package io.quantzoo.core.walkforward;

import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The trading context of the active instance: forwards everything and remembers order ids. */
final class TrackingContext extends ForwardingContext {
  final List<OrderId> orderIds = new ArrayList<>();

  private OrderId track(OrderId id) {
    orderIds.add(id);
    return id;
  }

  private Optional<OrderId> track(Optional<OrderId> id) {
    id.ifPresent(orderIds::add);
    return id;
  }

  @Override
  public OrderId submit(OrderRequest request) {
    return track(delegate.submit(request));
  }

  @Override
  public Optional<OrderId> enterLong(String tag, Exits exits) {
    return track(delegate.enterLong(tag, exits));
  }

  @Override
  public Optional<OrderId> enterShort(String tag, Exits exits) {
    return track(delegate.enterShort(tag, exits));
  }

  @Override
  public Optional<OrderId> exitPosition(String tag) {
    return track(delegate.exitPosition(tag));
  }

  @Override
  public Optional<OrderId> exitPosition(String symbol, String tag) {
    return track(delegate.exitPosition(symbol, tag));
  }

  @Override
  public Optional<OrderId> modify(
      OrderId orderId, double quantity, double limitPrice, double stopPrice) {
    return track(delegate.modify(orderId, quantity, limitPrice, stopPrice));
  }
}
