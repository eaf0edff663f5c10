package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinRegSlopeTest {

  @Test
  void periodThreeByHand() {
    // x = 0 1 2 against y; slope = sum((j-1)*y_j) / 2
    // [1 2 4]: (-1 + 4)/2 = 1.5; [2 4 4]: (-2 + 4)/2 = 1; [4 4 3]: (-4 + 3)/2 = -0.5
    LinRegSlope s = new LinRegSlope(3);
    double[] v = Indicators.compute(s, new double[] {1, 2, 4, 4, 3});
    assertThat(s.warmup()).isEqualTo(2);
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isCloseTo(1.5, within(1e-12));
    assertThat(v[3]).isCloseTo(1, within(1e-12));
    assertThat(v[4]).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void slopeOfALineIsItsStepPerBar() {
    double[] x = new double[50];
    for (int i = 0; i < x.length; i++) {
      x[i] = 5000 - 0.25 * i;
    }
    double[] v = Indicators.compute(new LinRegSlope(14), x);
    for (int t = 13; t < x.length; t++) {
      assertThat(v[t]).isCloseTo(-0.25, within(1e-9));
    }
  }

  @Test
  void aFlatWindowGivesExactlyZero() {
    // a flat stretch after a varied one: rounding residues of the running sums must not show as
    // a tiny slope (whose sign a strategy would read as a trend)
    for (int n = 2; n <= 12; n++) {
      for (double c : new double[] {0.1, 1.0 / 3, 123.456}) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[80];
        for (int i = 0; i < x.length; i++) {
          x[i] = i < 40 ? 100 + rnd.nextGaussian() : c;
        }
        double[] v = Indicators.compute(new LinRegSlope(n), x);
        for (int t = 40 + n - 1; t < x.length; t++) {
          assertThat(v[t]).as("period %d, constant %s, bar %d", n, c, t).isEqualTo(0.0);
        }
      }
    }
  }

  @Test
  void matchesTheDefinitionOverManyCyclesAtHighLevels() {
    SplittableRandom rnd = new SplittableRandom(4);
    int n = 14;
    double[] x = new double[800];
    double p = 1e6;
    for (int i = 0; i < x.length; i++) {
      p += rnd.nextGaussian();
      x[i] = p;
    }
    double[] v = Indicators.compute(new LinRegSlope(n), x);
    double jbar = (n - 1) / 2.0;
    for (int t = n - 1; t < x.length; t++) {
      double num = 0;
      double den = 0;
      for (int j = 0; j < n; j++) {
        num += (j - jbar) * x[t - n + 1 + j];
        den += (j - jbar) * (j - jbar);
      }
      assertThat(v[t]).as("bar %d", t).isCloseTo(num / den, within(1e-8));
    }
  }

  @Test
  void rejectsPeriodOne() {
    assertThatThrownBy(() -> new LinRegSlope(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be >= 2, was 1");
  }
}
