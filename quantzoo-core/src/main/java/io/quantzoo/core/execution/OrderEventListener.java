package io.quantzoo.core.execution;

import io.quantzoo.core.order.OrderEvent;

/** Receives a venue's order events, in the order they happened. */
@FunctionalInterface
public interface OrderEventListener {
  void onEvent(OrderEvent event);
}
