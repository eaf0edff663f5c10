package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

/**
 * The core indicators against TA-Lib's regression values on its own 252-bar series ({@link
 * TalibReference}; bar index i = row i of the file), and their non-default conventions against hand
 * computation. Tolerances follow the digits of each published value.
 */
class TalibReferenceTest {
  private static final BarSeries REF = TalibReference.bars();
  private static final int LAST = 251;

  private static double[] column(Indicator ind) {
    return Indicators.compute(ind, REF).columns()[0];
  }

  private static void assertNanBefore(double[] v, int first) {
    for (int i = 0; i < first; i++) {
      assertThat(v[i]).as("bar %d", i).isNaN();
    }
    assertThat(v[first]).as("bar %d", first).isNotNaN();
  }

  @Test
  void sma30() {
    double[] v = column(new Sma(30));
    assertNanBefore(v, 29);
    assertThat(v[29]).isCloseTo(90.4263, within(5e-5));
    assertThat(v[LAST]).isCloseTo(108.4237, within(5e-5));
  }

  @Test
  void ema10SeededWithTheSma() {
    double[] v = column(new Ema(10));
    assertNanBefore(v, 9);
    assertThat(v[9]).isCloseTo(93.2255, within(5e-5));
    assertThat(v[10]).isCloseTo(93.7527, within(5e-5));
    assertThat(v[29]).as("TA-Lib output index 20").isCloseTo(86.4637, within(5e-5));
    assertThat(v[LAST]).isCloseTo(108.9752, within(5e-5));
  }

  @Test
  void rsi14Wilder() {
    double[] v = column(new Rsi(14));
    assertNanBefore(v, 14);
    assertThat(v[14]).isCloseTo(49.1473, within(5e-5));
    assertThat(v[15]).isCloseTo(52.3256, within(5e-5));
    assertThat(v[16]).isCloseTo(46.0724, within(5e-5));
    assertThat(v[LAST]).isCloseTo(49.6321, within(5e-5));
  }

  @Test
  void atr14WilderFromBarOne() {
    double[] v = column(new Atr(14));
    assertNanBefore(v, 14);
    assertThat(v[14]).isCloseTo(3.578214, within(5e-7));
  }

  @Test
  void natr14() {
    double[] v = column(new Natr(14));
    assertNanBefore(v, 14);
    assertThat(v[14]).isCloseTo(3.93210, within(5e-6));
    assertThat(v[15]).isCloseTo(3.75761, within(5e-6));
    assertThat(v[LAST]).isCloseTo(3.02291, within(5e-6));
  }

  // ---- non-default conventions, by hand ----

  @Test
  void emaSeededWithTheFirstValue() {
    // alpha = 2/(3+1) = 1/2: 2; 2+(4-2)/2 = 3; 3+(6-3)/2 = 4.5; 4.5+(8-4.5)/2 = 6.25; 8.125
    double[] v =
        Indicators.compute(
            new Ema(3, EmaSeed.FIRST_VALUE, PriceSource.CLOSE), new double[] {2, 4, 6, 8, 10});
    assertThat(v).containsExactly(new double[] {2, 3, 4.5, 6.25, 8.125}, within(1e-12));
    assertThat(new Ema(3, EmaSeed.FIRST_VALUE, PriceSource.CLOSE).warmup()).isZero();
  }

  private static final double[] RSI_IN = {1, 2, 1.5, 3, 2}; // changes +1, -0.5, +1.5, -1

  @Test
  void rsiSimpleIsCutlers() {
    // rolling means of the last 2 gains / losses:
    // bar 2: G = (1+0)/2 = .5,   L = (0+.5)/2 = .25 -> 100*.5/.75  = 66.667
    // bar 3: G = (0+1.5)/2 = .75, L = (.5+0)/2 = .25 -> 100*.75/1   = 75
    // bar 4: G = (1.5+0)/2 = .75, L = (0+1)/2 = .5   -> 100*.75/1.25 = 60
    double[] v =
        Indicators.compute(new Rsi(2, Smoothing.SIMPLE, EmaSeed.SMA, PriceSource.CLOSE), RSI_IN);
    assertThat(v[0]).isNaN();
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(v[3]).isCloseTo(75, within(1e-9));
    assertThat(v[4]).isCloseTo(60, within(1e-9));
  }

  @Test
  void rsiWilderOnTheSameInputDiffers() {
    // seed bar 2: G = .5, L = .25; bar 3: G = (.5+1.5)/2 = 1, L = (.25+0)/2 = .125 -> 88.889;
    // bar 4: G = (1+0)/2 = .5, L = (.125+1)/2 = .5625 -> 100*.5/1.0625 = 47.0588
    double[] v = Indicators.compute(new Rsi(2), RSI_IN);
    assertThat(v[2]).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(v[3]).isCloseTo(800.0 / 9, within(1e-9));
    assertThat(v[4]).isCloseTo(100 * 0.5 / 1.0625, within(1e-9));
  }

  /** True ranges: bar 0 H-L = 3; 1: max(2,2,0) = 2; 2: max(2.5,.5,2) = 2.5; 3: 1; 4: 2. */
  private static final BarSeries TR_BARS =
      Bars.of("TR")
          .bar(10, 11, 8, 10)
          .bar(10, 12, 10, 11)
          .bar(11, 11.5, 9, 10)
          .bar(10, 10.5, 9.5, 10)
          .bar(10, 12, 10, 11)
          .build();

  @Test
  void atrWilderSkippingTheFirstBar() {
    double[] v = Indicators.compute(new Atr(2), TR_BARS).columns()[0];
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(2.25, within(1e-12)); // (2 + 2.5)/2
    assertThat(v[3]).isCloseTo(1.625, within(1e-12)); // (2.25 + 1)/2
    assertThat(v[4]).isCloseTo(1.8125, within(1e-12)); // (1.625 + 2)/2
  }

  @Test
  void atrWithHighLowFirstTrueRange() {
    Atr atr = new Atr(2, Smoothing.WILDER, FirstTrueRange.HIGH_LOW);
    double[] v = Indicators.compute(atr, TR_BARS).columns()[0];
    assertThat(atr.warmup()).isEqualTo(1);
    assertThat(v[0]).isNaN();
    assertThat(v[1]).isCloseTo(2.5, within(1e-12)); // (3 + 2)/2
    assertThat(v[2]).isCloseTo(2.5, within(1e-12)); // (2.5 + 2.5)/2
    assertThat(v[3]).isCloseTo(1.75, within(1e-12)); // (2.5 + 1)/2
  }

  @Test
  void atrSimpleIsTheRollingMeanOfTrueRanges() {
    double[] v =
        Indicators.compute(new Atr(2, Smoothing.SIMPLE, FirstTrueRange.SKIP), TR_BARS).columns()[0];
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(2.25, within(1e-12)); // (2 + 2.5)/2
    assertThat(v[3]).isCloseTo(1.75, within(1e-12)); // (2.5 + 1)/2
    assertThat(v[4]).isCloseTo(1.5, within(1e-12)); // (1 + 2)/2
  }
}
