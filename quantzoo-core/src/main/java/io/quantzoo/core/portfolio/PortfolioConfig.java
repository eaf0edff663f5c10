package io.quantzoo.core.portfolio;

import io.quantzoo.core.engine.EngineConfig;
import java.util.Objects;

/**
 * How a portfolio is run.
 *
 * @param execution initial cash, fill model, costs, intrabar policy, close-at-end and seed of the
 *     portfolio account (its sizing is unused: each sleeve sizes with its own)
 * @param allocator the weighting method
 * @param shrinkage covariance shrinkage
 * @param lookbackBars returns in the rolling covariance window (&gt;= 2)
 * @param schedule scheduled rebalancing
 * @param driftThreshold rebalance when some |actual − target weight| exceeds this (a fraction: 0.05
 *     is 5 percentage points); 0 turns the drift trigger off
 * @param periodsPerYear bar periods per year used by vol targeting, or NaN to estimate it from the
 *     merged clock
 */
public record PortfolioConfig(
    EngineConfig execution,
    Allocator allocator,
    Covariance.Shrinkage shrinkage,
    int lookbackBars,
    RebalanceSchedule schedule,
    double driftThreshold,
    double periodsPerYear) {
  public PortfolioConfig {
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(shrinkage, "shrinkage");
    Objects.requireNonNull(schedule, "schedule");
    if (lookbackBars < 2) {
      throw new IllegalArgumentException("lookback_bars must be >= 2, was " + lookbackBars);
    }
    if (!(driftThreshold >= 0) || !Double.isFinite(driftThreshold)) {
      throw new IllegalArgumentException("drift threshold must be >= 0, was " + driftThreshold);
    }
    if (!Double.isNaN(periodsPerYear) && !(periodsPerYear > 0 && Double.isFinite(periodsPerYear))) {
      throw new IllegalArgumentException("periods per year must be > 0, was " + periodsPerYear);
    }
  }
}
