package io.quantzoo.live;

import io.quantzoo.live.safety.SafetyRule;
import java.util.Objects;

/**
 * A trader or a safety command refused to start or continue because a safety rule says no: another
 * trader holds the session, the environment gate, a missing approval, a daily-loss halt. {@code qz}
 * exits with code 4 and names the {@link #rule()}.
 */
public final class TradingRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SafetyRule rule;

  /**
   * A refusal.
   *
   * @param rule the rule that refused
   * @param message why, and what to do instead
   */
  public TradingRefusedException(SafetyRule rule, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The rule that refused. */
  public SafetyRule rule() {
    return rule;
  }
}
