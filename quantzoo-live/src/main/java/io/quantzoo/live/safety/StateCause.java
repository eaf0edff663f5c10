package io.quantzoo.live.safety;

/** Why the trading state is what it is: who or what made the last change. */
public enum StateCause {
  /**
   * The store was just created. A brand-new store starts ACTIVE: a machine that never had a state
   * trades (paper and development first); from its creation on, a missing state is HALTED.
   */
  INITIAL,
  /** An operator: the kill switch, {@code qz kill-switch activate/deactivate}, the Safety API. */
  OPERATOR,
  /**
   * The max-daily-loss control halted trading automatically; the halt is in force until {@link
   * SafetyState#lossHaltUntil()}.
   */
  DAILY_LOSS,
  /** The max-drawdown control reduced trading automatically (REDUCING). */
  MAX_DRAWDOWN,
  /**
   * An operator wrote a fresh state over one that could not be read (corrupt, unreadable, missing
   * after creation).
   */
  RECOVERY,
  /**
   * Not a written cause: the state could not be read, so it is HALTED (fail closed); {@link
   * SafetyState#failure()} says why and how to recover.
   */
  FAIL_CLOSED;

  /** Whether an automatic control sets this cause (it may only make the state stricter). */
  public boolean isAutomatic() {
    return this == DAILY_LOSS || this == MAX_DRAWDOWN;
  }
}
