package io.quantzoo.core.order;

/** How long an unfilled order stays working. */
public enum TimeInForce {
  /** Good till cancelled. */
  GTC,
  /**
   * Works for one trading day: the trading day of the first bar on which it can fill (the bar after
   * the signal). It is expired, unfilled, before the first bar of a later day is processed. The
   * trading day is the calendar date in the instrument's exchange timezone, except for a session
   * that wraps midnight (CME Globex, 18:00-17:00 New York): a bar at or after the session open
   * belongs to the next day's session.
   */
  DAY
}
