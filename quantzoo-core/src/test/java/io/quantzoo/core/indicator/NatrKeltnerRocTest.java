package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

class NatrKeltnerRocTest {
  /** Closes 10 11 10 10 11; true ranges: bar 0 H-L = 3; then 2, 2.5, 1, 2. */
  private static final BarSeries BARS =
      Bars.of("K")
          .bar(10, 11, 8, 10)
          .bar(10, 12, 10, 11)
          .bar(11, 11.5, 9, 10)
          .bar(10, 10.5, 9.5, 10)
          .bar(10, 12, 10, 11)
          .build();

  private static double[][] run(Indicator ind) {
    return Indicators.compute(ind, BARS).columns();
  }

  @Test
  void natrIsAtrOverClose() {
    // ATR(2) Wilder from bar 1: 2.25 (bar 2), 1.625, 1.8125
    double[] v = run(new Natr(2))[0];
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(100 * 2.25 / 10, within(1e-12));
    assertThat(v[3]).isCloseTo(100 * 1.625 / 10, within(1e-12));
    assertThat(v[4]).isCloseTo(100 * 1.8125 / 11, within(1e-12));
  }

  @Test
  void natrKeepsTheAtrConventions() {
    // high_low: ATR (3+2)/2 = 2.5 at bar 1; simple: (2.5+1)/2 = 1.75 at bar 3
    Natr hl = new Natr(2, Smoothing.WILDER, FirstTrueRange.HIGH_LOW);
    assertThat(hl.warmup()).isEqualTo(1);
    assertThat(run(hl)[0][1]).isCloseTo(100 * 2.5 / 11, within(1e-12));
    double[] simple = run(new Natr(2, Smoothing.SIMPLE, FirstTrueRange.SKIP))[0];
    assertThat(simple[3]).isCloseTo(100 * 1.75 / 10, within(1e-12));
    assertThat(simple[4]).isCloseTo(100 * 1.5 / 11, within(1e-12));
  }

  @Test
  void keltnerBandsStartTogether() {
    // EMA(2) of closes, SMA seed: 10.5 (bar 1), 10.5 + 2/3(10 - 10.5) = 61/6, 61/6 - 1/9 = 181/18
    // ATR(2) Wilder: 2.25 (bar 2), 1.625; mult 2
    Keltner k = new Keltner(2, 2, 2);
    double[][] v = run(k);
    assertThat(k.outputs()).containsExactly("upper", "middle", "lower");
    assertThat(k.warmup()).isEqualTo(2);
    for (int o = 0; o < 3; o++) {
      assertThat(v[o][1]).as("output %d masked while ATR is undefined", o).isNaN();
    }
    assertThat(v[1][2]).isCloseTo(61.0 / 6, within(1e-12));
    assertThat(v[0][2]).isCloseTo(61.0 / 6 + 4.5, within(1e-12));
    assertThat(v[2][2]).isCloseTo(61.0 / 6 - 4.5, within(1e-12));
    assertThat(v[1][3]).isCloseTo(181.0 / 18, within(1e-12));
    assertThat(v[0][3]).isCloseTo(181.0 / 18 + 3.25, within(1e-12));
    assertThat(v[2][3]).isCloseTo(181.0 / 18 - 3.25, within(1e-12));
  }

  @Test
  void keltnerWaitsForTheLaterOfEmaAndAtr() {
    // EMA(4) is defined from bar 3, ATR(2) from bar 2; mult 1
    Keltner k = new Keltner(4, 1, 2);
    double[][] v = run(k);
    assertThat(k.warmup()).isEqualTo(3);
    assertThat(v[0][2]).isNaN();
    assertThat(v[1][3]).isCloseTo(41.0 / 4, within(1e-12)); // mean of 10 11 10 10
    assertThat(v[0][3]).isCloseTo(41.0 / 4 + 1.625, within(1e-12));
  }

  @Test
  void rocInPercentOfTheValueNBarsAgo() {
    // period 2: 100(12-10)/10 = 20; 100(9-11)/11; 100(0-12)/12 = -100; 100(5-9)/9; x[t-2] = 0 -> 0
    Roc r = new Roc(2);
    double[] v = Indicators.compute(r, new double[] {10, 11, 12, 9, 0, 5, 7});
    assertThat(r.warmup()).isEqualTo(2);
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(20, within(1e-12));
    assertThat(v[3]).isCloseTo(-200.0 / 11, within(1e-12));
    assertThat(v[4]).isCloseTo(-100, within(1e-12));
    assertThat(v[5]).isCloseTo(-400.0 / 9, within(1e-12));
    assertThat(v[6]).isZero();
  }

  @Test
  void rocReadsTheChosenSource() {
    // highs 11 12 11.5: 100(11.5 - 11)/11
    double[] v = run(new Roc(2, PriceSource.HIGH))[0];
    assertThat(v[2]).isCloseTo(50.0 / 11, within(1e-12));
  }

  @Test
  void rocTalibRegressionValues() {
    // TA-Lib ta_regtest test_mom.c, ROC(14) on the reference closes; the table truncates
    // (-0.54645 as -0.546), so the tolerance is one unit of the last digit shown
    double[] v = Indicators.compute(new Roc(14), TalibReference.bars()).columns()[0];
    assertThat(v[13]).isNaN();
    assertThat(v[14]).isCloseTo(-0.546, within(1e-3));
    assertThat(v[15]).isCloseTo(-2.109, within(1e-3));
    assertThat(v[16]).isCloseTo(-5.53, within(1e-2));
    assertThat(v[251]).isCloseTo(-1.0367, within(1e-4));
  }
}
