package io.quantzoo.core.execution;

import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;

/**
 * Told of every order the trading core is about to send, right before the venue is called: where a
 * trading journal writes the intent, so that after a crash an order is never sent twice nor
 * forgotten. Called on the trading thread; what it throws reaches the strategy's call (the order is
 * then not sent).
 */
public interface OrderIntentListener {

  /**
   * A new order is about to go to {@link ExecutionVenue#submit} (or, at the end of data, to be
   * filled at the close).
   *
   * @param order the order as it will be sent (its id gives the client order id)
   * @param protective whether it is a stop-loss, take-profit or trailing stop placed for a
   *     position's exits
   */
  void beforeSubmit(VenueOrder order, boolean protective);

  /** A working order is about to be replaced ({@link ExecutionVenue#modify}). */
  default void beforeModify(OrderId id, OrderId replacement, OrderRequest newTerms) {}
}
