package io.quantzoo.app.run;

import io.quantzoo.app.PhaseListener;
import io.quantzoo.app.PlanData;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.store.RunStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one planned backtest end to end: load data, start the run in the store, run the engine,
 * compute metrics, write everything in one transaction ({@link RunLifecycle}). A failure after the
 * run was started marks it failed; nothing half-written is ever marked completed.
 */
public final class RunService {
  private final Clock clock;
  private final PhaseListener phases;

  /**
   * @param clock dates the run
   * @param phases told when each phase ends: {@code load data}, {@code wait for database}, {@code
   *     start run}, {@code backtest}, {@code metrics and store results}
   */
  public RunService(Clock clock, PhaseListener phases) {
    this.clock = clock;
    this.phases = phases;
  }

  /**
   * What a run produced.
   *
   * @param info the stored run after completion
   * @param result the backtest result
   * @param metrics its metrics
   * @param bars bars loaded, over every symbol
   * @param notes notes on the data (dropped rows, suspicious prints)
   */
  public record Outcome(
      RunInfo info, BacktestResult result, Metrics metrics, int bars, List<String> notes) {}

  /**
   * Loads the plan's data, then runs and stores the backtest.
   *
   * @param store the store, asked for once the data is loaded, so that opening it (DuckDB's first
   *     connection is slow) can overlap loading the data
   */
  public Outcome run(RunPlan plan, Supplier<RunStore> store) {
    List<String> notes = new ArrayList<>();
    List<SymbolData> data = PlanData.load(plan, notes);
    phases.phaseDone("load data");
    RunStore s = store.get();
    phases.phaseDone("wait for database");
    String symbols =
        data.stream().map(d -> d.instrument().symbol()).collect(Collectors.joining(","));
    String fingerprint =
        data.stream().map(d -> d.bars().fingerprint()).collect(Collectors.joining(","));
    RunLifecycle.NewRun what =
        new RunLifecycle.NewRun(
            RunKind.BACKTEST,
            plan.strategy().name(),
            symbols,
            plan.effectiveYaml(),
            plan.engine().seed(),
            fingerprint);
    RiskGate gate = plan.newResearchRiskGate();
    RefusalCounter refusals = new RefusalCounter();
    RunLifecycle.Completed<Ran> done =
        new RunLifecycle(s, clock)
            .run(
                what,
                run -> {
                  phases.phaseDone("start run");
                  long t0 = System.nanoTime();
                  BacktestResult result =
                      new BacktestEngine(plan.engine(), gate)
                          .run(data, plan.strategy().create(plan.params()), refusals);
                  long elapsed = (System.nanoTime() - t0) / 1_000_000;
                  phases.phaseDone("backtest");
                  // Metrics are computed on the second core while trades, fills and equity are
                  // written.
                  CompletableFuture<Metrics> metricsFuture =
                      CompletableFuture.supplyAsync(
                          () -> MetricsCalculator.compute(result, plan.metrics()));
                  run.complete(result, () -> joinMetrics(metricsFuture), elapsed);
                  Metrics metrics = joinMetrics(metricsFuture);
                  phases.phaseDone("metrics and store results");
                  return new Ran(result, metrics);
                });
    if (gate instanceof PreTradeRiskGate g) {
      notes.add(riskNote(g));
    }
    refusals.note().ifPresent(notes::add);
    List<String> open = done.value().result().openPositionsAtEnd();
    if (!open.isEmpty()) {
      notes.add(
          "position still open at the end (close_at_end: false): "
              + String.join(", ", open)
              + "; the final equity marks it at the last close");
    }
    if (done.value().result().trades().isEmpty() && open.isEmpty()) {
      notes.add(
          refusals.total() > 0
              ? "no trade: every order the strategy placed was refused (see above)"
              : "no trade: the strategy placed no order that filled");
    }
    int bars = data.stream().mapToInt(d -> d.bars().size()).sum();
    return new Outcome(done.info(), done.value().result(), done.value().metrics(), bars, notes);
  }

  /**
   * The pre-trade controls' line of a run's notes, e.g. "risk: 12 orders denied by the pre-trade
   * controls (MAX_ORDER_NOTIONAL 10, ORDER_RATE 2)".
   */
  public static String riskNote(PreTradeRiskGate g) {
    Map<DenialRule, Long> counts = g.denialCounts();
    if (counts.isEmpty()) {
      return "risk: pre-trade controls on, no order denied";
    }
    long total = g.totalDenials();
    return "risk: "
        + total
        + (total == 1 ? " order" : " orders")
        + " denied by the pre-trade controls ("
        + counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")"
        + (g.overridesUsed() > 0 ? "; " + g.overridesUsed() + " operator override(s) used" : "");
  }

  private record Ran(BacktestResult result, Metrics metrics) {}

  private static Metrics joinMetrics(CompletableFuture<Metrics> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
