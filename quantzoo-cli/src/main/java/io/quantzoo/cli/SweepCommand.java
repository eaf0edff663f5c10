package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.PlanData;
import io.quantzoo.app.Plans;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.sweep.SweepService;
import io.quantzoo.app.sweep.Sweeps;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.Axis;
import io.quantzoo.core.sweep.SweepDiagnostics;
import io.quantzoo.core.sweep.SweepSpec;
import io.quantzoo.report.AnalysisReport;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.SweepStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qz sweep}: a parameter sweep over the config's {@code sweep:} section. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Sweep a strategy's parameters (grid or seeded random) over the config's data, on all cores.",
      "Results stream into DuckDB; an interrupted sweep resumes when run again with the same"
          + " config. Prints the ranked table, PBO and DSR, and writes an HTML report with a"
          + " heatmap."
    },
    subcommands = {SweepImportCommand.class})
final class SweepCommand implements Callable<Integer> {
  /** Metrics shown next to the objective in tables. */
  static final List<String> SHOWN =
      List.of(
          "trades",
          "net_profit",
          "total_return_pct",
          "cagr_pct",
          "sharpe",
          "sortino",
          "max_drawdown_pct",
          "profit_factor",
          "win_rate_pct");

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "CONFIG.yaml",
      description = "Run configuration with a 'sweep:' section.")
  Path config;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: sweep.threads, else one per core).")
  Integer threads;

  @Option(names = "--fresh", description = "Start a new sweep even if an interrupted one matches.")
  boolean fresh;

  @Option(names = "--resume", paramLabel = "SWEEP_ID", description = "Resume this sweep.")
  String resume;

  @Option(names = "--top", paramLabel = "K", description = "Rows to show (default: sweep.top_k).")
  Integer top;

  @Override
  public Integer call() {
    if (config == null) {
      throw new UsageException("give the config: qz sweep -c CONFIG.yaml (see qz sweep --help)");
    }
    RunPlan plan = Plans.load(config);
    SweepSpec sweep = Sweeps.spec(plan);
    if (threads != null && threads < 1) {
      throw new UsageException("--threads must be >= 1, was " + threads);
    }
    int nThreads = threads != null ? threads : sweep.effectiveThreads();
    List<String> notes = new ArrayList<>();
    List<SymbolData> data = PlanData.load(plan, notes);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (RunStore store = RunStore.open(output.database())) {
      Progress progress = Progress.forTerminal(err, "sweep", !output.json);
      SweepService.Outcome o =
          new SweepService(Clock.systemUTC())
              .run(
                  new SweepService.Request(
                      "sweep", null, plan, sweep, data, fresh, resume, nThreads),
                  store,
                  progress);
      List<Path> reports = List.of();
      boolean writeReport = output.writeReport();
      if (writeReport) {
        reports =
            report(new SweepStore(store), o, sweep)
                .write(output.reportDir, "sweep-" + o.info().id());
      }
      int shown = top != null ? Math.max(1, top) : sweep.topK();
      if (output.json) {
        out.println(Json.write(json(o, sweep, nThreads, reports, shown)));
      } else {
        notes.forEach(n -> out.println("note: " + n));
        print(out, o, sweep, nThreads, reports, shown);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static void print(
      PrintWriter out,
      SweepService.Outcome o,
      SweepSpec s,
      int threads,
      List<Path> reports,
      int shown) {
    SweepStore.SweepInfo i = o.info();
    out.printf(
        Locale.ROOT,
        "sweep %s  %s on %s  %s, %d points%s%n",
        i.id(),
        i.strategy(),
        i.symbols(),
        s.space().method().name().toLowerCase(Locale.ROOT),
        i.totalPoints(),
        o.resumed() ? " (resumed: " + o.skipped() + " already done)" : "");
    out.printf(
        Locale.ROOT,
        "ran %d backtests on %d thread(s) in %.1f s (%.1f backtests/s); points by status: %s%n",
        o.evaluated(),
        threads,
        o.elapsedMillis() / 1000.0,
        o.elapsedMillis() > 0 ? o.evaluated() * 1000.0 / o.elapsedMillis() : 0.0,
        o.counts());
    out.printf(
        Locale.ROOT,
        "objective %s (%s), min_trades %d%n",
        i.objective(),
        i.direction(),
        i.minTrades());
    List<String> header = header(s);
    List<List<String>> rows = rows(o.top(), s, shown);
    if (rows.isEmpty()) {
      out.println("no point was ranked (every point failed, was invalid or had too few trades)");
    } else {
      printTable(out, header, rows);
    }
    printDiagnostics(out, o.diagnostics());
    for (Path p : reports) {
      out.println("report: " + p);
    }
  }

  static void printDiagnostics(PrintWriter out, SweepDiagnostics d) {
    out.printf(
        Locale.ROOT,
        "overfitting: PBO %s over %d trials (%d CSCV combinations of %d blocks); DSR of the best"
            + " %s (per-bar Sharpe %s vs expected max of unskilled trials %s)%n",
        AnalysisReport.num(d.pbo(), 3),
        d.trials(),
        d.combinations(),
        d.blocks(),
        AnalysisReport.num(d.dsr(), 3),
        AnalysisReport.num(d.bestSharpe(), 4),
        AnalysisReport.num(d.expectedMaxSharpe(), 4));
  }

  static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int c = 0; c < w.length; c++) {
      w[c] = header.get(c).length();
      for (List<String> r : rows) {
        w[c] = Math.max(w[c], r.get(c).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < w.length; c++) {
      b.append(c == 0 ? "" : "  ").append(pad(header.get(c), w[c]));
    }
    out.println(b.toString().stripTrailing());
    for (List<String> r : rows) {
      b.setLength(0);
      for (int c = 0; c < w.length; c++) {
        b.append(c == 0 ? "" : "  ").append(pad(r.get(c), w[c]));
      }
      out.println(b.toString().stripTrailing());
    }
  }

  private static String pad(String s, int w) {
    return " ".repeat(Math.max(0, w - s.length())) + s;
  }

  static List<String> header(SweepSpec s) {
    return header(axes(s));
  }

  static List<String> axes(SweepSpec s) {
    return s.space().axes().stream().map(Axis::name).toList();
  }

  static List<String> header(List<String> axes) {
    List<String> h = new ArrayList<>();
    h.add("rank");
    h.add("point");
    h.addAll(axes);
    h.add("objective");
    h.addAll(SHOWN);
    return h;
  }

  static List<List<String>> rows(List<SweepStore.StoredPoint> top, SweepSpec s, int limit) {
    return rows(top, axes(s), limit);
  }

  static List<List<String>> rows(List<SweepStore.StoredPoint> top, List<String> axes, int limit) {
    List<List<String>> rows = new ArrayList<>();
    int rank = 0;
    for (SweepStore.StoredPoint p : top) {
      if (rank >= limit) {
        break;
      }
      List<String> r = new ArrayList<>();
      r.add(String.valueOf(++rank));
      r.add(String.valueOf(p.index()));
      for (String a : axes) {
        r.add(String.valueOf(p.params().get(a)));
      }
      r.add(AnalysisReport.num(p.objective(), 4));
      for (String m : SHOWN) {
        double v = p.metrics().getOrDefault(m, Double.NaN);
        r.add(m.equals("trades") ? String.valueOf((long) v) : AnalysisReport.num(v, 2));
      }
      rows.add(r);
    }
    return rows;
  }

  static AnalysisReport report(SweepStore store, SweepService.Outcome o, SweepSpec s) {
    SweepStore.SweepInfo i = o.info();
    AnalysisReport r = new AnalysisReport("Parameter sweep " + i.id() + ": " + i.strategy());
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("Sweep", i.id());
    prov.put("Strategy", i.strategy());
    prov.put("Symbols", i.symbols());
    prov.put("Method", s.space().method().name().toLowerCase(Locale.ROOT));
    prov.put("Space", i.space());
    prov.put("Points", String.valueOf(i.totalPoints()));
    prov.put("Points by status", String.valueOf(o.counts()));
    prov.put("Objective", i.objective() + " (" + i.direction() + ")");
    prov.put("Minimum trades", String.valueOf(i.minTrades()));
    prov.put("Status", i.status());
    prov.put("Working time", AnalysisReport.num(i.elapsedMillis() / 1000.0, 1) + " s");
    r.keyValues("Sweep", prov);
    var d = o.diagnostics();
    Map<String, String> diag = new LinkedHashMap<>();
    diag.put("Ranked trials (N)", String.valueOf(d.trials()));
    diag.put("Probability of Backtest Overfitting (PBO)", AnalysisReport.num(d.pbo(), 4));
    diag.put("CSCV blocks / combinations", d.blocks() + " / " + d.combinations());
    diag.put("Best per-bar Sharpe", AnalysisReport.num(d.bestSharpe(), 5));
    diag.put("Variance of per-bar Sharpe across trials", AnalysisReport.num(d.sharpeVariance(), 8));
    diag.put(
        "Expected max per-bar Sharpe of N unskilled trials",
        AnalysisReport.num(d.expectedMaxSharpe(), 5));
    diag.put("Deflated Sharpe Ratio of the best", AnalysisReport.num(d.dsr(), 4));
    r.keyValues("Overfitting diagnostics", diag);
    r.table(
        "Ranked points",
        "ranked",
        header(s),
        rows(o.top(), s, o.top().size()),
        "Best first by the objective; ties go to the lower point index.");
    if (s.heatmap().size() == 2) {
      heatmap(store, i.id(), s, r);
    }
    r.text("Configuration", i.configYaml());
    return r;
  }

  private static void heatmap(SweepStore store, String id, SweepSpec s, AnalysisReport r) {
    Axis x = axis(s, s.heatmap().get(0));
    Axis y = axis(s, s.heatmap().get(1));
    Map<Object, Integer> xi = new HashMap<>();
    Map<Object, Integer> yi = new HashMap<>();
    for (int k = 0; k < x.size(); k++) {
      xi.put(x.values().get(k), k);
    }
    for (int k = 0; k < y.size(); k++) {
      yi.put(y.values().get(k), k);
    }
    double[][] cells = new double[y.size()][x.size()];
    double[][] score = new double[y.size()][x.size()];
    for (double[] row : cells) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (double[] row : score) {
      java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    store.forEachRanked(
        id,
        p -> {
          Integer cx = xi.get(p.params().get(x.name()));
          Integer cy = yi.get(p.params().get(y.name()));
          if (cx != null && cy != null && p.score() > score[cy][cx]) {
            score[cy][cx] = p.score();
            cells[cy][cx] = p.objective();
          }
        });
    r.heatmap(
        "Heatmap: " + s.objective().text() + " by " + x.name() + " and " + y.name(),
        x.name(),
        y.name(),
        x.values().stream().map(String::valueOf).toList(),
        y.values().stream().map(String::valueOf).toList(),
        cells,
        "Each cell shows the best objective over the other swept parameters; empty cells had no"
            + " ranked point.");
  }

  private static Axis axis(SweepSpec s, String name) {
    return s.space().axes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, Object> json(
      SweepService.Outcome o, SweepSpec s, int threads, List<Path> reports, int shown) {
    SweepStore.SweepInfo i = o.info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sweep_id", i.id());
    m.put("status", i.status());
    m.put("strategy", i.strategy());
    m.put("symbols", i.symbols());
    m.put("method", s.space().method().name().toLowerCase(Locale.ROOT));
    m.put("total_points", i.totalPoints());
    m.put("points", o.counts());
    m.put("evaluated", o.evaluated());
    m.put("resumed", o.resumed());
    m.put("skipped_done", o.skipped());
    m.put("threads", threads);
    m.put("elapsed_ms", o.elapsedMillis());
    m.put("objective", i.objective());
    m.put("direction", i.direction());
    var d = o.diagnostics();
    m.put("pbo", d.pbo());
    m.put("dsr", d.dsr());
    m.put("trials", d.trials());
    m.put("top", topJson(o.top(), shown));
    m.put("reports", reports.stream().map(Path::toString).toList());
    return m;
  }

  static List<Object> topJson(List<SweepStore.StoredPoint> points, int shown) {
    List<Object> top = new ArrayList<>();
    int rank = 0;
    for (SweepStore.StoredPoint p : points) {
      if (rank++ >= shown) {
        break;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("rank", rank);
      e.put("index", p.index());
      e.put("params", p.params());
      e.put("objective", p.objective());
      e.put("metrics", p.metrics());
      top.add(e);
    }
    return top;
  }
}
