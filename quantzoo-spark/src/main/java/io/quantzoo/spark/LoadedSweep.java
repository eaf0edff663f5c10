package io.quantzoo.spark;

import io.quantzoo.app.PlanData;
import io.quantzoo.app.Plans;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.sweep.Sweeps;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A config planned and its bars loaded exactly as {@code qz sweep} does it (same planner, same
 * loaders, same sweep validation), on the driver or on an executor.
 *
 * @param plan the planned config
 * @param spec the validated sweep section
 * @param data every symbol's bars, in config order
 * @param notes notes of the loaders (dropped rows, suspicious prints)
 */
record LoadedSweep(RunPlan plan, SweepSpec spec, List<SymbolData> data, List<String> notes) {

  /**
   * Plans the config text and loads its data.
   *
   * @param dataPaths the absolute data paths to read instead of the planned ones (an executor reads
   *     exactly what the driver resolved), or null to keep the planned ones
   */
  static LoadedSweep load(
      String yaml, String source, Path configDir, Path home, List<String> dataPaths) {
    RunPlan plan = Plans.parse(yaml, source, configDir, home);
    if (dataPaths != null) {
      plan = withPaths(plan, dataPaths);
    }
    SweepSpec spec = Sweeps.spec(plan);
    List<String> notes = new ArrayList<>();
    List<SymbolData> data = PlanData.load(plan, notes);
    return new LoadedSweep(plan, spec, List.copyOf(data), List.copyOf(notes));
  }

  /** Loads what a job spec describes, as an executor does. */
  static LoadedSweep load(SweepJobSpec job) {
    return load(
        job.configYaml(),
        job.configSource(),
        Path.of(job.configDir()),
        job.home() == null ? null : Path.of(job.home()),
        job.dataPaths());
  }

  /** The data of one sweep group: every symbol ({@code symbolIndex} -1), or one. */
  List<SymbolData> groupData(int symbolIndex) {
    return symbolIndex < 0 ? data : List.of(data.get(symbolIndex));
  }

  /** The planned data paths, absolute. */
  List<String> absoluteDataPaths() {
    return plan.sources().stream()
        .map(s -> s.path().toAbsolutePath().normalize().toString())
        .toList();
  }

  private static RunPlan withPaths(RunPlan p, List<String> paths) {
    if (paths.size() != p.sources().size()) {
      throw new IllegalStateException(
          "the config plans "
              + p.sources().size()
              + " data source(s) here, the driver planned "
              + paths.size());
    }
    List<RunPlan.Source> sources = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      RunPlan.Source s = p.sources().get(i);
      sources.add(
          new RunPlan.Source(
              Path.of(paths.get(i)), s.symbol(), s.zone(), s.parquet(), s.dropBadRows()));
    }
    return new RunPlan(
        p.strategy(),
        p.params(),
        sources,
        p.instrumentsBySymbol(),
        p.singleInstrument(),
        p.engine(),
        p.metrics(),
        p.effectiveYaml(),
        p.sweep(),
        p.walkforward(),
        p.risk(),
        p.tradingMode());
  }
}
