package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.UserInputException;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.StoredRun;
import io.quantzoo.store.SweepStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qz runs}: list, show and export stored runs. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List, show and export stored runs.",
    subcommands = {
      RunsCommand.ListRuns.class,
      RunsCommand.ShowRun.class,
      RunsCommand.ExportRun.class,
      CommandLine.HelpCommand.class
    })
final class RunsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Common database option. */
  static class DbOption {
    @Option(
        names = "--db",
        paramLabel = "PATH",
        description = "Database file. Default: $QUANTZOO_DB or ./.quantzoo/quantzoo.duckdb")
    Path db;

    RunStore open() {
      Path p = QzCommand.databasePath(db);
      if (!java.nio.file.Files.exists(p)) {
        throw new UserInputException("no database at " + p + " yet: run a backtest first (qz run)");
      }
      return RunStore.open(p);
    }
  }

  static RunInfo find(RunStore store, String id) {
    if (id == null || id.isBlank()) {
      throw new UsageException(
          "a run id (or a unique prefix of one) is required (see qz runs list)");
    }
    return store
        .findRun(id)
        .orElseThrow(
            () -> new UserInputException("no run with id '" + id + "' (see qz runs list)"));
  }

  /** {@code qz runs list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.")
  static final class ListRuns implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin DbOption db;

    @Option(
        names = "--limit",
        defaultValue = "50",
        description = "At most N runs (${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (limit <= 0) {
        throw new UsageException("--limit must be at least 1, was " + limit);
      }
      try (RunStore store = db.open()) {
        List<RunInfo> runs = store.listRuns(limit);
        if (json) {
          out.println(Json.write(runs.stream().map(RunsCommand::infoMap).toList()));
          return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
          out.println("no runs yet: qz run");
          return ExitCodes.OK;
        }
        out.printf(
            "%-22s %-10s %-14s %-18s %-20s %s%n",
            "RUN", "STATUS", "STRATEGY", "SYMBOLS", "CREATED", "SEED");
        for (RunInfo r : runs) {
          out.printf(
              "%-22s %-10s %-14s %-18s %-20s %d%n",
              r.runId(),
              r.status().dbName(),
              r.strategy(),
              r.symbols(),
              Fmt.time(r.createdAt()),
              r.seed());
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code qz runs show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run.")
  static final class ShowRun implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin DbOption db;

    @Parameters(paramLabel = "ID", description = "Run id (or a unique prefix).")
    String id;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (RunStore store = db.open()) {
        RunInfo info = find(store, id);
        // A walk-forward's stitched run is linked from its walk-forward (once that completed).
        String wfId =
            info.kind() == RunKind.WALKFORWARD
                ? new SweepStore(store).walkForwardOfRun(info.runId()).orElse(null)
                : null;
        if (info.status() != RunInfo.RunStatus.COMPLETED) {
          if (json) {
            out.println(Json.write(showMap(info, wfId)));
          } else {
            printInfo(out, info, wfId);
          }
          return ExitCodes.OK;
        }
        StoredRun run = store.loadRun(info.runId());
        if (json) {
          Map<String, Object> m = showMap(info, wfId);
          m.put("trades", run.trades().size());
          m.put("fills", run.fills().size());
          m.put("metrics", run.metrics());
          out.println(Json.write(m));
          return ExitCodes.OK;
        }
        printInfo(out, info, wfId);
        out.printf(
            "  trades %d, fills %d, equity points %d%n",
            run.trades().size(), run.fills().size(), run.equity().size());
        out.println("  metrics:");
        for (Map.Entry<String, Double> e : run.metrics().entrySet()) {
          out.printf("    %-28s %s%n", e.getKey(), Fmt.num(e.getValue(), 4));
        }
        out.println("  config:");
        for (String line : info.configYaml().split("\n")) {
          out.println("    " + line);
        }
      }
      return ExitCodes.OK;
    }

    private static Map<String, Object> showMap(RunInfo info, String wfId) {
      Map<String, Object> m = infoMap(info);
      if (info.kind() == RunKind.WALKFORWARD) {
        m.put("walkforward_id", wfId);
      }
      return m;
    }

    private static void printInfo(PrintWriter out, RunInfo r, String wfId) {
      out.printf("Run %s  %s%n", r.runId(), r.status().dbName());
      if (wfId != null) {
        out.printf("  stitched out-of-sample run of walk-forward %s%n", wfId);
      }
      out.printf(
          "  strategy %s on %s, seed %d, engine %s%n",
          r.strategy(), r.symbols(), r.seed(), r.engineVersion());
      out.printf(
          "  created %s, finished %s, backtest %d ms%n",
          Fmt.time(r.createdAt()), Fmt.time(r.finishedAt()), r.elapsedMillis());
      out.printf("  data fingerprint %s%n", r.dataFingerprint());
      if (!r.message().isEmpty()) {
        out.printf("  message: %s%n", r.message());
      }
    }
  }

  /** {@code qz runs export ID}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Export a run (run, trades, fills, equity, metrics) to Parquet files.")
  static final class ExportRun implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin DbOption db;

    @Parameters(paramLabel = "ID", description = "Run id (or a unique prefix).")
    String id;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Output directory. Default: export/<run id>")
    Path out;

    @Override
    public Integer call() {
      try (RunStore store = db.open()) {
        RunInfo info = find(store, id);
        Path dir = out != null ? out : Path.of("export", info.runId());
        for (Path p : store.exportParquet(info.runId(), dir)) {
          spec.commandLine().getOut().println(p);
        }
      }
      return ExitCodes.OK;
    }
  }

  static Map<String, Object> infoMap(RunInfo r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", r.runId());
    m.put("status", r.status().dbName());
    m.put("kind", r.kind().dbName());
    m.put("strategy", r.strategy());
    m.put("symbols", r.symbols());
    m.put("seed", r.seed());
    m.put("data_fingerprint", r.dataFingerprint());
    m.put("engine_version", r.engineVersion());
    m.put("created_at", r.createdAt().toString());
    m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
    m.put("elapsed_ms", r.elapsedMillis());
    m.put("message", r.message());
    return m;
  }
}
