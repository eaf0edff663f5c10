package io.quantzoo.core.order;

/** How an order's quantity is decided. */
public enum QuantityMode {
  /** The quantity given in the request. */
  FIXED,
  /** Decided at fill time by the run's sizing model (fixed, percent of equity or risk). */
  SIZED,
  /** Whatever the position is at fill time, closed (a no-op if already flat). */
  CLOSE_POSITION
}
