package io.quantzoo.app.walkforward;

import io.quantzoo.app.Json;
import io.quantzoo.app.ProgressListener;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.run.RunLifecycle;
import io.quantzoo.app.sweep.SweepService;
import io.quantzoo.app.sweep.Sweeps;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.core.sweep.Axis;
import io.quantzoo.core.sweep.ReturnStats;
import io.quantzoo.core.sweep.SweepSpec;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.core.validation.DeflatedSharpe;
import io.quantzoo.core.walkforward.WalkForwardMath;
import io.quantzoo.core.walkforward.WalkForwardSpec;
import io.quantzoo.core.walkforward.WalkForwardStrategy;
import io.quantzoo.core.walkforward.Window;
import io.quantzoo.core.walkforward.WindowData;
import io.quantzoo.core.walkforward.WindowPlanner;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.SweepStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a walk-forward analysis: plan the windows, sweep each in-sample range (stored as sweeps of
 * kind {@code walkforward}, reused when already complete), then trade every window's chosen
 * parameters out of sample in one continuous backtest ({@link WalkForwardStrategy}) whose equity is
 * the stitched out-of-sample curve, stored as a run of kind {@code walkforward} ({@link
 * RunLifecycle}). The {@code walkforwards} row links the analysis to that run ({@code run_id}).
 */
public final class WalkForwardService {
  private final Clock clock;

  /**
   * @param clock dates the sweeps and the run
   */
  public WalkForwardService(Clock clock) {
    this.clock = clock;
  }

  /**
   * One window's outcome.
   *
   * @param window the window
   * @param sweep the in-sample sweep
   * @param chosen chosen parameters (swept ones), or null when no point was ranked
   * @param isObjective in-sample objective of the chosen point
   * @param isMetrics in-sample metrics of the chosen point
   * @param oosMetrics out-of-sample metrics of the window
   * @param efficiency walk-forward efficiency of the window
   */
  public record WindowOutcome(
      Window window,
      SweepService.Outcome sweep,
      Map<String, Object> chosen,
      double isObjective,
      Map<String, Double> isMetrics,
      Map<String, Double> oosMetrics,
      double efficiency) {}

  /**
   * The analysis.
   *
   * @param wfId walk-forward id
   * @param run the stitched out-of-sample run
   * @param result its backtest result (trimmed to the out-of-sample span)
   * @param metrics its metrics
   * @param windows per window
   * @param efficiency overall walk-forward efficiency
   * @param stability per swept parameter
   * @param meanPbo mean PBO of the in-sample sweeps
   * @param oosPsr probabilistic Sharpe ratio of the stitched out-of-sample returns against 0
   * @param timeline the merged bar times
   */
  public record Outcome(
      String wfId,
      RunInfo run,
      BacktestResult result,
      Metrics metrics,
      List<WindowOutcome> windows,
      double efficiency,
      List<WalkForwardMath.ParamStability> stability,
      double meanPbo,
      double oosPsr,
      long[] timeline) {}

