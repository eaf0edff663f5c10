package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

class StochasticTest {

  /**
   * Six bars (high, low, close). Raw %K over 3 bars, by hand:
   *
   * <pre>
   * bar 2: HH 12, LL 8,  C 11 -> 100*3/4 = 75
   * bar 3: HH 12, LL 9,  C 10 -> 100*1/3 = 33.333...
   * bar 4: HH 13, LL 9,  C 13 -> 100*4/4 = 100
   * bar 5: HH 13, LL 9,  C 10 -> 100*1/4 = 25
   * </pre>
   */
  private static BarSeries sixBars() {
    return Bars.of("X")
        .bar(9, 10, 8, 9)
        .bar(10, 11, 9, 10)
        .bar(11, 12, 10, 11)
        .bar(10, 12, 9, 10)
        .bar(12, 13, 11, 13)
        .bar(11, 12, 10, 10)
        .build();
  }

  @Test
  void slowStochasticByHand() {
    // k_period 3, slowing 2, d_period 2:
    // %K = SMA2(raw): bar 3 (75+33.333)/2 = 54.1667, bar 4 (33.333+100)/2 = 66.6667,
    //                 bar 5 (100+25)/2 = 62.5
    // %D = SMA2(%K):  bar 4 (54.1667+66.6667)/2 = 60.41667, bar 5 (66.6667+62.5)/2 = 64.58333
    // warm-up (3-1)+(2-1)+(2-1) = 4: %K at bar 3 exists but is held back until %D exists.
    Stochastic s = new Stochastic(3, 2, 2);
    IndicatorColumns c = Indicators.compute(s, sixBars());
    assertThat(s.warmup()).isEqualTo(4);
    for (int i = 0; i < 4; i++) {
      assertThat(c.column("k")[i]).isNaN();
      assertThat(c.column("d")[i]).isNaN();
    }
    assertThat(c.column("k")[4]).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(c.column("d")[4]).isCloseTo((325.0 / 6 + 200.0 / 3) / 2, within(1e-9));
    assertThat(c.column("k")[5]).isCloseTo(62.5, within(1e-9));
    assertThat(c.column("d")[5]).isCloseTo((200.0 / 3 + 62.5) / 2, within(1e-9));
  }

  @Test
  void slowingOneIsTheFastStochastic() {
    // slowing 1: %K is the raw %K; %D = SMA2: bar 3 (75+33.333)/2 = 54.1667; warm-up 2+0+1 = 3
    Stochastic s = new Stochastic(3, 1, 2);
    IndicatorColumns c = Indicators.compute(s, sixBars());
    assertThat(s.warmup()).isEqualTo(3);
    assertThat(c.column("k")[2]).isNaN();
    assertThat(c.column("k")[3]).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(c.column("d")[3]).isCloseTo((75 + 100.0 / 3) / 2, within(1e-9));
    assertThat(c.column("k")[4]).isCloseTo(100, within(1e-9));
    assertThat(c.column("k")[5]).isCloseTo(25, within(1e-9));
  }

  @Test
  void flatRangeGivesFifty() {
    // HH = LL: 100*(C-LL)/(HH-LL) is 0/0; documented as 50 (TA-Lib writes 0)
    Stochastic s = new Stochastic(2, 1, 1);
    s.update(5, 5, 5);
    s.update(5, 5, 5);
    assertThat(s.value(0)).isEqualTo(50.0);
    assertThat(s.value(1)).isEqualTo(50.0);
  }

  @Test
  void matchesTalibStochOnItsReferenceSeries() {
    // TA-Lib 0.4.0 STOCH(14, 3 SMA, 3 SMA) on its 252-bar regression series: first output at
    // bar 17 (look-back 13+2+2)
    IndicatorColumns c = Indicators.compute(new Stochastic(), TalibReference.bars());
    double[] k = c.column("k");
    double[] d = c.column("d");
    assertThat(k[16]).isNaN();
    assertThat(d[16]).isNaN();
    assertThat(k[17]).isCloseTo(28.6472491909, within(1e-9));
    assertThat(d[17]).isCloseTo(30.5177893736, within(1e-9));
    assertThat(k[18]).isCloseTo(25.5663430421, within(1e-9));
    assertThat(d[18]).isCloseTo(29.0485436893, within(1e-9));
    assertThat(k[100]).isCloseTo(53.6346356686, within(1e-9));
    assertThat(d[100]).isCloseTo(49.6701100299, within(1e-9));
    assertThat(k[251]).isCloseTo(39.3009321363, within(1e-9));
    assertThat(d[251]).isCloseTo(34.5071524935, within(1e-9));
  }

  @Test
  void matchesTalibWithOtherPeriods() {
    // TA-Lib 0.4.0 STOCH(5, 3 SMA, 4 SMA): first output at bar 4+2+3 = 9
    IndicatorColumns c = Indicators.compute(new Stochastic(5, 3, 4), TalibReference.bars());
    assertThat(c.column("k")[8]).isNaN();
    assertThat(c.column("k")[9]).isCloseTo(38.1395561478, within(1e-9));
    assertThat(c.column("d")[9]).isCloseTo(36.7259811283, within(1e-9));
    assertThat(c.column("k")[251]).isCloseTo(30.1947842710, within(1e-9));
    assertThat(c.column("d")[251]).isCloseTo(46.6419513577, within(1e-9));
  }

  @Test
  void slowingOneMatchesTalibStochf() {
    // TA-Lib 0.4.0 STOCHF(14, 3 SMA): first output at bar 13+2 = 15
    IndicatorColumns c = Indicators.compute(new Stochastic(14, 1, 3), TalibReference.bars());
    assertThat(c.column("k")[14]).isNaN();
    assertThat(c.column("k")[15]).isCloseTo(47.1067961165, within(1e-9));
    assertThat(c.column("d")[15]).isCloseTo(29.9740800948, within(1e-9));
    assertThat(c.column("k")[16]).isCloseTo(18.6796116505, within(1e-9));
    assertThat(c.column("d")[16]).isCloseTo(32.9320388350, within(1e-9));
    assertThat(c.column("k")[251]).isCloseTo(40.8484848485, within(1e-9));
  }

  @Test
  void rejectsBadPeriods() {
    assertThatThrownBy(() -> new Stochastic(0, 3, 3)).hasMessageContaining("k_period");
    assertThatThrownBy(() -> new Stochastic(14, 0, 3)).hasMessageContaining("slowing");
    assertThatThrownBy(() -> new Stochastic(14, 3, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d_period")
        .hasMessageContaining("-1");
  }
}
