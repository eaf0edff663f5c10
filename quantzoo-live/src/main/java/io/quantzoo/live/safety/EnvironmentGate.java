package io.quantzoo.live.safety;

import io.quantzoo.live.TradingRefusedException;
import java.util.List;
import java.util.Objects;

/**
 * The environment gate: real-money trading starts only when the environment is {@code production},
 * the config says {@code mode: live}, the command line says {@code --live} and the broker is a
 * real-money broker; every other combination that asks for real money is refused before any
 * connection is made. In {@code production} every pre-trade limit must be set, for paper and live
 * alike. Paper is the default everywhere (docs/SAFETY.md).
 */
public final class EnvironmentGate {

  /**
   * What the gate decided to let start.
   *
   * @param environment the environment
   * @param mode the mode that will trade
   */
  public record Admission(Environment environment, TradingMode mode) {
    /** Whether real money is at stake. */
    public boolean realMoney() {
      return mode == TradingMode.LIVE;
    }
  }

  private EnvironmentGate() {}

  /**
   * Checks one start.
   *
   * @param environment {@code QUANTZOO_ENV}
   * @param mode the config's {@code mode:}
   * @param liveFlag whether {@code --live} was given
   * @param realMoneyBroker whether the configured broker trades real money (never the paper venue)
   * @param unsetLimits the config keys of the pre-trade limits that are not set
   * @return the admission
   * @throws TradingRefusedException naming the rule, before anything connects
   */
  public static Admission check(
      Environment environment,
      TradingMode mode,
      boolean liveFlag,
      boolean realMoneyBroker,
      List<String> unsetLimits) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(mode, "mode");
    boolean wantsLive = mode == TradingMode.LIVE || liveFlag;
    if (wantsLive) {
      if (environment != Environment.PRODUCTION) {
        throw new TradingRefusedException(
            SafetyRule.ENVIRONMENT_NOT_PRODUCTION,
            "real-money trading needs "
                + Environment.ENV
                + "=production, this is "
                + environment.label()
                + (liveFlag ? " (--live given)" : " (the config says mode: live)")
                + "; trade on paper here: drop --live and set mode: paper");
      }
      if (mode != TradingMode.LIVE) {
        throw new TradingRefusedException(
            SafetyRule.CONFIG_NOT_LIVE,
            "--live was given but the config says mode: "
                + mode.label()
                + "; real money needs both the config's mode: live and --live");
      }
      if (!liveFlag) {
        throw new TradingRefusedException(
            SafetyRule.LIVE_FLAG_MISSING,
            "the config says mode: live but --live was not given; real money needs both");
      }
      if (!realMoneyBroker) {
        throw new TradingRefusedException(
            SafetyRule.BROKER_NOT_LIVE,
            "mode: live needs a real-money broker; the paper broker never trades real money");
      }
    }
    if (environment == Environment.PRODUCTION && !unsetLimits.isEmpty()) {
      throw new TradingRefusedException(
          SafetyRule.LIMITS_UNSET,
          Environment.ENV
              + "=production refuses to start while pre-trade limits are unset: "
              + String.join(", ", unsetLimits)
              + " (set each in the config's risk: section, docs/SAFETY.md)");
    }
    return new Admission(environment, wantsLive ? TradingMode.LIVE : TradingMode.PAPER);
  }
}