  /**
   * Runs the analysis and stores it; a failure marks the walk-forward failed.
   *
   * @param sweep the validated sweep section (the in-sample search)
   * @param wf the validated walk-forward section
   * @param data the bars over the whole span
   * @param threads worker threads per in-sample sweep
   * @param progress told of every window swept
   * @throws ConfigException if the data is too short for one window
   */
  public Outcome run(
      RunPlan plan,
      SweepSpec sweep,
      WalkForwardSpec wf,
      List<SymbolData> data,
      int threads,
      RunStore store,
      ProgressListener progress) {
    long[] timeline = WindowData.timeline(data);
    List<Window> windows = WindowPlanner.plan(timeline, wf);
    if (windows.isEmpty()) {
      throw new ConfigException(
          "walkforward",
          "the data ("
              + timeline.length
              + " bar times) is too short for one window of in_sample "
              + wf.inSample()
              + " + out_of_sample "
              + wf.outOfSample()
              + " "
              + wf.unit().name().toLowerCase(java.util.Locale.ROOT));
    }
    SweepStore sweeps = new SweepStore(store);
    String wfId = sweeps.newWalkForwardId();
    String symbols = Sweeps.symbols(data);
    sweeps.startWalkForward(
        wfId,
        plan.strategy().name(),
        symbols,
        plan.effectiveYaml(),
        fingerprint(data),
        windows.size());
    try {
      return analyse(
          plan, sweep, wf, data, threads, store, sweeps, wfId, timeline, windows, progress);
    } catch (RuntimeException | Error e) {
      try {
        sweeps.failWalkForward(wfId, String.valueOf(e.getMessage()));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private Outcome analyse(
      RunPlan plan,
      SweepSpec sweep,
      WalkForwardSpec wf,
      List<SymbolData> data,
      int threads,
      RunStore store,
      SweepStore sweeps,
      String wfId,
      long[] timeline,
      List<Window> windows,
      ProgressListener progress) {
    SweepService service = new SweepService(clock);
    List<SweepService.Outcome> isSweeps = new ArrayList<>();
    List<Map<String, Object>> chosen = new ArrayList<>();
    List<WalkForwardStrategy.Segment> segments = new ArrayList<>();
    for (Window w : windows) {
      List<SymbolData> is = WindowData.inSample(data, timeline, w);
      SweepService.Outcome so =
          service.run(
              new SweepService.Request("walkforward", wfId, plan, sweep, is, false, null, threads),
              store,
              ProgressListener.silent());
      isSweeps.add(so);
      progress.update(w.index() + 1L, windows.size(), w.index() + 1L);
      Map<String, Object> params = so.top().isEmpty() ? null : so.top().get(0).params();
      chosen.add(params);
      var strategy =
          params == null
              ? null
              : plan.strategy()
                  .create(
                      Params.resolve(
                          plan.strategy().name(), plan.strategy().params(), merged(plan, params)));
      segments.add(
          new WalkForwardStrategy.Segment(
              strategy, timeline[w.warmFrom()], timeline[w.oosFrom()], timeline[w.oosTo() - 1]));
    }
    progress.finish();
    // One continuous out-of-sample backtest from the first warm-up bar to the last OOS bar.
    long first = timeline[windows.get(0).warmFrom()];
    long oosStart = timeline[windows.get(0).oosFrom()];
    long last = timeline[windows.get(windows.size() - 1).oosTo() - 1];
    List<SymbolData> span = WindowData.slice(data, first, last);
    RunLifecycle.Completed<OosRun> stitched =
        new RunLifecycle(store, clock)
            .run(
                new RunLifecycle.NewRun(
                    RunKind.WALKFORWARD,
                    plan.strategy().name(),
                    Sweeps.symbols(data),
                    plan.effectiveYaml(),
                    plan.engine().seed(),
                    fingerprint(span)),
                run -> {
                  long t0 = System.nanoTime();
                  BacktestResult full =
                      new BacktestEngine(plan.engine(), plan.newResearchRiskGate())
                          .run(span, new WalkForwardStrategy(segments, wf.carryPositions()));
                  BacktestResult sliced =
                      WalkForwardMath.slice(
                          full, oosStart, last, buyAndHold(data.get(0), oosStart, last));
                  Metrics m = MetricsCalculator.compute(sliced, plan.metrics());
                  run.complete(sliced, m, (System.nanoTime() - t0) / 1_000_000);
                  return new OosRun(sliced, m);
                });
    String runId = stitched.info().runId();
    BacktestResult trimmed = stitched.value().result();
    Metrics metrics = stitched.value().metrics();
    List<WindowOutcome> outs = new ArrayList<>();
    List<SweepStore.WindowRow> rows = new ArrayList<>();
    double isAnnualSum = 0;
    int isAnnualN = 0;
    double pboSum = 0;
    int pboN = 0;
    for (int k = 0; k < windows.size(); k++) {
      Window w = windows.get(k);
      SweepService.Outcome so = isSweeps.get(k);
      long from = timeline[w.oosFrom()];
      long to = timeline[w.oosTo() - 1];
      BacktestResult part =
          WalkForwardMath.slice(trimmed, from, to, buyAndHold(data.get(0), from, to));
      Map<String, Double> oos = MetricsCalculator.compute(part, plan.metrics()).asMap();
      Map<String, Double> isM = so.top().isEmpty() ? Map.of() : so.top().get(0).metrics();
      double isObj = so.top().isEmpty() ? Double.NaN : so.top().get(0).objective();
      double isAnnual = isM.getOrDefault("annual_return_pct", Double.NaN);
      if (Double.isFinite(isAnnual)) {
        isAnnualSum += isAnnual;
        isAnnualN++;
      }
      if (Double.isFinite(so.diagnostics().pbo())) {
        pboSum += so.diagnostics().pbo();
        pboN++;
      }
      double eff =
          WalkForwardMath.efficiency(oos.getOrDefault("annual_return_pct", Double.NaN), isAnnual);
      outs.add(new WindowOutcome(w, so, chosen.get(k), isObj, isM, oos, eff));
      rows.add(
          new SweepStore.WindowRow(
              k,
              so.info().id(),
              Instant.ofEpochMilli(timeline[w.warmFrom()]),
              Instant.ofEpochMilli(timeline[w.isFrom()]),
              Instant.ofEpochMilli(timeline[w.isTo() - 1]),
              Instant.ofEpochMilli(from),
              Instant.ofEpochMilli(to),
              chosen.get(k) == null ? "{}" : io.quantzoo.core.sweep.Json.object(chosen.get(k)),
              isObj,
              isM,
              oos));
    }
    double overall =
        WalkForwardMath.efficiency(
            metrics.annualReturnPct(), isAnnualN > 0 ? isAnnualSum / isAnnualN : Double.NaN);
    List<String> names = sweep.space().axes().stream().map(Axis::name).toList();
    var stability = WalkForwardMath.stability(chosen, names);
    double meanPbo = pboN > 0 ? pboSum / pboN : Double.NaN;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("windows", windows.size());
    summary.put("efficiency", overall);
    summary.put("mean_is_pbo", meanPbo);
    ReturnStats rs = ReturnStats.of(trimmed.equity(), 1);
    double psr =
        rs.count() >= 2 && Double.isFinite(rs.sharpe()) && Double.isFinite(rs.kurtosis())
            ? DeflatedSharpe.probabilisticSharpe(
                rs.sharpe(), 0, rs.count(), rs.skewness(), rs.kurtosis())
            : Double.NaN;
    summary.put("oos_psr", psr);
    summary.put("oos_metrics", metrics.asMap());
    sweeps.completeWalkForward(wfId, runId, rows, Json.write(summary));
    return new Outcome(
        wfId, stitched.info(), trimmed, metrics, outs, overall, stability, meanPbo, psr, timeline);
  }

  private record OosRun(BacktestResult result, Metrics metrics) {}

  private static Map<String, Object> merged(RunPlan plan, Map<String, Object> chosen) {
    Map<String, Object> m = new LinkedHashMap<>(plan.params().asMap());
    m.putAll(chosen);
    return m;
  }

  private static double buyAndHold(SymbolData d, long from, long to) {
    long[] t = d.bars().timesArray();
    int a = WindowData.lowerBound(t, from);
    int b = WindowData.lowerBound(t, to + 1) - 1;
    if (a >= t.length || b < a) {
      return Double.NaN;
    }
    return (d.bars().close(b) / d.bars().close(a) - 1) * 100;
  }

  private static String fingerprint(List<SymbolData> data) {
    return data.stream().map(d -> d.bars().fingerprint()).collect(Collectors.joining(","));
  }
}
