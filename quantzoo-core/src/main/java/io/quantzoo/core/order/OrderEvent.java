package io.quantzoo.core.order;

/**
 * Something that happened to an order, in the past tense, as a venue (or our own rules) reported
 * it. Every event carries two timestamps, both epoch milliseconds UTC:
 *
 * <ul>
 *   <li>{@code tsEvent}: when it happened at the venue; in a simulation, the open time of the bar
 *       it happened on;
 *   <li>{@code tsInit}: when we learned of it (the receipt time; in a simulation equal to {@code
 *       tsEvent}, since simulated time has no latency).
 * </ul>
 */
public sealed interface OrderEvent
    permits OrderAccepted,
        OrderRejected,
        OrderDenied,
        OrderFilled,
        OrderCanceled,
        OrderCancelRejected,
        OrderReplaced,
        OrderExpired {

  /** The order this event is about. */
  OrderId orderId();

  /** The order's symbol. */
  String symbol();

  /** When it happened at the venue (epoch ms UTC). */
  long tsEvent();

  /** When we received it (epoch ms UTC). */
  long tsInit();
}
