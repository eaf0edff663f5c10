package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.Plans;
import io.quantzoo.app.config.PortfolioPlan;
import io.quantzoo.app.run.PortfolioService;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.portfolio.RebalanceEvent;
import io.quantzoo.core.portfolio.SleeveResult;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.report.ReportFormat;
import io.quantzoo.report.ReportInput;
import io.quantzoo.report.ReportWriter;
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

/** {@code qz portfolio}: several sleeves in one account, stored in DuckDB, with a report. */
@Command(
    name = "portfolio",
    mixinStandardHelpOptions = true,
    description = {
      "Run a portfolio of strategy sleeves with shared cash on one merged clock, store it in the",
      "DuckDB database and write its report (docs/PORTFOLIOS.md)."
    })
final class PortfolioCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "PORTFOLIO.yaml",
      description = "Portfolio configuration (YAML).")
  Path config;

  @Override
  public Integer call() {
    Path dbPath = output.database();
    OpeningStore store = OpeningStore.open(dbPath);
    try {
      PortfolioPlan plan = Plans.loadPortfolio(config);
      PortfolioService.Outcome o = new PortfolioService(Clock.systemUTC()).run(plan, store::get);
      List<Path> reports = List.of();
      if (output.writeReport()) {
        reports =
            ReportWriter.writePortfolio(
                ReportInput.of(
                    o.info(), o.metrics(), o.result().portfolio(), Clock.systemUTC().instant()),
                o.result(),
                output.reportDir,
                EnumSet.allOf(ReportFormat.class));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        out.println(
            Json.write(
                jsonSummary(o.info(), o.result(), o.metrics(), o.bars(), reports, o.notes())));
      } else {
        printSummary(out, o.info(), plan, o.result(), o.metrics(), reports, o.notes(), dbPath);
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      store.close();
    }
  }

  private static Map<String, Object> jsonSummary(
      RunInfo info,
      PortfolioResult r,
      Metrics m,
      int bars,
      List<Path> reports,
      List<String> notes) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("run_id", info.runId());
    j.put("status", info.status().dbName());
    j.put("kind", info.kind().dbName());
    j.put("allocation", info.strategy());
    j.put("symbols", info.symbols());
    j.put("bars", bars);
    j.put("seed", info.seed());
    j.put("elapsed_ms", info.elapsedMillis());
    List<Object> sleeves = new ArrayList<>();
    for (SleeveResult s : r.sleeves()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", s.name());
      x.put("strategy", s.strategy());
      x.put("symbols", String.join(",", s.symbols()));
      x.put("average_weight", s.averageWeight());
      x.put("pnl", s.pnl());
      x.put("contribution_return_pct", s.contributionToReturnPct());
      x.put("contribution_risk", s.contributionToRisk());
      x.put("final_value", s.finalValue());
      sleeves.add(x);
    }
    j.put("sleeves", sleeves);
    j.put("rebalances", r.rebalances().size() - 1);
    j.put("metrics", m.asMap());
    List<String> paths = new ArrayList<>();
    reports.forEach(p -> paths.add(p.toString()));
    j.put("reports", paths);
    j.put("notes", notes);
    return j;
  }

  private static void printSummary(
      PrintWriter out,
      RunInfo info,
      PortfolioPlan plan,
      PortfolioResult r,
      Metrics m,
      List<Path> reports,
      List<String> notes,
      Path dbPath) {
    int size = r.portfolio().equity().size();
    out.printf(
        "Portfolio %s %s: %s, %d sleeves on %s, %,d bars, %s .. %s%n",
        info.runId(),
        info.status().dbName(),
        plan.config().allocator().name(),
        r.sleeves().size(),
        info.symbols(),
        size,
        size == 0 ? "-" : Fmt.timeMillis(r.portfolio().equity().timeMillis(0)),
        size == 0 ? "-" : Fmt.timeMillis(r.portfolio().equity().timeMillis(size - 1)));
    int drift = 0;
    for (RebalanceEvent e : r.rebalances()) {
      drift += e.reason() == RebalanceEvent.Reason.DRIFT ? 1 : 0;
    }
    out.printf(
        "  rebalance %s (drift %s pp): %d rebalances, %d on drift%n",
        plan.config().schedule().describe(),
        Fmt.num(plan.config().driftThreshold() * 100, 2),
        r.rebalances().size() - 1,
        drift);
    out.println();
    out.printf(
        "  %-14s %12s %12s %14s %10s %10s%n",
        "Sleeve", "Avg weight %", "P&L", "Return contr %", "Risk contr %", "Final");
    for (SleeveResult s : r.sleeves()) {
      out.printf(
          "  %-14s %12s %12s %14s %10s %10s%n",
          s.name(),
          Fmt.num(s.averageWeight() * 100, 2),
          Fmt.num(s.pnl(), 2),
          Fmt.num(s.contributionToReturnPct(), 2),
          Fmt.num(s.contributionToRisk() * 100, 2),
          Fmt.num(s.finalValue(), 2));
    }
    out.println();
    row(
        out,
        "Initial equity",
        Fmt.num(m.initialEquity(), 2),
        "Final equity",
        Fmt.num(m.finalEquity(), 2));
    row(out, "Total return %", Fmt.num(m.totalReturnPct(), 2), "CAGR %", Fmt.num(m.cagrPct(), 2));
    row(out, "Volatility %", Fmt.num(m.annualVolatilityPct(), 2), "Sharpe", Fmt.num(m.sharpe(), 3));
    row(out, "Max drawdown %", Fmt.num(m.maxDrawdownPct(), 2), "Calmar", Fmt.num(m.calmar(), 3));
    row(out, "Trades", Integer.toString(m.trades()), "Commission", Fmt.num(m.totalCommission(), 2));
    out.println();
    for (String n : notes) {
      out.println("note: " + n);
    }
    out.println("Stored in " + dbPath + " (qz runs show " + info.runId() + ")");
    for (Path p : reports) {
      out.println("Report: " + p);
    }
  }

  private static void row(PrintWriter out, String k1, String v1, String k2, String v2) {
    out.printf("  %-16s %16s    %-14s %14s%n", k1, v1, k2, v2);
  }
}
