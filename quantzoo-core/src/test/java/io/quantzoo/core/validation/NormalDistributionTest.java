package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Published values of Φ and Φ⁻¹ (16 to 17 significant digits: R's {@code pnorm} / {@code qnorm} and
 * standard tables, recomputed with mpmath {@code ncdf} and {@code findroot} at 40 digits).
 */
class NormalDistributionTest {

  /** Relative error allowed against a published value: well inside the ~1e-9 the brief asks. */
  private static final Percentage REL = Percentage.withPercentage(1e-10); // 1e-12 relative

  @Test
  void cdfMatchesPublishedValues() {
    double[][] table = {
      {0.0, 0.5},
      {1.96, 0.9750021048517795},
      {-1.96, 0.024997895148220435},
      {0.5, 0.6914624612740131},
      {-1.0, 0.15865525393145705},
      {1.0, 0.841344746068543},
      {-2.0, 0.022750131948179207},
      {-3.0, 0.0013498980316300946},
      {-4.0, 3.167124183311992e-5},
      {-5.0, 2.866515718791939e-7},
      {-6.0, 9.865876450376982e-10},
      {-8.0, 6.22096057427178e-16},
      {-10.0, 7.619853024160526e-24},
      {-2.5, 0.006209665325776135},
      {2.5, 0.9937903346742239},
    };
    for (double[] row : table) {
      assertThat(NormalDistribution.cdf(row[0])).as("Φ(%s)", row[0]).isCloseTo(row[1], REL);
    }
  }

  @Test
  void cdfLimitsAndSymmetry() {
    assertThat(NormalDistribution.cdf(Double.NEGATIVE_INFINITY)).isZero();
    assertThat(NormalDistribution.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(NormalDistribution.cdf(-40)).isZero(); // 3.7e-350 underflows
    assertThat(NormalDistribution.cdf(Double.NaN)).isNaN();
    for (double x = -6; x <= 6; x += 0.0625) {
      // Φ(x) + Φ(−x) = 1 across the switch between series and continued fraction at 2.5.
      assertThat(NormalDistribution.cdf(x) + NormalDistribution.cdf(-x))
          .as("x=%s", x)
          .isCloseTo(1.0, within(2e-15));
    }
    // Continuity at the switch: Φ(2.5) = 0.9937903346742239, from either side.
    assertThat(NormalDistribution.cdf(Math.nextDown(2.5)))
        .isCloseTo(NormalDistribution.cdf(2.5), within(1e-15));
  }

  @Test
  void pdfMatchesTheFormula() {
    // φ(0) = 1/√(2π) = 0.3989422804014327; φ(1) = 0.24197072451914337; φ(−1.96) =
    // 0.05844094433345147.
    assertThat(NormalDistribution.pdf(0)).isCloseTo(0.3989422804014327, REL);
    assertThat(NormalDistribution.pdf(1)).isCloseTo(0.24197072451914337, REL);
    assertThat(NormalDistribution.pdf(-1.96)).isCloseTo(0.05844094433345147, REL);
    assertThat(NormalDistribution.pdf(50)).isZero();
    assertThat(NormalDistribution.pdf(Double.NaN)).isNaN();
  }

  @Test
  void inverseMatchesPublishedValues() {
    double[][] table = {
      {0.975, 1.9599639845400542},
      {0.025, -1.9599639845400542},
      {0.99, 2.326347874040841},
      {0.95, 1.6448536269514727},
      {0.9, 1.2815515655446004},
      {0.6, 0.2533471031357998},
      {1e-10, -6.361340902404056},
      {1e-300, -37.0470962993612},
    };
    for (double[] row : table) {
      assertThat(NormalDistribution.inverseCdf(row[0]))
          .as("Φ⁻¹(%s)", row[0])
          .isCloseTo(row[1], within(1e-12 * Math.max(1, Math.abs(row[1]))));
    }
    assertThat(NormalDistribution.inverseCdf(0.5)).isZero();
    assertThat(NormalDistribution.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NormalDistribution.inverseCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NormalDistribution.inverseCdf(Double.NaN)).isNaN();
  }

  @Test
  void inverseRoundTrips() {
    // Φ(Φ⁻¹(p)) = p to near double precision, over the body and deep into both tails.
    for (int e = 1; e <= 300; e++) {
      double p = Math.pow(10, -e / 2.0);
      double x = NormalDistribution.inverseCdf(p);
      assertThat(NormalDistribution.cdf(x))
          .as("p=%s", p)
          .isCloseTo(p, Percentage.withPercentage(1e-11));
    }
    for (int i = 1; i < 1000; i++) {
      double p = i / 1000.0;
      double x = NormalDistribution.inverseCdf(p);
      assertThat(NormalDistribution.cdf(x)).as("p=%s", p).isCloseTo(p, within(2e-16 + 1e-13 * p));
      assertThat(NormalDistribution.inverseCdf(1 - p)).isCloseTo(-x, within(1e-12));
    }
  }

  @Test
  void inverseRejectsProbabilitiesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> NormalDistribution.inverseCdf(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 1.5");
    assertThatThrownBy(() -> NormalDistribution.inverseCdf(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
