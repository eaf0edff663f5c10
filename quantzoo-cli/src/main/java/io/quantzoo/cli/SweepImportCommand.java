package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.sweep.SweepImporter;
import io.quantzoo.app.sweep.SweepImporter.Imported;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.SweepResults;
import io.quantzoo.store.SweepStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qz sweep import}: stores a sweep results dataset (Parquet written by the Spark job) as a
 * completed sweep, ranked and diagnosed exactly as {@code qz sweep} does.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import sweep results written by the Spark job as a completed sweep.",
      "",
      "RESULTS_DIR holds Parquet part files and "
          + SweepResults.META_FILE
          + " (docs/SPARK.md). The sweep is ranked and diagnosed (PBO, DSR) as qz sweep does"
          + " and its ranked table printed. A directory of per-symbol results (symbol=*/"
          + " subdirectories) imports one sweep per symbol; a Spark walk-forward's results"
          + " (window=*/ subdirectories) import as the in-sample sweeps (kind walkforward) that"
          + " qz walkforward then reuses."
    })
final class SweepImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "The results directory.")
  Path dir;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "Database file. Default: $QUANTZOO_DB or ./.quantzoo/quantzoo.duckdb")
  Path db;

  @Option(names = "--json", description = "Print one JSON summary per sweep instead of text.")
  boolean json;

  @Option(names = "--top", paramLabel = "K", description = "Rows to show (default: top_k).")
  Integer top;

  @Override
  public Integer call() {
    List<Path> dirs = SweepImporter.datasets(dir);
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = RunStore.open(QzCommand.databasePath(db))) {
      for (Path d : dirs) {
        Imported i = SweepImporter.importOne(new SweepStore(store), d, Clock.systemUTC());
        int shown = top != null ? Math.max(1, top) : i.meta().topK();
        if (json) {
          out.println(Json.write(json(i, shown)));
        } else {
          print(out, i, shown);
        }
        out.flush();
      }
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Imported imp, int shown) {
    SweepStore.SweepInfo i = imp.finished().info();
    SweepResults.Meta m = imp.meta();
    out.printf(
        Locale.ROOT,
        "sweep %s  %s on %s  %s, %d points (imported from %s)%n",
        i.id(),
        i.strategy(),
        i.symbols(),
        m.method(),
        i.totalPoints(),
        imp.source());
    out.printf(
        Locale.ROOT,
        "produced by %s in %.1f s; points by status: %s%n",
        m.producer(),
        m.elapsedMillis() / 1000.0,
        imp.finished().counts());
    out.printf(
        Locale.ROOT,
        "objective %s (%s), min_trades %d%n",
        i.objective(),
        i.direction(),
        i.minTrades());
    List<List<String>> rows = SweepCommand.rows(imp.finished().top(), m.axes(), shown);
    if (rows.isEmpty()) {
      out.println("no point was ranked (every point failed, was invalid or had too few trades)");
    } else {
      SweepCommand.printTable(out, SweepCommand.header(m.axes()), rows);
    }
    SweepCommand.printDiagnostics(out, imp.finished().diagnostics());
  }

  private static Map<String, Object> json(Imported imp, int shown) {
    SweepStore.SweepInfo i = imp.finished().info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sweep_id", i.id());
    m.put("status", i.status());
    m.put("kind", i.kind());
    m.put("source", imp.source().toString());
    m.put("producer", imp.meta().producer());
    m.put("strategy", i.strategy());
    m.put("symbols", i.symbols());
    m.put("method", imp.meta().method());
    m.put("fingerprint", i.fingerprint());
    m.put("total_points", i.totalPoints());
    m.put("points", imp.finished().counts());
    m.put("elapsed_ms", i.elapsedMillis());
    m.put("objective", i.objective());
    m.put("direction", i.direction());
    var d = imp.finished().diagnostics();
    m.put("pbo", d.pbo());
    m.put("dsr", d.dsr());
    m.put("trials", d.trials());
    m.put("top", SweepCommand.topJson(imp.finished().top(), shown));
    return m;
  }
}
