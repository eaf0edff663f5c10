package io.quantzoo.core.order;

/** How long an unfilled order stays working. */
public enum TimeInForce {
  /** Good till cancelled. */
  GTC,
  /**
   * Expires at the end of the trading day on which it was submitted, in the instrument's exchange
   * timezone: an order still unfilled when a bar of a later calendar day arrives is expired before
   * that bar is processed.
   */
  DAY
}
