package io.quantzoo.app.config;

import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.strategy.StrategyFactory;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> walkforward) {

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
