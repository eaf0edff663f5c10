package io.quantzoo.app.sweep;

import io.quantzoo.app.Json;
import io.quantzoo.app.ProgressListener;
import io.quantzoo.app.UserInputException;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.PointEvaluator;
import io.quantzoo.core.sweep.PointResult;
import io.quantzoo.core.sweep.ReturnStats;
import io.quantzoo.core.sweep.SweepDiagnostics;
import io.quantzoo.core.sweep.SweepRunner;
import io.quantzoo.core.sweep.SweepSpec;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.SweepStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Runs a parameter sweep: every point is a backtest over the same bars (loaded once, shared
 * read-only by all threads), results are streamed into DuckDB in small transactions, and only the
 * top K are read back. A sweep with the same fingerprint (config, data and space) that was
 * interrupted is resumed: its stored points are skipped.
 */
public final class SweepService {
  /** Points per store transaction, at most. */
  static final int BATCH = 64;

  /** Longest time results wait in memory before they are committed. */
  static final long FLUSH_NANOS = 1_000_000_000L;

  /**
   * Crash drill for tests: with {@code -Dquantzoo.sweep.haltAfter=N} the process halts (like {@code
   * kill -9}: no shutdown hooks, no clean-up) once N points of this session are committed.
   */
  public static final String HALT_AFTER = "quantzoo.sweep.haltAfter";

  private final Clock clock;

  /**
   * @param clock dates the sweep
   */
  public SweepService(Clock clock) {
    this.clock = clock;
  }

  /**
   * What to sweep.
   *
   * @param kind {@code sweep} or {@code walkforward}
   * @param parentId the walk-forward id of an in-sample sweep, else null
   * @param plan the planned run config
   * @param spec the validated sweep section
   * @param data the bars (sliced for in-sample windows)
   * @param fresh never resume; start a new sweep
   * @param resumeId resume this sweep id, or null
   * @param threads worker threads
   */
  public record Request(
      String kind,
      String parentId,
      RunPlan plan,
      SweepSpec spec,
      List<SymbolData> data,
      boolean fresh,
      String resumeId,
      int threads) {}

  /**
   * What a sweep produced.
   *
   * @param info the stored sweep after completion
   * @param top best points, best first
   * @param diagnostics PBO and DSR
   * @param evaluated points run in this session
   * @param skipped points found done (resumed)
   * @param resumed whether an interrupted sweep was continued
   * @param counts stored points by status
   * @param elapsedMillis this session's wall time
   */
  public record Outcome(
      SweepStore.SweepInfo info,
      List<SweepStore.StoredPoint> top,
      SweepDiagnostics diagnostics,
      long evaluated,
      long skipped,
      boolean resumed,
      Map<String, Long> counts,
      long elapsedMillis) {}

