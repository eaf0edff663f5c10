package io.quantzoo.core.execution;

import io.quantzoo.core.order.CancelReason;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import java.util.List;
import java.util.Optional;

/**
 * Where orders go: the simulated venue of backtests and paper trading, or a broker.
 *
 * <p>Requests only ask; what happens comes back as {@link io.quantzoo.core.order.OrderEvent}s to
 * the listener the venue was built with (accepted, rejected, filled, canceled, cancel rejected,
 * replaced, expired), each stamped with event and receipt times. A simulated venue answers
 * synchronously, inside the call; a broker answers later, from its own thread or stream. The
 * trading core treats both alike: state changes only through events.
 *
 * <p>{@link #openOrders()}, {@link #executions(long)}, {@link #account()} and {@link
 * #findByClientOrderId(String)} let a restarted trader reconcile its journal with the venue (was
 * this order ever received? did it fill while we were down?) without resending anything blindly.
 */
public interface ExecutionVenue {

  /** A short name for logs and the audit trail ("simulated", "paper", "alpaca", ...). */
  String name();

  /**
   * Attaches the one listener that receives this venue's events (the trading core), before any
   * other call.
   */
  void setListener(OrderEventListener listener);

  /** Sends a new order. */
  void submit(VenueOrder order);

  /**
   * Asks to replace a working order by {@code replacement} with new terms (NaN keeps a term).
   * Answered by {@link io.quantzoo.core.order.OrderReplaced} or {@link
   * io.quantzoo.core.order.OrderCancelRejected}.
   */
  void modify(OrderId id, OrderId replacement, OrderRequest newTerms);

  /** Asks to cancel a working order. Answered by an OrderCanceled or OrderCancelRejected. */
  void cancel(OrderId id, CancelReason reason);

  /** Asks to cancel every working order of a symbol, or of every symbol when it is null. */
  void cancelAll(String symbol, CancelReason reason);

  /** Our orders the venue holds as working. */
  List<VenueOrderStatus> openOrders();

  /** Executions at or after {@code sinceMillis} (tsEvent), oldest first. */
  List<OrderFilled> executions(long sinceMillis);

  /** The venue's view of the account. */
  AccountSnapshot account();

  /** Signed positions per symbol, as the venue holds them (flat symbols omitted). */
  default java.util.Map<String, Double> positions() {
    return account().positions();
  }

  /** One of our orders by its client order id, working or not, if the venue knows it. */
  Optional<VenueOrderStatus> findByClientOrderId(String clientOrderId);
}
