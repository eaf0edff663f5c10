package io.quantzoo.core.portfolio;

import io.quantzoo.core.engine.BacktestResult;
import java.util.List;
import java.util.Objects;

/**
 * Everything a portfolio run produced. The portfolio itself is a {@link BacktestResult} (equity,
 * fills, trades), so {@link io.quantzoo.core.analytics.MetricsCalculator} and the store handle it
 * like a single run. Per bar {@code t} of the merged clock (the equity curve's points) and sleeve
 * {@code i}: target and actual weights, sleeve values and the sleeves' own returns; per run: sleeve
 * results, the full-period covariance and correlation of the sleeves' returns, the rebalances.
 * Arrays are internal: do not modify.
 */
public final class PortfolioResult {
  private final BacktestResult portfolio;
  private final List<SleeveResult> sleeves;
  private final double[][] targetWeights;
  private final double[][] actualWeights;
  private final double[][] sleeveValues;
  private final double[] reserve;
  private final double[][] sleeveReturns;
  private final double[][] covariance;
  private final double[][] correlation;
  private final List<RebalanceEvent> rebalances;
  private final double periodsPerYear;

  PortfolioResult(
      BacktestResult portfolio,
      List<SleeveResult> sleeves,
      double[][] targetWeights,
      double[][] actualWeights,
      double[][] sleeveValues,
      double[] reserve,
      double[][] sleeveReturns,
      double[][] covariance,
      double[][] correlation,
      List<RebalanceEvent> rebalances,
      double periodsPerYear) {
    this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
    this.sleeves = List.copyOf(sleeves);
    this.targetWeights = targetWeights;
    this.actualWeights = actualWeights;
    this.sleeveValues = sleeveValues;
    this.reserve = reserve;
    this.sleeveReturns = sleeveReturns;
    this.covariance = covariance;
    this.correlation = correlation;
    this.rebalances = List.copyOf(rebalances);
    this.periodsPerYear = periodsPerYear;
  }

  /** The portfolio account as a backtest result (its equity curve is the merged clock). */
  public BacktestResult portfolio() {
    return portfolio;
  }

  /** Per-sleeve results, in config order. */
  public List<SleeveResult> sleeves() {
    return sleeves;
  }

  /** {@code [t][i]}: sleeve i's target weight in force at the close of bar t. */
  public double[][] targetWeights() {
    return targetWeights;
  }

  /** {@code [t][i]}: sleeve i's value over portfolio equity at the close of bar t. */
  public double[][] actualWeights() {
    return actualWeights;
  }

  /** {@code [t][i]}: sleeve i's value (its cash plus its positions marked) at bar t's close. */
  public double[][] sleeveValues() {
    return sleeveValues;
  }

  /**
   * {@code [t]}: cash allocated to no sleeve ({@code (1 − Σw)·E} at the last rebalance; non-zero
   * only when the weights do not sum to 1, as with vol targeting). Σ sleeve values + reserve =
   * equity.
   */
  public double[] reserve() {
    return reserve;
  }

  /** {@code [t][i]}: sleeve i's own return on bar t (its virtual account, forward filled). */
  public double[][] sleeveReturns() {
    return sleeveReturns;
  }

  /** Sample covariance (divisor T − 1) of the sleeves' own returns over the whole run. */
  public double[][] covariance() {
    return covariance;
  }

  /** Correlation of the sleeves' own returns over the whole run. */
  public double[][] correlation() {
    return correlation;
  }

  /** Every rebalance, the initial allocation first. */
  public List<RebalanceEvent> rebalances() {
    return rebalances;
  }

  /** Bar periods per year used to annualise (vol targeting). */
  public double periodsPerYear() {
    return periodsPerYear;
  }
}
