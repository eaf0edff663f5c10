package io.quantzoo.live.safety;

/**
 * A safety rule that refuses to start or continue trading. Every refusal names one; {@code qz}
 * exits with code 4 and prints the rule's {@link #key()} with the reason (docs/SAFETY.md).
 */
public enum SafetyRule {
  /** Another running trader holds the session. */
  SESSION_IN_USE,
  /** The trading directory is not usable as configured (e.g. a relative path). */
  TRADING_DIRECTORY,
  /** Real-money trading asked for outside {@code QUANTZOO_ENV=production}. */
  ENVIRONMENT_NOT_PRODUCTION,
  /** Real-money trading asked for by the config or the environment without {@code --live}. */
  LIVE_FLAG_MISSING,
  /** {@code --live} given while the config does not say {@code mode: live}. */
  CONFIG_NOT_LIVE,
  /** Real-money trading asked for with a broker that is not a real-money broker. */
  BROKER_NOT_LIVE,
  /** {@code QUANTZOO_ENV=production} while pre-trade limits are unset. */
  LIMITS_UNSET,
  /** A live order or session without a valid operator approval. */
  APPROVAL_REQUIRED,
  /** Deactivating the kill switch while a daily-loss halt is in force. */
  LOSS_HALT_IN_FORCE,
  /** Typed confirmation did not match, or did not come in time. */
  CONFIRMATION_FAILED;

  /** The rule's name as printed and audited, e.g. {@code environment_not_production}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
