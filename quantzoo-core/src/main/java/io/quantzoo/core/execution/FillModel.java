package io.quantzoo.core.execution;

/** When market orders fill. Named in every run's config so results say how they were made. */
public enum FillModel {
  /**
   * Default and honest: an order placed while bar {@code i} is seen fills at bar {@code i+1}'s open
   * (plus adverse slippage). Limit and stop orders trigger from bar {@code i+1} on.
   */
  NEXT_OPEN,
  /**
   * Optimistic: market orders fill at the close of the bar on which the signal was computed. Use
   * only when the close is tradeable (e.g. a market-on-close order); limit and stop orders still
   * trigger from the next bar.
   */
  ON_CLOSE
}
