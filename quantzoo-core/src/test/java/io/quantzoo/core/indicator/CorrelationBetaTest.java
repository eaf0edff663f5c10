package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationBetaTest {

  private static double[] run(PairIndicator ind, double[] x, double[] y) {
    return Indicators.compute(ind, x, y).columns()[0];
  }

  @Test
  void levelsByHand() {
    // period 3, x = 1 2 3 5, y = 2 4 5 4
    // bar 2: dx = -1 0 1, dy = -5/3 1/3 4/3: Sxy = 3, Sxx = 2, Syy = 14/3
    // bar 3: dx = -4/3 -1/3 5/3, dy = -1/3 2/3 -1/3: Sxy = -1/3, Sxx = 42/9, Syy = 2/3
    double[] x = {1, 2, 3, 5};
    double[] y = {2, 4, 5, 4};
    Correlation c = new Correlation(3, PairInput.LEVELS);
    double[] r = run(c, x, y);
    assertThat(c.warmup()).isEqualTo(2);
    assertThat(r[1]).isNaN();
    assertThat(r[2]).isCloseTo(3 / Math.sqrt(2 * 14.0 / 3), within(1e-12));
    assertThat(r[3]).isCloseTo(-1.0 / 3 / Math.sqrt(42.0 / 9 * 2 / 3), within(1e-12));
    Beta b = new Beta(3, PairInput.LEVELS);
    double[] beta = run(b, x, y);
    assertThat(b.warmup()).isEqualTo(2);
    assertThat(beta[1]).isNaN();
    assertThat(beta[2]).isCloseTo(9.0 / 14, within(1e-12)); // Sxy/Syy
    assertThat(beta[3]).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void returnsByHand() {
    // period 3; x returns .1 -.1 .1 .1, y returns .1 0 .1 .2
    // bar 3: y returns = x returns / 2 + .05 exactly: correlation 1, beta of x on y = 2
    // bar 4: rx = -.1 .1 .1 (dx = -2/15 1/15 1/15), ry = 0 .1 .2 (dy = -.1 0 .1):
    //   Sxy = .02, Sxx = 6/225, Syy = .02 -> r = .02/sqrt(.02*6/225) = sqrt(3)/2, beta = 1
    double[] x = {100, 110, 99, 108.9, 119.79};
    double[] y = {50, 55, 55, 60.5, 72.6};
    Correlation c = new Correlation(3);
    double[] r = run(c, x, y);
    assertThat(c.warmup()).isEqualTo(3);
    assertThat(r[2]).isNaN();
    assertThat(r[3]).isCloseTo(1, within(1e-9));
    assertThat(r[4]).isCloseTo(Math.sqrt(3) / 2, within(1e-9));
    Beta b = new Beta(3);
    double[] beta = run(b, x, y);
    assertThat(b.warmup()).isEqualTo(3);
    assertThat(beta[2]).isNaN();
    assertThat(beta[3]).isCloseTo(2, within(1e-9));
    assertThat(beta[4]).isCloseTo(1, within(1e-9));
    // the benchmark is the second argument: y against x is the reciprocal slope at bar 3
    assertThat(run(new Beta(3), y, x)[3]).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aConstantSeriesGivesExactlyZero() {
    // y is constant from bar 30 at values that are not binary fractions: rounding residues of
    // the running sums must not turn into a correlation or beta
    for (int n = 2; n <= 12; n++) {
      for (double c : new double[] {0.1, 1.0 / 3, 123.456}) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[70];
        double[] y = new double[70];
        for (int i = 0; i < x.length; i++) {
          x[i] = 100 + rnd.nextGaussian();
          y[i] = i < 30 ? 50 + rnd.nextGaussian() : c;
        }
        for (PairInput in : PairInput.values()) {
          double[] r = run(new Correlation(n, in), x, y);
          double[] b = run(new Beta(n, in), x, y);
          double[] bx = run(new Beta(n, in), y, x); // the constant one as the series
          int from = in == PairInput.RETURNS ? 31 + n - 1 : 30 + n - 1;
          for (int t = from; t < x.length; t++) {
            String at = in + " period " + n + " constant " + c + " bar " + t;
            assertThat(r[t]).as("correlation, %s", at).isEqualTo(0.0);
            assertThat(b[t]).as("beta, %s", at).isEqualTo(0.0);
            assertThat(bx[t]).as("beta of the constant series, %s", at).isEqualTo(0.0);
          }
          assertThat(r[from - 1]).isNotEqualTo(0.0);
        }
      }
    }
  }

  @Test
  void matchesTheTwoPassDefinitionOverManyCycles() {
    SplittableRandom rnd = new SplittableRandom(9);
    int n = 7;
    double[] x = new double[500];
    double[] y = new double[500];
    double px = 1e6;
    double py = 2e5;
    for (int i = 0; i < x.length; i++) {
      double common = rnd.nextGaussian();
      px *= 1 + 0.01 * (common + rnd.nextGaussian());
      py *= 1 + 0.01 * (0.5 * common + rnd.nextGaussian());
      x[i] = px;
      y[i] = py;
    }
    for (PairInput in : PairInput.values()) {
      double[] u = in == PairInput.LEVELS ? x : returns(x);
      double[] v = in == PairInput.LEVELS ? y : returns(y);
      int lag = in == PairInput.LEVELS ? 0 : 1; // u[t - lag] belongs to bar t
      double[] r = run(new Correlation(n, in), x, y);
      double[] b = run(new Beta(n, in), x, y);
      for (int t = n - 1 + lag; t < x.length; t++) {
        int end = t - lag;
        double mu = 0;
        double mv = 0;
        for (int i = end - n + 1; i <= end; i++) {
          mu += u[i];
          mv += v[i];
        }
        mu /= n;
        mv /= n;
        double suv = 0;
        double suu = 0;
        double svv = 0;
        for (int i = end - n + 1; i <= end; i++) {
          suv += (u[i] - mu) * (v[i] - mv);
          suu += (u[i] - mu) * (u[i] - mu);
          svv += (v[i] - mv) * (v[i] - mv);
        }
        assertThat(r[t]).as("%s bar %d", in, t).isCloseTo(suv / Math.sqrt(suu * svv), within(1e-8));
        assertThat(b[t]).as("%s bar %d", in, t).isCloseTo(suv / svv, within(1e-8));
      }
    }
  }

  private static double[] returns(double[] p) {
    double[] r = new double[p.length - 1];
    for (int i = 1; i < p.length; i++) {
      r[i - 1] = p[i] / p[i - 1] - 1;
    }
    return r;
  }

  @Test
  void rejectsPeriodOne() {
    assertThatThrownBy(() -> new Correlation(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be >= 2, was 1");
  }
}
