package io.quantzoo.core.order;

/** Why an order was canceled. */
public enum CancelReason {
  /** The strategy (or an operator) asked for it. */
  REQUESTED,
  /** Another order of its OCO group filled. */
  OCO,
  /** A protective exit whose position was closed by other means (or replaced by a new entry). */
  POSITION_CLOSED,
  /** A close-position or reduce-only order found nothing to close when it came to fill. */
  NOTHING_TO_CLOSE,
  /** Still working when the data ended (backtests and replays). */
  END_OF_DATA,
  /** The venue canceled it on its own. */
  VENUE,
  /** The kill switch (or an automatic halt) canceled every working order. */
  KILL_SWITCH
}
