package io.quantzoo.core.sweep;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyFactory;
import io.quantzoo.core.util.ConfigException;
import java.util.List;
import java.util.Objects;

/**
 * Runs the backtest of one sweep point. Thread-safe: every call builds its own engine and strategy
 * and only reads the shared bars, so many threads can evaluate points over one copy of the data.
 */
public final class PointEvaluator {
  private final StrategyFactory factory;
  private final ParamSpace space;
  private final List<SymbolData> data;
  private final EngineConfig engine;
  private final MetricsOptions metrics;
  private final Objective objective;
  private final int minTrades;
  private final int blocks;
  private final RiskLimits risk;

  /**
   * @param factory the strategy
   * @param space the sweep's space (supplies the fixed parameters)
   * @param data the bars, shared read-only by every point
   * @param engine engine settings
   * @param metrics metric options
   * @param objective what to optimise
   * @param minTrades points with fewer closed trades are not ranked
   * @param blocks number of CSCV blocks kept per point
   */
  public PointEvaluator(
      StrategyFactory factory,
      ParamSpace space,
      List<SymbolData> data,
      EngineConfig engine,
      MetricsOptions metrics,
      Objective objective,
      int minTrades,
      int blocks) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.space = Objects.requireNonNull(space, "space");
    this.data = List.copyOf(data);
    this.engine = Objects.requireNonNull(engine, "engine");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.objective = Objects.requireNonNull(objective, "objective");
    this.minTrades = minTrades;
    this.blocks = blocks;
    this.risk = null;
  }

  private PointEvaluator(PointEvaluator o, RiskLimits risk) {
    this.factory = o.factory;
    this.space = o.space;
    this.data = o.data;
    this.engine = o.engine;
    this.metrics = o.metrics;
    this.objective = o.objective;
    this.minTrades = o.minTrades;
    this.blocks = o.blocks;
    this.risk = risk;
  }

  /**
   * This evaluator with every point's orders passing a fresh {@link PreTradeRiskGate} on {@code
   * limits}; null: no gate (the default).
   */
  public PointEvaluator withRisk(RiskLimits limits) {
    return new PointEvaluator(this, limits);
  }

  public Objective objective() {
    return objective;
  }

  /** Runs one point; never throws for a bad combination or a failing backtest. */
  public PointResult evaluate(SweepPoint p) {
    Strategy strategy;
    try {
      Params params = Params.resolve(factory.name(), factory.params(), space.merged(p));
      strategy = factory.create(params);
    } catch (ConfigException e) {
      return new PointResult(
          p,
          PointResult.Status.INVALID,
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          null,
          null,
          e.getMessage());
    }
    try {
      RiskGate gate = risk == null ? RiskGate.ALLOW_ALL : new PreTradeRiskGate(risk);
      BacktestResult r = new BacktestEngine(engine, gate).run(data, strategy);
      Metrics m = MetricsCalculator.compute(r, metrics);
      ReturnStats rs = ReturnStats.of(r.equity(), blocks);
      double v = objective.value(m);
      PointResult.Status st =
          m.trades() < minTrades ? PointResult.Status.FEW_TRADES : PointResult.Status.OK;
      return new PointResult(p, st, v, objective.score(v), m, rs, "");
    } catch (RuntimeException e) {
      return new PointResult(
          p,
          PointResult.Status.FAILED,
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          null,
          null,
          String.valueOf(e));
    }
  }
}
