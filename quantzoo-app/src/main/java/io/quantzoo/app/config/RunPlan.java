package io.quantzoo.app.config;

import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.strategy.StrategyFactory;
import io.quantzoo.live.safety.TradingMode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, fully defaulted run configuration, ready to execute.
 *
 * @param strategy the strategy factory
 * @param params validated parameters
 * @param sources data files to load
 * @param instrumentsBySymbol explicit instrument specs by data symbol
 * @param singleInstrument the instrument for a single-symbol run, or null
 * @param engine engine settings
 * @param metrics metric options
 * @param effectiveYaml the effective configuration as YAML (stored with the run)
 * @param sweep the raw {@code sweep:} section, or null
 * @param walkforward the raw {@code walkforward:} section, or null
 * @param risk the validated {@code risk:} section as written, or null when there is none
 */
public record RunPlan(
    StrategyFactory strategy,
    Params params,
    List<Source> sources,
    Map<String, Instrument> instrumentsBySymbol,
    Instrument singleInstrument,
    EngineConfig engine,
    MetricsOptions metrics,
    String effectiveYaml,
    Map<String, Object> sweep,
    Map<String, Object> walkforward,
    RunConfigFile.RiskSpec risk,
    TradingMode tradingMode) {

  /**
   * The pre-trade limits of a research run ({@code qz run}, sweeps, walk-forward): the {@code
   * risk:} section's values with every other control off, or empty when the config has no {@code
   * risk:} section (then no gate at all: results stay identical).
   */
  public Optional<RiskLimits> researchRiskLimits() {
    return risk == null
        ? Optional.empty()
        : Optional.of(RunPlanner.riskLimits(risk, RiskLimits.none()));
  }

  /**
   * The pre-trade limits of {@code qz trade}: the documented defaults ({@link
   * RiskLimits#defaultsForTrading}, relative to the initial cash) with the {@code risk:} section's
   * values over them.
   */
  public RiskLimits tradingRiskLimits() {
    return RunPlanner.riskLimits(risk, RiskLimits.defaultsForTrading(engine.initialCash()));
  }

  /**
   * A fresh gate for one research run: a {@link PreTradeRiskGate} on {@link #researchRiskLimits()},
   * or {@link RiskGate#ALLOW_ALL} when the config has no {@code risk:} section.
   */
  public RiskGate newResearchRiskGate() {
    return researchRiskLimits().<RiskGate>map(PreTradeRiskGate::new).orElse(RiskGate.ALLOW_ALL);
  }

  /**
   * One data file to load.
   *
   * @param path resolved path
   * @param symbol symbol override, or null
   * @param zone zone for naive timestamps
   * @param parquet whether to read it as Parquet
   * @param dropBadRows drop invalid rows instead of refusing the file
   */
  public record Source(
      Path path, String symbol, ZoneId zone, boolean parquet, boolean dropBadRows) {}
}
