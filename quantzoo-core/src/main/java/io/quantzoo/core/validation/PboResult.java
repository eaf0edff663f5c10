package io.quantzoo.core.validation;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of {@link Pbo}: the Probability of Backtest Overfitting and the per-combination
 * details behind it. Arrays are indexed by combination {@code c = 0..combinations-1}, the {@code
 * c}-th choice of {@code S/2} in-sample blocks in lexicographic order of the sorted block lists
 * ({@code {0,1}, {0,2}, {0,3}, {1,2}, {1,3}, {2,3}} for {@code S = 4}). A value class; the arrays
 * are handed out without copying: do not modify them.
 */
public final class PboResult {
  private final double pbo;
  private final double[] logits;
  private final double degradationSlope;
  private final double degradationIntercept;
  private final double probabilityOfLoss;
  private final int[] selected;
  private final double[] inSampleSharpe;
  private final double[] outOfSampleSharpe;

  /**
   * A result; the arrays are kept, not copied, and must all have the same length.
   *
   * @param pbo see {@link #pbo()}
   * @param logits see {@link #logits()}
   * @param degradationSlope see {@link #degradationSlope()}
   * @param degradationIntercept see {@link #degradationIntercept()}
   * @param probabilityOfLoss see {@link #probabilityOfLoss()}
   * @param selected see {@link #selected()}
   * @param inSampleSharpe see {@link #inSampleSharpe()}
   * @param outOfSampleSharpe see {@link #outOfSampleSharpe()}
   */
  public PboResult(
      double pbo,
      double[] logits,
      double degradationSlope,
      double degradationIntercept,
      double probabilityOfLoss,
      int[] selected,
      double[] inSampleSharpe,
      double[] outOfSampleSharpe) {
    this.pbo = pbo;
    this.logits = Objects.requireNonNull(logits, "logits");
    this.degradationSlope = degradationSlope;
    this.degradationIntercept = degradationIntercept;
    this.probabilityOfLoss = probabilityOfLoss;
    this.selected = Objects.requireNonNull(selected, "selected");
    this.inSampleSharpe = Objects.requireNonNull(inSampleSharpe, "inSampleSharpe");
    this.outOfSampleSharpe = Objects.requireNonNull(outOfSampleSharpe, "outOfSampleSharpe");
    int m = logits.length;
    if (selected.length != m || inSampleSharpe.length != m || outOfSampleSharpe.length != m) {
      throw new IllegalArgumentException("per-combination arrays must all have length " + m);
    }
  }

  /**
   * The Probability of Backtest Overfitting: the share of combinations whose logit is {@code <= 0},
   * i.e. whose selected trial ranked at or below the median out of sample.
   */
  public double pbo() {
    return pbo;
  }

  /** The logit {@code λ_c = ln(ω_c / (1 − ω_c))} per combination. */
  public double[] logits() {
    return logits;
  }

  /** The number of combinations {@code C(S, S/2)}. */
  public int combinations() {
    return logits.length;
  }

  /**
   * The OLS slope of the selected trial's out-of-sample Sharpe ratio on its in-sample Sharpe ratio,
   * over the combinations where both are defined; NaN with fewer than 2 such combinations or when
   * the in-sample values do not vary. Negative: the better in sample, the worse out of sample.
   */
  public double degradationSlope() {
    return degradationSlope;
  }

  /** The intercept of the degradation regression (NaN when the slope is). */
  public double degradationIntercept() {
    return degradationIntercept;
  }

  /**
   * The share of combinations whose selected trial has a negative out-of-sample mean return
   * (equivalently a negative out-of-sample Sharpe ratio, where that is defined).
   */
  public double probabilityOfLoss() {
    return probabilityOfLoss;
  }

  /** The selected trial {@code n*} (best in sample) per combination. */
  public int[] selected() {
    return selected;
  }

  /** The selected trial's in-sample Sharpe ratio per combination (NaN if undefined). */
  public double[] inSampleSharpe() {
    return inSampleSharpe;
  }

  /** The selected trial's out-of-sample Sharpe ratio per combination (NaN if undefined). */
  public double[] outOfSampleSharpe() {
    return outOfSampleSharpe;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PboResult r
        && Double.compare(pbo, r.pbo) == 0
        && Double.compare(degradationSlope, r.degradationSlope) == 0
        && Double.compare(degradationIntercept, r.degradationIntercept) == 0
        && Double.compare(probabilityOfLoss, r.probabilityOfLoss) == 0
        && Arrays.equals(logits, r.logits)
        && Arrays.equals(selected, r.selected)
        && Arrays.equals(inSampleSharpe, r.inSampleSharpe)
        && Arrays.equals(outOfSampleSharpe, r.outOfSampleSharpe);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(pbo) + Arrays.hashCode(logits);
  }

  /** A summary without the per-combination arrays. */
  @Override
  public String toString() {
    return "PboResult[pbo="
        + pbo
        + ", combinations="
        + logits.length
        + ", degradationSlope="
        + degradationSlope
        + ", degradationIntercept="
        + degradationIntercept
        + ", probabilityOfLoss="
        + probabilityOfLoss
        + "]";
  }
}
