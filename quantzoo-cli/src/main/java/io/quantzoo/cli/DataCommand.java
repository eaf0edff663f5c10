package io.quantzoo.cli;

import io.quantzoo.app.DataFiles;
import io.quantzoo.core.data.DataInspector;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.data.LoadResult;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qz data}: data file tools. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Inspect market data files; generate synthetic MNQ bars.",
    subcommands = {DataCommand.Inspect.class, SynthCommand.class, CommandLine.HelpCommand.class})
final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code qz data inspect PATH}. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = {
        "Print rows, span, bar spacing, gaps and every problem of a CSV or Parquet file.",
        "Exit code 3 if the file has problems that would make `qz run` refuse it."
      })
  static final class Inspect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "CSV or Parquet file.")
    Path path;

    @Option(
        names = "--timezone",
        paramLabel = "ZONE",
        defaultValue = "UTC",
        description = "Zone for naive timestamps (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Symbol if the file has none.")
    String symbol;

    @Override
    public Integer call() {
      ZoneId z;
      try {
        z = ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new UsageException("--timezone must be a zone id, was " + zone);
      }
      LoadOptions opts = DataFiles.options(z, symbol, true);
      LoadResult r = DataFiles.load(path, DataFiles.isParquet(path), opts);
      spec.commandLine().getOut().print(DataInspector.inspect(path.toString(), r, z).format());
      spec.commandLine().getOut().flush();
      return r.problemCount() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
  }
}
