package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZScoreTest {
  private static final double[] IN = {1, 2, 3, 4, 10};

  @Test
  void populationByHand() {
    // [1 2 3]: mean 2, var 2/3 -> z = 1/sqrt(2/3) = sqrt(1.5); [2 3 4] the same;
    // [3 4 10]: mean 17/3, squared deviations 64/9 + 25/9 + 169/9 = 258/9, var 258/27,
    // z = (13/3)/sqrt(258/27)
    ZScore z = new ZScore(3);
    double[] v = Indicators.compute(z, IN);
    assertThat(z.warmup()).isEqualTo(2);
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(Math.sqrt(1.5), within(1e-12));
    assertThat(v[3]).isCloseTo(Math.sqrt(1.5), within(1e-12));
    assertThat(v[4]).isCloseTo(13.0 / 3 / Math.sqrt(258.0 / 27), within(1e-12));
  }

  @Test
  void sampleDividesByNMinusOne() {
    // [1 2 3]: var 2/2 = 1 -> z = 1; [3 4 10]: var 258/18
    double[] v = Indicators.compute(new ZScore(3, Deviation.SAMPLE, PriceSource.CLOSE), IN);
    assertThat(v[2]).isCloseTo(1, within(1e-12));
    assertThat(v[4]).isCloseTo(13.0 / 3 / Math.sqrt(258.0 / 18), within(1e-12));
  }

  @Test
  void aConstantWindowGivesExactlyZero() {
    // constants that are not binary fractions: their window mean, and the shifted sums left over
    // from the varied part, round to tiny non-zero numbers; the answer must still be exactly 0
    for (int n = 2; n <= 12; n++) {
      for (double c : new double[] {0.1, 1.0 / 3, 123.456}) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) {
          x[i] = i < 60 ? 100 + rnd.nextGaussian() : c;
        }
        double[] v = Indicators.compute(new ZScore(n), x);
        for (int t = 60 + n - 1; t < x.length; t++) {
          assertThat(v[t]).as("period %d, constant %s, bar %d", n, c, t).isEqualTo(0.0);
        }
        assertThat(v[60 + n - 2]).isNotEqualTo(0.0); // one value of the varied part still in
      }
    }
  }

  @Test
  void matchesTheTwoPassDefinitionAtHighLevels() {
    SplittableRandom rnd = new SplittableRandom(8);
    int n = 9;
    double[] x = new double[700];
    double p = 1e7;
    for (int i = 0; i < x.length; i++) {
      p += rnd.nextGaussian();
      x[i] = p;
    }
    double[] v = Indicators.compute(new ZScore(n), x);
    for (int t = n - 1; t < x.length; t++) {
      double m = 0;
      for (int i = t - n + 1; i <= t; i++) {
        m += x[i];
      }
      m /= n;
      double ss = 0;
      for (int i = t - n + 1; i <= t; i++) {
        ss += (x[i] - m) * (x[i] - m);
      }
      assertThat(v[t]).as("bar %d", t).isCloseTo((x[t] - m) / Math.sqrt(ss / n), within(1e-6));
    }
  }

  @Test
  void rejectsPeriodOne() {
    assertThatThrownBy(() -> new ZScore(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be >= 2, was 1");
  }
}
