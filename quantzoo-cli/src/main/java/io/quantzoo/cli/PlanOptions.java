package io.quantzoo.cli;

import io.quantzoo.app.Plans;
import io.quantzoo.app.config.ConfigLoader;
import io.quantzoo.app.config.RunConfigFile;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.util.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The run config and what may replace parts of it on the command line, shared by {@code qz run} and
 * {@code qz trade}: one planning for the backtest and the trader.
 */
final class PlanOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "CONFIG.yaml",
      description = "Run configuration (YAML). Default: the bundled default config.")
  Path config;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "Replace the config's data file (CSV or Parquet).")
  Path data;

  @Option(names = "--seed", paramLabel = "N", description = "Replace the config's seed.")
  Long seed;

  @Option(
      names = "--drop-bad-rows",
      description = "Drop invalid rows (and report how many) instead of refusing the data file.")
  boolean dropBadRows;

  /** The config (or the bundled default), with the replacements, planned. */
  RunPlan plan() throws IOException {
    RunConfigFile file;
    Path configDir = null;
    if (config == null) {
      try (InputStream in = RunCommand.class.getResourceAsStream("default.yaml")) {
        if (in == null) {
          throw new IllegalStateException("the bundled default config is missing from the jar");
        }
        file = ConfigLoader.parse(in, "bundled default config");
      }
    } else {
      file = ConfigLoader.load(config);
      configDir = config.toAbsolutePath().getParent();
    }
    if (data != null) {
      if (file.data() != null && file.data().size() > 1) {
        throw new ConfigException(
            "data", "--data replaces one data source; the config has several");
      }
      RunConfigFile.DataSpec old =
          file.data() == null || file.data().isEmpty() ? null : file.data().get(0);
      RunConfigFile.DataSpec d =
          new RunConfigFile.DataSpec(
              data.toString(),
              old == null ? null : old.symbol(),
              old == null ? null : old.timezone(),
              null,
              old == null ? null : old.dropBadRows());
      file = withData(file, List.of(d));
    }
    if (seed != null) {
      file = withSeed(file, seed);
    }
    if (dropBadRows && file.data() != null) {
      file =
          withData(
              file,
              file.data().stream()
                  .map(d ->
                      new RunConfigFile.DataSpec(
                          d.path(), d.symbol(), d.timezone(), d.format(), true))
                  .toList());
    }
    return Plans.plan(file, configDir);
  }

  private static RunConfigFile withData(RunConfigFile f, List<RunConfigFile.DataSpec> d) {
    return new RunConfigFile(
        f.strategy(),
        f.params(),
        d,
        f.instrument(),
        f.instruments(),
        f.initialCash(),
        f.execution(),
        f.sizing(),
        f.closeAtEnd(),
        f.seed(),
        f.metrics(),
        f.sweep(),
        f.walkforward(),
        f.risk(),
        f.mode());
  }

  private static RunConfigFile withSeed(RunConfigFile f, long s) {
    return new RunConfigFile(
        f.strategy(),
        f.params(),
        f.data(),
        f.instrument(),
        f.instruments(),
        f.initialCash(),
        f.execution(),
        f.sizing(),
        f.closeAtEnd(),
        s,
        f.metrics(),
        f.sweep(),
        f.walkforward(),
        f.risk(),
        f.mode());
  }
}
