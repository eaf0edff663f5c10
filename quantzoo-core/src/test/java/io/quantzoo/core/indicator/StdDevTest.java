package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StdDevTest {
  @Test
  void populationDeviationOfTheTextbookSample() {
    // 2,4,4,4,5,5,7,9: mean 5, squared deviations sum 32, population variance 32/8 = 4, sd 2
    double[] out =
        Indicators.compute(
            new StdDev(8, Deviation.POPULATION, PriceSource.CLOSE),
            new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    assertThat(out[6]).isNaN();
    assertThat(out[7]).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void sampleDeviationDividesByNMinusOne() {
    // 1,2,3,4: mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5; 5/3 -> sd 1.2909944487
    double[] out =
        Indicators.compute(
            new StdDev(4, Deviation.SAMPLE, PriceSource.CLOSE), new double[] {1, 2, 3, 4, 5});
    assertThat(out[3]).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    assertThat(out[4]).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12)); // 2,3,4,5 same spread
  }

  @Test
  void aWindowOfIdenticalValuesHasExactlyZeroDeviationEvenAtHighPrices() {
    StdDev sd = new StdDev(5);
    double[] xs = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    double last = Double.NaN;
    for (double x : xs) {
      last = sd.update(x);
    }
    assertThat(last).isZero(); // the 0.3 has left the window
    StdDev big = new StdDev(3);
    for (int i = 0; i < 50; i++) {
      last = big.update(i < 20 ? 60_000.0 + i * 0.37 : 61_234.57);
    }
    assertThat(last).isZero();
  }

  @Test
  void staysAccurateOverManyCyclesAtLargePriceLevels() {
    StdDev sd = new StdDev(20);
    double[] w = new double[20];
    double got = Double.NaN;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      double x = 1e6 + rnd.nextGaussian() * 10;
      w[i % 20] = x;
      got = sd.update(x);
    }
    double mean = 0;
    for (double x : w) {
      mean += x / 20;
    }
    double ss = 0;
    for (double x : w) {
      ss += (x - mean) * (x - mean);
    }
    assertThat(got).isCloseTo(Math.sqrt(ss / 20), within(1e-9));
  }
}
