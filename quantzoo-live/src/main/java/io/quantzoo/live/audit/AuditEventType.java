package io.quantzoo.live.audit;

import java.util.Locale;

/**
 * What an audit line records. Written to the log as the lower-case name ({@code order_intent}).
 * Market data is never audited.
 */
public enum AuditEventType {
  /** The trader decided to send an order (before it is sent). */
  ORDER_INTENT,
  /** The order was handed to the venue. */
  ORDER_SUBMITTED,
  /** The venue accepted the order. */
  ORDER_ACCEPTED,
  /** The venue rejected the order. */
  ORDER_REJECTED,
  /** A fill (partial or complete). */
  ORDER_FILLED,
  /** A cancel was sent to the venue. */
  CANCEL_REQUESTED,
  /** The venue canceled the order. */
  ORDER_CANCELED,
  /** The venue refused a cancel. */
  CANCEL_REJECTED,
  /** The order was replaced (modified) at the venue. */
  ORDER_REPLACED,
  /** The order expired (time in force). */
  ORDER_EXPIRED,
  /** A safety rule refused the order before it reached the venue. */
  ORDER_DENIED,
  /** The trading state changed (active, reducing, halted). */
  STATE_CHANGED,
  /** The kill switch was activated. */
  KILL_SWITCH_ACTIVATED,
  /** The kill switch was deactivated. */
  KILL_SWITCH_DEACTIVATED,
  /** Every working order at a venue was canceled at once. */
  VENUE_CANCEL_ALL,
  /** Every position was closed (flattened). */
  POSITIONS_CLOSED,
  /** An operator granted an approval. */
  APPROVAL_GRANTED,
  /** An operator denied an approval. */
  APPROVAL_DENIED,
  /** An approval ended (expired or was withdrawn). */
  APPROVAL_ENDED,
  /** An operator overrode a limit. */
  LIMIT_OVERRIDE,
  /** A configuration (run config, limits) was loaded. */
  CONFIG_LOADED,
  /** A trader started. */
  TRADER_STARTED,
  /** A trader stopped. */
  TRADER_STOPPED,
  /** A trader refused to start (a safety rule, a bad config). */
  START_REFUSED;

  /** The name in the log: the constant's name in lower case. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type named {@code s} in the log.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static AuditEventType fromJson(String s) {
    for (AuditEventType t : values()) {
      if (t.jsonName().equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown audit event type '" + s + "'");
  }
}
