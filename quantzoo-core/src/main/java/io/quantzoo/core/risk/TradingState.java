package io.quantzoo.core.risk;

/**
 * The operator's trading state (docs/SAFETY.md), shared by every trader on a machine. Ordered from
 * the least to the most restrictive: {@link #atLeast} and {@link #stricter} compare by that order.
 */
public enum TradingState {
  /** Orders pass the pre-trade controls as usual. */
  ACTIVE,
  /** Only orders that reduce exposure pass; working orders stay. */
  REDUCING,
  /**
   * No new exposure: every working order is canceled (the kill switch); orders that close or reduce
   * a position still pass.
   */
  HALTED;

  /** Whether this state is at least as restrictive as {@code other}. */
  public boolean atLeast(TradingState other) {
    return compareTo(other) >= 0;
  }

  /** The more restrictive of the two. */
  public TradingState stricter(TradingState other) {
    return atLeast(other) ? this : other;
  }

  /** Whether orders that add exposure may pass. */
  public boolean allowsNewExposure() {
    return this == ACTIVE;
  }
}
