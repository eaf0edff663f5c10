package io.quantzoo.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.validation.DeflatedSharpe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SweepDiagnosticsTest {
  /** An equity curve compounding the given returns from 100. */
  private static double[] equity(double[] r) {
    double[] e = new double[r.length + 1];
    e[0] = 100;
    for (int i = 0; i < r.length; i++) {
      e[i + 1] = e[i] * (1 + r[i]);
    }
    return e;
  }

  private static double[] noise(SplittableRandom rnd, int n, double drift) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = drift + 0.01 * (rnd.nextDouble() - 0.5);
    }
    return r;
  }

  @Test
  void aTrialThatDominatesEveryBlockHasNoOverfitting() {
    SplittableRandom rnd = new SplittableRandom(1);
    List<ReturnStats> trials = new ArrayList<>();
    for (int k = 0; k < 9; k++) {
      trials.add(ReturnStats.of(equity(noise(rnd, 800, 0)), 8));
    }
    // Trial 9 earns a drift of 1 % per bar on top of the noise: best in-sample and out-of-sample
    // in every one of the C(8,4) = 70 combinations, so no combination has a logit <= 0.
    trials.add(ReturnStats.of(equity(noise(rnd, 800, 0.01)), 8));
    SweepDiagnostics d = SweepDiagnostics.compute(trials, 9, 8);
    assertThat(d.combinations()).isEqualTo(70);
    assertThat(d.pbo()).isZero();
    assertThat(d.trials()).isEqualTo(10);
    assertThat(d.dsr()).isGreaterThan(0.99);
  }

  @Test
  void dsrIsThePsrAgainstTheExpectedMaximumOfTheTrials() {
    SplittableRandom rnd = new SplittableRandom(2);
    List<ReturnStats> trials = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      trials.add(ReturnStats.of(equity(noise(rnd, 500, 0.00001 * k)), 4));
    }
    SweepDiagnostics d = SweepDiagnostics.compute(trials, 19, 4);
    double[] sr = trials.stream().mapToDouble(ReturnStats::sharpe).toArray();
    double mean = 0;
    for (double s : sr) {
      mean += s / sr.length;
    }
    double var = 0;
    for (double s : sr) {
      var += (s - mean) * (s - mean) / (sr.length - 1);
    }
    assertThat(d.sharpeVariance()).isCloseTo(var, org.assertj.core.data.Offset.offset(1e-15));
    ReturnStats b = trials.get(19);
    double sr0 = DeflatedSharpe.expectedMaxSharpe(20, var);
    assertThat(d.expectedMaxSharpe()).isCloseTo(sr0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(d.dsr())
        .isCloseTo(
            DeflatedSharpe.probabilisticSharpe(
                b.sharpe(), sr0, b.count(), b.skewness(), b.kurtosis()),
            org.assertj.core.data.Offset.offset(1e-9));
    // Deflation: the DSR is below the plain PSR against zero.
    assertThat(d.dsr())
        .isLessThan(
            DeflatedSharpe.probabilisticSharpe(
                b.sharpe(), 0, b.count(), b.skewness(), b.kurtosis()));
  }

  @Test
  void oneTrialHasNoPboAndItsDsrIsThePsrAgainstZero() {
    ReturnStats one = ReturnStats.of(equity(noise(new SplittableRandom(3), 300, 0.001)), 4);
    SweepDiagnostics d = SweepDiagnostics.compute(List.of(one), 0, 4);
    assertThat(d.pbo()).isNaN();
    assertThat(d.expectedMaxSharpe()).isZero();
    assertThat(d.dsr())
        .isEqualTo(
            DeflatedSharpe.probabilisticSharpe(
                one.sharpe(), 0, one.count(), one.skewness(), one.kurtosis()));
  }

  @Test
  void largeSweepsSampleTrialsEvenlyAndKeepTheBest() {
    List<ReturnStats> many = new ArrayList<>();
    ReturnStats x = ReturnStats.of(new double[] {100, 101, 100}, 2);
    for (int i = 0; i < SweepDiagnostics.MAX_PBO_TRIALS * 2 + 1; i++) {
      many.add(x);
    }
    ReturnStats best = ReturnStats.of(new double[] {100, 102, 104}, 2);
    many.set(3, best);
    List<ReturnStats> s = SweepDiagnostics.sample(many, 3);
    assertThat(s).hasSize(SweepDiagnostics.MAX_PBO_TRIALS).contains(best);
  }
}
