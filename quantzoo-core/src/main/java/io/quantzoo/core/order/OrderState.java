package io.quantzoo.core.order;

/**
 * Where an order stands, as the {@link OrderManager} knows it from the events a venue reported.
 *
 * <p>Transitions (anything else is recorded as an anomaly and changes nothing):
 *
 * <pre>
 * SUBMITTED        -> ACCEPTED | REJECTED | DENIED | PARTIALLY_FILLED | FILLED | CANCELED | EXPIRED
 *                     | PENDING_CANCEL (cancel requested before the venue acknowledged)
 * ACCEPTED         -> PARTIALLY_FILLED | FILLED | PENDING_CANCEL | PENDING_REPLACE | CANCELED
 *                     | EXPIRED
 * PARTIALLY_FILLED -> PARTIALLY_FILLED | FILLED | PENDING_CANCEL | PENDING_REPLACE | CANCELED
 *                     | EXPIRED
 * PENDING_CANCEL   -> CANCELED | FILLED | EXPIRED | the state before the request (cancel rejected)
 *                     (a fill that arrives after the cancel request is applied, never lost; a
 *                     partial one leaves the cancel pending)
 * PENDING_REPLACE  -> REPLACED (the replacement order takes over) | FILLED | CANCELED | EXPIRED
 *                     | the state before the request (replace rejected)
 *                     (a partial fill leaves the replace pending; when the replace does not
 *                     happen, the replacement, never acknowledged, ends REJECTED)
 * </pre>
 *
 * A "cancel rejected" is an event ({@link OrderCancelRejected}), not a resting state: the order
 * goes back to the state it had before the cancel was requested, and keeps working.
 */
public enum OrderState {
  /** Registered by us and sent (or about to be sent) to the venue; not yet acknowledged. */
  SUBMITTED,
  /** Acknowledged by the venue and working. */
  ACCEPTED,
  /** Part of the quantity filled; the rest is working. */
  PARTIALLY_FILLED,
  /** Completely filled. */
  FILLED,
  /** A cancel was requested; the venue has not answered yet. */
  PENDING_CANCEL,
  /** Canceled (by request, by an OCO sibling's fill, or by the venue). */
  CANCELED,
  /** A replace (modify) was requested; the venue has not answered yet. */
  PENDING_REPLACE,
  /** Replaced by another order, which carries on with the new terms. */
  REPLACED,
  /** Refused by the venue. */
  REJECTED,
  /** Refused by our own rules before it reached the venue. */
  DENIED,
  /** Expired by its time in force (DAY orders at the end of the trading day). */
  EXPIRED;

  /** Whether the order may still fill. */
  public boolean isOpen() {
    return switch (this) {
      case SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE -> true;
      case FILLED, CANCELED, REPLACED, REJECTED, DENIED, EXPIRED -> false;
    };
  }

  /** Whether nothing can change this order any more (the opposite of {@link #isOpen()}). */
  public boolean isTerminal() {
    return !isOpen();
  }
}
