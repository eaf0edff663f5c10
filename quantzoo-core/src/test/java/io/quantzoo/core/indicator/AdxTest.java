package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

class AdxTest {

  /**
   * Six bars (H, L, C): (10,8,9) (12,9,11) (13,10,12) (12,8,9) (11,7,8) (14,9,13). From bar 1:
   *
   * <pre>
   * bar  up  down  +DM  -DM  TR
   *  1    2   -1    2    0   max(3, 3, 0) = 3
   *  2    1   -1    1    0   max(3, 2, 1) = 3
   *  3   -1    2    0    2   max(4, 0, 4) = 4
   *  4   -1    1    0    1   max(4, 2, 2) = 4
   *  5    3   -2    3    0   max(5, 6, 1) = 6
   * </pre>
   */
  private static BarSeries sixBars() {
    return Bars.of("X")
        .bar(9, 10, 8, 9)
        .bar(9, 12, 9, 11)
        .bar(11, 13, 10, 12)
        .bar(12, 12, 8, 9)
        .bar(9, 11, 7, 8)
        .bar(9, 14, 9, 13)
        .build();
  }

  @Test
  void wilderSeedingByHand() {
    // period 2, Wilder: sums of the first 2 values (bars 1-2) at bar 2, then S = S - S/2 + x
    // bar 2: TR 6, +DM 3, -DM 0 -> +DI 50, -DI 0, DX 100
    // bar 3: TR 6-3+4 = 7, +DM 3-1.5+0 = 1.5, -DM 0+2 = 2 -> +DI 150/7, -DI 200/7,
    //        DX 100*0.5/3.5 = 14.2857; ADX = mean of the first 2 DX = (100+14.2857)/2 = 57.142857
    // bar 4: TR 7.5, +DM 0.75, -DM 2 -> +DI 10, -DI 26.667, DX 100*1.25/2.75 = 45.4545;
    //        ADX = 57.142857 + (45.4545-57.142857)/2 = 51.298701
    // bar 5: TR 9.75, +DM 3.375, -DM 1 -> +DI 34.615385, -DI 10.256410, DX 54.285714;
    //        ADX = 52.792208
    Adx adx = new Adx(2);
    IndicatorColumns c = Indicators.compute(adx, sixBars());
    assertThat(adx.warmup()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(c.column("adx")[i]).isNaN();
      assertThat(c.column("plus_di")[i]).as("DI held back until the ADX exists").isNaN();
      assertThat(c.column("minus_di")[i]).isNaN();
    }
    assertThat(c.column("adx")[3]).isCloseTo(400.0 / 7, within(1e-9));
    assertThat(c.column("plus_di")[3]).isCloseTo(150.0 / 7, within(1e-9));
    assertThat(c.column("minus_di")[3]).isCloseTo(200.0 / 7, within(1e-9));
    assertThat(c.column("adx")[4]).isCloseTo(51.2987012987, within(1e-9));
    assertThat(c.column("plus_di")[4]).isCloseTo(10, within(1e-9));
    assertThat(c.column("minus_di")[4]).isCloseTo(80.0 / 3, within(1e-9));
    assertThat(c.column("adx")[5]).isCloseTo(52.7922077922, within(1e-9));
    assertThat(c.column("plus_di")[5]).isCloseTo(337.5 / 9.75, within(1e-9));
    assertThat(c.column("minus_di")[5]).isCloseTo(100 / 9.75, within(1e-9));
  }

  @Test
  void talibSeedingByHand() {
    // period 2, TA-Lib: sum of the first n-1 = 1 value (bar 1: TR 3, +DM 2, -DM 0), then the
    // step at bar 2 already: TR 3-1.5+3 = 4.5, +DM 2-1+1 = 2 -> +DI 44.44, -DI 0, DX 100
    // bar 3: TR 4.5-2.25+4 = 6.25, +DM 1, -DM 2 -> +DI 16, -DI 32, DX 100*16/48 = 33.333;
    //        ADX = (100+33.333)/2 = 66.6667
    // bar 4: TR 7.125, +DM 0.5, -DM 2 -> DX 100*1.5/2.5 = 60; ADX = (66.6667+60)/2 = 63.3333
    IndicatorColumns c =
        Indicators.compute(new Adx(2, Smoothing.WILDER, Adx.Seed.TALIB), sixBars());
    assertThat(c.column("adx")[2]).isNaN();
    assertThat(c.column("adx")[3]).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(c.column("plus_di")[3]).isCloseTo(16, within(1e-9));
    assertThat(c.column("minus_di")[3]).isCloseTo(32, within(1e-9));
    assertThat(c.column("adx")[4]).isCloseTo(190.0 / 3, within(1e-9));
  }

