package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.TalibReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WmaTest {

  @Test
  void weightsOneToNNewestHeaviest() {
    // period 3, divisor 6: (1+2*2+3*3)/6 = 14/6; (2+6+12)/6 = 20/6; (3+8+15)/6 = 26/6;
    // (4+2*5+3*10)/6 = 44/6
    double[] v = Indicators.compute(new Wma(3), new double[] {1, 2, 3, 4, 5, 10});
    assertThat(v[0]).isNaN();
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(14.0 / 6, within(1e-12));
    assertThat(v[3]).isCloseTo(20.0 / 6, within(1e-12));
    assertThat(v[4]).isCloseTo(26.0 / 6, within(1e-12));
    assertThat(v[5]).isCloseTo(44.0 / 6, within(1e-12));
    assertThat(new Wma(3).warmup()).isEqualTo(2);
  }

  @Test
  void periodOneIsTheInput() {
    double[] v = Indicators.compute(new Wma(1), new double[] {3, -1, 7.5});
    assertThat(v).containsExactly(3, -1, 7.5);
  }

  @Test
  void runningSumsMatchTheDefinitionOverManyCycles() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 7;
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e6 + rnd.nextGaussian() * 10;
    }
    double[] v = Indicators.compute(new Wma(n), x);
    for (int t = n - 1; t < x.length; t++) {
      double num = 0;
      for (int k = 1; k <= n; k++) {
        num += k * x[t - n + k];
      }
      assertThat(v[t]).as("bar %d", t).isCloseTo(num / (n * (n + 1) / 2.0), within(1e-7));
    }
  }

  @Test
  void readsTheChosenSource() {
    BarSeries bars = Bars.of("S").bar(3, 4, 2, 3).bar(5, 8, 4, 5).build();
    Wma w = new Wma(2, PriceSource.HL2);
    // hl2: 3, 6 -> (3 + 2*6)/3 = 5
    assertThat(Indicators.compute(w, bars).columns()[0][1]).isCloseTo(5, within(1e-12));
  }

  @Test
  void talibRegressionValues() {
    // TA-Lib ta_regtest test_ma.c, TA_MA_WEIGHTED on the reference closes; the table writes its
    // values truncated (88.5677 as 88.567), so the tolerance is one unit of the last digit shown
    double[] w30 = Indicators.compute(new Wma(30), TalibReference.bars()).columns()[0];
    assertThat(w30[28]).isNaN();
    assertThat(w30[29]).isCloseTo(88.567, within(1e-3));
    assertThat(w30[30]).isCloseTo(88.233, within(1e-3));
    assertThat(w30[31]).isCloseTo(88.034, within(1e-3));
    assertThat(w30[58]).as("output index 29").isCloseTo(87.191, within(1e-3));
    // the table lists 109.3413 at output index 221 (bar 250) and 109.3466 at 222 (bar 251) and
    // checks them to 0.01, its tolerance; the two values are the other way round (109.3466 at
    // bar 250, 109.3413 at bar 251), so only TA-Lib's own tolerance is asserted here
    assertThat(w30[250]).isCloseTo(109.3413, within(0.01));
    assertThat(w30[251]).isCloseTo(109.3466, within(0.01));
    double[] w2 = Indicators.compute(new Wma(2), TalibReference.bars()).columns()[0];
    assertThat(w2[1]).isCloseTo(93.71, within(1e-2));
    assertThat(w2[2]).isCloseTo(94.52, within(1e-2));
    assertThat(w2[3]).isCloseTo(94.85, within(1e-2));
    assertThat(w2[251]).isCloseTo(108.16, within(1e-2));
  }

  @Test
  void rejectsANonPositivePeriod() {
    assertThatThrownBy(() -> new Wma(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be >= 1, was 0");
  }
}
