package io.quantzoo.core.sweep;

import io.quantzoo.core.validation.DeflatedSharpe;
import io.quantzoo.core.validation.Pbo;
import io.quantzoo.core.validation.PboResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Overfitting diagnostics of a finished sweep, computed from the per-point {@link ReturnStats}: the
 * Probability of Backtest Overfitting by CSCV over the ranked points, and the Deflated Sharpe Ratio
 * of the best point given the number of points tried. Formulas: {@code docs/DIAGNOSTICS.md}.
 *
 * @param trials number of ranked points (N)
 * @param blocks CSCV blocks (S)
 * @param combinations CSCV combinations evaluated, C(S, S/2); 0 when PBO was not computed
 * @param pbo Probability of Backtest Overfitting; NaN with fewer than two trials
 * @param bestSharpe per-bar Sharpe ratio of the best point
 * @param sharpeVariance variance of the per-bar Sharpe ratios across trials
 * @param expectedMaxSharpe expected maximum per-bar Sharpe of N unskilled trials (SR0)
 * @param dsr Deflated Sharpe Ratio of the best point: P(true Sharpe &gt; SR0)
 */
public record SweepDiagnostics(
    int trials,
    int blocks,
    int combinations,
    double pbo,
    double bestSharpe,
    double sharpeVariance,
    double expectedMaxSharpe,
    double dsr) {

  /** Sweeps with more ranked points run CSCV on an even sample of this many (bounded time). */
  public static final int MAX_PBO_TRIALS = 10_000;

  /** Nothing to diagnose. */
  public static SweepDiagnostics none(int blocks) {
    return new SweepDiagnostics(
        0, blocks, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * Computes the diagnostics.
   *
   * @param ranked return statistics of every ranked point (same clock, same blocks)
   * @param best position in {@code ranked} of the chosen point, or -1
   * @param blocks the number of CSCV blocks
   */
  public static SweepDiagnostics compute(List<ReturnStats> ranked, int best, int blocks) {
    int n = ranked.size();
    if (n == 0) {
      return none(blocks);
    }
    // Variance of the per-bar Sharpe ratios across trials (sample variance, defined ones only).
    double sum = 0;
    double sumSq = 0;
    int defined = 0;
    for (ReturnStats r : ranked) {
      double sr = r.sharpe();
      if (Double.isFinite(sr)) {
        sum += sr;
        sumSq += sr * sr;
        defined++;
      }
    }
    double var =
        defined > 1 ? Math.max(0, (sumSq - sum * sum / defined) / (defined - 1)) : Double.NaN;
    double pbo = Double.NaN;
    int combinations = 0;
    if (n >= 2) {
      List<ReturnStats> trials = sample(ranked, best);
      int t = trials.size();
      double[][] bs = new double[t][];
      double[][] bq = new double[t][];
      long[][] bc = new long[t][];
      for (int i = 0; i < t; i++) {
        bs[i] = trials.get(i).blockSum();
        bq[i] = trials.get(i).blockSumSq();
        bc[i] = trials.get(i).blockCount();
      }
      PboResult r = Pbo.compute(bs, bq, bc);
      pbo = r.pbo();
      combinations = r.combinations();
    }
    double bestSharpe = Double.NaN;
    double sr0 = Double.NaN;
    double dsr = Double.NaN;
    if (best >= 0) {
      ReturnStats b = ranked.get(best);
      bestSharpe = b.sharpe();
      double v = n == 1 ? 0 : var;
      if (Double.isFinite(v)) {
        sr0 = DeflatedSharpe.expectedMaxSharpe(n, v);
        if (Double.isFinite(bestSharpe)
            && b.count() >= 2
            && Double.isFinite(b.skewness())
            && Double.isFinite(b.kurtosis())) {
          dsr =
              DeflatedSharpe.probabilisticSharpe(
                  bestSharpe, sr0, b.count(), b.skewness(), b.kurtosis());
        }
      }
    }
    return new SweepDiagnostics(n, blocks, combinations, pbo, bestSharpe, var, sr0, dsr);
  }

  /**
   * The trials CSCV runs over: all of them up to {@link #MAX_PBO_TRIALS}, else an even stride
   * through them (in point order) that always keeps the best.
   */
  static List<ReturnStats> sample(List<ReturnStats> ranked, int best) {
    int n = ranked.size();
    if (n <= MAX_PBO_TRIALS) {
      return ranked;
    }
    List<ReturnStats> out = new ArrayList<>(MAX_PBO_TRIALS);
    boolean hasBest = false;
    for (int k = 0; k < MAX_PBO_TRIALS; k++) {
      int i = (int) ((long) k * n / MAX_PBO_TRIALS);
      hasBest |= i == best;
      out.add(ranked.get(i));
    }
    if (!hasBest && best >= 0) {
      out.set(out.size() - 1, ranked.get(best));
    }
    return out;
  }
}
