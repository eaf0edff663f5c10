package io.quantzoo.cli;

import io.quantzoo.store.RunStore;
import io.quantzoo.store.SweepResults;
import io.quantzoo.store.SweepStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
    List<Path> dirs = datasets(dir);
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = RunStore.open(QzCommand.databasePath(db))) {
      for (Path d : dirs) {
        Imported i = importOne(new SweepStore(store), d, Clock.systemUTC());
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

  /** The results directories under {@code dir}: itself, or its per-symbol subdirectories. */
  static List<Path> datasets(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(
          "bad sweep results: " + dir + ": not a directory", ExitCodes.BAD_INPUT);
    }
    if (Files.exists(dir.resolve(SweepResults.META_FILE))) {
      return List.of(dir);
    }
    List<Path> subs = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> Files.isRegularFile(p.resolve(SweepResults.META_FILE)))
          .sorted()
          .forEach(subs::add);
    } catch (IOException e) {
      throw new UserInputException(
          "bad sweep results: " + dir + ": cannot list: " + e.getMessage(), ExitCodes.BAD_INPUT);
    }
    if (subs.isEmpty()) {
      throw new UserInputException(
          "bad sweep results: "
              + dir.resolve(SweepResults.META_FILE)
              + ": missing; a sweep results directory holds Parquet part files and this file",
          ExitCodes.BAD_INPUT);
    }
    return subs;
  }

  /**
   * One imported sweep.
   *
   * @param source the results directory
   * @param meta its metadata
   * @param finished the completed sweep
   */
  record Imported(Path source, SweepResults.Meta meta, SweepService.Finished finished) {}

  /** Imports one results directory as a new completed sweep. */
  static Imported importOne(SweepStore store, Path dir, Clock clock) {
    long t0 = System.nanoTime();
    try {
      SweepResults.Meta m = SweepResults.readMeta(dir);
      String id = store.newSweepId();
      store.importParquet(
          dir,
          new SweepStore.SweepInfo(
              id,
              m.kind(),
              null,
              m.strategy(),
              m.symbols(),
              m.configYaml(),
              m.space(),
              m.fingerprint(),
              m.objective(),
              m.direction(),
              m.minTrades(),
              m.blocks(),
              m.totalPoints(),
              "running",
              clock.instant(),
              null,
              0,
              -1,
              null,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              null,
              ""));
      SweepService.Finished f;
      try {
        f =
            SweepService.finish(
                store,
                id,
                m.topK(),
                m.blocks(),
                () -> m.elapsedMillis() + (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException | Error e) {
        try {
          store.stop(id, false, "import failed: " + e.getMessage(), 0);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      return new Imported(dir, m, f);
    } catch (SweepResults.InvalidResultsException e) {
      throw new UserInputException("bad sweep results: " + e.getMessage(), ExitCodes.BAD_INPUT);
    }
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
