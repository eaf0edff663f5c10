package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MomentAccumulator} and {@link SampleMoments}. */
class MomentsTest {

  @Test
  void handWorkedSeries() {
    // x = 1, 2, 3, 4, 10: n = 5, mean = 20/5 = 4. Deviations −3, −2, −1, 0, 6.
    // M2 = 9+4+1+0+36 = 50; M3 = −27−8−1+0+216 = 180; M4 = 81+16+1+0+1296 = 1394.
    // std = √(50/4) = √12.5 = 3.5355339059327378.
    // skewness = (180/5) / (50/5)^1.5 = 36 / 10^1.5 = 1.1384199576606167.
    // kurtosis = (1394/5) / (50/5)² = 278.8 / 100 = 2.788 (non-excess).
    // Sharpe = 4 / √12.5 = 1.131370849898476.
    MomentAccumulator a = new MomentAccumulator();
    a.addAll(new double[] {1, 2, 3, 4, 10});
    assertThat(a.count()).isEqualTo(5);
    assertThat(a.mean()).isCloseTo(4, within(1e-15));
    assertThat(a.m2()).isCloseTo(50, within(1e-12));
    assertThat(a.m3()).isCloseTo(180, within(1e-12));
    assertThat(a.m4()).isCloseTo(1394, within(1e-10));
    assertThat(a.variance()).isCloseTo(12.5, within(1e-13));
    assertThat(a.std()).isCloseTo(3.5355339059327378, within(1e-14));
    assertThat(a.skewness()).isCloseTo(1.1384199576606167, within(1e-14));
    assertThat(a.kurtosis()).isCloseTo(2.788, within(1e-13));
    assertThat(a.sharpe()).isCloseTo(1.131370849898476, within(1e-14));
    SampleMoments m = SampleMoments.of(new double[] {1, 2, 3, 4, 10});
    assertThat(m.count()).isEqualTo(5);
    assertThat(m.mean()).isCloseTo(4, within(1e-15));
    assertThat(m.std()).isCloseTo(3.5355339059327378, within(1e-14));
    assertThat(m.skewness()).isCloseTo(1.1384199576606167, within(1e-14));
    assertThat(m.kurtosis()).isCloseTo(2.788, within(1e-13));
    assertThat(m.sharpe()).isCloseTo(1.131370849898476, within(1e-14));
  }

  @Test
  void matchesTwoPassFormulasOnRandomSeries() {
    // Independent recomputation: two-pass central sums of the stored values.
    SplittableRandom rnd = new SplittableRandom(11);
    for (int c = 0; c < 50; c++) {
      int n = rnd.nextInt(2, 500);
      double[] x = new double[n];
      double shift = rnd.nextDouble(-100, 100);
      for (int i = 0; i < n; i++) {
        // Skewed: exponential-ish tail on top of a shifted uniform.
        x[i] = shift + rnd.nextDouble() + (rnd.nextInt(10) == 0 ? -Math.log(rnd.nextDouble()) : 0);
      }
      double mean = 0;
      for (double v : x) {
        mean += v;
      }
      mean /= n;
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      for (double v : x) {
        double d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
      }
      SampleMoments m = SampleMoments.of(x);
      assertThat(m.mean()).isCloseTo(mean, within(1e-12 * Math.abs(shift) + 1e-12));
      assertThat(m.std()).isCloseTo(Math.sqrt(m2 / (n - 1)), within(1e-9));
      assertThat(m.skewness()).isCloseTo(Math.sqrt(n) * m3 / Math.pow(m2, 1.5), within(1e-7));
      assertThat(m.kurtosis()).isCloseTo(n * m4 / (m2 * m2), within(1e-7));
    }
  }

  @Test
  void mergeEqualsFeedingEverything() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian() * 0.01 + (i < 300 ? 0.002 : -0.001) + (i % 97 == 0 ? 0.05 : 0);
    }
    MomentAccumulator whole = new MomentAccumulator();
    whole.addAll(x);
    for (int cut : new int[] {0, 1, 2, 300, 999, 1000}) {
      MomentAccumulator left = new MomentAccumulator();
      MomentAccumulator right = new MomentAccumulator();
      for (int i = 0; i < x.length; i++) {
        (i < cut ? left : right).add(x[i]);
      }
      left.merge(right);
      assertThat(left.count()).isEqualTo(1000);
      assertThat(left.mean()).isCloseTo(whole.mean(), within(1e-15));
      assertThat(left.std()).isCloseTo(whole.std(), within(1e-15));
      assertThat(left.skewness()).isCloseTo(whole.skewness(), within(1e-11));
      assertThat(left.kurtosis()).isCloseTo(whole.kurtosis(), within(1e-10));
    }
    // Merging into an empty accumulator copies; merging an empty one changes nothing.
    MomentAccumulator empty = new MomentAccumulator();
    empty.merge(whole);
    assertThat(empty.moments()).isEqualTo(whole.moments());
    whole.merge(new MomentAccumulator());
    assertThat(whole.moments()).isEqualTo(empty.moments());
  }

  @Test
  void undefinedStatisticsAreNaN() {
    MomentAccumulator a = new MomentAccumulator();
    assertThat(a.count()).isZero();
    assertThat(a.mean()).isNaN();
    assertThat(a.std()).isNaN();
    assertThat(a.skewness()).isNaN();
    a.add(0.1);
    assertThat(a.mean()).isEqualTo(0.1);
    assertThat(a.std()).isNaN(); // one value
    assertThat(a.sharpe()).isNaN();
    a.add(0.1);
    a.add(0.1);
    // Constant values: Welford's delta is exactly 0, so M2 = 0 exactly.
    assertThat(a.std()).isZero();
    assertThat(a.skewness()).isNaN();
    assertThat(a.kurtosis()).isNaN();
    assertThat(a.sharpe()).isNaN();
    assertThatThrownBy(() -> a.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.add(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalSampleHasSkewZeroAndKurtosisThree() {
    // For n = 200,000 standard normal draws the standard errors are √(6/n) ≈ 0.0055 for skewness
    // and √(24/n) ≈ 0.011 for kurtosis; the bands are 5 standard errors.
    SplittableRandom rnd = new SplittableRandom(5);
    MomentAccumulator a = new MomentAccumulator();
    for (int i = 0; i < 200_000; i++) {
      a.add(rnd.nextGaussian());
    }
    assertThat(a.skewness()).isCloseTo(0, within(0.028));
    assertThat(a.kurtosis()).isCloseTo(3, within(0.055));
  }
}
