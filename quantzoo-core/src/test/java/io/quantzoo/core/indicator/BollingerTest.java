package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.TalibReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BollingerTest {
  private static final IndicatorFactory FACTORY = IndicatorRegistry.builtIn().get("bollinger");

  private static Indicator create(Map<String, Object> raw) {
    return FACTORY.create(Params.resolve("bollinger", FACTORY.params(), raw));
  }

  private static IndicatorColumns columns(Indicator ind, BarSeries bars) {
    return Indicators.compute(ind, bars);
  }

  @Test
  void matchesTalibBbandsOnItsReferenceSeries() {
    // TA-Lib regression: BBANDS(20, 2, 2, SMA) on the 252-bar series, first value at bar 19.
    IndicatorColumns c = columns(create(Map.of()), TalibReference.bars());
    assertThat(c.names()).containsExactly("upper", "middle", "lower", "bandwidth", "percent_b");
    assertThat(c.column("upper")[19]).isCloseTo(98.07339, within(5e-6));
    assertThat(c.column("middle")[19]).isCloseTo(92.89100, within(5e-6));
    assertThat(c.column("lower")[19]).isCloseTo(87.70861, within(5e-6));
    // derived outputs from their definitions, with the reference band values
    double x = TalibReference.bars().close(19);
    assertThat(c.column("bandwidth")[19]).isCloseTo((98.07339 - 87.70861) / 92.89100, within(1e-6));
    assertThat(c.column("percent_b")[19])
        .isCloseTo((x - 87.70861) / (98.07339 - 87.70861), within(1e-5));
    for (String out : c.names()) {
      for (int i = 0; i < 19; i++) {
        assertThat(c.column(out)[i]).as("%s at %d", out, i).isNaN();
      }
    }
  }

  @Test
  void sampleDeviationOnTheReferenceSeriesScalesTheBandsBySqrtNOverNMinusOne() {
    // sample sigma = population sigma * sqrt(20/19); population sigma from TA-Lib's bands:
    // (98.07339 - 92.89100) / 2 = 2.591195 -> sample 2.658512, upper = 92.89100 + 2 * 2.658512
    double popSigma = (98.07339 - 92.89100) / 2;
    double sampleSigma = popSigma * Math.sqrt(20.0 / 19.0);
    IndicatorColumns c = columns(create(Map.of("deviation", "sample")), TalibReference.bars());
    assertThat(c.column("upper")[19]).isCloseTo(92.89100 + 2 * sampleSigma, within(2e-5));
    assertThat(c.column("lower")[19]).isCloseTo(92.89100 - 2 * sampleSigma, within(2e-5));
    assertThat(c.column("middle")[19]).isCloseTo(92.89100, within(5e-6));
  }

  @Test
  void sampleAndPopulationByHand() {
    // closes 1, 2, 3, 2, 4, 6; period 3, mult 2.
    // bar 2: window 1,2,3: mean 2, squared deviations 1+0+1 = 2; sample var 2/2 = 1 -> sigma 1:
    //   upper 4, lower 0, bandwidth (4-0)/2 = 2, %b (3-0)/(4-0) = 0.75.
    // bar 3: window 2,3,2: mean 7/3, squares 1/9+4/9+1/9 = 2/3; sample var 1/3 -> sigma 1/sqrt3.
    // bar 4: window 3,2,4: mean 3, squares 0+1+1 = 2, sample var 1 -> upper 5, lower 1,
    //   bandwidth 4/3, %b (4-1)/4 = 0.75.
    // bar 5: window 2,4,6: mean 4, squares 4+0+4 = 8: sample var 4 -> sigma 2: upper 8, lower 0,
    //   bandwidth 2, %b 6/8 = 0.75; population var 8/3 -> upper 4 + 2 sqrt(8/3).
    Bollinger sample = new Bollinger(3, 2, Deviation.SAMPLE, PriceSource.CLOSE);
    Bollinger pop = new Bollinger(3, 2, Deviation.POPULATION, PriceSource.CLOSE);
    double[] closes = {1, 2, 3, 2, 4, 6};
    double[][] s = new double[closes.length][];
    double[][] p = new double[closes.length][];
    for (int i = 0; i < closes.length; i++) {
      sample.update(closes[i]);
      pop.update(closes[i]);
      s[i] = new double[] {sample.upper(), sample.middle(), sample.lower(), sample.bandwidth()};
      p[i] = new double[] {pop.upper(), pop.middle(), pop.lower(), pop.percentB()};
      if (i == 2 || i == 4 || i == 5) {
        assertThat(sample.percentB()).as("%%b at %d", i).isCloseTo(0.75, within(1e-12));
      }
    }
    assertThat(s[0][0]).isNaN();
    assertThat(s[1][2]).isNaN();
    assertThat(s[2]).containsExactly(new double[] {4, 2, 0, 2}, within(1e-12));
    assertThat(s[3][0]).isCloseTo(7.0 / 3 + 2 / Math.sqrt(3), within(1e-12));
    assertThat(s[3][2]).isCloseTo(7.0 / 3 - 2 / Math.sqrt(3), within(1e-12));
    assertThat(s[4]).containsExactly(new double[] {5, 3, 1, 4.0 / 3}, within(1e-12));
    assertThat(s[5]).containsExactly(new double[] {8, 4, 0, 2}, within(1e-12));
    double popSigma = Math.sqrt(8.0 / 3);
    assertThat(p[5][0]).isCloseTo(4 + 2 * popSigma, within(1e-12));
    assertThat(p[5][2]).isCloseTo(4 - 2 * popSigma, within(1e-12));
    assertThat(p[5][3]).isCloseTo((6 - (4 - 2 * popSigma)) / (4 * popSigma), within(1e-12));
  }

  @Test
  void zeroWidthBandsGiveBandwidthZeroAndPercentBOneHalf() {
    Bollinger b = new Bollinger(4, 2, Deviation.POPULATION, PriceSource.CLOSE);
    for (int i = 0; i < 6; i++) {
      b.update(10);
    }
    assertThat(new double[] {b.upper(), b.middle(), b.lower(), b.bandwidth(), b.percentB()})
        .containsExactly(10, 10, 10, 0, 0.5);
  }

  @Test
  void multAndSourceAreApplied() {
    // period 2 on highs: bars' highs 3 then 5: mean 4, population sigma 1; mult 1.5 -> 5.5 / 2.5
    Indicator b = create(Map.of("period", 2, "mult", 1.5, "source", "high"));
    b.update(0, 1, 3, 0.5, 2, 100);
    b.update(0, 2, 5, 1.5, 2, 100);
    assertThat(b.value(0)).isCloseTo(5.5, within(1e-12));
    assertThat(b.value(2)).isCloseTo(2.5, within(1e-12));
    assertThat(b.value(4)).isCloseTo((5 - 2.5) / 3.0, within(1e-12));
    assertThat(b.warmup()).isEqualTo(1);
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> create(Map.of("mult", 0)))
        .hasMessageContaining("mult")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> create(Map.of("period", 1))).hasMessageContaining("period");
  }
}
