package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.RandomBars;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DonchianTest {
  // (high, low) per bar
  private static final double[][] HL = {{5, 1}, {7, 2}, {6, 3}, {4, 0}, {3, 2.5}, {8, 4}};

  private static double[][] run(Donchian d) {
    double[][] out = new double[HL.length][];
    for (int i = 0; i < HL.length; i++) {
      d.update(HL[i][0], HL[i][1]);
      out[i] = new double[] {d.upper(), d.middle(), d.lower()};
    }
    return out;
  }

  @Test
  void windowIncludesTheCurrentBarByDefault() {
    // period 3: bar 2 -> highs 5,7,6 / lows 1,2,3: 7, 4, 1; bar 3 -> 7,6,4 / 2,3,0: 7, 3.5, 0;
    // bar 4 -> 6,4,3 / 3,0,2.5: 6, 3, 0; bar 5 -> 4,3,8 / 0,2.5,4: 8, 4, 0.
    Donchian d = new Donchian(3);
    double[][] v = run(d);
    assertThat(d.warmup()).isEqualTo(2);
    assertThat(v[1]).containsOnly(Double.NaN);
    assertThat(v[2]).containsExactly(7, 4, 1);
    assertThat(v[3]).containsExactly(7, 3.5, 0);
    assertThat(v[4]).containsExactly(6, 3, 0);
    assertThat(v[5]).containsExactly(8, 4, 0);
  }

  @Test
  void excludeCurrentUsesThePriorPeriodBars() {
    // period 3, prior bars: bar 3 <- bars 0..2: 7, 4, 1; bar 4 <- 1..3: 7, 3.5, 0;
    // bar 5 <- 2..4: 6, 3, 0 (bar 5's own high 8 is not in its window).
    Donchian d = new Donchian(3, true);
    double[][] v = run(d);
    assertThat(d.warmup()).isEqualTo(3);
    assertThat(v[2]).containsOnly(Double.NaN);
    assertThat(v[3]).containsExactly(7, 4, 1);
    assertThat(v[4]).containsExactly(7, 3.5, 0);
    assertThat(v[5]).containsExactly(6, 3, 0);
  }

  @Test
  void extremesLeaveTheWindowWhenTheyExpire() {
    // falling highs and rising lows: the extreme is always the oldest bar of the window, so
    // it leaves on every bar: upper(t) = high(t-2) = 100-(t-2), lower(t) = low(t-2) = t-2.
    Donchian d = new Donchian(3);
    for (int t = 0; t < 50; t++) {
      d.update(100 - t, t);
      if (t >= 2) {
        assertThat(d.upper()).isEqualTo(100 - (t - 2));
        assertThat(d.lower()).isEqualTo(t - 2);
      }
    }
  }

  /** Against the definition computed naively, on random walks, both window conventions. */
  @ParameterizedTest
  @CsvSource({"1,false", "1,true", "2,false", "5,true", "20,false", "20,true", "55,true"})
  void equalsTheNaiveDefinition(int period, boolean exclude) {
    for (long seed = 1; seed <= 5; seed++) {
      BarSeries s = RandomBars.walk("X", 300, seed);
      Donchian d = new Donchian(period, exclude);
      for (int t = 0; t < s.size(); t++) {
        d.update(s.high(t), s.low(t));
        int to = exclude ? t - 1 : t;
        int from = to - period + 1;
        if (from < 0) {
          assertThat(d.upper()).isNaN();
          continue;
        }
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int j = from; j <= to; j++) {
          hi = Math.max(hi, s.high(j));
          lo = Math.min(lo, s.low(j));
        }
        assertThat(d.upper()).as("upper at %d", t).isEqualTo(hi);
        assertThat(d.lower()).as("lower at %d", t).isEqualTo(lo);
        assertThat(d.middle()).isEqualTo((hi + lo) / 2);
      }
    }
  }

  @Test
  void registeredWithTheExcludeCurrentOption() {
    IndicatorFactory f = IndicatorRegistry.builtIn().get("donchian");
    Indicator inc = f.create(Params.resolve("donchian", f.params(), Map.of("period", 3)));
    Indicator exc =
        f.create(
            Params.resolve("donchian", f.params(), Map.of("period", 3, "exclude_current", true)));
    assertThat(inc.outputs()).containsExactly("upper", "middle", "lower");
    assertThat(f.create(Params.resolve("donchian", f.params(), Map.of())).warmup()).isEqualTo(19);
    for (double[] b : HL) {
      inc.update(0, b[0], b[0], b[1], b[1], 1);
      exc.update(0, b[0], b[0], b[1], b[1], 1);
    }
    assertThat(inc.value(0)).isEqualTo(8);
    assertThat(exc.value(0)).isEqualTo(6);
  }
}
