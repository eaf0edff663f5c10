package io.quantzoo.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.util.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamRecordsTest {
  record Demo(
      @Param(value = "fast period", def = "10", min = 1, max = 100) int fastPeriod,
      @Param(value = "slow period", def = "30", min = 2, max = 500) int slowPeriod,
      @Param(value = "threshold", def = "0.5", min = 0, max = 1) double threshold,
      @Param(value = "enabled", def = "true") boolean enabled,
      @Param(
              value = "side",
              def = "long_short",
              choices = {"long_short", "long_only"})
          String direction,
      @Param(value = "session start", def = "08:00") String sessionStart) {
    Demo {
      if (fastPeriod >= slowPeriod) {
        throw new ConfigException(
            "params.fast_period", "fast_period must be < slow_period, was " + fastPeriod);
      }
    }
  }

  @Test
  void specsComeFromTheRecordInComponentOrderWithSnakeCaseNames() {
    assertThat(ParamRecords.specs(Demo.class))
        .extracting(ParamSpec::name)
        .containsExactly(
            "fast_period", "slow_period", "threshold", "enabled", "direction", "session_start");
    ParamSpec fast = ParamRecords.specs(Demo.class).get(0);
    assertThat(fast.type()).isEqualTo(ParamSpec.Type.INT);
    assertThat(fast.defaultValue()).isEqualTo(10);
    assertThat(fast.min()).isEqualTo(1);
    assertThat(fast.max()).isEqualTo(100);
    assertThat(ParamRecords.specs(Demo.class).get(4).type()).isEqualTo(ParamSpec.Type.CHOICE);
    assertThat(ParamRecords.specs(Demo.class).get(5).type()).isEqualTo(ParamSpec.Type.TEXT);
  }

  @Test
  void bindsDefaultsAndGivenValues() {
    Demo d = ParamRecords.resolve("demo", Demo.class, Map.of("slow_period", 50, "enabled", false));
    assertThat(d).isEqualTo(new Demo(10, 50, 0.5, false, "long_short", "08:00"));
  }

  @Test
  void rangeAndCrossParameterRulesAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> ParamRecords.resolve("demo", Demo.class, Map.of("threshold", 2.0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("threshold")
        .hasMessageContaining("was 2.0");
    assertThatThrownBy(() -> ParamRecords.resolve("demo", Demo.class, Map.of("fast_period", 40)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("fast_period must be < slow_period, was 40");
  }
}