  @Test
  void simpleSmoothingByHand() {
    // period 2, rolling sums of the last 2:
    // bar 2: TR 6, +3, -0 -> DX 100; bar 3: TR 7, +1, -2 -> +DI 14.286, -DI 28.571, DX 33.333
    // ADX = SMA2(DX): bar 3 (100+33.333)/2 = 66.667
    // bar 4: TR 8, +0, -3 -> DX 100, ADX (33.333+100)/2 = 66.667
    // bar 5: TR 10, +3, -1 -> +DI 30, -DI 10, DX 50, ADX (100+50)/2 = 75
    IndicatorColumns c =
        Indicators.compute(new Adx(2, Smoothing.SIMPLE, Adx.Seed.WILDER), sixBars());
    assertThat(c.column("adx")[2]).isNaN();
    assertThat(c.column("adx")[3]).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(c.column("plus_di")[3]).isCloseTo(100.0 / 7, within(1e-9));
    assertThat(c.column("adx")[4]).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(c.column("minus_di")[4]).isCloseTo(37.5, within(1e-9));
    assertThat(c.column("adx")[5]).isCloseTo(75, within(1e-9));
    assertThat(c.column("plus_di")[5]).isCloseTo(30, within(1e-9));
    assertThat(c.column("minus_di")[5]).isCloseTo(10, within(1e-9));
  }

  @Test
  void exponentialSmoothingByHand() {
    // period 2, EMA alpha 2/3 seeded with the mean of the first 2:
    // bar 2: TR 3, +DM 1.5, -DM 0 -> DX 100
    // bar 3: TR 3+2/3*1 = 3.6667, +DM 1.5-2/3*1.5 = 0.5, -DM 2/3*2 = 1.3333
    //        -> +DI 13.636, -DI 36.364, DX 100*0.8333/1.8333 = 45.4545; ADX (100+45.4545)/2
    // bar 4: TR 3.8889, +DM 0.16667, -DM 1.1111 -> DX 73.913043;
    //        ADX 72.727273 + 2/3*(73.913043-72.727273) = 73.517787
    IndicatorColumns c =
        Indicators.compute(new Adx(2, Smoothing.EXPONENTIAL, Adx.Seed.WILDER), sixBars());
    assertThat(c.column("adx")[2]).isNaN();
    assertThat(c.column("adx")[3]).isCloseTo(800.0 / 11, within(1e-9));
    assertThat(c.column("plus_di")[3]).isCloseTo(150.0 / 11, within(1e-9));
    assertThat(c.column("adx")[4]).isCloseTo(73.5177865613, within(1e-9));
  }

  @Test
  void noMovementGivesZeroDiAndDx() {
    // flat bars: TR 0 -> DI 0 (documented), DI sum 0 -> DX 0
    Adx adx = new Adx(2);
    for (int i = 0; i < 4; i++) {
      adx.update(5, 5, 5);
    }
    assertThat(adx.value(0)).isEqualTo(0.0);
    assertThat(adx.value(1)).isEqualTo(0.0);
    assertThat(adx.value(2)).isEqualTo(0.0);
  }

  @Test
  void talibSeedMatchesTalibAdxOnItsReferenceSeries() {
    // TA-Lib 0.4.0 ADX(14), PLUS_DI(14), MINUS_DI(14): ADX first at bar 27 = 2*14-1
    IndicatorColumns c =
        Indicators.compute(new Adx(14, Smoothing.WILDER, Adx.Seed.TALIB), TalibReference.bars());
    double[] adx = c.column("adx");
    assertThat(adx[26]).isNaN();
    assertThat(adx[27]).isCloseTo(22.9993103649, within(1e-9));
    assertThat(adx[28]).isCloseTo(22.0802628018, within(1e-9));
    assertThat(adx[100]).isCloseTo(34.2900207064, within(1e-9));
    assertThat(adx[251]).isCloseTo(15.5260583547, within(1e-9));
    assertThat(c.column("plus_di")[27]).isCloseTo(22.1073349058, within(1e-9));
    assertThat(c.column("plus_di")[251]).isCloseTo(20.9995511361, within(1e-9));
    assertThat(c.column("minus_di")[27]).isCloseTo(27.0925881996, within(1e-9));
    assertThat(c.column("minus_di")[251]).isCloseTo(21.1988233559, within(1e-9));
  }

  @Test
  void wilderSeedDiffersFromTalibEarlyAndConvergesLater() {
    // Same timing as TA-Lib, different first sums: the ADX at bar 27 differs visibly from
    // TA-Lib's 22.9993; the seed's weight decays by (13/14) per bar, so by bar 251 the two agree
    // within 1e-6 (7e-7 apart) (TA-Lib ADX(14) there: 15.5260583547).
    double[] adx = Indicators.compute(new Adx(14), TalibReference.bars()).column("adx");
    assertThat(adx[26]).isNaN();
    assertThat(Math.abs(adx[27] - 22.9993103649)).isGreaterThan(0.01);
    assertThat(adx[251]).isCloseTo(15.5260583547, within(1e-6));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new Adx(0)).hasMessageContaining("period must be >= 1, was 0");
    assertThatThrownBy(() -> new Adx(14, Smoothing.SIMPLE, Adx.Seed.TALIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dm_seed talib needs smoothing wilder, was simple");
  }
}
