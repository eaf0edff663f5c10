package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PboTest {
  private static final double SQRT2 = Math.sqrt(2);

  @Test
  void handWorkedThreeTrialsTwoBlocks() {
    // T = 4, S = 2: block 0 = periods 0-1, block 1 = periods 2-3. Sharpe of two values a, b:
    // mean (a+b)/2, sample std |a−b|/√2.
    //   trial 0: [1, 3 | −2, 0]  block 0: 2/√2 = √2      block 1: −1/√2
    //   trial 1: [0, 2 |  1, 5]  block 0: 1/√2           block 1: 3/(2√2) = 1.0607
    //   trial 2: [−1, 1 | 0, 2]  block 0: 0              block 1: 1/√2
    // c = 0, IS = {0}: n* = 0 (√2). OOS block 1: −0.707 < 0.707 < 1.061 → rank 1, ω = 1/4,
    //   λ = ln(1/3); OOS sum −2 < 0: a loss.
    // c = 1, IS = {1}: n* = 1 (1.061). OOS block 0: 0 < 0.707 < 1.414 → rank 2, ω = 2/4,
    //   λ = ln 1 = 0 → counts as overfit (λ <= 0); OOS sum 2: no loss.
    // PBO = 2/2 = 1; probability of loss = 1/2.
    // Degradation through (√2, −1/√2) and (3/(2√2), 1/√2): slope = (2/√2) / (3/(2√2) − √2)
    //   = √2 / (−1/(2√2)) = −4; intercept = −1/√2 + 4√2 = 7/√2.
    double[][] r = {{1, 3, -2, 0}, {0, 2, 1, 5}, {-1, 1, 0, 2}};
    PboResult res = Pbo.fromReturns(r, 2);
    assertThat(res.combinations()).isEqualTo(2);
    assertThat(res.pbo()).isEqualTo(1.0);
    assertThat(res.logits()[0]).isCloseTo(Math.log(1.0 / 3), within(1e-15));
    assertThat(res.logits()[1]).isZero();
    assertThat(res.selected()).containsExactly(0, 1);
    assertThat(res.inSampleSharpe()[0]).isCloseTo(SQRT2, within(1e-15));
    assertThat(res.inSampleSharpe()[1]).isCloseTo(3 / (2 * SQRT2), within(1e-15));
    assertThat(res.outOfSampleSharpe()[0]).isCloseTo(-1 / SQRT2, within(1e-15));
    assertThat(res.outOfSampleSharpe()[1]).isCloseTo(1 / SQRT2, within(1e-15));
    assertThat(res.probabilityOfLoss()).isEqualTo(0.5);
    assertThat(res.degradationSlope()).isCloseTo(-4, within(1e-12));
    assertThat(res.degradationIntercept()).isCloseTo(7 / SQRT2, within(1e-12));

    // The same from block statistics: sum, sum of squares, count per [trial][block].
    double[][] sum = {{4, -2}, {2, 6}, {0, 2}};
    double[][] sumSq = {{10, 4}, {4, 26}, {2, 4}};
    long[][] count = {{2, 2}, {2, 2}, {2, 2}};
    assertThat(Pbo.compute(sum, sumSq, count)).isEqualTo(res);
  }

  @Test
  void tiesInSampleGoToTheLowestTrialAndTiesOutOfSampleShareTheAverageRank() {
    //   trial 0: [1, 3 | 0, 2]   block 0: √2   block 1: 1/√2
    //   trial 1: identical to trial 0
    //   trial 2: [−1, 1 | 1, 3]  block 0: 0    block 1: √2
    // c = 0, IS = {0}: trials 0 and 1 tie at √2 → n* = 0. OOS: trials 0, 1 tie at 0.707 below
    //   trial 2 → ranks 1 and 2 shared: rank 1.5, ω = 1.5/4, λ = ln(1.5/2.5) = ln 0.6.
    // c = 1, IS = {1}: n* = 2. OOS block 0: trial 2 is the lowest (0) → rank 1, λ = ln(1/3).
    double[][] r = {{1, 3, 0, 2}, {1, 3, 0, 2}, {-1, 1, 1, 3}};
    PboResult res = Pbo.fromReturns(r, 2);
    assertThat(res.selected()).containsExactly(0, 2);
    assertThat(res.logits()[0]).isCloseTo(Math.log(0.6), within(1e-15));
    assertThat(res.logits()[1]).isCloseTo(Math.log(1.0 / 3), within(1e-15));
    assertThat(res.pbo()).isEqualTo(1.0);
    assertThat(res.probabilityOfLoss()).isZero();
  }

  @Test
  void undefinedSharpeRanksWorst() {
    //   trial 0: [1, 3 | 2, 2]   block 0: √2     block 1: constant → NaN (mean 2 > 0)
    //   trial 1: [0, 2 | 4, 4]   block 0: 1/√2   block 1: constant → NaN
    //   trial 2: [−1, 1 | 0, 2]  block 0: 0      block 1: 1/√2
    // c = 0, IS = {0}: n* = 0. OOS: trials 0 and 1 are NaN, tied as the worst → rank 1.5,
    //   λ = ln(1.5/2.5) = ln 0.6. OOS sum 4 > 0: no loss (the mean decides when SR is NaN).
    // c = 1, IS = {1}: NaN, NaN, 0.707 → n* = 2 although trials 0 and 1 have the higher means.
    //   OOS block 0: trial 2 is lowest → rank 1, λ = ln(1/3). OOS sum 0: not a loss.
    // Degradation: only c = 1 has both IS and OOS defined → one pair → NaN.
    double[][] r = {{1, 3, 2, 2}, {0, 2, 4, 4}, {-1, 1, 0, 2}};
    PboResult res = Pbo.fromReturns(r, 2);
    assertThat(res.selected()).containsExactly(0, 2);
    assertThat(res.logits()[0]).isCloseTo(Math.log(0.6), within(1e-15));
    assertThat(res.logits()[1]).isCloseTo(Math.log(1.0 / 3), within(1e-15));
    assertThat(res.outOfSampleSharpe()[0]).isNaN();
    assertThat(res.pbo()).isEqualTo(1.0);
    assertThat(res.probabilityOfLoss()).isZero();
    assertThat(res.degradationSlope()).isNaN();
    assertThat(res.degradationIntercept()).isNaN();
  }

  @Test
  void zeroVarianceTrialWithTheHighestMeanIsNeverSelected() {
    //   trial 0: 5, 5, 5, 5 (constant, NaN everywhere)
    //   trial 1: [1, 3 | 1, 3]   √2 in both blocks
    //   trial 2: [0, 2 | −1, 1]  1/√2, 0
    // Both combinations select trial 1, whose OOS √2 is the best of three → rank 3, ω = 3/4,
    // λ = ln 3 > 0 → PBO = 0.
    double[][] r = {{5, 5, 5, 5}, {1, 3, 1, 3}, {0, 2, -1, 1}};
    PboResult res = Pbo.fromReturns(r, 2);
    assertThat(res.selected()).containsExactly(1, 1);
    assertThat(res.logits()).containsExactly(Math.log(3), Math.log(3));
    assertThat(res.pbo()).isZero();
    // All trials undefined in sample: n* = 0.
    double[][] flat = {{1, 1, 0, 2}, {2, 2, -1, 1}};
    assertThat(Pbo.fromReturns(flat, 2).selected()[0]).isZero();
  }

  @Test
  void sharpeFromSums() {
    // [1, 2, 3, 4, 10]: sum 20, sum of squares 130, n 5 → mean 4, var (130 − 80)/4 = 12.5.
    assertThat(Pbo.sharpe(20, 130, 5)).isCloseTo(4 / Math.sqrt(12.5), within(1e-15));
    assertThat(Pbo.sharpe(3, 3, 1)).isNaN(); // one return
    assertThat(Pbo.sharpe(0, 0, 10)).isNaN(); // all zero
    // 0.1 ten times: sum and sum of squares carry rounding, so q − s²/n comes out as 6e-18, not 0
    // (a Sharpe ratio of 4e7); the relative zero-variance rule (<= 1e-9 · q/n) makes it NaN.
    double s = 0;
    double q = 0;
    for (int i = 0; i < 10; i++) {
      s += 0.1;
      q += 0.01;
    }
    assertThat(Pbo.sharpe(s, q, 10)).isNaN();
  }

  @Test
  void remainderPeriodsGoToTheFirstBlocks() {
    // T = 10, S = 4: sizes 3, 3, 2, 2.
    assertThat(Pbo.blockBounds(10, 4)).containsExactly(0, 3, 6, 8, 10);
    assertThat(Pbo.blockBounds(8, 4)).containsExactly(0, 2, 4, 6, 8);
    // fromReturns uses those blocks: T = 5, S = 2 → block 0 = periods 0-2, block 1 = 3-4.
    //   trial 0: [0, 0, 3 | 1, −1]: block 0 mean 1, var (1+1+4)/2 = 3 → 1/√3; block 1: 0.
    //   trial 1: [1, 1, 1 | 1, 3]: block 0 constant (NaN); block 1 mean 2, std √2 → √2.
    // c = 0: n* = 0 (1/√3 vs NaN); OOS block 1: 0 < √2 → rank 1. c = 1: n* = 1; OOS block 0:
    // trial 1 NaN is worst → rank 1.
    PboResult res = Pbo.fromReturns(new double[][] {{0, 0, 3, 1, -1}, {1, 1, 1, 1, 3}}, 2);
    assertThat(res.inSampleSharpe()[0]).isCloseTo(1 / Math.sqrt(3), within(1e-15));
    assertThat(res.inSampleSharpe()[1]).isCloseTo(SQRT2, within(1e-15));
    assertThat(res.selected()).containsExactly(0, 1);
    assertThat(res.logits()).containsExactly(Math.log(0.5), Math.log(0.5));
  }

  @Test
  void matchesABruteForceRecomputationFromReturns() {
    // Independent recomputation: combinations from bitmasks sorted lexicographically, two-pass
    // Sharpe ratios on concatenated returns, average ranks by sorting, logits and PBO from the
    // definition. S = 6 (20 combinations), N = 7 (odd: ties with the median are possible), T = 45
    // (blocks 8, 8, 8, 7, 7, 7). Some trials have drifts so that the selection is not pure noise.
    SplittableRandom rnd = new SplittableRandom(99);
    for (int rep = 0; rep < 20; rep++) {
      int n = 7;
      int s = 6;
      int t = 45;
      double[][] r = new double[n][t];
      for (int i = 0; i < n; i++) {
        double drift = rnd.nextInt(3) == 0 ? rnd.nextDouble(-0.5, 0.5) : 0;
        for (int j = 0; j < t; j++) {
          r[i][j] = drift + rnd.nextGaussian();
        }
      }
      int[] bounds = {0, 8, 16, 24, 31, 38, 45};
      List<int[]> combos = new ArrayList<>();
      for (int mask = 0; mask < (1 << s); mask++) {
        if (Integer.bitCount(mask) == s / 2) {
          int[] c = new int[s / 2];
          int k = 0;
          for (int b = 0; b < s; b++) {
            if ((mask & (1 << b)) != 0) {
              c[k++] = b;
            }
          }
          combos.add(c);
        }
      }
      combos.sort(Arrays::compare);
      PboResult res = Pbo.fromReturns(r, s);
      assertThat(res.combinations()).isEqualTo(combos.size()).isEqualTo(20);
      int overfit = 0;
      int losses = 0;
      for (int c = 0; c < combos.size(); c++) {
        boolean[] inSample = new boolean[s];
        for (int b : combos.get(c)) {
          inSample[b] = true;
        }
        double[] is = new double[n];
        double[] oos = new double[n];
        double[] oosMean = new double[n];
        for (int i = 0; i < n; i++) {
          List<Double> a = new ArrayList<>();
          List<Double> o = new ArrayList<>();
          for (int b = 0; b < s; b++) {
            for (int j = bounds[b]; j < bounds[b + 1]; j++) {
              (inSample[b] ? a : o).add(r[i][j]);
            }
          }
          is[i] = twoPassSharpe(a);
          oos[i] = twoPassSharpe(o);
          oosMean[i] = o.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
          if (is[i] > is[best]) {
            best = i;
          }
        }
        double[] sorted = oos.clone();
        Arrays.sort(sorted);
        int first = Arrays.binarySearch(sorted, oos[best]);
        while (first > 0 && sorted[first - 1] == oos[best]) {
          first--;
        }
        int last = first;
        while (last + 1 < n && sorted[last + 1] == oos[best]) {
          last++;
        }
        double rank = (first + 1 + last + 1) / 2.0; // average of 1-based ranks first+1..last+1
        double omega = rank / (n + 1);
        double logit = Math.log(omega / (1 - omega));
        assertThat(res.selected()[c]).as("rep %d combination %d", rep, c).isEqualTo(best);
        assertThat(res.inSampleSharpe()[c]).isCloseTo(is[best], within(1e-12));
        assertThat(res.outOfSampleSharpe()[c]).isCloseTo(oos[best], within(1e-12));
        assertThat(res.logits()[c]).isCloseTo(logit, within(1e-12));
        if (logit <= 1e-12) {
          overfit++;
        }
        if (oosMean[best] < 0) {
          losses++;
        }
      }
      assertThat(res.pbo()).isEqualTo(overfit / 20.0);
      assertThat(res.probabilityOfLoss()).isEqualTo(losses / 20.0);
    }
  }

  private static double twoPassSharpe(List<Double> xs) {
    double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return mean / Math.sqrt(ss / (xs.size() - 1));
  }

  @Test
  void dominantTrialGivesPboZero() {
    // Trial 0 earns 0.01 ± 0.01 a period (per-period Sharpe ≈ 1); 19 others are N(0, 1) noise.
    // S = 16 blocks of 250 periods: every IS or OOS set has 2000 periods, so the drift trial's
    // Sharpe estimate is 1 ± 0.03 (se ≈ √((1 + SR²/2)/2000)) while each noise trial's is
    // 0 ± 0.022, and the largest of 19 stays far below 0.5. So trial 0 is selected in every one
    // of the C(16, 8) = 12,870 combinations and is best OOS (rank 20, λ = ln 20 > 0): PBO = 0
    // exactly, with no loss.
    SplittableRandom rnd = new SplittableRandom(42);
    int n = 20;
    int t = 4000;
    double[][] r = new double[n][t];
    for (int j = 0; j < t; j++) {
      r[0][j] = 0.01 + 0.01 * rnd.nextGaussian();
      for (int i = 1; i < n; i++) {
        r[i][j] = rnd.nextGaussian();
      }
    }
    PboResult res = Pbo.fromReturns(r, 16);
    assertThat(res.combinations()).isEqualTo(12_870);
    assertThat(res.pbo()).isZero();
    assertThat(res.probabilityOfLoss()).isZero();
    assertThat(res.selected()).containsOnly(0);
    assertThat(res.logits()).containsOnly(Math.log(20));
  }

  @Test
  void pureNoiseGivesPboNearOneHalf() {
    // N = 50 trials of i.i.d. N(0, 1) returns (N even), S = 6 blocks of 10 periods.
    // Exact expectation: the trials are exchangeable and the blocks independent, so given the IS
    // data the OOS Sharpe ratios are i.i.d. and independent of which trial was selected; the
    // selected trial's OOS rank is uniform on 1..50 (ties have probability 0), and λ <= 0 iff
    // rank <= 25.5, i.e. with probability exactly 25/50 = 1/2. Hence E[PBO] = 1/2 for every data
    // set size, but the 20 combinations of one data set are strongly dependent, so one data set's
    // PBO can be far from 1/2. Averaging M = 2000 independent data sets, each PBO in [0, 1],
    // Hoeffding gives P(|mean − 1/2| >= 0.06) <= 2·exp(−2·2000·0.06²) = 1.1e-6.
    SplittableRandom rnd = new SplittableRandom(2017);
    int datasets = 2000;
    int n = 50;
    int t = 60;
    double total = 0;
    double[][] r = new double[n][t];
    for (int d = 0; d < datasets; d++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < t; j++) {
          r[i][j] = rnd.nextGaussian();
        }
      }
      total += Pbo.fromReturns(r, 6).pbo();
    }
    assertThat(total / datasets).isCloseTo(0.5, within(0.06));
  }

  @Test
  void badInputs() {
    double[][] r = {{1, 2, 3, 4}, {2, 3, 4, 6}};
    for (int bad : new int[] {0, 3, 22}) {
      assertThatThrownBy(() -> Pbo.fromReturns(r, bad))
          .isInstanceOfSatisfying(
              ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("blocks"))
          .hasMessageContaining("was " + bad);
    }
    assertThatThrownBy(() -> Pbo.fromReturns(new double[][] {{1, 2}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 trials");
    assertThatThrownBy(() -> Pbo.fromReturns(new double[][] {{1, 2, 3}, {1, 2}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trial 1");
    assertThatThrownBy(() -> Pbo.fromReturns(new double[][] {{1, 2, 3}, {1, 2, 3}}, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 periods, 4 blocks");
    assertThatThrownBy(() -> Pbo.fromReturns(new double[][] {{1, Double.NaN}, {1, 2}}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    double[][] sum = {{1, 1}, {1, 1}};
    double[][] sq = {{1, 1}, {1, 1}};
    assertThatThrownBy(() -> Pbo.compute(sum, sq, new long[][] {{2, -1}, {2, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trial 0, block 1");
    assertThatThrownBy(() -> Pbo.compute(sum, new double[][] {{1, 1}, {1}}, new long[2][2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trial 1");
    assertThatThrownBy(() -> Pbo.compute(sum, sq, new long[1][2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same number of trials");
    assertThatThrownBy(() -> Pbo.compute(new double[][] {{1, 1, 1}, {1, 1, 1}}, sq, new long[2][2]))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> Pbo.blockBounds(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
