package io.quantzoo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Database, JSON and report options shared by the commands that run and store something. */
final class OutputOptions {
  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "Database file. Default: $QUANTZOO_DB or ./.quantzoo/quantzoo.duckdb")
  Path db;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--report",
      negatable = true,
      description =
          "Write the Markdown and HTML report (default: on, off with --json unless given).")
  Boolean report;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where reports go. Default: ${DEFAULT-VALUE}",
      defaultValue = "reports")
  Path reportDir;

  /** The database file ({@link QzCommand#databasePath}). */
  Path database() {
    return QzCommand.databasePath(db);
  }

  /** Whether to write the report: as asked, else on unless {@code --json}. */
  boolean writeReport() {
    return report != null ? report : !json;
  }
}
