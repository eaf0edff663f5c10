package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

  @Test
  void paperWorkedExample() {
    // Bailey & López de Prado (2014), numerical example: best of N = 100 trials has annualised
    // SR 2.5 over T = 1250 daily returns (5 years × 250 days), skewness −3, kurtosis 10; the
    // variance of the trials' annualised Sharpe ratios is 1/2. The paper reports SR0 ≈ 0.1132
    // (non-annualised) and DSR ≈ 0.9004.
    // Unit conversion, 250 periods a year: SR = 2.5 / √250 = 0.158113883;
    // V = 0.5 / 250 = 0.002, √V = 0.0447213595.
    // SR0 = √V · (0.4227843·Φ⁻¹(0.99) + 0.5772157·Φ⁻¹(1 − 1/(100e)))
    //     = 0.0447213595 · (0.4227843 · 2.3263479 + 0.5772157 · 2.6802104) = 0.0447213595 ·
    // 2.5306029
    //     = 0.1131720.
    // DSR = Φ((0.1581139 − 0.1131720) · √1249 / √(1 + 3·0.1581139 + 9/4·0.025)) = Φ(1.28383)
    //     = 0.900397 (recomputed with mpmath at 30 digits: 0.9003968344).
    double sr = 2.5 / Math.sqrt(250);
    double v = 0.5 / 250;
    double sr0 = DeflatedSharpe.expectedMaxSharpe(100, v);
    assertThat(sr0).isCloseTo(0.1132, within(0.00005));
    assertThat(sr0).isCloseTo(0.113172001865132, within(1e-11));
    double dsr = DeflatedSharpe.deflatedSharpe(sr, 1250, -3, 10, 100, v);
    assertThat(dsr).isCloseTo(0.9004, within(0.00005));
    assertThat(dsr).isCloseTo(0.900396834449391, within(1e-11));
  }

  @Test
  void psrHandCaseWithSkewAndKurtosis() {
    // SR = 0.5, γ3 = 0.5, γ4 = 5: radicand 1 − 0.5·0.5 + (5 − 1)/4 · 0.25 = 1 − 0.25 + 0.25 = 1.
    // SR* = 0.304, T = 101: z = (0.5 − 0.304) · √100 / 1 = 1.96, Φ(1.96) = 0.9750021048517795.
    assertThat(DeflatedSharpe.probabilisticSharpe(0.5, 0.304, 101, 0.5, 5))
        .isCloseTo(0.9750021048517795, within(1e-13));
    // SR = 0: radicand 1 whatever the moments; SR* = −0.196, T = 101: z = 1.96.
    assertThat(DeflatedSharpe.probabilisticSharpe(0, -0.196, 101, -2, 9))
        .isCloseTo(0.9750021048517795, within(1e-13));
    // SR = SR*: z = 0 → 1/2.
    assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0.1, 50, 0, 3)).isEqualTo(0.5);
  }

  @Test
  void normalReturnsGiveTheSimpleFormula() {
    // γ3 = 0, γ4 = 3: radicand 1 + SR²/2, the Lo (2002) standard error of the Sharpe ratio.
    double sr = 0.2;
    double bench = 0.05;
    long t = 400;
    double expected =
        NormalDistribution.cdf((sr - bench) * Math.sqrt(t - 1.0) / Math.sqrt(1 + sr * sr / 2));
    assertThat(DeflatedSharpe.probabilisticSharpe(sr, bench, t, 0, 3)).isEqualTo(expected);
    // Negative skewness and fat tails widen the error and lower the PSR.
    assertThat(DeflatedSharpe.probabilisticSharpe(sr, bench, t, -1, 6)).isLessThan(expected);
  }

  @Test
  void oneTrialHasNoSelectionBias() {
    assertThat(DeflatedSharpe.expectedMaxSharpe(1, 0.01)).isZero();
    assertThat(DeflatedSharpe.deflatedSharpe(0.1, 500, -0.5, 4, 1, 0.01))
        .isEqualTo(DeflatedSharpe.probabilisticSharpe(0.1, 0, 500, -0.5, 4));
    // No dispersion among the trials: SR0 = 0 as well.
    assertThat(DeflatedSharpe.expectedMaxSharpe(1000, 0)).isZero();
  }

  @Test
  void expectedMaxSharpeHandCase() {
    // N = 2, V = 1: Φ⁻¹(1/2) = 0, so SR0 = γ · Φ⁻¹(1 − 1/(2e)) = 0.5772156649 · Φ⁻¹(0.8160602794)
    // = 0.5772156649 · 0.9004526 = 0.5197553 (mpmath at 30 digits: Φ⁻¹ = 0.9004525966,
    // SR0 = 0.5197553443).
    double z = NormalDistribution.inverseCdf(1 - 1 / (2 * Math.E));
    assertThat(z).isCloseTo(0.9004525966377903, within(1e-12));
    assertThat(DeflatedSharpe.expectedMaxSharpe(2, 1))
        .isCloseTo(DeflatedSharpe.EULER_MASCHERONI * z, within(1e-15))
        .isCloseTo(0.5197553442805939, within(1e-12));
    // It grows with N (more trials, a luckier best one) and scales with √V.
    assertThat(DeflatedSharpe.expectedMaxSharpe(1000, 1))
        .isGreaterThan(DeflatedSharpe.expectedMaxSharpe(100, 1));
    assertThat(DeflatedSharpe.expectedMaxSharpe(100, 4))
        .isCloseTo(2 * DeflatedSharpe.expectedMaxSharpe(100, 1), within(1e-14));
  }

  @Test
  void fromMoments() {
    // x = 1, 2, 3, 4, 10: SR = 4/√12.5, skew 1.13841995766, kurt 2.788, T = 5 (see MomentsTest).
    SampleMoments m = SampleMoments.of(new double[] {1, 2, 3, 4, 10});
    assertThat(DeflatedSharpe.probabilisticSharpe(m, 0.5))
        .isEqualTo(
            DeflatedSharpe.probabilisticSharpe(m.sharpe(), 0.5, 5, m.skewness(), m.kurtosis()));
    assertThat(DeflatedSharpe.deflatedSharpe(m, 10, 0.04))
        .isEqualTo(
            DeflatedSharpe.deflatedSharpe(m.sharpe(), 5, m.skewness(), m.kurtosis(), 10, 0.04));
  }

  @Test
  void undefinedAndBadInputs() {
    assertThat(DeflatedSharpe.probabilisticSharpe(Double.NaN, 0, 100, 0, 3)).isNaN();
    // Radicand 1 − 2·1 + 0 = −1 < 0 (moments no sample can have): NaN.
    assertThat(DeflatedSharpe.probabilisticSharpe(1, 0, 100, 2, 1)).isNaN();
    assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpe(0.1, 0, 1, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observations");
    assertThatThrownBy(
            () -> DeflatedSharpe.probabilisticSharpe(Double.POSITIVE_INFINITY, 0, 10, 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaxSharpe(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trials");
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaxSharpe(10, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeflatedSharpe.expectedMaxSharpe(10, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
