package io.quantzoo.app.run;

import io.quantzoo.app.Version;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.store.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one lifecycle of a stored run, shared by every service that stores runs: a new run id, the
 * run {@code running} in the store ({@link RunStore#startRun}), the body, which ends by completing
 * the run through its {@link ActiveRun}; any exception from the body (or from the completion) marks
 * the run {@code failed} with the exception's message ({@link RunStore#failRun}) and is rethrown. A
 * run is {@code completed} only when everything was written in one transaction; a body that returns
 * without completing it is a bug, and fails the run too.
 *
 * <pre>{@code
 * var done = new RunLifecycle(store, clock).run(
 *     new RunLifecycle.NewRun(RunKind.BACKTEST, strategy, symbols, yaml, seed, fingerprint),
 *     run -> {
 *       BacktestResult r = engine.run(data, strategy);
 *       run.complete(r, MetricsCalculator.compute(r, settings), elapsedMillis);
 *       return r;
 *     });
 * }</pre>
 */
public final class RunLifecycle {
  private final RunStore store;
  private final Clock clock;

  /**
   * @param store where runs are stored
   * @param clock dates the run's start ({@link RunInfo#createdAt()})
   */
  public RunLifecycle(RunStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a new run is: everything stored at its start but the id, status, times and version.
   *
   * @param kind what produces the run
   * @param strategy strategy name (a portfolio: its allocation, e.g. {@code portfolio(equal)})
   * @param symbols comma-separated traded symbols
   * @param configYaml the effective configuration as YAML
   * @param seed random seed
   * @param dataFingerprint fingerprint(s) of the input data
   */
  public record NewRun(
      RunKind kind,
      String strategy,
      String symbols,
      String configYaml,
      long seed,
      String dataFingerprint) {
    public NewRun {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(symbols, "symbols");
      Objects.requireNonNull(configYaml, "configYaml");
      Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    }
  }

  /**
   * The work of a run, between its start and its completion.
   *
   * @param <T> what the body gives its caller (the result, metrics, ...)
   */
  @FunctionalInterface
  public interface Body<T> {
    /**
     * Does the run's work and completes it with one of {@code run}'s {@code complete} methods.
     *
     * @throws RuntimeException any failure; the run is then marked failed
     */
    T run(ActiveRun run);
  }

  /**
   * A run that is running: its identity, and the way to complete it.
   *
   * <p>Not thread-safe: complete it from the body's thread.
   */
  public final class ActiveRun {
    private final RunInfo info;
    private boolean completed;

    private ActiveRun(RunInfo info) {
      this.info = info;
    }

    /** The run id. */
    public String id() {
      return info.runId();
    }

    /** The run as stored at its start (status {@code running}). */
    public RunInfo info() {
      return info;
    }

    /**
     * Completes the run with a backtest result: see {@link RunStore#completeRun(String,
     * BacktestResult, Supplier, long)} (the metrics are asked for after the trades, fills and
     * equity are written, so that they can be computed meanwhile).
     */
    public void complete(BacktestResult result, Supplier<Metrics> metrics, long elapsedMillis) {
      requireRunning();
      store.completeRun(info.runId(), result, metrics, elapsedMillis);
      completed = true;
    }

    /** Completes the run with a backtest result and its metrics. */
    public void complete(BacktestResult result, Metrics metrics, long elapsedMillis) {
      Objects.requireNonNull(metrics, "metrics");
      complete(result, () -> metrics, elapsedMillis);
    }

    /**
     * Completes a portfolio run: see {@link RunStore#completePortfolioRun(String, PortfolioResult,
     * Supplier, long)}.
     */
    public void completePortfolio(
        PortfolioResult result, Supplier<Metrics> metrics, long elapsedMillis) {
      requireRunning();
      store.completePortfolioRun(info.runId(), result, metrics, elapsedMillis);
      completed = true;
    }

    private void requireRunning() {
      if (completed) {
        throw new IllegalStateException("run " + info.runId() + " is already completed");
      }
    }
  }

  /**
   * A completed run.
   *
   * @param info the run as stored after completion
   * @param value what the body returned
   * @param <T> the body's value
   */
  public record Completed<T>(RunInfo info, T value) {}

  /**
   * Starts a run of {@code what}, runs {@code body} and returns the completed run; on any exception
   * marks the run failed and rethrows (a failure to mark it is added as suppressed).
   *
   * @throws IllegalStateException if the body returned without completing the run (which is then
   *     marked failed)
   */
  public <T> Completed<T> run(NewRun what, Body<T> body) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(body, "body");
    return run(store.newRunId(), what, body);
  }

  /**
   * As {@link #run(NewRun, Body)}, under a run id chosen by the caller: a trading session imported
   * after it ran keeps its session id.
   *
   * @param runId an id no stored run has ({@link RunStore#RUN_ID_PATTERN})
   */
  public <T> Completed<T> run(String runId, NewRun what, Body<T> body) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(body, "body");
    Instant started = clock.instant();
    RunInfo info =
        new RunInfo(
            runId,
            what.kind(),
            what.strategy(),
            what.symbols(),
            what.configYaml(),
            what.seed(),
            what.dataFingerprint(),
            Version.get(),
            RunInfo.RunStatus.RUNNING,
            started,
            null,
            -1,
            "");
    store.startRun(info);
    ActiveRun run = new ActiveRun(info);
    T value;
    try {
      value = body.run(run);
      if (!run.completed) {
        throw new IllegalStateException(
            "the body of run " + runId + " returned without completing the run");
      }
    } catch (RuntimeException | Error e) {
      try {
        store.failRun(runId, String.valueOf(e.getMessage()));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new Completed<>(store.findRun(runId).orElse(info), value);
  }
}
