package io.quantzoo.core.execution;

/**
 * Which protective exit wins when a stop-loss and a take-profit could both trigger inside one bar
 * (the bar's path between high and low is unknown). A gap through either level at the open is never
 * ambiguous: the open fills first.
 */
public enum IntrabarPolicy {
  /** Pessimistic default: assume the stop was hit first. */
  STOP_FIRST,
  /** Optimistic: assume the target was hit first. */
  TARGET_FIRST
}
