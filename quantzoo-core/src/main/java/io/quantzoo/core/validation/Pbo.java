package io.quantzoo.core.validation;

import io.quantzoo.core.util.ConfigException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Probability of Backtest Overfitting by combinatorially symmetric cross-validation, CSCV (D.
 * H. Bailey, J. M. Borwein, M. López de Prado &amp; Q. J. Zhu, "The Probability of Backtest
 * Overfitting", J. Computational Finance 20(4), 2017).
 *
 * <p><b>Input.</b> {@code N} trials (strategy configurations) observed over the same {@code T}
 * periods, cut into {@code S} contiguous blocks ({@code S} even). A sweep of thousands of trials
 * over millions of bars cannot hold the {@code T × N} returns, so {@link #compute} takes per-trial,
 * per-block sufficient statistics of the period returns: {@code sum[n][b] = Σ r}, {@code
 * sumSq[n][b] = Σ r²}, {@code count[n][b]}. {@link #fromReturns} builds them from a return matrix,
 * with the blocks of {@link #blockBounds}.
 *
 * <p><b>Performance.</b> The performance of trial {@code n} on a set of blocks is the per-period
 * Sharpe ratio of its returns in those blocks, concatenated, computed exactly from the summed
 * statistics: with {@code c = Σ count}, {@code s = Σ sum}, {@code q = Σ sumSq}, {@code SR = (s/c) /
 * √((q − s²/c) / (c − 1))}. It is undefined (NaN) when {@code c < 2} or the variance is zero; the
 * variance counts as zero when it is at most {@code 1e-9 · q/c}, which absorbs the rounding of
 * {@code q − s²/c} for constant returns (it would take a per-period Sharpe ratio above about 30,000
 * to be mistaken for zero variance). <b>An undefined Sharpe ratio ranks as the worst</b>: below
 * every defined one, tied with the other undefined ones.
 *
 * <p><b>Procedure.</b> For each of the {@code C(S, S/2)} choices of in-sample (IS) blocks, the
 * out-of-sample (OOS) blocks being the rest:
 *
 * <ol>
 *   <li>{@code n*} = the trial with the highest IS Sharpe ratio; ties go to the lowest trial index
 *       (and if no IS Sharpe ratio is defined, {@code n* = 0});
 *   <li>{@code rank} = the rank of {@code n*}'s OOS Sharpe ratio among all {@code N} trials' OOS
 *       Sharpe ratios, 1 for the worst and {@code N} for the best, tied values sharing the average
 *       of their ranks ({@code rank = #below + (#equal + 1)/2}, {@code #equal} counting {@code
 *       n*});
 *   <li>{@code ω = rank / (N + 1)}, in {@code (0, 1)};
 *   <li>{@code λ = ln(ω / (1 − ω)) = ln(rank / (N + 1 − rank))}.
 * </ol>
 *
 * <p>{@code PBO = #{λ <= 0} / C(S, S/2)}: the paper defines {@code PBO = ∫_{−∞}^0 f(λ) dλ} for the
 * relative frequency {@code f} of the logits, and the discrete integral up to and including 0
 * counts a selected trial that lands exactly on the OOS median ({@code λ = 0}, possible for odd
 * {@code N} or with ties) as overfit. {@link PboResult} also gives the performance degradation (OLS
 * of the selected trial's OOS on its IS Sharpe ratio) and the probability of loss.
 *
 * <p><b>Reading.</b> PBO near 0 means the in-sample winner also tends to win out of sample; near
 * 0.5 the selection is no better than chance; above 0.5 the in-sample winner tends to underperform
 * the median out of sample (a sign of overfitting).
 *
 * <p>Cost: {@code C(S, S/2) / 2} passes over the {@code N × S} statistics (each pass serves a
 * combination and its complement), no per-combination allocation.
 */
public final class Pbo {
  /** The largest number of blocks accepted ({@code C(20, 10) = 184,756} combinations). */
  public static final int MAX_BLOCKS = 20;

  /** A variance at or below this times the mean square counts as zero. */
  static final double ZERO_VARIANCE_RELATIVE = 1e-9;

  private Pbo() {}

  /**
   * PBO from per-trial, per-block statistics of period returns, indexed {@code [trial][block]}.
   *
   * @param sum per-block sums of returns
   * @param sumSq per-block sums of squared returns, {@code >= 0}
   * @param count per-block numbers of returns, {@code >= 0}
   * @throws IllegalArgumentException if there are fewer than 2 trials, the arrays are not all
   *     {@code N × S}, or a value is negative or not finite
   * @throws ConfigException (key {@code blocks}) if {@code S} is odd, below 2 or above {@link
   *     #MAX_BLOCKS}
   */
  public static PboResult compute(double[][] sum, double[][] sumSq, long[][] count) {
    Objects.requireNonNull(sum, "sum");
    Objects.requireNonNull(sumSq, "sumSq");
    Objects.requireNonNull(count, "count");
    int trials = sum.length;
    if (trials < 2) {
      throw new IllegalArgumentException("PBO needs at least 2 trials, got " + trials);
    }
    if (sumSq.length != trials || count.length != trials) {
      throw new IllegalArgumentException(
          "sum, sumSq and count must have the same number of trials, were "
              + trials
              + ", "
              + sumSq.length
              + " and "
              + count.length);
    }
    int blocks = Objects.requireNonNull(sum[0], "sum[0]").length;
    checkBlocks(blocks);
    // Block-major copies, so that the inner loops run over trials with unit stride.
    double[] s = new double[blocks * trials];
    double[] q = new double[blocks * trials];
    double[] c = new double[blocks * trials];
    for (int n = 0; n < trials; n++) {
      double[] sn = sum[n];
      double[] qn = sumSq[n];
      long[] cn = count[n];
      if (sn == null
          || qn == null
          || cn == null
          || sn.length != blocks
          || qn.length != blocks
          || cn.length != blocks) {
        throw new IllegalArgumentException(
            "sum, sumSq and count must all have "
                + blocks
                + " blocks for every trial; trial "
                + n
                + " does not");
      }
      for (int b = 0; b < blocks; b++) {
        if (!Double.isFinite(sn[b]) || !(qn[b] >= 0) || !Double.isFinite(qn[b]) || cn[b] < 0) {
          throw new IllegalArgumentException(
              "block statistics must be finite with sumSq >= 0 and count >= 0; trial "
                  + n
                  + ", block "
                  + b
                  + ": sum="
                  + sn[b]
                  + ", sumSq="
                  + qn[b]
                  + ", count="
                  + cn[b]);
        }
        s[b * trials + n] = sn[b];
        q[b * trials + n] = qn[b];
        c[b * trials + n] = cn[b];
      }
    }
    return run(trials, blocks, s, q, c);
  }

  /**
   * PBO from a return matrix {@code returns[trial][t]}, all trials of the same length {@code T >=
   * blocks}, cut into blocks by {@link #blockBounds(int, int)}.
   *
   * @param returns per-period returns, finite
   * @param blocks the number of blocks {@code S}: even, {@code 2 <= S <= MAX_BLOCKS}
   * @throws IllegalArgumentException if there are fewer than 2 trials, the rows differ in length,
   *     {@code T < S} or a return is not finite
   * @throws ConfigException (key {@code blocks}) if {@code S} is out of range
   */
  public static PboResult fromReturns(double[][] returns, int blocks) {
    Objects.requireNonNull(returns, "returns");
    int trials = returns.length;
    if (trials < 2) {
      throw new IllegalArgumentException("PBO needs at least 2 trials, got " + trials);
    }
    checkBlocks(blocks);
    int periods = Objects.requireNonNull(returns[0], "returns[0]").length;
    if (periods < blocks) {
      throw new IllegalArgumentException(
          "PBO needs at least one period per block: "
              + periods
              + " periods, "
              + blocks
              + " blocks");
    }
    int[] bounds = blockBounds(periods, blocks);
    double[] s = new double[blocks * trials];
    double[] q = new double[blocks * trials];
    double[] c = new double[blocks * trials];
    for (int n = 0; n < trials; n++) {
      double[] r = returns[n];
      if (r == null || r.length != periods) {
        throw new IllegalArgumentException(
            "every trial must have " + periods + " returns; trial " + n + " does not");
      }
      for (int b = 0; b < blocks; b++) {
        double sb = 0;
        double qb = 0;
        for (int t = bounds[b]; t < bounds[b + 1]; t++) {
          double v = r[t];
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                "returns must be finite; trial " + n + ", period " + t + " is " + v);
          }
          sb += v;
          qb += v * v;
        }
        s[b * trials + n] = sb;
        q[b * trials + n] = qb;
        c[b * trials + n] = bounds[b + 1] - bounds[b];
      }
    }
    return run(trials, blocks, s, q, c);
  }

  /**
   * The period offsets of {@code blocks} contiguous blocks of {@code periods} periods: block {@code
   * b} is {@code [bounds[b], bounds[b+1])}. Sizes are {@code periods / blocks}, and the first
   * {@code periods % blocks} blocks get one more period (T = 10, S = 4: sizes 3, 3, 2, 2).
   *
   * @param periods {@code T >= 0}
   * @param blocks {@code S >= 1}
   */
  public static int[] blockBounds(int periods, int blocks) {
    if (periods < 0 || blocks < 1) {
      throw new IllegalArgumentException(
          "need periods >= 0 and blocks >= 1, were " + periods + " and " + blocks);
    }
    return Purging.bounds(periods, blocks);
  }

  /**
   * The per-period Sharpe ratio {@code mean / sample std} of {@code count} returns with the given
   * sum and sum of squares, by the rule in the class comment (NaN when undefined).
   */
  public static double sharpe(double sum, double sumSq, long count) {
    return sharpeOf(sum, sumSq, count);
  }

  private static double sharpeOf(double sum, double sumSq, double count) {
    if (!(count >= 2)) {
      return Double.NaN;
    }
    double mean = sum / count;
    double var = (sumSq - sum * mean) / (count - 1);
    if (!(var > ZERO_VARIANCE_RELATIVE * (sumSq / count))) {
      return Double.NaN;
    }
    return mean / Math.sqrt(var);
  }

  private static void checkBlocks(int blocks) {
    if (blocks < 2 || blocks > MAX_BLOCKS || blocks % 2 != 0) {
      throw new ConfigException(
          "blocks", "blocks must be even and between 2 and " + MAX_BLOCKS + ", was " + blocks);
    }
  }

  private static PboResult run(int trials, int blocks, double[] s, double[] q, double[] c) {
    int half = blocks / 2;
    int m = (int) Purging.binomial(blocks, half);
    double[] logits = new double[m];
    int[] selected = new int[m];
    double[] isSr = new double[m];
    double[] oosSr = new double[m];
    boolean[] overfit = new boolean[m];
    boolean[] loss = new boolean[m];

    double[] aS = new double[trials];
    double[] aQ = new double[trials];
    double[] aC = new double[trials];
    double[] bS = new double[trials];
    double[] bQ = new double[trials];
    double[] bC = new double[trials];
    double[] srA = new double[trials];
    double[] srB = new double[trials];
    boolean[] inA = new boolean[blocks];

    // Lexicographic order of sorted block lists: the first m/2 combinations are exactly those that
    // contain block 0, and the complement of combination r is combination m − 1 − r.
    int[] combo = new int[half];
    for (int i = 0; i < half; i++) {
      combo[i] = i;
    }
    for (int r = 0; r < m / 2; r++) {
      Arrays.fill(inA, false);
      for (int b : combo) {
        inA[b] = true;
      }
      Arrays.fill(aS, 0);
      Arrays.fill(aQ, 0);
      Arrays.fill(aC, 0);
      Arrays.fill(bS, 0);
      Arrays.fill(bQ, 0);
      Arrays.fill(bC, 0);
      for (int b = 0; b < blocks; b++) {
        double[] ts = inA[b] ? aS : bS;
        double[] tq = inA[b] ? aQ : bQ;
        double[] tc = inA[b] ? aC : bC;
        int off = b * trials;
        for (int n = 0; n < trials; n++) {
          ts[n] += s[off + n];
          tq[n] += q[off + n];
          tc[n] += c[off + n];
        }
      }
      for (int n = 0; n < trials; n++) {
        srA[n] = sharpeOf(aS[n], aQ[n], aC[n]);
        srB[n] = sharpeOf(bS[n], bQ[n], bC[n]);
      }
      evaluate(r, srA, srB, bS, logits, selected, isSr, oosSr, overfit, loss);
      evaluate(m - 1 - r, srB, srA, aS, logits, selected, isSr, oosSr, overfit, loss);
      nextCombination(combo, blocks);
    }

    int overfitCount = 0;
    int lossCount = 0;
    for (int i = 0; i < m; i++) {
      overfitCount += overfit[i] ? 1 : 0;
      lossCount += loss[i] ? 1 : 0;
    }
    double[] fit = ols(isSr, oosSr);
    return new PboResult(
        (double) overfitCount / m,
        logits,
        fit[0],
        fit[1],
        (double) lossCount / m,
        selected,
        isSr,
        oosSr);
  }

  /** Fills combination {@code k}'s entries, with IS Sharpe ratios {@code is}. */
  private static void evaluate(
      int k,
      double[] is,
      double[] oos,
      double[] oosSum,
      double[] logits,
      int[] selected,
      double[] isSr,
      double[] oosSr,
      boolean[] overfit,
      boolean[] loss) {
    int trials = is.length;
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int n = 0; n < trials; n++) {
      if (is[n] > bestValue) { // NaN is never greater: undefined ranks worst; ties keep the lowest
        bestValue = is[n];
        best = n;
      }
    }
    double x = worstIfNaN(oos[best]);
    int below = 0;
    int equal = 0;
    for (int n = 0; n < trials; n++) {
      double v = worstIfNaN(oos[n]);
      if (v < x) {
        below++;
      } else if (v == x) {
        equal++;
      }
    }
    double rank = below + (equal + 1) / 2.0;
    logits[k] = Math.log(rank / (trials + 1 - rank));
    overfit[k] = 2 * rank <= trials + 1; // λ <= 0 exactly, free of rounding in the logarithm
    selected[k] = best;
    isSr[k] = is[best];
    oosSr[k] = oos[best];
    loss[k] = oosSum[best] < 0;
  }

  private static double worstIfNaN(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  /** Advances a sorted k-subset of {@code 0..n-1} to the next one in lexicographic order. */
  private static void nextCombination(int[] combo, int n) {
    int k = combo.length;
    int i = k - 1;
    while (i >= 0 && combo[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return;
    }
    combo[i]++;
    for (int j = i + 1; j < k; j++) {
      combo[j] = combo[j - 1] + 1;
    }
  }

  /** {slope, intercept} of the OLS fit of y on x over the pairs where both are defined. */
  private static double[] ols(double[] x, double[] y) {
    int k = 0;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        k++;
        mx += x[i];
        my += y[i];
      }
    }
    if (k < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    mx /= k;
    my /= k;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
      }
    }
    if (!(sxx > 0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double slope = sxy / sxx;
    return new double[] {slope, my - slope * mx};
  }
}
