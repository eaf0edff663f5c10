package io.quantzoo.app.config;

import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.portfolio.PortfolioConfig;
import java.util.List;

/**
 * A validated portfolio configuration.
 *
 * @param sleeves each sleeve's name and run plan (execution, cash and seed are the portfolio's)
 * @param config the portfolio engine's settings
 * @param metrics metric options
 * @param effectiveYaml the effective configuration (stored with the run)
 */
public record PortfolioPlan(
    List<SleevePlan> sleeves,
    PortfolioConfig config,
    MetricsOptions metrics,
    String effectiveYaml) {

  /**
   * One sleeve.
   *
   * @param name unique name
   * @param plan its run plan
   */
  public record SleevePlan(String name, RunPlan plan) {}
}
