package io.quantzoo.live.safety;

import io.quantzoo.core.risk.TradingState;
import io.quantzoo.core.risk.TradingStateSource;
import java.time.Instant;

/**
 * Where the operator's trading state lives (docs/SAFETY.md): one state for every trader, the CLI
 * and the Safety API that use the same store. {@link FileTradingStateStore} is the one-machine
 * store in the trading directory.
 *
 * <p>Reads fail closed: a state that cannot be read is HALTED, with a {@link StateFailure} that
 * says how to recover, and never an exception. Writes are durable before they return and before any
 * other process can see them. Only an operator lowers the state; automatic controls ({@link
 * #escalate}) only make it stricter.
 */
public interface TradingStateStore extends TradingStateSource {

  /**
   * The state now, cheaply: from memory unless the store's generation changed since the last read
   * (no file read per call). HALTED when it cannot be known.
   */
  @Override
  default TradingState tradingState() {
    return current().state();
  }

  /** The whole state behind {@link #tradingState}, as cheaply. */
  SafetyState current();

  /** The state read afresh from where it is kept (authoritative; for the CLI and the API). */
  SafetyState read();

  /** The store's change counter as every process sees it: it changes on every write. */
  long generation();

  /**
   * The kill switch: HALTED, cause OPERATOR. Allowed in any state; a daily-loss halt in force stays
   * in force.
   *
   * @return the new state
   */
  default SafetyState activate(String operator, String reason) {
    return activate(operator, reason, false);
  }

  /**
   * The kill switch, as {@link #activate(String, String)}, recording whether every trader should
   * also close its positions when it acts on the halt ({@code --close-positions}).
   *
   * @return the new state
   */
  SafetyState activate(String operator, String reason, boolean closePositions);

  /**
   * REDUCING (only orders that reduce exposure), cause OPERATOR.
   *
   * @param overrideLossHalt lift a daily-loss halt in force ({@code --override-loss-halt})
   * @return the new state
   * @throws SafetyRefusal ({@link SafetyRefusal.Rule#LOSS_HALT_IN_FORCE}) while a daily-loss halt
   *     is in force, unless {@code overrideLossHalt}
   */
  SafetyState reduce(String operator, String reason, boolean overrideLossHalt);

  /**
   * ACTIVE, cause OPERATOR. Over a state that could not be read this is the recovery: it writes a
   * fresh state with cause {@link StateCause#RECOVERY}.
   *
   * @param overrideLossHalt lift a daily-loss halt in force ({@code --override-loss-halt})
   * @return the new state
   * @throws SafetyRefusal ({@link SafetyRefusal.Rule#LOSS_HALT_IN_FORCE}) while a daily-loss halt
   *     is in force, unless {@code overrideLossHalt}
   */
  SafetyState deactivate(String operator, String reason, boolean overrideLossHalt);

  /**
   * An automatic control makes the state stricter: never lowers it, and writes nothing when the
   * state is already at least {@code to} (except to record a later daily-loss halt), or when the
   * state could not be read (it is HALTED already; only an operator recovers it).
   *
   * @param to the state the control asks for
   * @param cause an automatic cause ({@link StateCause#isAutomatic})
   * @param control the control's name, recorded as the operator ({@code max-daily-loss})
   * @param reason why, with the values
   * @param lossHaltUntil with {@link StateCause#DAILY_LOSS} (and HALTED): when the halt ends, for
   *     example the start of the next exchange session day; null otherwise
   * @return the state now, changed or not
   */
  SafetyState escalate(
      TradingState to, StateCause cause, String control, String reason, Instant lossHaltUntil);

  /** Tells {@code listener} of every change this store makes, after it is durable. */
  void addListener(StateChangeListener listener);

  /** Where the state is kept, for messages and the audit log (a file's absolute path). */
  String location();
}
