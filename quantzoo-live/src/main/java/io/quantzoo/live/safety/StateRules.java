package io.quantzoo.live.safety;

import io.quantzoo.core.risk.TradingState;
import java.time.Instant;
import java.util.Optional;

/** The transition rules of the trading state, apart from where it is kept. */
final class StateRules {
  private StateRules() {}

  /**
   * The state after an operator's change to {@code to}.
   *
   * @throws SafetyRefusal when a daily-loss halt is in force, {@code to} is below HALTED and there
   *     is no override
   */
  static SafetyState operator(
      SafetyState cur,
      TradingState to,
      String operator,
      String reason,
      boolean overrideLossHalt,
      boolean closePositions,
      Instant now,
      long generation,
      Instant createdAt) {
    String who = required(operator, "an operator name");
    String why = required(reason, "a reason");
    if (cur.failed()) {
      return new SafetyState(
          to,
          StateCause.RECOVERY,
          who,
          why,
          now,
          generation,
          null,
          createdAt,
          null,
          closePositions && to == TradingState.HALTED);
    }
    boolean inForce = cur.lossHaltInForce(now);
    if (inForce && to != TradingState.HALTED && !overrideLossHalt) {
      throw new SafetyRefusal(
          SafetyRefusal.Rule.LOSS_HALT_IN_FORCE,
          cur,
          to
              + " refused: a daily-loss halt is in force until "
              + cur.lossHaltUntil()
              + " (now "
              + cur.summary()
              + "). It may be lifted after that time, or now with --override-loss-halt once"
              + " you have checked the day's loss.");
    }
    Instant until = to == TradingState.HALTED && inForce ? cur.lossHaltUntil() : null;
    return new SafetyState(
        to,
        StateCause.OPERATOR,
        who,
        why,
        now,
        generation,
        until,
        createdAt,
        null,
        closePositions && to == TradingState.HALTED);
  }

  /** The state after an automatic control asks for {@code to}, or empty when nothing changes. */
  static Optional<SafetyState> escalate(
      SafetyState cur,
      TradingState to,
      StateCause cause,
      String control,
      String reason,
      Instant lossHaltUntil,
      Instant now,
      long generation) {
    if (!cause.isAutomatic()) {
      throw new IllegalArgumentException(
          "escalate is for automatic controls (DAILY_LOSS, MAX_DRAWDOWN), was " + cause);
    }
    if (cause == StateCause.DAILY_LOSS) {
      if (to != TradingState.HALTED || lossHaltUntil == null) {
        throw new IllegalArgumentException("a daily-loss halt is HALTED with a lossHaltUntil");
      }
    } else if (to == TradingState.ACTIVE || lossHaltUntil != null) {
      throw new IllegalArgumentException(
          cause + " escalates to REDUCING or HALTED, without a lossHaltUntil");
    }
    String who = required(control, "the control's name");
    String why = required(reason, "a reason");
    if (cur.failed() || cur.state().compareTo(to) > 0) {
      return Optional.empty();
    }
    Instant kept = cur.lossHaltInForce(now) ? cur.lossHaltUntil() : null;
    if (cur.state() == to) {
      boolean later =
          cause == StateCause.DAILY_LOSS && (kept == null || lossHaltUntil.isAfter(kept));
      if (!later) {
        return Optional.empty();
      }
    }
    Instant until = cause == StateCause.DAILY_LOSS ? lossHaltUntil : kept;
    return Optional.of(
        new SafetyState(to, cause, who, why, now, generation, until, cur.createdAt(), null, false));
  }

  private static String required(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return s.strip();
  }
}
