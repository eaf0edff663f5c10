package io.quantzoo.cli;

import io.quantzoo.cli.config.RunPlan;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.LoadResult;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.store.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Runs one planned backtest end to end: load data, start the run in the store, run the engine,
 * compute metrics, write everything in one transaction. A failure after the run was started marks
 * it failed; nothing half-written is ever marked completed.
 */
final class RunService {
  private final Clock clock;
  private final Timings timings;

  RunService(Clock clock, Timings timings) {
    this.clock = clock;
    this.timings = timings;
  }

  /** What a run produced. */
  record Outcome(
      RunInfo info, BacktestResult result, Metrics metrics, int bars, List<String> notes) {}

  Outcome run(RunPlan plan, CompletableFuture<RunStore> storeFuture) {
    List<String> notes = new ArrayList<>();
    List<SymbolData> data = loadData(plan, notes);
    timings.mark("load data");
    RunStore store = join(storeFuture);
    timings.mark("wait for database");
    Instant started = clock.instant();
    String runId = store.newRunId();
    String symbols =
        data.stream().map(d -> d.instrument().symbol()).collect(Collectors.joining(","));
    String fingerprint =
        data.stream().map(d -> d.bars().fingerprint()).collect(Collectors.joining(","));
    RunInfo info =
        new RunInfo(
            runId,
            "backtest",
            plan.strategy().name(),
            symbols,
            plan.effectiveYaml(),
            plan.engine().seed(),
            fingerprint,
            Version.get(),
            RunInfo.RunStatus.RUNNING,
            started,
            null,
            -1,
            "");
    store.startRun(info);
    timings.mark("start run");
    try {
      long t0 = System.nanoTime();
      BacktestResult result =
          new BacktestEngine(plan.engine()).run(data, plan.strategy().create(plan.params()));
      long elapsed = (System.nanoTime() - t0) / 1_000_000;
      timings.mark("backtest");
      // Metrics are computed on the second core while trades, fills and equity are written.
      CompletableFuture<Metrics> metricsFuture =
          CompletableFuture.supplyAsync(() -> MetricsCalculator.compute(result, plan.metrics()));
      store.completeRun(runId, result, () -> joinMetrics(metricsFuture), elapsed);
      Metrics metrics = joinMetrics(metricsFuture);
      timings.mark("metrics and store results");
      RunInfo done = store.findRun(runId).orElse(info);
      int bars = data.stream().mapToInt(d -> d.bars().size()).sum();
      return new Outcome(done, result, metrics, bars, notes);
    } catch (RuntimeException | Error e) {
      try {
        store.failRun(runId, String.valueOf(e.getMessage()));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static Metrics joinMetrics(CompletableFuture<Metrics> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  static RunStore join(CompletableFuture<RunStore> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the database", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static List<SymbolData> loadData(RunPlan plan, List<String> notes) {
    List<BarSeries> all = new ArrayList<>();
    for (RunPlan.Source s : plan.sources()) {
      LoadResult r = DataFiles.load(s);
      if (r.rowsDropped() > 0) {
        notes.add(s.path() + ": dropped " + r.rowsDropped() + " bad row(s) (drop_bad_rows: true)");
      }
      for (String n : r.notes()) {
        notes.add(s.path() + ": " + n);
      }
      all.addAll(r.series());
    }
    List<SymbolData> out = new ArrayList<>();
    for (BarSeries b : all) {
      Instrument in;
      if (plan.singleInstrument() != null) {
        if (all.size() > 1) {
          throw new ConfigException(
              "instrument",
              "the data holds " + all.size() + " symbols; give 'instruments: {SYMBOL: spec}'");
        }
        in = plan.singleInstrument();
        b = b.withSymbol(in.symbol());
      } else if (plan.instrumentsBySymbol().containsKey(b.symbol())) {
        in = plan.instrumentsBySymbol().get(b.symbol());
        b = b.withSymbol(in.symbol());
      } else {
        String sym = b.symbol();
        in =
            InstrumentCatalog.find(sym)
                .orElseThrow(() ->
                    new ConfigException(
                        "instrument",
                        "no instrument for symbol '"
                            + sym
                            + "': add 'instrument: <catalog symbol>' (one of "
                            + String.join(", ", InstrumentCatalog.all().keySet())
                            + ") or a full spec (asset_class, tick_size, point_value)"));
        b = b.withSymbol(in.symbol());
      }
      out.add(new SymbolData(b, in));
    }
    return out;
  }
}
