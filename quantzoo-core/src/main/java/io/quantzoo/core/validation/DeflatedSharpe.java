package io.quantzoo.core.validation;

import java.util.Objects;

/**
 * The Probabilistic Sharpe Ratio (D. H. Bailey &amp; M. López de Prado, "The Sharpe Ratio Efficient
 * Frontier", J. of Risk 15(2), 2012) and the Deflated Sharpe Ratio (Bailey &amp; López de Prado,
 * "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and
 * Non-Normality", J. Portfolio Management 40(5), 2014).
 *
 * <p><b>Units.</b> Every Sharpe ratio here is per period, not annualised: {@code SR = mean / std}
 * of the {@code T} period returns. An annualised ratio is divided by {@code √P}, and an annualised
 * variance of Sharpe ratios by {@code P}, for {@code P} periods per year. Kurtosis is
 * <b>non-excess</b> (3 for normal returns); skewness and kurtosis are as in {@link SampleMoments}.
 *
 * <p><b>PSR.</b> The probability that the true Sharpe ratio exceeds a benchmark {@code SR*}, given
 * the estimate {@code SR} from {@code T} returns of skewness {@code γ3} and kurtosis {@code γ4}:
 *
 * <pre>PSR(SR*) = Φ( (SR − SR*) · √(T − 1) / √(1 − γ3·SR + (γ4 − 1)/4 · SR²) )</pre>
 *
 * <p><b>DSR.</b> PSR against the Sharpe ratio that the best of {@code N} independent trials would
 * reach by luck alone, given the variance {@code V} of the trials' Sharpe ratios:
 *
 * <pre>
 * SR0 = √V · ((1 − γ) · Φ⁻¹(1 − 1/N) + γ · Φ⁻¹(1 − 1/(N·e))),  γ = Euler–Mascheroni constant
 * DSR = PSR(SR0)
 * </pre>
 *
 * <p>For {@code N = 1} there is no selection and {@code SR0 = 0} (the formula's {@code Φ⁻¹(0)} is
 * undefined), so {@code DSR = PSR(0)}. {@code N} should count independent trials; the raw number of
 * configurations of a sweep overstates it when configurations are correlated, which makes the DSR
 * conservative (lower).
 *
 * <p>A DSR (or PSR) below 0.95 means the Sharpe ratio is not significant at the 5 % level.
 */
public final class DeflatedSharpe {
  /** The Euler–Mascheroni constant γ. */
  public static final double EULER_MASCHERONI = 0.5772156649015329;

  private DeflatedSharpe() {}

  /**
   * The Probabilistic Sharpe Ratio {@code PSR(SR*)}. NaN when any input is NaN or when the radicand
   * {@code 1 − γ3·SR + (γ4 − 1)/4 · SR²} is not positive (impossible for moments of an actual
   * sample with {@code SR ≠ 2/γ3}, as {@code γ4 >= γ3² + 1} makes it at least {@code (1 −
   * γ3·SR/2)²}).
   *
   * @param sharpe the estimated per-period Sharpe ratio {@code SR}
   * @param benchmark the per-period benchmark {@code SR*}
   * @param observations the number of returns {@code T}, {@code >= 2}
   * @param skewness {@code γ3}
   * @param kurtosis {@code γ4}, non-excess
   * @throws IllegalArgumentException if {@code T < 2} or an input is infinite
   */
  public static double probabilisticSharpe(
      double sharpe, double benchmark, long observations, double skewness, double kurtosis) {
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be >= 2, was " + observations);
    }
    checkNotInfinite("sharpe", sharpe);
    checkNotInfinite("benchmark", benchmark);
    checkNotInfinite("skewness", skewness);
    checkNotInfinite("kurtosis", kurtosis);
    double radicand = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
    if (!(radicand > 0)) {
      return Double.NaN;
    }
    return NormalDistribution.cdf(
        (sharpe - benchmark) * Math.sqrt(observations - 1.0) / Math.sqrt(radicand));
  }

  /**
   * {@link #probabilisticSharpe(double, double, long, double, double)} with {@code SR}, {@code T},
   * {@code γ3} and {@code γ4} taken from the moments of the returns.
   */
  public static double probabilisticSharpe(SampleMoments returns, double benchmark) {
    Objects.requireNonNull(returns, "returns");
    return probabilisticSharpe(
        returns.sharpe(), benchmark, returns.count(), returns.skewness(), returns.kurtosis());
  }

  /**
   * The expected maximum Sharpe ratio of {@code N} independent trials under the null of no skill,
   * {@code SR0 = √V · ((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N·e)))}; 0 for {@code N = 1}.
   *
   * @param trials the number of independent trials {@code N}, {@code >= 1}
   * @param sharpeVariance the variance {@code V} of the trials' per-period Sharpe ratios, finite
   *     and {@code >= 0}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double expectedMaxSharpe(long trials, double sharpeVariance) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1, was " + trials);
    }
    if (!(sharpeVariance >= 0) || sharpeVariance == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "sharpe variance must be finite and >= 0, was " + sharpeVariance);
    }
    if (trials == 1) {
      return 0.0;
    }
    double n = trials;
    double z =
        (1 - EULER_MASCHERONI) * NormalDistribution.inverseCdf(1 - 1 / n)
            + EULER_MASCHERONI * NormalDistribution.inverseCdf(1 - 1 / (n * Math.E));
    return Math.sqrt(sharpeVariance) * z;
  }

  /**
   * The Deflated Sharpe Ratio {@code PSR(SR0)}, {@code SR0} = {@link #expectedMaxSharpe(long,
   * double)}.
   *
   * @param sharpe the selected (best) trial's per-period Sharpe ratio
   * @param observations its number of returns {@code T}, {@code >= 2}
   * @param skewness its returns' skewness
   * @param kurtosis its returns' non-excess kurtosis
   * @param trials the number of independent trials {@code N}, {@code >= 1}
   * @param sharpeVariance the variance of the trials' per-period Sharpe ratios
   */
  public static double deflatedSharpe(
      double sharpe,
      long observations,
      double skewness,
      double kurtosis,
      long trials,
      double sharpeVariance) {
    return probabilisticSharpe(
        sharpe, expectedMaxSharpe(trials, sharpeVariance), observations, skewness, kurtosis);
  }

  /**
   * {@link #deflatedSharpe(double, long, double, double, long, double)} with the selected trial's
   * statistics taken from the moments of its returns.
   */
  public static double deflatedSharpe(SampleMoments returns, long trials, double sharpeVariance) {
    Objects.requireNonNull(returns, "returns");
    return deflatedSharpe(
        returns.sharpe(),
        returns.count(),
        returns.skewness(),
        returns.kurtosis(),
        trials,
        sharpeVariance);
  }

  private static void checkNotInfinite(String name, double v) {
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must not be infinite, was " + v);
    }
  }
}
