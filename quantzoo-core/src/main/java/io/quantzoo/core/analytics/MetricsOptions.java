package io.quantzoo.core.analytics;

/**
 * Settings of the metrics calculation.
 *
 * @param riskFreeRatePct annual risk-free rate in percent (4.5 means 4.5 % a year), used by Sharpe
 *     and Sortino; finite and greater than −100. Converted to a per-bar rate geometrically: {@code
 *     rf_p = (1 + riskFreeRatePct / 100)^(1 / P) − 1}.
 * @param periodsPerYear bar periods per year {@code P} used for annualisation, finite and &gt; 0;
 *     or {@code NaN} to estimate it from the equity curve's timestamps with {@link
 *     PeriodsPerYear#estimate}
 */
public record MetricsOptions(double riskFreeRatePct, double periodsPerYear) {

  public MetricsOptions {
    if (!Double.isFinite(riskFreeRatePct) || !(riskFreeRatePct > -100)) {
      throw new IllegalArgumentException(
          "risk_free_rate_pct must be finite and > -100, was " + riskFreeRatePct);
    }
    if (!Double.isNaN(periodsPerYear)
        && (!Double.isFinite(periodsPerYear) || !(periodsPerYear > 0))) {
      throw new IllegalArgumentException(
          "periods_per_year must be finite and > 0 (or NaN to estimate), was " + periodsPerYear);
    }
  }

  /** Risk-free rate 0 and periods per year estimated from the data. */
  public static MetricsOptions defaults() {
    return new MetricsOptions(0.0, Double.NaN);
  }

  /** A copy with the given annual risk-free rate in percent. */
  public MetricsOptions withRiskFreeRatePct(double pct) {
    return new MetricsOptions(pct, periodsPerYear);
  }

  /** A copy with the given periods per year ({@code NaN} to estimate). */
  public MetricsOptions withPeriodsPerYear(double periods) {
    return new MetricsOptions(riskFreeRatePct, periods);
  }

  /** Whether {@link #periodsPerYear} is given (finite) rather than estimated. */
  public boolean hasPeriodsPerYear() {
    return Double.isFinite(periodsPerYear);
  }
}
