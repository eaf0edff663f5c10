package io.quantzoo.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllocatorTest {
  private static final double P = 252;

  private static double[][] cov2(double s1, double s2, double rho) {
    return new double[][] {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  /** A random positive definite covariance: AᵀA/N + 0.1·diag. */
  private static double[][] randomCov(SplittableRandom r, int n) {
    double[][] a = new double[n][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = r.nextDouble(-1, 1);
      }
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          c[i][j] += a[k][i] * a[k][j] / n;
        }
      }
      c[i][i] += 0.1 * r.nextDouble(0.1, 1);
    }
    return c;
  }

  @Test
  void fixedAndEqual() {
    assertThat(new Allocator.Equal().weights(4, null, P)).containsExactly(0.25, 0.25, 0.25, 0.25);
    assertThat(new Allocator.Fixed(new double[] {0.7, 0.3}).weights(2, null, P))
        .containsExactly(0.7, 0.3);
    assertThatThrownBy(() -> new Allocator.Fixed(new double[] {0.7, 0.4}))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> new Allocator.Fixed(new double[] {1.2, -0.2}))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new Allocator.Fixed(new double[] {0.5, 0.5}).weights(3, null, P))
        .hasMessageContaining("2 sleeves, not 3");
  }

  @Test
  void inverseVolatilityByHand() {
    // σ = 0.1, 0.2, 0.4: 1/σ = 10, 5, 2.5, sum 17.5 -> 4/7, 2/7, 1/7 (correlations irrelevant)
    double[][] c = {{0.01, 0.005, 0}, {0.005, 0.04, 0.01}, {0, 0.01, 0.16}};
    double[] w = new Allocator.InverseVol().weights(3, c, P);
    assertThat(w[0]).isCloseTo(4.0 / 7, within(1e-15));
    assertThat(w[1]).isCloseTo(2.0 / 7, within(1e-15));
    assertThat(w[2]).isCloseTo(1.0 / 7, within(1e-15));
  }

  @Test
  void riskParityTwoAssetsIsInverseVolatilityWhateverTheCorrelation() {
    // For N = 2, w1(Σw)1 = w2(Σw)2 reduces to w1²σ1² = w2²σ2²: w ∝ 1/σ = (10, 5) -> (2/3, 1/3).
    for (double rho : new double[] {-0.8, 0, 0.5, 0.95}) {
      double[] w = new Allocator.RiskParity().weights(2, cov2(0.1, 0.2, rho), P);
      assertThat(w[0]).as("rho %s", rho).isCloseTo(2.0 / 3, within(1e-12));
      assertThat(w[1]).isCloseTo(1.0 / 3, within(1e-12));
    }
  }

  @Test
  void riskParityEqualisesRiskContributions() {
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 2; n <= 8; n++) {
      double[][] c = randomCov(r, n);
      double[] w = new Allocator.RiskParity().weights(n, c, P);
      assertThat(sum(w)).isCloseTo(1, within(1e-14));
      double[] rc = Allocator.riskContributions(w, c);
      assertThat(sum(rc)).isCloseTo(1, within(1e-12));
      for (int i = 0; i < n; i++) {
        assertThat(w[i]).isPositive();
        assertThat(rc[i]).as("n=%d sleeve %d", n, i).isCloseTo(1.0 / n, within(1e-10));
      }
    }
  }

  @Test
  void minVarianceTwoAssetClosedForm() {
    // w1 = (σ2² − σ12) / (σ1² + σ2² − 2σ12); σ1 = .1, σ2 = .2, ρ = .3: σ12 = .006,
    // w1 = (.04 − .006) / (.01 + .04 − .012) = .034/.038 = 0.894736842..., interior, so the
    // long-only solution is the same.
    double[][] c = cov2(0.1, 0.2, 0.3);
    for (boolean longOnly : new boolean[] {true, false}) {
      double[] w = new Allocator.MinVariance(longOnly).weights(2, c, P);
      assertThat(w[0]).isCloseTo(0.034 / 0.038, within(1e-14));
      assertThat(w[1]).isCloseTo(0.004 / 0.038, within(1e-14));
    }
  }

  @Test
  void minVarianceLongOnlyHitsTheBoundWhenTheClosedFormShorts() {
    // σ1 = .1, σ2 = .3, ρ = .9: σ12 = .027; closed form w1 = (.09 − .027)/(.01 + .09 − .054)
    // = .063/.046 = 1.3695652..., w2 = −.3695652. Long only: (1, 0); KKT: Σw = (.01, .027), the
    // bound sleeve's multiplier .027 − .01 > 0.
    double[][] c = cov2(0.1, 0.3, 0.9);
    double[] free = new Allocator.MinVariance(false).weights(2, c, P);
    assertThat(free[0]).isCloseTo(0.063 / 0.046, within(1e-13));
    assertThat(free[1]).isCloseTo(-0.017 / 0.046, within(1e-13));
    double[] lo = new Allocator.MinVariance(true).weights(2, c, P);
    assertThat(lo[0]).isCloseTo(1, within(1e-15));
    assertThat(lo[1]).isCloseTo(0, within(1e-15));
  }

  @Test
  void minVarianceUnconstrainedSatisfiesItsKktConditions() {
    // Σw = ν1 at the optimum of min wᵀΣw, 1ᵀw = 1.
    SplittableRandom r = new SplittableRandom(11);
    double[][] c = randomCov(r, 5);
    double[] w = new Allocator.MinVariance(false).weights(5, c, P);
    assertThat(sum(w)).isCloseTo(1, within(1e-13));
    double[] g = new double[5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        g[i] += c[i][j] * w[j];
      }
    }
    for (int i = 1; i < 5; i++) {
      assertThat(g[i]).isCloseTo(g[0], within(1e-13));
    }
  }

  @Test
  void minVarianceLongOnlyMatchesBruteForceOverSupports() {
    // Independent method: try every non-empty support S, take the closed form on S, keep the
    // feasible (all >= 0) one of least variance.
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 40; trial++) {
      int n = 2 + trial % 5;
      double[][] c = randomCov(r, n);
      double[] w = new Allocator.MinVariance(true).weights(n, c, P);
      double best = Double.POSITIVE_INFINITY;
      for (int mask = 1; mask < (1 << n); mask++) {
        double[] v = supportSolution(c, mask);
        if (v != null && Allocator.quadratic(v, c) < best) {
          best = Allocator.quadratic(v, c);
        }
      }
      assertThat(sum(w)).isCloseTo(1, within(1e-13));
      for (double x : w) {
        assertThat(x).isGreaterThanOrEqualTo(0);
      }
      assertThat(Allocator.quadratic(w, c)).as("trial %d", trial).isCloseTo(best, within(1e-14));
    }
  }

  private static double[] supportSolution(double[][] c, int mask) {
    int n = c.length;
    int f = Integer.bitCount(mask);
    int[] idx = new int[f];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if ((mask & (1 << i)) != 0) {
        idx[k++] = i;
      }
    }
    double[][] a = new double[f][f];
    double[] ones = new double[f];
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        a[i][j] = c[idx[i]][idx[j]];
      }
      ones[i] = 1;
    }
    double[] x = LinearAlgebra.solve(a, ones);
    double s = 0;
    for (double v : x) {
      s += v;
    }
    double[] w = new double[n];
    for (int i = 0; i < f; i++) {
      w[idx[i]] = x[i] / s;
      if (w[idx[i]] < -1e-12) {
        return null;
      }
    }
    return w;
  }

  @Test
  void volTargetScalesToTheTargetAndStopsAtTheCap() {
    // Two uncorrelated sleeves, σ = 1 % per bar, P = 100, base equal (½, ½):
    // bar variance ¼·1e-4·2 = 5e-5; annual σ_p = √(5e-5·100) = 0.0707107.
    double[][] c = {{1e-4, 0}, {0, 1e-4}};
    double sp = Math.sqrt(5e-5 * 100);
    // 10 % target: scale 0.1/0.0707 = 1.41421 (< cap 2/1): weights 0.70711 each, sum > 1
    double[] w = new Allocator.VolTarget(new Allocator.Equal(), 10, 2).weights(2, c, 100);
    assertThat(w[0]).isCloseTo(0.5 * 0.1 / sp, within(1e-14));
    assertThat(w[0] + w[1]).isCloseTo(Math.sqrt(2), within(1e-13));
    // cap 1.2: scale min(1.414, 1.2/1) = 1.2 -> 0.6 each
    w = new Allocator.VolTarget(new Allocator.Equal(), 10, 1.2).weights(2, c, 100);
    assertThat(w[0]).isCloseTo(0.6, within(1e-15));
    assertThat(w[0] + w[1]).isCloseTo(1.2, within(1e-15));
    // 5 % target: scale 0.7071, weights 0.35355 each, 29.3 % stays in cash
    w = new Allocator.VolTarget(new Allocator.Equal(), 5, 2).weights(2, c, 100);
    assertThat(w[0] + w[1]).isCloseTo(1 / Math.sqrt(2), within(1e-13));
    // predicted vol of the scaled weights equals the target
    assertThat(Math.sqrt(Allocator.quadratic(w, c) * 100)).isCloseTo(0.05, within(1e-15));
  }
}
