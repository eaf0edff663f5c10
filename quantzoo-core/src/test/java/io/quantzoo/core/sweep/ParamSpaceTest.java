package io.quantzoo.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.strategy.SmaCross;
import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamSpaceTest {
  private static final Map<String, Object> BASE =
      Map.of(
          "fast",
          10,
          "slow",
          30,
          "direction",
          "long_short",
          "stop_atr",
          0.0,
          "take_profit_atr",
          0.0);

  private static SweepSpec spec(Map<String, Object> raw) {
    return SweepSpec.fromMap(raw, new SmaCross.Factory().params(), new LinkedHashMap<>(BASE));
  }

  private static List<Map<String, Object>> all(ParamSpace s) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = 0; i < s.upperBound(); i++) {
      SweepPoint p = s.at(i);
      if (p != null) {
        out.add(p.values());
      }
    }
    return out;
  }

  @Test
  void gridDecodesMixedRadixLastAxisFastest() {
    ParamSpace s =
        spec(Map.of(
                "params",
                new LinkedHashMap<>(Map.of("fast", List.of(5, 10))),
                "constraints",
                List.of()))
            .space();
    assertThat(s.upperBound()).isEqualTo(2);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("fast", Map.of("min", 5, "max", 15, "step", 5)); // 5, 10, 15
    params.put("slow", List.of(10, 20)); // 2 values
    ParamSpace g = spec(Map.of("params", params)).space();
    assertThat(g.upperBound()).isEqualTo(6);
    // index = i_fast * 2 + i_slow
    assertThat(g.at(0).values()).isEqualTo(Map.of("fast", 5, "slow", 10));
    assertThat(g.at(1).values()).isEqualTo(Map.of("fast", 5, "slow", 20));
    assertThat(g.at(4).values()).isEqualTo(Map.of("fast", 15, "slow", 10));
    assertThat(g.at(5).values()).isEqualTo(Map.of("fast", 15, "slow", 20));
  }

  @Test
  void constraintsFilterPointsButKeepIndicesStable() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("fast", List.of(5, 10, 15));
    params.put("slow", List.of(10, 20));
    ParamSpace g = spec(Map.of("params", params, "constraints", List.of("fast < slow"))).space();
    // Pairs (fast, slow): (5,10) (5,20) (10,10)x (10,20) (15,10)x (15,20) -> 4 valid.
    assertThat(g.countValid()).isEqualTo(4);
    assertThat(g.at(2)).isNull();
    assertThat(g.at(3).values()).isEqualTo(Map.of("fast", 10, "slow", 20));
    assertThat(g.at(3).index()).isEqualTo(3);
  }

  @Test
  void decimalStepsAreRoundedAndBoundsDefaultToDeclaredRange() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("stop_atr", Map.of("min", 0.1, "max", 0.5, "step", 0.1));
    ParamSpace g = spec(Map.of("params", params)).space();
    assertThat(all(g).stream().map(m -> m.get("stop_atr")).toList())
        .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
    ParamSpace d = spec(Map.of("params", Map.of("direction", "all"))).space();
    assertThat(all(d).stream().map(m -> m.get("direction")).toList())
        .containsExactly("long_short", "long_only", "short_only");
  }

  @Test
  void randomSamplingIsSeededWithoutReplacementOnAGrid() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("fast", Map.of("min", 2, "max", 40, "step", 1)); // 39 values
    params.put("slow", Map.of("min", 10, "max", 100, "step", 5)); // 19 values
    Map<String, Object> raw =
        Map.of(
            "method",
            "random",
            "samples",
            50,
            "seed",
            7,
            "params",
            params,
            "constraints",
            "fast < slow");
    ParamSpace a = spec(raw).space();
    ParamSpace b = spec(raw).space();
    assertThat(all(a)).isEqualTo(all(b)).hasSize(50);
    Set<Map<String, Object>> distinct = new HashSet<>(all(a));
    assertThat(distinct).hasSize(50);
    assertThat(all(a))
        .allSatisfy(m -> assertThat((Integer) m.get("fast")).isLessThan((Integer) m.get("slow")));
    Map<String, Object> other = new LinkedHashMap<>(raw);
    other.put("seed", 8);
    assertThat(all(spec(other).space())).isNotEqualTo(all(a));
  }

  @Test
  void randomSamplingOfContinuousIntervals() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("stop_atr", Map.of("min", 0.5, "max", 3.0));
    params.put("fast", Map.of("min", 3, "max", 9));
    ParamSpace s = spec(Map.of("method", "random", "samples", 200, "params", params)).space();
    assertThat(all(s))
        .hasSize(200)
        .allSatisfy(m -> {
          assertThat((Double) m.get("stop_atr")).isBetween(0.5, 3.0);
          assertThat((Integer) m.get("fast")).isBetween(3, 9);
        });
    // Every integer of [3, 9] is drawn in 200 uniform draws (miss chance ~ 7 * (6/7)^200).
    assertThat(all(s).stream().map(m -> m.get("fast")).distinct().count()).isEqualTo(7);
  }

  @Test
  void badSectionsNameTheKeyAndValue() {
    assertThatThrownBy(() -> spec(Map.of("params", Map.of("fastt", List.of(1)))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown parameter 'fastt'")
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo("sweep.params.fastt");
    assertThatThrownBy(() -> spec(Map.of("params", Map.of("fast", Map.of("min", 5, "max", 9)))))
        .hasMessageContaining("a grid needs a step");
    assertThatThrownBy(() -> spec(Map.of("params", Map.of("fast", List.of(0, 5)))))
        .hasMessageContaining("was 0");
    assertThatThrownBy(
            () -> spec(Map.of("params", Map.of("fast", List.of(5)), "objective", "sharp")))
        .hasMessageContaining("unknown metric 'sharp'");
    assertThatThrownBy(
            () -> spec(Map.of("params", Map.of("fast", List.of(5)), "constraints", "fats < 3")))
        .hasMessageContaining("unknown parameter 'fats'");
    assertThatThrownBy(() -> spec(Map.of("params", Map.of("fast", List.of(5)), "blocks", 7)))
        .hasMessageContaining("even");
    assertThatThrownBy(() -> spec(Map.of("params", Map.of("fast", List.of(5)), "topk", 7)))
        .hasMessageContaining("unknown key 'sweep.topk'");
  }
}
