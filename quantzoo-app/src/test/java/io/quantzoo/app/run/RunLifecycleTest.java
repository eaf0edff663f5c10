package io.quantzoo.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.app.PlanData;
import io.quantzoo.app.Version;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.store.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLifecycleTest {
  private static final Instant START = Instant.parse("2026-12-01T10:00:00.123456Z");
  private static final Clock CLOCK = Clock.fixed(START, ZoneOffset.UTC);
  private static final RunLifecycle.NewRun WHAT =
      new RunLifecycle.NewRun(
          RunKind.BACKTEST, "buy_and_hold", "TINY", "strategy: buy_and_hold\n", 7, "fp");

  @TempDir Path dir;

  private static BacktestResult backtest() {
    RunPlan plan = Tiny.plan();
    return new BacktestEngine(plan.engine())
        .run(PlanData.load(plan, new ArrayList<>()), plan.strategy().create(plan.params()));
  }

  @Test
  void startsTheRunRunningThenReturnsItCompletedWithTheBodysValue() {
    BacktestResult result = backtest();
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      AtomicReference<RunInfo> duringBody = new AtomicReference<>();
      RunLifecycle.Completed<String> done =
          new RunLifecycle(store, CLOCK)
              .run(
                  WHAT,
                  run -> {
                    duringBody.set(store.findRun(run.id()).orElseThrow());
                    assertThat(run.info()).isEqualTo(duringBody.get());
                    run.complete(
                        result, MetricsCalculator.compute(result, Tiny.plan().metrics()), 12);
                    return "value";
                  });

      assertThat(duringBody.get().status()).isEqualTo(RunStatus.RUNNING);
      assertThat(done.value()).isEqualTo("value");
      RunInfo info = done.info();
      assertThat(info.runId()).isEqualTo(duringBody.get().runId());
      assertThat(info.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(info.kind()).isEqualTo(RunKind.BACKTEST);
      assertThat(info.strategy()).isEqualTo("buy_and_hold");
      assertThat(info.symbols()).isEqualTo("TINY");
      assertThat(info.configYaml()).isEqualTo("strategy: buy_and_hold\n");
      assertThat(info.seed()).isEqualTo(7);
      assertThat(info.dataFingerprint()).isEqualTo("fp");
      assertThat(info.engineVersion()).isEqualTo(Version.get());
      assertThat(info.createdAt()).isEqualTo(START);
      assertThat(info.elapsedMillis()).isEqualTo(12);
      assertThat(info.message()).isEmpty();
      assertThat(store.findRun(info.runId())).contains(info);
      assertThat(store.loadRun(info.runId()).trades()).isEqualTo(result.trades());
    }
  }

  @Test
  void aFailingBodyMarksTheRunFailedWithItsMessageAndTheSameExceptionIsRethrown() {
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      IllegalStateException boom = new IllegalStateException("boom");
      List<String> ids = new ArrayList<>();
      assertThatThrownBy(() ->
              new RunLifecycle(store, CLOCK)
                  .run(
                      WHAT,
                      run -> {
                        ids.add(run.id());
                        throw boom;
                      }))
          .isSameAs(boom);
      RunInfo failed = store.findRun(ids.get(0)).orElseThrow();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.message()).isEqualTo("boom");
      assertThat(boom.getSuppressed()).isEmpty();
    }
  }

  @Test
  void aFailedCompletionFailsTheRunAndNothingOfItIsStored() {
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      List<String> ids = new ArrayList<>();
      assertThatThrownBy(() ->
              new RunLifecycle(store, CLOCK)
                  .run(
                      WHAT,
                      run -> {
                        ids.add(run.id());
                        run.complete(
                            backtest(),
                            () -> {
                              throw new IllegalArgumentException("no metrics");
                            },
                            1);
                        return null;
                      }))
          .hasMessage("no metrics");
      RunInfo failed = store.findRun(ids.get(0)).orElseThrow();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.message()).isEqualTo("no metrics");
    }
  }

  @Test
  void aBodyThatReturnsWithoutCompletingFailsTheRun() {
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      List<String> ids = new ArrayList<>();
      assertThatThrownBy(() ->
              new RunLifecycle(store, CLOCK)
                  .run(
                      WHAT,
                      run -> {
                        ids.add(run.id());
                        return "forgot";
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("returned without completing the run");
      RunInfo failed = store.findRun(ids.get(0)).orElseThrow();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.message()).contains("returned without completing the run");
    }
  }

  @Test
  void aRunIsCompletedOnlyOnce() {
    BacktestResult result = backtest();
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      var metrics = MetricsCalculator.compute(result, Tiny.plan().metrics());
      List<String> ids = new ArrayList<>();
      assertThatThrownBy(() ->
              new RunLifecycle(store, CLOCK)
                  .run(
                      WHAT,
                      run -> {
                        ids.add(run.id());
                        run.complete(result, metrics, 1);
                        run.complete(result, metrics, 1);
                        return null;
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already completed");
      // The first completion stands: a completed run is never marked failed.
      assertThat(store.findRun(ids.get(0)).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void aFailureToMarkTheRunFailedIsAddedAsSuppressed() {
    RunStore store = RunStore.open(dir.resolve("q.duckdb"));
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() ->
            new RunLifecycle(store, CLOCK)
                .run(
                    WHAT,
                    run -> {
                      store.close(); // failRun cannot reach the database any more
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(boom.getSuppressed()).hasSize(1);
    assertThat(boom.getSuppressed()[0])
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }
}
