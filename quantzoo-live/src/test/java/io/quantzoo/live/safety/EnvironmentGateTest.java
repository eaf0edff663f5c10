package io.quantzoo.live.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.util.ConfigException;
import io.quantzoo.live.TradingRefusedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentGateTest {

  /** The whole matrix, environment x config mode x --live, with a real-money broker. */
  @ParameterizedTest(name = "{0} mode={1} --live={2} -> {3}")
  @CsvSource({
    "DEVELOPMENT, PAPER, false, PAPER",
    "DEVELOPMENT, PAPER, true,  ENVIRONMENT_NOT_PRODUCTION",
    "DEVELOPMENT, LIVE,  false, ENVIRONMENT_NOT_PRODUCTION",
    "DEVELOPMENT, LIVE,  true,  ENVIRONMENT_NOT_PRODUCTION",
    "PAPER,       PAPER, false, PAPER",
    "PAPER,       PAPER, true,  ENVIRONMENT_NOT_PRODUCTION",
    "PAPER,       LIVE,  false, ENVIRONMENT_NOT_PRODUCTION",
    "PAPER,       LIVE,  true,  ENVIRONMENT_NOT_PRODUCTION",
    "PRODUCTION,  PAPER, false, PAPER",
    "PRODUCTION,  PAPER, true,  CONFIG_NOT_LIVE",
    "PRODUCTION,  LIVE,  false, LIVE_FLAG_MISSING",
    "PRODUCTION,  LIVE,  true,  LIVE",
  })
  void matrix(Environment env, TradingMode mode, boolean flag, String expected) {
    if (expected.equals("PAPER") || expected.equals("LIVE")) {
      EnvironmentGate.Admission a = EnvironmentGate.check(env, mode, flag, true, List.of());
      assertThat(a.mode()).isEqualTo(TradingMode.valueOf(expected));
      assertThat(a.realMoney()).isEqualTo(expected.equals("LIVE"));
      assertThat(a.environment()).isEqualTo(env);
    } else {
      assertThatThrownBy(() -> EnvironmentGate.check(env, mode, flag, true, List.of()))
          .isInstanceOfSatisfying(
              TradingRefusedException.class,
              e -> assertThat(e.rule()).isEqualTo(SafetyRule.valueOf(expected)));
    }
  }

  @Test
  void realMoneyNeedsARealMoneyBroker() {
    assertThatThrownBy(() ->
            EnvironmentGate.check(Environment.PRODUCTION, TradingMode.LIVE, true, false, List.of()))
        .isInstanceOfSatisfying(
            TradingRefusedException.class,
            e -> assertThat(e.rule()).isEqualTo(SafetyRule.BROKER_NOT_LIVE));
    // paper with the paper broker is fine everywhere
    for (Environment env : Environment.values()) {
      assertThat(EnvironmentGate.check(env, TradingMode.PAPER, false, false, List.of()).mode())
          .isEqualTo(TradingMode.PAPER);
    }
  }

  @Test
  void productionRefusesUnsetLimitsForPaperAndLiveAndNamesThem() {
    List<String> unset = List.of("max_daily_loss", "max_open_orders");
    for (TradingMode mode : TradingMode.values()) {
      assertThatThrownBy(() ->
              EnvironmentGate.check(
                  Environment.PRODUCTION, mode, mode == TradingMode.LIVE, true, unset))
          .isInstanceOfSatisfying(
              TradingRefusedException.class,
              e -> {
                assertThat(e.rule()).isEqualTo(SafetyRule.LIMITS_UNSET);
                assertThat(e.getMessage()).contains("max_daily_loss, max_open_orders");
              });
    }
    // outside production unset limits are allowed (documented defaults apply)
    assertThat(
            EnvironmentGate.check(Environment.PAPER, TradingMode.PAPER, false, false, unset).mode())
        .isEqualTo(TradingMode.PAPER);
  }

  @Test
  void environmentVariableParsing() {
    assertThat(Environment.from(Map.of())).isEqualTo(Environment.DEVELOPMENT);
    assertThat(Environment.from(Map.of("QUANTZOO_ENV", " Production ")))
        .isEqualTo(Environment.PRODUCTION);
    assertThat(Environment.from(Map.of("QUANTZOO_ENV", "paper"))).isEqualTo(Environment.PAPER);
    assertThatThrownBy(() -> Environment.from(Map.of("QUANTZOO_ENV", "prod")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'prod'");
    assertThat(TradingMode.parse(null)).isEqualTo(TradingMode.PAPER);
    assertThat(TradingMode.parse("LIVE")).isEqualTo(TradingMode.LIVE);
    assertThatThrownBy(() -> TradingMode.parse("real")).isInstanceOf(ConfigException.class);
  }
}
