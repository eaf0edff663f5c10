package io.quantzoo.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand checks of the window statistics behind {@link Pairs}. */
class PairStatsTest {
  private static final double EPS = 1e-12;

  // x = 1,2,3,4 and y = 2,4,5,9: x̄ = 2.5, ȳ = 5; x − x̄ = −1.5,−0.5,0.5,1.5; y − ȳ = −3,−1,0,4.
  // Σ(x−x̄)(y−ȳ) = 4.5 + 0.5 + 0 + 6 = 11; Σ(x−x̄)² = 2.25 + 0.25 + 0.25 + 2.25 = 5.
  private static final double[] X = {1, 2, 3, 4};
  private static final double[] Y = {2, 4, 5, 9};

  @Test
  void olsSlopeOfATinyWindow() {
    // beta = 11 / 5 = 2.2
    assertThat(PairStats.olsSlope(X, Y, 4)).isCloseTo(2.2, within(EPS));
  }

  @Test
  void olsSlopeUsesOnlyTheFirstNEntries() {
    // x = 1,2,3, y = 2,4,5: x̄ = 2, ȳ = 11/3; Σ(x−x̄)(y−ȳ) = (−1)(−5/3) + 0 + (1)(4/3) = 3;
    // Σ(x−x̄)² = 2 → beta = 1.5 (the fourth pair, 4 → 9, is ignored).
    assertThat(PairStats.olsSlope(X, Y, 3)).isCloseTo(1.5, within(EPS));
  }

  @Test
  void zScoreOfTheOlsResiduals() {
    // With beta = 2.2 the spreads y − 2.2x are −0.2, −0.4, −1.6, 0.2; mean −0.5 (the OLS
    // intercept); deviations 0.3, 0.1, −1.1, 0.7; population variance (0.09 + 0.01 + 1.21 +
    // 0.49) / 4 = 0.45; z of the newest = 0.7 / √0.45 = 1.0434983894999017.
    assertThat(PairStats.spreadZ(X, Y, 4, 2.2)).isCloseTo(0.7 / Math.sqrt(0.45), within(1e-9));
  }

  @Test
  void zScoreWithAFixedBeta() {
    // beta 1: spreads y − x = 1, 2, 2, 5; mean 2.5; deviations −1.5, −0.5, −0.5, 2.5; variance
    // (2.25 + 0.25 + 0.25 + 6.25) / 4 = 2.25, std 1.5; z = 2.5 / 1.5.
    assertThat(PairStats.spreadZ(X, Y, 4, 1.0)).isCloseTo(2.5 / 1.5, within(EPS));
    // One outlier among four equal spreads: 0, 0, 0, d → z = (3d/4) / (d√3/4) = √3 for any d.
    assertThat(PairStats.spreadZ(new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 2}, 4, 1.0))
        .isCloseTo(Math.sqrt(3), within(EPS));
  }

  @Test
  void noSignalWhenTheSpreadOrXIsConstant() {
    // y = 2x exactly: the spreads y − 2x are all 0 → std 0 → NaN.
    double[] x = {Math.log(10), Math.log(10), Math.log(20), Math.log(40)};
    double[] y = {Math.log(100), Math.log(100), Math.log(400), Math.log(1600)};
    assertThat(PairStats.olsSlope(x, y, 4)).isCloseTo(2, within(1e-12));
    // Rounding leaves spreads of ~1e-15, not exactly 0: still "no signal".
    assertThat(PairStats.spreadZ(x, y, 4, PairStats.olsSlope(x, y, 4))).isNaN();
    assertThat(PairStats.olsSlope(new double[] {3, 3, 3}, new double[] {1, 2, 3}, 3)).isNaN();
    assertThat(PairStats.spreadZ(X, Y, 4, Double.NaN)).isNaN();
  }

  @Test
  void correlationOfATinyWindow() {
    // Σ(y−ȳ)² = 9 + 1 + 0 + 16 = 26 → r = 11 / √(5 · 26) = 11 / √130.
    assertThat(PairStats.correlation(X, Y, 4)).isCloseTo(11 / Math.sqrt(130), within(EPS));
    // (0, 0, a) against (0, 0, b): r = sign(a·b).
    assertThat(PairStats.correlation(new double[] {0, 0, 0.1}, new double[] {0, 0, -0.05}, 3))
        .isCloseTo(-1, within(EPS));
    assertThat(PairStats.correlation(new double[] {0, 0, 0}, new double[] {0, 0, 1}, 3)).isNaN();
  }
}
