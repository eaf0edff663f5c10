package io.quantzoo.core.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.util.ConfigException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {
  private static long[] hourly(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 3_600_000L;
    }
    return t;
  }

  private static WalkForwardSpec spec(Map<String, Object> raw) {
    return WalkForwardSpec.fromMap(raw);
  }

  @Test
  void slidingBarWindowsTileTheOutOfSampleRange() {
    // 100 bars, IS 40, OOS 20, step 20: windows at k = 0, 1, 2 (IS end 40, 60, 80 < 100).
    List<Window> w =
        WindowPlanner.plan(hourly(100), spec(Map.of("in_sample", 40, "out_of_sample", 20)));
    assertThat(w)
        .containsExactly(
            new Window(0, 0, 0, 40, 40, 60),
            new Window(1, 20, 20, 60, 60, 80),
            new Window(2, 40, 40, 80, 80, 100));
  }

  @Test
  void lastOutOfSampleIsCutAtTheEndOfData() {
    // 90 bars: the third window's OOS [80, 100) is cut to [80, 90).
    List<Window> w =
        WindowPlanner.plan(hourly(90), spec(Map.of("in_sample", 40, "out_of_sample", 20)));
    assertThat(w).hasSize(3);
    assertThat(w.get(2)).isEqualTo(new Window(2, 40, 40, 80, 80, 90));
  }

  @Test
  void anchoredWindowsGrowTheInSampleFromTheStart() {
    List<Window> w =
        WindowPlanner.plan(
            hourly(100),
            spec(Map.of("mode", "anchored", "in_sample", 40, "out_of_sample", 30, "step", 30)));
    // IS ends 40, 70 (100 is the end of data: no third window); OOS [40,70), [70,100).
    assertThat(w)
        .containsExactly(new Window(0, 0, 0, 40, 40, 70), new Window(1, 0, 0, 70, 70, 100));
  }

  @Test
  void warmupCountsBarsBeforeTheOutOfSampleStart() {
    List<Window> w =
        WindowPlanner.plan(
            hourly(100), spec(Map.of("in_sample", 40, "out_of_sample", 20, "warmup", 10)));
    assertThat(w.get(0).warmFrom()).isEqualTo(30);
    assertThat(w.get(1).warmFrom()).isEqualTo(50);
    List<Window> big =
        WindowPlanner.plan(
            hourly(100), spec(Map.of("in_sample", 40, "out_of_sample", 20, "warmup", 1000)));
    assertThat(big.get(0).warmFrom()).isZero(); // never before bar 0
  }

  @Test
  void calendarMonthsUseUtcMonthBoundaries() {
    // Daily bars from 2024-01-15 to 2024-06-30 (UTC midnight).
    long first = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli();
    int n = 168; // 2024-01-15 + 167 days = 2024-06-30
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = first + i * 86_400_000L;
    }
    List<Window> w =
        WindowPlanner.plan(t, spec(Map.of("unit", "months", "in_sample", 2, "out_of_sample", 1)));
    // Anchor 2024-01-01. k=0: IS [Jan 1, Mar 1) = bars Jan 15..Feb 29 -> [0, 46);
    // OOS [Mar 1, Apr 1) -> [46, 77). k=1: IS [Feb 1, Apr 1) -> [17, 77), OOS April [77, 107).
    // k=2: OOS May [107, 138); k=3: OOS June [138, 168). k=4: IS end Jul 1 is after the data.
    assertThat(w).hasSize(4);
    assertThat(w.get(0)).isEqualTo(new Window(0, 0, 0, 46, 46, 77));
    assertThat(w.get(1)).isEqualTo(new Window(1, 17, 17, 77, 77, 107));
    assertThat(Instant.ofEpochMilli(t[w.get(3).oosFrom()]).toString())
        .isEqualTo("2024-06-01T00:00:00Z");
    assertThat(w.get(3).oosTo()).isEqualTo(168);
  }

  @Test
  void badSectionsAreRefusedWithTheKey() {
    assertThatThrownBy(() -> spec(Map.of("in_sample", 40)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("walkforward.out_of_sample");
    assertThatThrownBy(() -> spec(Map.of("in_sample", 40, "out_of_sample", 20, "step", 30)))
        .hasMessageContaining("step must be <= out_of_sample");
    assertThatThrownBy(() -> spec(Map.of("in_sample", 40, "out_of_sample", 20, "unit", "hours")))
        .hasMessageContaining("unit must be");
    assertThatThrownBy(() -> spec(Map.of("in_sample", 40, "out_of_sample", 20, "windowz", 1)))
        .hasMessageContaining("unknown key 'walkforward.windowz'");
  }
}
