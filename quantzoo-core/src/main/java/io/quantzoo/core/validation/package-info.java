/**
 * Overfitting diagnostics for strategy research: cross-validation that respects overlapping labels,
 * and statistics that discount a backtest for the number of configurations tried.
 *
 * <ul>
 *   <li>{@link io.quantzoo.core.validation.PurgedKFold}: K contiguous test folds with purging and
 *       an embargo (López de Prado, <i>Advances in Financial Machine Learning</i>, ch. 7);
 *   <li>{@link io.quantzoo.core.validation.CombinatorialPurgedCV}: every choice of k test groups
 *       out of N, with the backtest paths they assemble into (ibid., ch. 12);
 *   <li>{@link io.quantzoo.core.validation.Pbo}: the Probability of Backtest Overfitting by
 *       combinatorially symmetric cross-validation (Bailey, Borwein, López de Prado &amp; Zhu,
 *       2017);
 *   <li>{@link io.quantzoo.core.validation.DeflatedSharpe}: the Probabilistic (2012) and Deflated
 *       (2014) Sharpe ratios of Bailey &amp; López de Prado, on top of {@link
 *       io.quantzoo.core.validation.NormalDistribution}, {@link
 *       io.quantzoo.core.validation.SampleMoments} and the streaming {@link
 *       io.quantzoo.core.validation.MomentAccumulator}.
 * </ul>
 *
 * <p>Every formula and convention (ties, remainders, embargo, kurtosis) is written out in {@code
 * docs/DIAGNOSTICS.md}. Everything here is pure and deterministic and depends on the JDK only.
 */
package io.quantzoo.core.validation;
