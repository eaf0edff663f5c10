package io.quantzoo.core.order;

/** Order types the simulated broker understands. */
public enum OrderType {
  /** Fills at the next available price (next bar's open, or this bar's close with ON_CLOSE). */
  MARKET,
  /** Fills at the limit price or better. */
  LIMIT,
  /** Becomes a market order once the stop price trades. */
  STOP,
  /** Becomes a limit order once the stop price trades. */
  STOP_LIMIT
}
