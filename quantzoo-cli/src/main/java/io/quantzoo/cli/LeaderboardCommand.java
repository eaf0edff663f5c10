package io.quantzoo.cli;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.report.AnalysisReport;
import io.quantzoo.store.Leaderboard;
import io.quantzoo.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qz leaderboard}: ranks stored runs, sweeps, walk-forwards and portfolios by a metric. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = {
      "Rank every completed run (backtest, walk-forward, portfolio) and sweep (its best point) in"
          + " the database by one metric; print a table or export Markdown or CSV."
    })
final class LeaderboardCommand implements Callable<Integer> {
  static final List<String> COLUMNS =
      List.of("sharpe", "cagr_pct", "total_return_pct", "max_drawdown_pct", "trades");

  /** What {@code --kind} accepts: every run kind as stored, and {@code sweep}. */
  static final List<String> KINDS =
      Stream.concat(Arrays.stream(RunKind.values()).map(RunKind::dbName), Stream.of("sweep"))
          .toList();

  @Spec CommandSpec spec;

  @Option(
      names = "--by",
      paramLabel = "METRIC",
      defaultValue = "sharpe",
      description = "Metric to rank by (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only this kind: backtest, walkforward, portfolio, trade or sweep.")
  String kind;

  @Option(names = "--strategy", paramLabel = "NAME", description = "Only this strategy.")
  String strategy;

  @Option(
      names = "--ascending",
      description =
          "Smallest first (default: largest first, except drawdown, volatility, VaR and ES).")
  Boolean ascending;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Rows.")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "table",
      description = "table, markdown or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to a file instead of stdout.")
  Path out;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "Database file. Default: $QUANTZOO_DB or ./.quantzoo/quantzoo.duckdb")
  Path db;

  @Override
  public Integer call() {
    if (!Metrics.NAMES.contains(by)) {
      throw new UsageException(
          "unknown metric '" + by + "' for --by; known: " + String.join(", ", Metrics.NAMES));
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "markdown", "md", "csv").contains(fmt)) {
      throw new UsageException("--format must be table, markdown or csv, was " + format);
    }
    if (limit < 1) {
      throw new UsageException("--limit must be >= 1, was " + limit);
    }
    if (kind != null && !KINDS.contains(kind)) {
      throw new UsageException(
          "unknown kind '" + kind + "' for --kind; known: " + String.join(", ", KINDS));
    }
    List<Leaderboard.Entry> entries;
    try (RunStore store = RunStore.open(QzCommand.databasePath(db))) {
      entries = new ArrayList<>(Leaderboard.entries(store));
    }
    entries.removeIf(e ->
        (kind != null && !e.kind().equals(kind))
            || (strategy != null && !e.strategy().equals(strategy))
            || (!Double.isFinite(e.metrics().getOrDefault(by, Double.NaN))
                && !Double.isInfinite(e.metrics().getOrDefault(by, Double.NaN))));
    boolean asc = ascending != null ? ascending : lowerIsBetter(by);
    Comparator<Leaderboard.Entry> c =
        Comparator.comparingDouble((Leaderboard.Entry e) -> e.metrics().get(by));
    if (!asc) {
      c = c.reversed();
    }
    entries.sort(c.thenComparing(Leaderboard.Entry::id));
    List<String> header = new ArrayList<>(List.of("rank", "kind", "id", "strategy", "symbols"));
    header.add(by);
    COLUMNS.stream().filter(x -> !x.equals(by)).forEach(header::add);
    header.add("detail");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, entries.size()); i++) {
      Leaderboard.Entry e = entries.get(i);
      List<String> r = new ArrayList<>();
      r.add(String.valueOf(i + 1));
      r.add(e.kind());
      r.add(e.id());
      r.add(e.strategy());
      r.add(e.symbols());
      for (String h : header.subList(5, header.size() - 1)) {
        double v = e.metrics().getOrDefault(h, Double.NaN);
        r.add(h.equals("trades") ? String.valueOf((long) v) : AnalysisReport.num(v, 3));
      }
      r.add(e.detail());
      rows.add(r);
    }
    String text =
        switch (fmt) {
          case "csv" -> csv(header, rows);
          case "markdown", "md" -> AnalysisReport.markdownTable(header, rows);
          default -> null;
        };
    PrintWriter w = spec.commandLine().getOut();
    if (text == null) {
      if (rows.isEmpty()) {
        w.println("no completed run or sweep has metric " + by);
      } else {
        SweepCommand.printTable(w, header, rows);
      }
    } else if (out != null) {
      try {
        Files.writeString(out, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      w.println("wrote " + rows.size() + " rows to " + out);
    } else {
      w.print(text);
    }
    w.flush();
    return ExitCodes.OK;
  }

  static boolean lowerIsBetter(String metric) {
    return metric.contains("drawdown")
        || metric.contains("volatility")
        || metric.startsWith("var_")
        || metric.startsWith("es_")
        || metric.startsWith("total_commission")
        || metric.startsWith("total_slippage");
  }

  static String csv(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", header.stream().map(LeaderboardCommand::csvCell).toList()));
    b.append('\n');
    for (List<String> r : rows) {
      b.append(String.join(",", r.stream().map(LeaderboardCommand::csvCell).toList()));
      b.append('\n');
    }
    return b.toString();
  }

  private static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
