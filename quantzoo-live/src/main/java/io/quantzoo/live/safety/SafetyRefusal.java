package io.quantzoo.live.safety;

import java.util.Objects;

/**
 * A state change the safety rules refuse; nothing was written. The message says why and what to do
 * (for the operator, no stack trace). {@code qz} exits with code 4.
 */
public final class SafetyRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The rule that refused. */
  public enum Rule {
    /**
     * Lowering the state below HALTED while a daily-loss halt is in force, without the override
     * ({@code --override-loss-halt}).
     */
    LOSS_HALT_IN_FORCE
  }

  private final Rule rule;
  private final transient SafetyState current;

  public SafetyRefusal(Rule rule, SafetyState current, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.current = Objects.requireNonNull(current, "current");
  }

  /** The rule that refused. */
  public Rule rule() {
    return rule;
  }

  /** The state that stays in force. */
  public SafetyState current() {
    return current;
  }
}
