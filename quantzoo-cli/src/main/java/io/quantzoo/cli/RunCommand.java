package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.config.RunPlanner;
import io.quantzoo.app.run.RunService;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.report.ReportFormat;
import io.quantzoo.report.ReportInput;
import io.quantzoo.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qz run}: one backtest, stored in DuckDB, with a summary and a report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a backtest, store it in the DuckDB database and write its report.",
      "Without -c, runs the bundled default config (sma_cross on real BTC-USD 4h bars)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin PlanOptions planOptions;

  @Option(names = "--timings", description = "Print phase timings to stderr.")
  boolean timings;

  @Override
  public Integer call() throws IOException {
    Timings t = new Timings(timings);
    Path dbPath = output.database();
    // DuckDB's first connection loads a large native library: open it while the data loads.
    OpeningStore store = OpeningStore.open(dbPath);
    try {
      RunPlan plan = planOptions.plan();
      t.mark("config");
      RunService.Outcome o = new RunService(Clock.systemUTC(), t).run(plan, store::get);
      List<Path> reports = List.of();
      boolean writeReport = output.writeReport();
      if (writeReport) {
        reports =
            ReportWriter.write(
                ReportInput.of(o.info(), o.metrics(), o.result(), Clock.systemUTC().instant()),
                output.reportDir,
                EnumSet.allOf(ReportFormat.class));
      }
      t.mark("report");
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        out.println(Json.write(jsonSummary(o, reports)));
      } else {
        printSummary(out, o, plan, reports, dbPath);
      }
      out.flush();
      t.mark("output");
      return ExitCodes.OK;
    } finally {
      store.close();
      t.mark("close database");
      t.print(spec.commandLine().getErr());
    }
  }

  private static Map<String, Object> jsonSummary(RunService.Outcome o, List<Path> reports) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", o.info().runId());
    m.put("status", o.info().status().dbName());
    m.put("strategy", o.info().strategy());
    m.put("symbols", o.info().symbols());
    m.put("bars", o.bars());
    m.put("seed", o.info().seed());
    m.put("elapsed_ms", o.info().elapsedMillis());
    m.put("metrics", o.metrics().asMap());
    List<String> paths = new ArrayList<>();
    reports.forEach(p -> paths.add(p.toString()));
    m.put("reports", paths);
    m.put("notes", o.notes());
    return m;
  }

  private static void printSummary(
      PrintWriter out, RunService.Outcome o, RunPlan plan, List<Path> reports, Path dbPath) {
    Metrics m = o.metrics();
    out.printf(
        "Run %s %s: %s (%s) on %s, %,d bars, %s .. %s%n",
        o.info().runId(),
        o.info().status().dbName(),
        o.info().strategy(),
        plan.params(),
        o.info().symbols(),
        o.bars(),
        o.result().equity().size() == 0 ? "-" : Fmt.timeMillis(o.result().equity().timeMillis(0)),
        o.result().equity().size() == 0
            ? "-"
            : Fmt.timeMillis(o.result().equity().timeMillis(o.result().equity().size() - 1)));
    out.printf(
        "  fills %s, commission %s, slippage %s, sizing %s, seed %d%n",
        plan.engine().fillModel().name().toLowerCase(java.util.Locale.ROOT),
        RunPlanner.summary(plan.engine().commission()),
        RunPlanner.summary(plan.engine().slippage()),
        RunPlanner.summary(plan.engine().sizing()),
        plan.engine().seed());
    out.println();
    row(
        out,
        "Initial equity",
        Fmt.num(m.initialEquity(), 2),
        "Final equity",
        Fmt.num(m.finalEquity(), 2));
    row(
        out,
        "Total return %",
        Fmt.num(m.totalReturnPct(), 2),
        "Buy & hold %",
        Fmt.num(m.buyAndHoldReturnPct(), 2));
    row(
        out,
        "CAGR %",
        Fmt.num(m.cagrPct(), 2),
        "Volatility %",
        Fmt.num(m.annualVolatilityPct(), 2));
    row(out, "Sharpe", Fmt.num(m.sharpe(), 3), "Sortino", Fmt.num(m.sortino(), 3));
    row(out, "Max drawdown %", Fmt.num(m.maxDrawdownPct(), 2), "Calmar", Fmt.num(m.calmar(), 3));
    row(out, "Trades", Integer.toString(m.trades()), "Win rate %", Fmt.num(m.winRatePct(), 2));
    row(
        out,
        "Profit factor",
        Fmt.num(m.profitFactor(), 3),
        "Expectancy",
        Fmt.num(m.expectancy(), 2));
    row(out, "Exposure %", Fmt.num(m.exposurePct(), 2), "SQN", Fmt.num(m.sqn(), 3));
    row(
        out,
        "Commission",
        Fmt.num(m.totalCommission(), 2),
        "Slippage",
        Fmt.num(m.totalSlippage(), 2));
    out.println();
    for (String n : o.notes()) {
      out.println("note: " + n);
    }
    out.println("Stored in " + dbPath + " (qz runs show " + o.info().runId() + ")");
    for (Path p : reports) {
      out.println("Report: " + p);
    }
  }

  private static void row(PrintWriter out, String k1, String v1, String k2, String v2) {
    out.printf("  %-16s %16s    %-14s %14s%n", k1, v1, k2, v2);
  }
}
