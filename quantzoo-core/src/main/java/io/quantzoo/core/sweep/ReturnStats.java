package io.quantzoo.core.sweep;

import io.quantzoo.core.engine.EquityCurve;

/**
 * Summary statistics of a run's per-bar returns {@code r_t = e_t / e_{t-1} - 1} (t = 1..n-1 over
 * the equity curve), kept per point so that a sweep's overfitting diagnostics need no return
 * series: moments for the Deflated Sharpe Ratio and per-block sums for CSCV (Probability of
 * Backtest Overfitting).
 *
 * <p>Block {@code b} of {@code S} holds returns {@code j = 0..m-1} (m = n - 1) with {@code floor(j
 * * S / m) == b}: contiguous, in time order, sizes differing by at most one. Every point of a sweep
 * runs on the same clock, so all points share the block boundaries.
 *
 * @param count number of returns
 * @param mean mean return
 * @param std sample standard deviation (n - 1), NaN below two returns
 * @param skewness sample skewness {@code m3 / m2^1.5} (population moments), NaN when undefined
 * @param kurtosis non-excess kurtosis {@code m4 / m2^2} (3 for a normal), NaN when undefined
 * @param blockSum sum of returns per block
 * @param blockSumSq sum of squared returns per block
 * @param blockCount returns per block
 */
public record ReturnStats(
    long count,
    double mean,
    double std,
    double skewness,
    double kurtosis,
    double[] blockSum,
    double[] blockSumSq,
    long[] blockCount) {

  /** Per-bar (not annualised) Sharpe ratio {@code mean / std}; NaN when undefined. */
  public double sharpe() {
    return std > 0 ? mean / std : Double.NaN;
  }

  /** Computes the statistics of an equity curve's returns, with {@code blocks} blocks. */
  public static ReturnStats of(EquityCurve curve, int blocks) {
    return of(curve.equityArray(), blocks);
  }

  /** Computes the statistics of the returns of an equity series, with {@code blocks} blocks. */
  public static ReturnStats of(double[] e, int blocks) {
    if (blocks < 1) {
      throw new IllegalArgumentException("blocks must be >= 1, was " + blocks);
    }
    double[] bs = new double[blocks];
    double[] bq = new double[blocks];
    long[] bc = new long[blocks];
    int m = Math.max(0, e.length - 1);
    double sum = 0;
    for (int j = 0; j < m; j++) {
      double r = e[j] != 0 ? e[j + 1] / e[j] - 1 : 0;
      int b = (int) ((long) j * blocks / m);
      bs[b] += r;
      bq[b] += r * r;
      bc[b]++;
      sum += r;
    }
    if (m == 0) {
      return new ReturnStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, bs, bq, bc);
    }
    double mean = sum / m;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (int j = 0; j < m; j++) {
      double r = e[j] != 0 ? e[j + 1] / e[j] - 1 : 0;
      double d = r - mean;
      double d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    double std = m > 1 ? Math.sqrt(m2 / (m - 1)) : Double.NaN;
    double pm2 = m2 / m;
    double skew = pm2 > 0 ? (m3 / m) / Math.pow(pm2, 1.5) : Double.NaN;
    double kurt = pm2 > 0 ? (m4 / m) / (pm2 * pm2) : Double.NaN;
    return new ReturnStats(m, mean, std, skew, kurt, bs, bq, bc);
  }
}
