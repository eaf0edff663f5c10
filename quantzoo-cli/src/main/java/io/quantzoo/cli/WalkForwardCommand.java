package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.PlanData;
import io.quantzoo.app.Plans;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.sweep.Sweeps;
import io.quantzoo.app.walkforward.WalkForwardService;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.SweepSpec;
import io.quantzoo.core.walkforward.WalkForwardMath;
import io.quantzoo.core.walkforward.WalkForwardSpec;
import io.quantzoo.report.AnalysisReport;
import io.quantzoo.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

/** {@code qz walkforward}: in-sample sweeps, out-of-sample trading, stitched results. */
@Command(
    name = "walkforward",
    mixinStandardHelpOptions = true,
    description = {
      "Walk-forward analysis: in each window, sweep the parameters in-sample (the config's"
          + " 'sweep:' section) and trade the best out-of-sample ('walkforward:' section).",
      "Prints per-window parameters and metrics, the stitched out-of-sample metrics, walk-forward"
          + " efficiency and parameter stability; stores everything and writes a report."
    })
final class WalkForwardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "CONFIG.yaml",
      description = "Run configuration with 'sweep:' and 'walkforward:' sections.")
  Path config;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads per sweep.")
  Integer threads;

  @Override
  public Integer call() {
    RunPlan plan = Plans.load(config);
    SweepSpec sweep = Sweeps.spec(plan);
    WalkForwardSpec wf = WalkForwardSpec.fromMap(plan.walkforward());
    if (threads != null && threads < 1) {
      throw new UsageException("--threads must be >= 1, was " + threads);
    }
    int nThreads = threads != null ? threads : sweep.effectiveThreads();
    List<String> notes = new ArrayList<>();
    List<SymbolData> data = PlanData.load(plan, notes);
    PrintWriter out = spec.commandLine().getOut();
    try (RunStore store = RunStore.open(output.database())) {
      Progress progress =
          Progress.forTerminal(spec.commandLine().getErr(), "windows", !output.json);
      WalkForwardService.Outcome o =
          new WalkForwardService(Clock.systemUTC())
              .run(plan, sweep, wf, data, nThreads, store, progress);
      List<Path> reports = List.of();
      boolean writeReport = output.writeReport();
      if (writeReport) {
        reports = report(o, sweep, wf).write(output.reportDir, "walkforward-" + o.wfId());
      }
      if (output.json) {
        out.println(Json.write(json(o, reports)));
      } else {
        notes.forEach(n -> out.println("note: " + n));
        print(out, o, sweep, wf, reports);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  static List<String> windowHeader(SweepSpec s) {
    List<String> h = new ArrayList<>(List.of("window", "in-sample", "out-of-sample"));
    s.space().axes().forEach(a -> h.add(a.name()));
    h.addAll(
        List.of(
            "IS objective",
            "IS ann. ret %",
            "OOS ann. ret %",
            "OOS return %",
            "OOS sharpe",
            "OOS trades",
            "WFE",
            "IS PBO",
            "IS DSR"));
    return h;
  }

  static List<List<String>> windowRows(WalkForwardService.Outcome o, SweepSpec s) {
    List<List<String>> rows = new ArrayList<>();
    for (WalkForwardService.WindowOutcome w : o.windows()) {
      long[] t = o.timeline();
      List<String> r = new ArrayList<>();
      r.add(String.valueOf(w.window().index()));
      r.add(day(t[w.window().isFrom()]) + ".." + day(t[w.window().isTo() - 1]));
      r.add(day(t[w.window().oosFrom()]) + ".." + day(t[w.window().oosTo() - 1]));
      s.space()
          .axes()
          .forEach(a -> r.add(w.chosen() == null ? "-" : String.valueOf(w.chosen().get(a.name()))));
      r.add(AnalysisReport.num(w.isObjective(), 3));
      r.add(AnalysisReport.num(w.isMetrics().getOrDefault("annual_return_pct", Double.NaN), 2));
      r.add(AnalysisReport.num(w.oosMetrics().get("annual_return_pct"), 2));
      r.add(AnalysisReport.num(w.oosMetrics().get("total_return_pct"), 2));
      r.add(AnalysisReport.num(w.oosMetrics().get("sharpe"), 2));
      r.add(String.valueOf(w.oosMetrics().get("trades").longValue()));
      r.add(AnalysisReport.num(w.efficiency(), 2));
      r.add(AnalysisReport.num(w.sweep().diagnostics().pbo(), 2));
      r.add(AnalysisReport.num(w.sweep().diagnostics().dsr(), 2));
      rows.add(r);
    }
    return rows;
  }

  static List<String> stabilityHeader() {
    return List.of("parameter", "windows", "distinct", "changes", "mean", "std", "cv");
  }

  static List<List<String>> stabilityRows(List<WalkForwardMath.ParamStability> st) {
    List<List<String>> rows = new ArrayList<>();
    for (var p : st) {
      rows.add(
          List.of(
              p.name(),
              String.valueOf(p.windows()),
              String.valueOf(p.distinct()),
              String.valueOf(p.changes()),
              AnalysisReport.num(p.mean(), 3),
              AnalysisReport.num(p.std(), 3),
              AnalysisReport.num(p.cv(), 3)));
    }
    return rows;
  }

  private static String day(long millis) {
    return Instant.ofEpochMilli(millis).toString().substring(0, 10);
  }

  private static void print(
      PrintWriter out,
      WalkForwardService.Outcome o,
      SweepSpec s,
      WalkForwardSpec wf,
      List<Path> reports) {
    out.printf(
        Locale.ROOT,
        "walk-forward %s  %s on %s  %s windows of %d+%d %s (step %d)%s; stitched run %s%n",
        o.wfId(),
        o.run().strategy(),
        o.run().symbols(),
        wf.mode().name().toLowerCase(Locale.ROOT),
        wf.inSample(),
        wf.outOfSample(),
        wf.unit().name().toLowerCase(Locale.ROOT),
        wf.step(),
        wf.carryPositions() ? ", positions carried" : "",
        o.run().runId());
    SweepCommand.printTable(out, windowHeader(s), windowRows(o, s));
    var m = o.metrics();
    out.printf(
        Locale.ROOT,
        "out-of-sample (stitched): return %s%%  annual %s%%  CAGR %s%%  sharpe %s  max DD %s%%"
            + "  trades %d%n",
        AnalysisReport.num(m.totalReturnPct(), 2),
        AnalysisReport.num(m.annualReturnPct(), 2),
        AnalysisReport.num(m.cagrPct(), 2),
        AnalysisReport.num(m.sharpe(), 2),
        AnalysisReport.num(m.maxDrawdownPct(), 2),
        m.trades());
    out.printf(
        Locale.ROOT,
        "walk-forward efficiency %s (OOS annual return / mean IS annual return); mean in-sample"
            + " PBO %s; out-of-sample PSR(0) %s%n",
        AnalysisReport.num(o.efficiency(), 3),
        AnalysisReport.num(o.meanPbo(), 3),
        AnalysisReport.num(o.oosPsr(), 3));
    out.println("parameter stability:");
    SweepCommand.printTable(out, stabilityHeader(), stabilityRows(o.stability()));
    for (Path p : reports) {
      out.println("report: " + p);
    }
  }

  private static AnalysisReport report(
      WalkForwardService.Outcome o, SweepSpec s, WalkForwardSpec wf) {
    AnalysisReport r = new AnalysisReport("Walk-forward " + o.wfId() + ": " + o.run().strategy());
    Map<String, String> prov = new LinkedHashMap<>();
    prov.put("Walk-forward", o.wfId());
    prov.put("Stitched run", o.run().runId());
    prov.put("Strategy", o.run().strategy());
    prov.put("Symbols", o.run().symbols());
    prov.put(
        "Windows",
        o.windows().size()
            + " "
            + wf.mode().name().toLowerCase(Locale.ROOT)
            + ", in-sample "
            + wf.inSample()
            + ", out-of-sample "
            + wf.outOfSample()
            + ", step "
            + wf.step()
            + " "
            + wf.unit().name().toLowerCase(Locale.ROOT));
    prov.put(
        "Warm-up", wf.warmupBars() < 0 ? "the window's in-sample bars" : wf.warmupBars() + " bars");
    prov.put("Positions across windows", wf.carryPositions() ? "carried" : "closed");
    prov.put("Objective", s.objective().text() + (s.objective().maximize() ? " (max)" : " (min)"));
    r.keyValues("Walk-forward", prov);
    Map<String, String> sum = new LinkedHashMap<>();
    o.metrics().asMap().forEach((k, v) -> sum.put(k, AnalysisReport.num(v, 4)));
    Map<String, String> head = new LinkedHashMap<>();
    head.put("Walk-forward efficiency", AnalysisReport.num(o.efficiency(), 3));
    head.put("Mean in-sample PBO", AnalysisReport.num(o.meanPbo(), 3));
    head.put("Out-of-sample probabilistic Sharpe ratio vs 0", AnalysisReport.num(o.oosPsr(), 3));
    r.keyValues("Summary", head);
    r.table(
        "Windows",
        "windows",
        windowHeader(s),
        windowRows(o, s),
        "In-sample figures are those of the chosen (best) point; WFE = OOS / IS annual return.");
    r.equity("Stitched out-of-sample equity", o.result().equity());
    r.keyValues("Out-of-sample metrics (stitched)", sum);
    r.table(
        "Parameter stability",
        "stability",
        stabilityHeader(),
        stabilityRows(o.stability()),
        "changes = windows whose choice differs from the previous window's; cv = std / |mean|.");
    r.text("Configuration", o.run().configYaml());
    return r;
  }

  private static Map<String, Object> json(WalkForwardService.Outcome o, List<Path> reports) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("walkforward_id", o.wfId());
    m.put("run_id", o.run().runId());
    m.put("efficiency", o.efficiency());
    m.put("mean_is_pbo", o.meanPbo());
    m.put("oos_psr", o.oosPsr());
    m.put("oos_metrics", o.metrics().asMap());
    List<Object> ws = new ArrayList<>();
    for (var w : o.windows()) {
      Map<String, Object> e = new LinkedHashMap<>();
      long[] t = o.timeline();
      e.put("window", w.window().index());
      e.put("warmup_from", Instant.ofEpochMilli(t[w.window().warmFrom()]).toString());
      e.put("is_from", Instant.ofEpochMilli(t[w.window().isFrom()]).toString());
      e.put("is_to", Instant.ofEpochMilli(t[w.window().isTo() - 1]).toString());
      e.put("oos_from", Instant.ofEpochMilli(t[w.window().oosFrom()]).toString());
      e.put("oos_to", Instant.ofEpochMilli(t[w.window().oosTo() - 1]).toString());
      e.put("sweep_id", w.sweep().info().id());
      e.put("params", w.chosen());
      e.put("is_objective", w.isObjective());
      e.put("is_metrics", w.isMetrics());
      e.put("oos_metrics", w.oosMetrics());
      e.put("efficiency", w.efficiency());
      e.put("is_pbo", w.sweep().diagnostics().pbo());
      e.put("is_dsr", w.sweep().diagnostics().dsr());
      ws.add(e);
    }
    m.put("windows", ws);
    List<Object> st = new ArrayList<>();
    for (var p : o.stability()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("param", p.name());
      e.put("distinct", p.distinct());
      e.put("changes", p.changes());
      e.put("mean", p.mean());
      e.put("std", p.std());
      e.put("cv", p.cv());
      st.add(e);
    }
    m.put("stability", st);
    m.put("reports", reports.stream().map(Path::toString).toList());
    return m;
  }
}
