package io.quantzoo.app.trade;

import io.quantzoo.live.SafetyInputs;
import io.quantzoo.live.StoreInputs;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.Environment;
import io.quantzoo.live.safety.TradingMode;
import io.quantzoo.live.safety.TradingStateStore;
import java.util.Objects;

/**
 * The safety layer a trading session runs under (docs/SAFETY.md): the machine-wide trading state,
 * the audit log, the environment, the config's mode and the command line's {@code --live}.
 *
 * @param store the trading state (null: {@link #unguarded} only)
 * @param audit the audit log (null: {@link #unguarded} only)
 * @param environment {@code QUANTZOO_ENV}
 * @param mode the config's {@code mode:}
 * @param liveFlag whether {@code --live} was given
 */
public record TradeSafety(
    TradingStateStore store,
    AuditLog audit,
    Environment environment,
    TradingMode mode,
    boolean liveFlag) {
  public TradeSafety {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * The trading directory's state and audit log: what {@code qz trade} always uses.
   *
   * @param store the trading state
   * @param audit the audit log
   */
  public static TradeSafety of(
      TradingStateStore store,
      AuditLog audit,
      Environment environment,
      TradingMode mode,
      boolean liveFlag) {
    return new TradeSafety(
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(audit, "audit"),
        environment,
        mode,
        liveFlag);
  }

  /**
   * No operator state (always ACTIVE) and no audit: for tests and equivalence checks only; the
   * pre-trade controls still apply. {@code qz trade} never runs unguarded.
   */
  public static TradeSafety unguarded() {
    return new TradeSafety(null, null, Environment.DEVELOPMENT, TradingMode.PAPER, false);
  }

  /** What the session reads of the trading state. */
  public SafetyInputs inputs() {
    return store == null ? SafetyInputs.NONE : new StoreInputs(store);
  }
}