  /**
   * Runs (or resumes, or reuses) the sweep {@code r} and completes it.
   *
   * @param progress told of every point finished, and when the sweep ends
   * @throws UserInputException if {@code r.resumeId()} names no sweep, one that is not interrupted,
   *     or one of another config, data or space
   */
  public Outcome run(Request r, RunStore runStore, ProgressListener progress) {
    SweepStore store = new SweepStore(runStore);
    SweepSpec spec = r.spec();
    String fingerprint = fingerprint(r.plan(), spec, r.data());
    long total = spec.space().countValid();
    if (total == 0) {
      throw new ConfigException(
          "sweep.constraints", "no point of the space satisfies the constraints");
    }
    String id;
    boolean resumed = false;
    if (r.kind().equals("walkforward") && !r.fresh()) {
      // An in-sample window already swept with the same config and data is reused as is.
      var done = store.findCompleted(fingerprint, r.kind());
      if (done.isPresent()) {
        SweepStore.SweepInfo info = done.get();
        List<SweepStore.StoredPoint> top = store.top(info.id(), spec.topK());
        return new Outcome(
            info,
            top,
            diagnostics(store, info.id(), top, spec.blocks()),
            0,
            info.totalPoints(),
            true,
            store.countByStatus(info.id()),
            0);
      }
    }
    if (r.resumeId() != null) {
      SweepStore.SweepInfo old =
          store
              .find(r.resumeId())
              .orElseThrow(() -> new UserInputException("no sweep '" + r.resumeId() + "'"));
      if (!old.status().equals("interrupted")) {
        throw new UserInputException(
            "sweep " + old.id() + " is " + old.status() + "; only an interrupted sweep resumes");
      }
      if (!old.fingerprint().equals(fingerprint)) {
        throw new UserInputException(
            "sweep "
                + old.id()
                + " was started with another config, data or parameter space; run it with the"
                + " same ones, or start afresh with --fresh");
      }
      id = old.id();
      resumed = true;
    } else {
      var old =
          r.fresh()
              ? java.util.Optional.<SweepStore.SweepInfo>empty()
              : store.findResumable(fingerprint);
      if (old.isPresent() && old.get().kind().equals(r.kind())) {
        id = old.get().id();
        resumed = true;
      } else {
        id = store.newSweepId();
      }
    }
    if (resumed) {
      store.resume(id);
    } else {
      store.start(
          new SweepStore.SweepInfo(
              id,
              r.kind(),
              r.parentId(),
              r.plan().strategy().name(),
              symbols(r.data()),
              r.plan().effectiveYaml(),
              spec.space().describe(),
              fingerprint,
              spec.objective().text(),
              spec.objective().maximize() ? "max" : "min",
              spec.minTrades(),
              spec.blocks(),
              total,
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
    }
    BitSet done = store.doneIndices(id);
    long alreadyDone = done.cardinality();
    long t0 = System.nanoTime();
    PointEvaluator evaluator = Sweeps.evaluator(r.plan(), spec, r.data());
    List<PointResult> batch = new ArrayList<>();
    long haltAfter = Long.getLong(HALT_AFTER, -1);
    int batchSize = haltAfter > 0 ? 1 : BATCH;
    long[] lastFlush = {System.nanoTime()};
    long[] session = {0};
    SweepRunner.Counts counts;
    try {
      counts =
          SweepRunner.run(
              spec.space(),
              evaluator::evaluate,
              r.threads(),
              i -> i <= Integer.MAX_VALUE && done.get((int) i),
              res -> {
                batch.add(res);
                session[0]++;
                long now = System.nanoTime();
                if (batch.size() >= batchSize || now - lastFlush[0] >= FLUSH_NANOS) {
                  store.append(id, batch);
                  batch.clear();
                  lastFlush[0] = now;
                  if (haltAfter > 0 && session[0] >= haltAfter) {
                    Runtime.getRuntime().halt(137);
                  }
                }
                progress.update(alreadyDone + session[0], total, session[0]);
              });
      store.append(id, batch);
      batch.clear();
    } catch (RuntimeException | Error e) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      try {
        store.append(id, batch); // keep whatever finished
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      try {
        store.stop(id, true, "stopped: " + e.getMessage() + "; run again to resume", ms);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      progress.finish();
      throw e;
    }
    progress.finish();
    Finished f =
        finish(store, id, spec.topK(), spec.blocks(), () -> (System.nanoTime() - t0) / 1_000_000);
    return new Outcome(
        f.info(),
        f.top(),
        f.diagnostics(),
        counts.evaluated(),
        counts.skippedDone(),
        resumed,
        f.counts(),
        f.elapsedMillis());
  }

  /**
   * A completed sweep.
   *
   * @param info the stored sweep after completion
   * @param top best points, best first
   * @param diagnostics PBO and DSR
   * @param counts stored points by status
   * @param elapsedMillis the working time added at completion
   */
  public record Finished(
      SweepStore.SweepInfo info,
      List<SweepStore.StoredPoint> top,
      SweepDiagnostics diagnostics,
      Map<String, Long> counts,
      long elapsedMillis) {}

  /**
   * Completes a running sweep whose points are all stored: ranks them, computes the diagnostics
   * over the ranked points, and stores the best point, the diagnostics and the summary. {@code qz
   * sweep} and {@code qz sweep import} both end here.
   *
   * @param elapsedMillis the working time to add, read after the diagnostics are computed
   */
  public static Finished finish(
      SweepStore store, String id, int topK, int blocks, LongSupplier elapsedMillis) {
    List<SweepStore.StoredPoint> top = store.top(id, topK);
    SweepDiagnostics diag = diagnostics(store, id, top, blocks);
    long ms = elapsedMillis.getAsLong();
    SweepStore.StoredPoint best = top.isEmpty() ? null : top.get(0);
    Map<String, Long> byStatus = store.countByStatus(id);
    store.complete(
        id,
        ms,
        best == null ? -1 : best.index(),
        best == null ? null : io.quantzoo.core.sweep.Json.object(best.params()),
        best == null ? Double.NaN : best.objective(),
        diag.pbo(),
        diag.dsr(),
        Json.write(summary(byStatus, diag)));
    SweepStore.SweepInfo info = store.find(id).orElseThrow();
    return new Finished(info, top, diag, byStatus, ms);
  }

  private static SweepDiagnostics diagnostics(
      SweepStore store, String id, List<SweepStore.StoredPoint> top, int blocks) {
    if (top.isEmpty()) {
      return SweepDiagnostics.none(blocks);
    }
    long bestIndex = top.get(0).index();
    List<ReturnStats> ranked = new ArrayList<>();
    int[] bestPos = {-1};
    store.forEachRanked(
        id,
        p -> {
          if (p.index() == bestIndex) {
            bestPos[0] = ranked.size();
          }
          ranked.add(p.returns());
        });
    return SweepDiagnostics.compute(ranked, bestPos[0], blocks);
  }

  static Map<String, Object> summary(Map<String, Long> byStatus, SweepDiagnostics d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("points", byStatus);
    m.put("trials", d.trials());
    m.put("pbo", d.pbo());
    m.put("pbo_combinations", d.combinations());
    m.put("dsr", d.dsr());
    m.put("best_sharpe_per_bar", d.bestSharpe());
    m.put("sharpe_variance", d.sharpeVariance());
    m.put("expected_max_sharpe_per_bar", d.expectedMaxSharpe());
    return m;
  }

  static String symbols(List<SymbolData> data) {
    return data.stream().map(d -> d.instrument().symbol()).collect(Collectors.joining(","));
  }

  /**
   * Hash of everything that decides the points' results: strategy, fixed parameters, engine and
   * metric settings, data fingerprints, the space, the objective, min_trades and blocks. Threads
   * and top_k are not part of it, so they may change on resume.
   */
  static String fingerprint(RunPlan plan, SweepSpec spec, List<SymbolData> data) {
    StringBuilder b = new StringBuilder();
    b.append(plan.strategy().name()).append('\n');
    b.append(plan.params().asMap()).append('\n');
    b.append(plan.engine()).append('\n');
    b.append(plan.metrics()).append('\n');
    for (SymbolData d : data) {
      b.append(d.instrument()).append('|').append(d.bars().fingerprint()).append('\n');
    }
    b.append(spec.space().describe()).append('\n');
    b.append(spec.objective().text()).append(spec.objective().maximize()).append('\n');
    b.append(spec.minTrades()).append(',').append(spec.blocks());
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
