package io.quantzoo.live.safety;

import io.quantzoo.core.risk.TradingState;
import java.time.Instant;
import java.util.Objects;

/**
 * The operator's trading state as a store holds it, with who set it, why and when.
 *
 * <p>A read never throws for what the store holds: when the state cannot be read (corrupt,
 * unreadable, missing after creation) it is HALTED with cause {@link StateCause#FAIL_CLOSED} and
 * {@link #failure} says what went wrong and how to recover.
 *
 * @param state the trading state
 * @param cause who or what set it
 * @param operator who set it: the operator's name, or the automatic control's ({@code
 *     max-daily-loss}); empty for a failed read
 * @param reason why, as given; for a failed read, the failure's message
 * @param changedAt when it was set; for a failed read, when the read failed
 * @param generation the store's change counter: one more on every write
 * @param lossHaltUntil when set, a daily-loss halt is in force until then (whatever the latest
 *     cause): lowering the state below HALTED before then needs the override; null when none
 * @param createdAt when the store was created; null when that is unknown (a failed read)
 * @param failure why the state could not be read; null normally
 * @param closePositions HALTED by a kill-switch activation that asked to close every position too
 *     ({@code --close-positions}): each trader closes its positions when it acts on the halt
 */
public record SafetyState(
    TradingState state,
    StateCause cause,
    String operator,
    String reason,
    Instant changedAt,
    long generation,
    Instant lossHaltUntil,
    Instant createdAt,
    StateFailure failure,
    boolean closePositions) {

  public SafetyState {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(changedAt, "changedAt");
    if ((failure != null) != (cause == StateCause.FAIL_CLOSED)) {
      throw new IllegalArgumentException("a failure goes with cause FAIL_CLOSED, and only then");
    }
    if (failure != null && state != TradingState.HALTED) {
      throw new IllegalArgumentException("a failed read is HALTED");
    }
    if (lossHaltUntil != null && state != TradingState.HALTED) {
      throw new IllegalArgumentException("a daily-loss halt goes with HALTED, was " + state);
    }
    if (closePositions && state != TradingState.HALTED) {
      throw new IllegalArgumentException("closing positions goes with HALTED, was " + state);
    }
    if (failure == null && createdAt == null) {
      throw new IllegalArgumentException("createdAt is unknown only for a failed read");
    }
  }

  /** The fail-closed state: HALTED because the state could not be read. */
  public static SafetyState failClosed(
      StateFailure failure, long generation, Instant createdAt, Instant now) {
    return new SafetyState(
        TradingState.HALTED,
        StateCause.FAIL_CLOSED,
        "",
        failure.message(),
        now,
        generation,
        null,
        createdAt,
        failure,
        false);
  }

  /** Whether the state could not be read (it is HALTED then; {@link #failure} says why). */
  public boolean failed() {
    return failure != null;
  }

  /** Whether a daily-loss halt is in force at {@code now}. */
  public boolean lossHaltInForce(Instant now) {
    return lossHaltUntil != null && now.isBefore(lossHaltUntil);
  }

  /**
   * One line for people: {@code HALTED by alice (OPERATOR) at 2025-01-02T03:04:05Z: reason
   * [generation 7]}, or the failure's message.
   */
  public String summary() {
    if (failed()) {
      return "HALTED (fail closed): " + failure.message();
    }
    StringBuilder b =
        new StringBuilder()
            .append(state)
            .append(" by ")
            .append(operator)
            .append(" (")
            .append(cause)
            .append(") at ")
            .append(changedAt)
            .append(": ")
            .append(reason);
    if (lossHaltUntil != null) {
      b.append("; daily-loss halt until ").append(lossHaltUntil);
    }
    return b.append(" [generation ").append(generation).append(']').toString();
  }
}
