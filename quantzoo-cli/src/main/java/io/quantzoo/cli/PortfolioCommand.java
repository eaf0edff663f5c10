package io.quantzoo.cli;

import io.quantzoo.cli.config.ConfigLoader;
import io.quantzoo.cli.config.PortfolioPlan;
import io.quantzoo.cli.config.PortfolioPlanner;
import io.quantzoo.cli.config.RunPlan;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.portfolio.PortfolioEngine;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.portfolio.RebalanceEvent;
import io.quantzoo.core.portfolio.Sleeve;
import io.quantzoo.core.portfolio.SleeveResult;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.strategy.StrategyRegistry;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.report.ReportFormat;
import io.quantzoo.report.ReportInput;
import io.quantzoo.report.ReportWriter;
import io.quantzoo.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
    CompletableFuture<RunStore> store = CompletableFuture.supplyAsync(() -> RunStore.open(dbPath));
    try {
      PortfolioPlan plan =
          new PortfolioPlanner(
                  StrategyRegistry.builtIn(), config.toAbsolutePath().getParent(), QzCommand.home())
              .plan(ConfigLoader.loadPortfolio(config));
      List<String> notes = new ArrayList<>();
      List<Sleeve> sleeves = new ArrayList<>();
      Set<String> symbols = new LinkedHashSet<>();
      List<String> fingerprints = new ArrayList<>();
      int bars = 0;
      for (PortfolioPlan.SleevePlan sp : plan.sleeves()) {
        RunPlan p = sp.plan();
        List<SymbolData> data = RunService.loadData(p, notes);
        for (SymbolData d : data) {
          if (symbols.add(d.instrument().symbol())) {
            fingerprints.add(d.bars().fingerprint());
            bars += d.bars().size();
          }
        }
        sleeves.add(
            new Sleeve(
                sp.name(),
                p.strategy().name(),
                p.params().asMap().toString(),
                data,
                p.strategy().create(p.params()),
                p.engine().sizing()));
      }
      RunStore s = RunService.join(store);
      Instant started = Clock.systemUTC().instant();
      String runId = s.newRunId();
      RunInfo info =
          new RunInfo(
              runId,
              "portfolio",
              "portfolio(" + plan.config().allocator().name() + ")",
              String.join(",", symbols),
              plan.effectiveYaml(),
              plan.config().execution().seed(),
              String.join(",", fingerprints),
              Version.get(),
              RunInfo.RunStatus.RUNNING,
              started,
              null,
              -1,
              "");
      s.startRun(info);
      PortfolioResult result;
      Metrics metrics;
      try {
        long t0 = System.nanoTime();
        try {
          result = new PortfolioEngine(plan.config()).run(sleeves);
        } catch (IllegalArgumentException e) {
          throw new ConfigException("sleeves", e.getMessage());
        }
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        metrics = MetricsCalculator.compute(result.portfolio(), plan.metrics());
        Metrics m = metrics;
        s.completePortfolioRun(runId, result, () -> m, elapsed);
      } catch (RuntimeException | Error e) {
        try {
          s.failRun(runId, String.valueOf(e.getMessage()));
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      RunInfo done = s.findRun(runId).orElse(info);
      List<Path> reports = List.of();
      if (output.writeReport()) {
        reports =
            ReportWriter.writePortfolio(
                ReportInput.of(done, metrics, result.portfolio(), Clock.systemUTC().instant()),
                result,
                output.reportDir,
                EnumSet.allOf(ReportFormat.class));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        out.println(Json.write(jsonSummary(done, result, metrics, bars, reports, notes)));
      } else {
        printSummary(out, done, plan, result, metrics, reports, notes, dbPath);
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      RunCommand.closeQuietly(store);
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
    j.put("kind", info.kind());
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
