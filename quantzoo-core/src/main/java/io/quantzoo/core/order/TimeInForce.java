package io.quantzoo.core.order;

/** How long an unfilled order stays working. */
public enum TimeInForce {
  /** Good till cancelled. */
  GTC,
  /**
   * Works for one trading day: the calendar day, in the instrument's exchange timezone, of the
   * first bar on which it can fill (the bar after the signal). It is expired, unfilled, before the
   * first bar of a later day is processed.
   */
  DAY
}
