package io.quantzoo.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** VaR and ES from a selected lowest 5 % equal those from a full sort, bit for bit. */
class VarSelectionTest {
  private static double fullSortEs(double[] x, double p) {
    double[] s = x.clone();
    Arrays.sort(s);
    double q = MetricsCalculator.quantileType7(s, p);
    double sum = 0;
    int c = 0;
    for (double v : s) {
      if (v > q) {
        break;
      }
      sum += v;
      c++;
    }
    return sum / c;
  }

  @Test
  void selectedPrefixGivesTheSortedQuantilesAndTailMeans() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      int n = 20 + rnd.nextInt(3000);
      double[] x = new double[n];
      boolean coarse = rnd.nextBoolean(); // many duplicates (returns on a tick grid)
      for (int i = 0; i < n; i++) {
        x[i] = coarse ? (rnd.nextInt(21) - 10) / 1000.0 : rnd.nextGaussian() * 0.01;
      }
      int k = Math.min(n, (int) Math.floor((n - 1) * 0.05) + 2);
      double[] low = MetricsCalculator.lowestSorted(x, k);
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      assertThat(Arrays.copyOf(low, k)).containsExactly(Arrays.copyOf(sorted, k));
      for (double p : new double[] {0.05, 0.01}) {
        assertThat(MetricsCalculator.quantileType7(low, n, p))
            .isEqualTo(MetricsCalculator.quantileType7(sorted, p));
      }
      for (double p : new double[] {0.05, 0.01}) {
        double q = MetricsCalculator.quantileType7(low, n, p);
        assertThat(MetricsCalculator.meanAtOrBelow(low, k, q)).isEqualTo(fullSortEs(x, p));
      }
    }
  }
}
