package io.quantzoo.cli;

import io.quantzoo.app.UserInputException;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.report.ReportFormat;
import io.quantzoo.report.ReportInput;
import io.quantzoo.report.ReportWriter;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.StoredRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qz report ID}: Markdown and/or self-contained HTML report of a stored run. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write the report of a stored run (Markdown and/or self-contained HTML).")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @CommandLine.Mixin RunsCommand.DbOption db;

  @Parameters(paramLabel = "ID", description = "Run id (or a unique prefix).")
  String id;

  @Option(
      names = "--format",
      paramLabel = "md|html|all",
      defaultValue = "all",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Set<ReportFormat> formats;
    if (format.equalsIgnoreCase("all")) {
      formats = EnumSet.allOf(ReportFormat.class);
    } else {
      try {
        formats = EnumSet.of(ReportFormat.parse(format));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--format must be one of md, html, all, was " + format);
      }
    }
    try (RunStore store = db.open()) {
      RunInfo info = RunsCommand.find(store, id);
      if (info.status() != RunInfo.RunStatus.COMPLETED) {
        throw new UserInputException(
            "run "
                + info.runId()
                + " is "
                + info.status().dbName()
                + ": only completed runs have a report");
      }
      StoredRun run = store.loadRun(info.runId());
      Double initial = run.metrics().get("initial_equity");
      if (initial == null) {
        throw new UserInputException(
            "run " + info.runId() + " has no initial_equity metric; it cannot be reported");
      }
      ReportInput in =
          new ReportInput(
              run.info(),
              run.metrics(),
              run.equity(),
              run.trades(),
              initial,
              Clock.systemUTC().instant());
      for (Path p : ReportWriter.write(in, out, formats)) {
        spec.commandLine().getOut().println(p);
      }
    }
    return ExitCodes.OK;
  }
}
