package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.TalibReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WilliamsRTest {

  @Test
  void byHand() {
    // period 3, -100*(HH-C)/(HH-LL):
    // bar 2: HH 12, LL 8, C 11 -> -25;  bar 3: HH 12, LL 9, C 10 -> -66.667
    // bar 4: HH 13, LL 9, C 13 -> 0;    bar 5: HH 13, LL 9, C 10 -> -75
    double[] r =
        Indicators.compute(
                new WilliamsR(3),
                Bars.of("X")
                    .bar(9, 10, 8, 9)
                    .bar(10, 11, 9, 10)
                    .bar(11, 12, 10, 11)
                    .bar(10, 12, 9, 10)
                    .bar(12, 13, 11, 13)
                    .bar(11, 12, 10, 10)
                    .build())
            .column("williams_r");
    assertThat(r[0]).isNaN();
    assertThat(r[1]).isNaN();
    assertThat(r[2]).isCloseTo(-25, within(1e-12));
    assertThat(r[3]).isCloseTo(-200.0 / 3, within(1e-12));
    assertThat(r[4]).isCloseTo(0, within(1e-12));
    assertThat(r[5]).isCloseTo(-75, within(1e-12));
  }

  @Test
  void flatRangeGivesMinusFifty() {
    WilliamsR w = new WilliamsR(2);
    w.update(7, 7, 7);
    assertThat(w.update(7, 7, 7)).isEqualTo(-50.0);
  }

  @Test
  void windowForgetsOldExtremes() {
    // period 2: the spike high of bar 0 leaves the window at bar 2
    WilliamsR w = new WilliamsR(2);
    w.update(20, 10, 15);
    assertThat(w.update(12, 10, 11)).isCloseTo(-90, within(1e-12)); // HH 20, LL 10
    assertThat(w.update(13, 11, 12)).isCloseTo(-100.0 / 3, within(1e-12)); // HH 13, LL 10
  }

  @Test
  void rollingExtremesMatchTheDefinitionWithTies() {
    // whole-number prices repeat often, which exercises the equal-value handling of the rolling
    // highest/lowest; expected values from the definition, scanning the window directly
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 5;
    double[] hi = new double[400];
    double[] lo = new double[400];
    WilliamsR w = new WilliamsR(n);
    for (int t = 0; t < hi.length; t++) {
      lo[t] = rnd.nextInt(10);
      hi[t] = lo[t] + rnd.nextInt(3);
      double c = lo[t] + (hi[t] - lo[t]) / 2;
      double v = w.update(hi[t], lo[t], c);
      if (t < n - 1) {
        assertThat(v).isNaN();
        continue;
      }
      double hh = Double.NEGATIVE_INFINITY;
      double ll = Double.POSITIVE_INFINITY;
      for (int j = t - n + 1; j <= t; j++) {
        hh = Math.max(hh, hi[j]);
        ll = Math.min(ll, lo[j]);
      }
      double expected = hh == ll ? -50 : -100 * (hh - c) / (hh - ll);
      assertThat(v).as("bar %d", t).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void matchesTalibWillrOnItsReferenceSeries() {
    // TA-Lib 0.4.0 WILLR(14): first output at bar 13
    double[] r = Indicators.compute(new WilliamsR(14), TalibReference.bars()).column("williams_r");
    assertThat(r[12]).isNaN();
    assertThat(r[13]).isCloseTo(-90.1942645698, within(1e-9));
    assertThat(r[14]).isCloseTo(-66.9902912621, within(1e-9));
    assertThat(r[100]).isCloseTo(-45.9016393443, within(1e-9));
    assertThat(r[251]).isCloseTo(-59.1515151515, within(1e-9));
  }

  @Test
  void rejectsBadPeriod() {
    assertThatThrownBy(() -> new WilliamsR(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be >= 1, was 0");
  }
}
