package io.quantzoo.app.config;

import java.util.List;
import java.util.Map;

/**
 * The YAML portfolio configuration ({@code qz portfolio -c FILE}) as written, before validation.
 * Unknown keys are refused by the loader; {@link PortfolioPlanner} fills defaults and validates.
 * Keys: {@code docs/PORTFOLIOS.md}.
 *
 * @param initialCash starting cash of the portfolio (and of each sleeve's own account)
 * @param execution fills and costs, for every sleeve and for rebalancing trades
 * @param allocation weighting method
 * @param rebalance when to rebalance
 * @param sleeves the sleeves
 * @param closeAtEnd close open positions at the last close
 * @param seed random seed
 * @param metrics metric options
 */
public record PortfolioConfigFile(
    Double initialCash,
    RunConfigFile.ExecutionSpec execution,
    AllocationSpec allocation,
    RebalanceSpec rebalance,
    List<SleeveSpec> sleeves,
    Boolean closeAtEnd,
    Long seed,
    RunConfigFile.MetricsSpec metrics) {

  /**
   * Allocation.
   *
   * @param method fixed, equal, inverse_vol, risk_parity, min_variance or vol_target
   * @param lookbackBars returns in the rolling covariance window
   * @param shrinkage none, ledoit_wolf or an intensity in [0, 1]
   * @param base vol_target's base method
   * @param targetVolPct vol_target's annual volatility target, percent
   * @param leverageCap vol_target's largest sum of |weights|
   * @param longOnly min_variance without short weights
   */
  public record AllocationSpec(
      String method,
      Integer lookbackBars,
      Object shrinkage,
      String base,
      Double targetVolPct,
      Double leverageCap,
      Boolean longOnly) {}

  /**
   * Rebalancing.
   *
   * @param every a number of bars, or daily, weekly, monthly, none
   * @param driftPct rebalance when a weight is more than this many percentage points off target
   */
  public record RebalanceSpec(Object every, Double driftPct) {}

  /**
   * One sleeve: either {@code config} (a run config file, path relative to the portfolio file) or
   * the run keys inline.
   *
   * @param name unique name
   * @param config a run config file
   * @param strategy strategy name
   * @param params strategy parameters
   * @param data data source(s)
   * @param instrument instrument for one data source
   * @param instruments instruments by symbol
   * @param sizing sizing inside the sleeve's own account
   * @param weight weight for allocation.method fixed
   */
  public record SleeveSpec(
      String name,
      String config,
      String strategy,
      Map<String, Object> params,
      List<RunConfigFile.DataSpec> data,
      Object instrument,
      Map<String, Object> instruments,
      RunConfigFile.SizingSpec sizing,
      Double weight) {}
}
