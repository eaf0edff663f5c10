package io.quantzoo.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CovarianceTest {

  @Test
  void sampleCovarianceByHand() {
    // a = 1,2,3,4 (mean 2.5, deviations -1.5,-0.5,0.5,1.5): var = (2.25+.25+.25+2.25)/3 = 5/3
    // b = 2,4,6,9 (mean 5.25, deviations -3.25,-1.25,0.75,3.75):
    // cov = (4.875 + 0.625 + 0.375 + 5.625)/3 = 11.5/3; var b = (10.5625+1.5625+.5625+14.0625)/3
    double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 9}};
    double[][] s = Covariance.sample(x);
    assertThat(s[0][0]).isCloseTo(5.0 / 3, within(1e-15));
    assertThat(s[0][1]).isCloseTo(11.5 / 3, within(1e-15));
    assertThat(s[1][0]).isEqualTo(s[0][1]);
    assertThat(s[1][1]).isCloseTo(26.75 / 3, within(1e-14));
    double[][] c = Covariance.correlation(s);
    assertThat(c[0][0]).isEqualTo(1.0);
    assertThat(c[0][1]).isCloseTo(11.5 / Math.sqrt(5 * 26.75), within(1e-15));
  }

  @Test
  void ledoitWolfByHand() {
    // Columns already have mean 0, T = 4, N = 2. S = (1/T) Σ y yᵀ:
    //   S11 = (4+0+1+1)/4 = 1.5, S22 = (1+1+4+0)/4 = 1.5, S12 = (2+0+2+0)/4 = 1.
    // m = tr(S)/N = 1.5; d² = ‖S − mI‖² = ‖[[0,1],[1,0]]‖² = (0+1+1+0)/2 = 1.
    // b̄² = (1/T²) Σ_t ‖y_t y_tᵀ − S‖²:
    //   (2,1):   [[2.5,1],[1,-0.5]]    -> (6.25+1+1+0.25)/2 = 4.25
    //   (0,1):   [[-1.5,-1],[-1,-0.5]] -> (2.25+1+1+0.25)/2 = 2.25
    //   (-1,-2): [[-0.5,1],[1,2.5]]    -> 4.25
    //   (-1,0):  [[-0.5,-1],[-1,-1.5]] -> 2.25
    //   b̄² = 13/16 = 0.8125; b² = min(0.8125, 1); δ = 0.8125.
    // Σ* = δ·1.5·I + (1−δ)·S: diagonal 1.5, off-diagonal 0.1875·1 = 0.1875.
    // (sklearn's ledoit_wolf formula, recomputed in numpy, gives the same 0.8125 and matrix.)
    double[][] x = {{2, 1}, {0, 1}, {-1, -2}, {-1, 0}};
    Covariance.Estimate e = Covariance.ledoitWolf(x);
    assertThat(e.intensity()).isCloseTo(0.8125, within(1e-15));
    assertThat(e.matrix()[0][0]).isCloseTo(1.5, within(1e-15));
    assertThat(e.matrix()[1][1]).isCloseTo(1.5, within(1e-15));
    assertThat(e.matrix()[0][1]).isCloseTo(0.1875, within(1e-15));
    assertThat(e.matrix()[1][0]).isCloseTo(0.1875, within(1e-15));
  }

  @Test
  void ledoitWolfMatchesAnIndependentImplementation() {
    // Reference: scikit-learn's ledoit_wolf_shrinkage formula (traces of X²ᵀX² and (XᵀX)²,
    // a different arrangement of the same estimator) evaluated in numpy on these returns.
    double[][] x = {
      {0.010, -0.004, 0.002},
      {-0.006, 0.003, 0.001},
      {0.012, 0.001, -0.003},
      {-0.002, -0.005, 0.004},
      {0.004, 0.006, -0.001},
      {0.001, -0.002, 0.002}
    };
    double[][] expected = {
      {3.06804808949586e-05, -9.516715005479594e-07, -4.20199570241945e-06},
      {-9.516715005479594e-07, 1.7503490887371467e-05, -3.2649653018799214e-06},
      {-4.20199570241945e-06, -3.2649653018799214e-06, 1.2232694884336616e-05}
    };
    Covariance.Estimate e = Covariance.estimate(x, new Covariance.Shrinkage.LedoitWolf());
    assertThat(e.intensity()).isCloseTo(0.47292039969651506, within(1e-12));
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(e.matrix()[i][j]).isCloseTo(expected[i][j], within(1e-18));
      }
    }
  }

  @Test
  void constantShrinkageMovesTheSampleTowardTheScaledIdentity() {
    // sample of {{1,2},{2,4},{3,6},{4,9}}: [[5/3, 11.5/3],[11.5/3, 26.75/3]], m = (5+26.75)/6
    double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 9}};
    Covariance.Estimate e = Covariance.estimate(x, new Covariance.Shrinkage.Constant(0.25));
    double m = (5 + 26.75) / 6;
    assertThat(e.intensity()).isEqualTo(0.25);
    assertThat(e.matrix()[0][0]).isCloseTo(0.75 * 5 / 3 + 0.25 * m, within(1e-14));
    assertThat(e.matrix()[0][1]).isCloseTo(0.75 * 11.5 / 3, within(1e-14));
    assertThat(Covariance.estimate(x, new Covariance.Shrinkage.None()).matrix())
        .isDeepEqualTo(Covariance.sample(x));
    assertThatThrownBy(() -> new Covariance.Shrinkage.Constant(1.5)).hasMessageContaining("[0, 1]");
  }

  @Test
  void zeroVarianceGivesNanCorrelation() {
    double[][] c = Covariance.correlation(new double[][] {{0, 0}, {0, 1}});
    assertThat(c[0][1]).isNaN();
    assertThat(c[1][1]).isEqualTo(1.0);
  }
}
