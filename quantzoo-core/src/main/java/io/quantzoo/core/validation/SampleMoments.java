package io.quantzoo.core.validation;

import java.util.Objects;

/**
 * Sample statistics of a return series, as used by the Probabilistic and Deflated Sharpe ratios.
 * With {@code n} values, mean {@code μ} and central sums {@code M_k = Σ(x − μ)^k}:
 *
 * <ul>
 *   <li>{@code std = √(M2 / (n − 1))}, the sample standard deviation (NaN for {@code n < 2});
 *   <li>{@code skewness = (M3 / n) / (M2 / n)^{3/2}}, the moment estimator {@code g1} (NaN when
 *       {@code M2 = 0});
 *   <li>{@code kurtosis = (M4 / n) / (M2 / n)²}, the moment estimator, <b>not</b> excess: 3 for a
 *       normal distribution (NaN when {@code M2 = 0}).
 * </ul>
 *
 * <p>These are the estimators of Bailey &amp; López de Prado's PSR and DSR (moment estimators of
 * skewness and kurtosis, no small-sample correction); for them {@code kurtosis >= skewness² + 1}
 * always holds.
 *
 * @param count number of values {@code n}
 * @param mean the mean (NaN when {@code n = 0})
 * @param std the sample standard deviation
 * @param skewness the skewness
 * @param kurtosis the non-excess kurtosis
 */
public record SampleMoments(long count, double mean, double std, double skewness, double kurtosis) {

  /** The statistics of {@code xs}, computed with a {@link MomentAccumulator}. */
  public static SampleMoments of(double[] xs) {
    Objects.requireNonNull(xs, "xs");
    MomentAccumulator a = new MomentAccumulator();
    a.addAll(xs);
    return a.moments();
  }

  /** The per-period Sharpe ratio {@code mean / std}; NaN when {@code std} is 0 or NaN. */
  public double sharpe() {
    return std > 0 ? mean / std : Double.NaN;
  }
}
