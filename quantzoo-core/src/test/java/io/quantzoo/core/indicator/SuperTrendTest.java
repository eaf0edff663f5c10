package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.Bars;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases following TradingView's published {@code ta.supertrend} definition (Pine v5
 * reference), with direction written +1 up / -1 down.
 */
class SuperTrendTest {

  /**
   * Bars (H, L, C): (11,9,10) (11,9,10) (12,10,11.5) (14,12,13.5) (13,11,11.5) (11,9,9.5) (10,8,9).
   * True ranges: bar 0 H-L = 2 (high_low), then 2, 2, 2.5, 2.5, 2.5, 2.
   */
  private static BarSeries sevenBars() {
    return Bars.of("X")
        .bar(10, 11, 9, 10)
        .bar(10, 11, 9, 10)
        .bar(10, 12, 10, 11.5)
        .bar(12, 14, 12, 13.5)
        .bar(13, 13, 11, 11.5)
        .bar(11, 11, 9, 9.5)
        .bar(9, 10, 8, 9)
        .build();
  }

  @Test
  void flipsUpAndDownByHand() {
    // period 2, multiplier 1, Wilder ATR with first TR = H-L (TradingView's ta.atr):
    // bar 1: ATR (2+2)/2 = 2; mid 10 -> up 12, lo 8; first value: down, supertrend = up = 12
    // bar 2: ATR 2; mid 11 -> up 13, lo 9. lo 9 > 8 -> 9; up 13 not < 12 and C-1 10 not > 12
    //        -> stays 12. Down and C 11.5 not > 12 -> down, 12
    // bar 3: TR 2.5, ATR 2.25; mid 13 -> up 15.25, lo 10.75 (> 9); upper stays 12.
    //        C 13.5 > 12 -> flips up, supertrend = lower = 10.75
    // bar 4: ATR 2.375; mid 12 -> up 14.375, lo 9.625. lo not > 10.75 and C-1 13.5 not < 10.75
    //        -> lower stays 10.75 (ratchet); C-1 13.5 > 12 -> upper resets to 14.375.
    //        Up and C 11.5 not < 10.75 -> up, 10.75
    // bar 5: ATR 2.4375; mid 10 -> up 12.4375 (< 14.375, taken), lo 7.5625 (lower stays 10.75).
    //        C 9.5 < 10.75 -> flips down, supertrend = upper = 12.4375
    // bar 6: TR 2, ATR 2.21875; mid 9 -> up 11.21875 (< 12.4375, taken), lo 6.78125: not > 10.75
    //        but C-1 9.5 < 10.75 -> lower resets to 6.78125. Down and C 9 not > 11.21875: down
    SuperTrend st = new SuperTrend(2, 1, Smoothing.WILDER, FirstTrueRange.HIGH_LOW);
    IndicatorColumns c = Indicators.compute(st, sevenBars());
    double[] line = c.column("supertrend");
    double[] dir = c.column("direction");
    assertThat(st.warmup()).isEqualTo(1);
    assertThat(line[0]).isNaN();
    assertThat(dir[0]).isNaN();
    double[] expLine = {Double.NaN, 12, 12, 10.75, 10.75, 12.4375, 11.21875};
    double[] expDir = {Double.NaN, -1, -1, 1, 1, -1, -1};
    for (int i = 1; i < 7; i++) {
      assertThat(line[i]).as("supertrend at bar %d", i).isCloseTo(expLine[i], within(1e-12));
      assertThat(dir[i]).as("direction at bar %d", i).isEqualTo(expDir[i]);
    }
  }

  @Test
  void simpleAtrWithSkippedFirstTrueRange() {
    // period 2, multiplier 1, ATR = mean of the last 2 true ranges from bar 1 (skip):
    // bar 2: ATR (2+2)/2 = 2; mid 11 -> first value: down, 11+2 = 13
    // bar 3: ATR (2+2.5)/2 = 2.25; lo 13-2.25 = 10.75 (> 9), upper stays 13; C 13.5 > 13 -> up,
    //        10.75
    // bar 4: ATR 2.5; lower stays 10.75, upper resets to 12+2.5 = 14.5 (C-1 13.5 > 13); up, 10.75
    // bar 5: ATR 2.5; up 12.5 (< 14.5); C 9.5 < 10.75 -> down, 12.5 (Wilder would give 12.4375)
    SuperTrend st = new SuperTrend(2, 1, Smoothing.SIMPLE, FirstTrueRange.SKIP);
    IndicatorColumns c = Indicators.compute(st, sevenBars());
    assertThat(st.warmup()).isEqualTo(2);
    assertThat(c.column("supertrend")[1]).isNaN();
    assertThat(c.column("direction")[1]).isNaN();
    assertThat(c.column("supertrend")[2]).isCloseTo(13, within(1e-12));
    assertThat(c.column("direction")[2]).isEqualTo(-1);
    assertThat(c.column("supertrend")[3]).isCloseTo(10.75, within(1e-12));
    assertThat(c.column("direction")[3]).isEqualTo(1);
    assertThat(c.column("supertrend")[4]).isCloseTo(10.75, within(1e-12));
    assertThat(c.column("supertrend")[5]).isCloseTo(12.5, within(1e-12));
    assertThat(c.column("direction")[5]).isEqualTo(-1);
  }

  @Test
  void exponentialAtr() {
    // period 2 EMA (alpha 2/3) of true ranges from bar 1 (skip), seeded with their mean:
    // bar 2: ATR 2 -> 13, down; bar 3: ATR 2 + 2/3*(2.5-2) = 2.3333; lo 13-2.3333 = 10.6667;
    // C 13.5 > 13 -> up, 10.6667
    IndicatorColumns c =
        Indicators.compute(
            new SuperTrend(2, 1, Smoothing.EXPONENTIAL, FirstTrueRange.SKIP), sevenBars());
    assertThat(c.column("supertrend")[2]).isCloseTo(13, within(1e-12));
    assertThat(c.column("supertrend")[3]).isCloseTo(13 - 7.0 / 3, within(1e-12));
    assertThat(c.column("direction")[3]).isEqualTo(1);
  }

  @Test
  void multiplierWidensTheBands() {
    // period 2, multiplier 3, defaults otherwise: bar 1 ATR 2, mid 10 -> 10 + 3*2 = 16
    SuperTrend st = new SuperTrend(2, 3, Smoothing.WILDER, FirstTrueRange.HIGH_LOW);
    st.update(11, 9, 10);
    assertThat(st.update(11, 9, 10)).isCloseTo(16, within(1e-12));
  }

  @Test
  void defaultsAreTradingViewsTenAndThree() {
    SuperTrend st = new SuperTrend();
    assertThat(st.warmup()).isEqualTo(9); // ATR(10) with first TR = H-L: first value at bar 9
    assertThat(st.outputs()).containsExactly("supertrend", "direction");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new SuperTrend(0, 3, Smoothing.WILDER, FirstTrueRange.HIGH_LOW))
        .hasMessageContaining("period must be >= 1, was 0");
    assertThatThrownBy(() -> new SuperTrend(10, 0, Smoothing.WILDER, FirstTrueRange.HIGH_LOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiplier must be > 0");
  }
}
