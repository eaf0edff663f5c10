package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-11-21T20:45:12Z");
  private static final List<String> DATA_TABLES = List.of("trades", "fills", "equity", "metrics");

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("q.duckdb");
  }

  @Test
  void newRunIdIsClockTimePlusFourHexDigits() {
    try (RunStore store = RunStore.open(db(), TestData.fixedClock(NOW))) {
      String id = store.newRunId();
      assertThat(id).matches("20261121-204512-[0-9a-f]{4}");
      assertThat(RunStore.RUN_ID_PATTERN.matcher(id).matches()).isTrue();
    }
  }

  @Test
  void newRunIdDrawsAgainWhenTheIdExistsOrWasAlreadyHandedOut() {
    Path db = db();
    // 0x3fa9 is taken in the database, then 0x0001 was handed out; the third draw is free
    ScriptedRandom random = new ScriptedRandom(0x3fa9, 0x0001, 0x3fa9, 0x0001, 0x00ab);
    try (RunStore store = RunStore.open(db, TestData.fixedClock(NOW), random, WriteHook.NONE)) {
      store.startRun(TestData.runInfo("20261121-204512-3fa9", NOW));
      assertThat(store.newRunId()).isEqualTo("20261121-204512-0001");
      assertThat(store.newRunId()).isEqualTo("20261121-204512-00ab");
    }
  }

  @Test
  void anExistingRunIdCanNeverBeInsertedAgain() {
    try (RunStore store = RunStore.open(db())) {
      store.startRun(TestData.runInfo("run-1", TestData.CREATED));
      store.completeRun("run-1", TestData.result(10), TestData.metrics(10), 7);
      RunInfo impostor =
          new RunInfo(
              "run-1",
              RunKind.BACKTEST,
              "other",
              "X",
              "",
              1,
              "",
              "",
              RunStatus.RUNNING,
              NOW,
              null,
              -1,
              "");
      assertThatThrownBy(() -> store.startRun(impostor))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("run run-1 already exists")
          .hasMessageContaining("status completed");
      StoredRun kept = store.loadRun("run-1");
      assertThat(kept.info().strategy()).isEqualTo("sma_cross");
      assertThat(kept.equity().size()).isEqualTo(10);
    }
  }

  @Test
  void twoRunsNeverOverwriteEachOther() {
    BacktestResult first = TestData.result(100);
    BacktestResult second = TestData.result(37, List.of(TestData.trades().get(1)));
    try (RunStore store = RunStore.open(db(), TestData.fixedClock(NOW))) {
      String a = store.newRunId();
      String b = store.newRunId();
      assertThat(a).isNotEqualTo(b);
      store.startRun(TestData.runInfo(a, NOW));
      store.startRun(TestData.runInfo(b, NOW.plusSeconds(1)));
      store.completeRun(a, first, TestData.metrics(100), 1);
      store.completeRun(b, second, TestData.metrics(37), 2);

      StoredRun ra = store.loadRun(a);
      StoredRun rb = store.loadRun(b);
      RunStoreRoundTripTest.assertSameCurve(ra.equity(), first.equity());
      RunStoreRoundTripTest.assertSameCurve(rb.equity(), second.equity());
      assertThat(ra.trades()).isEqualTo(first.trades());
      assertThat(rb.trades()).isEqualTo(second.trades());
      assertThat(ra.metrics().get("bars")).isEqualTo(100.0);
      assertThat(rb.metrics().get("bars")).isEqualTo(37.0);
      assertThat(ra.info().elapsedMillis()).isEqualTo(1);
      assertThat(rb.info().elapsedMillis()).isEqualTo(2);
    }
  }

  @Test
  void aFailureInsideCompleteRunLeavesTheRunRunningWithNoRowsThenFailRunMarksItFailed()
      throws SQLException {
    Path db = db();
    List<String> written = new ArrayList<>();
    WriteHook failAfterEquity =
        (runId, table) -> {
          written.add(table);
          if (table.equals("equity")) {
            throw new IllegalStateException("simulated failure after writing equity");
          }
        };
    try (RunStore store =
        RunStore.open(
            db,
            TestData.fixedClock(NOW),
            RandomGenerator.of("L64X128MixRandom"),
            failAfterEquity)) {
      store.startRun(TestData.runInfo("doomed", NOW));
      assertThatThrownBy(
              () -> store.completeRun("doomed", TestData.result(5_000), TestData.metrics(5_000), 9))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("simulated failure after writing equity");
      assertThat(written).containsExactly("runs", "trades", "fills", "equity");

      RunInfo info = store.findRun("doomed").orElseThrow();
      assertThat(info.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(info.finishedAt()).isNull();
      assertThat(info.elapsedMillis()).isEqualTo(-1);
      assertNoDataRows(db, "doomed");
      assertThatThrownBy(() -> store.loadRun("doomed"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("run doomed is running; only completed runs can be loaded");

      store.failRun("doomed", "storage failed: simulated");
      RunInfo failed = store.findRun("doomed").orElseThrow();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.message()).isEqualTo("storage failed: simulated");
      assertThat(failed.finishedAt()).isEqualTo(NOW);
      assertThatThrownBy(() -> store.loadRun("doomed"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("run doomed is failed (storage failed: simulated)");
    }
    // and the store is still usable afterwards, in this and later processes
    try (RunStore store = RunStore.open(db)) {
      assertThat(store.findRun("doomed").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }
  }

  @Test
  void anInvalidValueRollsTheWholeCompletionBack() throws SQLException {
    Path db = db();
    Trade bad = TestData.trades().get(0);
    Trade negativeQuantity =
        new Trade(
            bad.tradeId(),
            bad.symbol(),
            bad.direction(),
            -5,
            bad.entryTimeMillis(),
            bad.exitTimeMillis(),
            bad.entryPrice(),
            bad.exitPrice(),
            bad.grossPnl(),
            bad.commission(),
            bad.slippage(),
            bad.netPnl(),
            bad.returnPct(),
            bad.barsHeld(),
            bad.mae(),
            bad.mfe(),
            bad.entryReason(),
            bad.exitReason());
    try (RunStore store = RunStore.open(db)) {
      store.startRun(TestData.runInfo("bad", NOW));
      assertThatThrownBy(() ->
              store.completeRun(
                  "bad", TestData.result(10, List.of(negativeQuantity)), TestData.metrics(10), 1))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("completing run bad (it stays 'running', nothing was written)");
      assertThat(store.findRun("bad").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      assertNoDataRows(db, "bad");
      // a later, valid completion of the same run still works
      store.completeRun("bad", TestData.result(10), TestData.metrics(10), 1);
      assertThat(store.loadRun("bad").trades()).hasSize(2);
    }
  }

  @Test
  void onlyARunningRunCanBeCompletedOrFailed() {
    try (RunStore store = RunStore.open(db())) {
      store.startRun(TestData.runInfo("done", NOW));
      store.completeRun("done", TestData.result(10), TestData.metrics(10), 1);
      assertThatThrownBy(
              () -> store.completeRun("done", TestData.result(3), TestData.metrics(3), 1))
          .isInstanceOf(StoreException.class)
          .hasMessage("run done is completed; only a running run can be marked completed");
      assertThatThrownBy(() -> store.failRun("done", "late failure"))
          .isInstanceOf(StoreException.class)
          .hasMessage("run done is completed; only a running run can be marked failed");
      assertThat(store.loadRun("done").equity().size()).isEqualTo(10);

      assertThatThrownBy(
              () -> store.completeRun("nope", TestData.result(1), TestData.metrics(1), 1))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("no run nope in ");
      assertThatThrownBy(() -> store.failRun("nope", "x"))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("no run nope in ");
      assertThatThrownBy(() -> store.loadRun("nope"))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("no run nope in ");
    }
  }

  @Test
  void startRunValidatesItsInput() {
    try (RunStore store = RunStore.open(db())) {
      assertThatThrownBy(() -> store.startRun(TestData.runInfo("has space", NOW)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("runId must match ")
          .hasMessageEndingWith(", was \"has space\"");
      assertThatThrownBy(() -> store.startRun(TestData.runInfo("x'); DROP TABLE runs; --", NOW)))
          .isInstanceOf(IllegalArgumentException.class);
      RunInfo completed =
          new RunInfo(
              "r", RunKind.BACKTEST, "s", "X", "", 1, "", "", RunStatus.COMPLETED, NOW, NOW, 1, "");
      assertThatThrownBy(() -> store.startRun(completed))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("status must be RUNNING, was COMPLETED");
      store.startRun(TestData.runInfo("ok", NOW));
      assertThatThrownBy(() -> store.completeRun("ok", TestData.result(1), TestData.metrics(1), -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("elapsedMillis must be >= 0, was -1");
      assertThatThrownBy(() -> store.listRuns(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit must be > 0, was 0");
    }
  }

  @Test
  void startRunRecordsThisProcessAndHost() throws SQLException {
    Path db = db();
    try (RunStore store = RunStore.open(db)) {
      store.startRun(TestData.runInfo("mine", NOW));
    }
    try (Connection c = TestData.raw(db);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pid, host, process_started_at IS NOT NULL FROM runs WHERE run_id = ?")) {
      ps.setString(1, "mine");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(ProcessHandle.current().pid());
        assertThat(rs.getString(2)).isEqualTo(HostInfo.hostName()).isNotBlank();
        assertThat(rs.getBoolean(3))
            .isEqualTo(ProcessHandle.current().info().startInstant().isPresent());
      }
    }
  }

  @Test
  void reconcileLeavesRunsOfLiveProcessesAloneAndFailsThoseWhosePidWasReused() throws SQLException {
    Path db = db();
    try (RunStore store = RunStore.open(db)) {
      store.startRun(TestData.runInfo("live", NOW));
      store.startRun(TestData.runInfo("reused-pid", NOW));
      store.startRun(TestData.runInfo("other-host", NOW));
      assertThat(store.reconcileInterrupted()).isZero();
      try (RunStore second = RunStore.open(db)) {
        assertThat(second.findRun("live").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      }
      try (Connection c = TestData.raw(db);
          PreparedStatement reused =
              c.prepareStatement(
                  "UPDATE runs SET process_started_at = TIMESTAMP '2001-01-01' WHERE run_id = ?");
          PreparedStatement elsewhere =
              c.prepareStatement(
                  "UPDATE runs SET host = 'some-other-host', pid = 999999999 WHERE run_id = ?")) {
        reused.setString(1, "reused-pid");
        reused.executeUpdate();
        elsewhere.setString(1, "other-host");
        elsewhere.executeUpdate();
      }
      assumeStartTimesKnown();
      assertThat(store.reconcileInterrupted()).isEqualTo(1);
      RunInfo reused = store.findRun("reused-pid").orElseThrow();
      assertThat(reused.status()).isEqualTo(RunStatus.FAILED);
      assertThat(reused.message())
          .isEqualTo(
              "interrupted (process "
                  + ProcessHandle.current().pid()
                  + " ended before the run completed)");
      assertThat(reused.finishedAt()).isNull();
      assertThat(store.findRun("live").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      assertThat(store.findRun("other-host").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }
  }

  @Test
  void listRunsIsNewestFirstAndFindRunTakesUniquePrefixes() {
    try (RunStore store = RunStore.open(db())) {
      store.startRun(TestData.runInfo("20261121-204512-3fa9", NOW));
      store.startRun(TestData.runInfo("20261121-204512-3fb0", NOW.plusSeconds(5)));
      store.startRun(TestData.runInfo("20261122-000000-0000", NOW.plusSeconds(10)));
      store.startRun(TestData.runInfo("20261120-000000-0000", NOW.minusSeconds(10)));

      assertThat(store.listRuns(10))
          .extracting(RunInfo::runId)
          .containsExactly(
              "20261122-000000-0000",
              "20261121-204512-3fb0",
              "20261121-204512-3fa9",
              "20261120-000000-0000");
      assertThat(store.listRuns(2)).extracting(RunInfo::runId).hasSize(2);

      assertThat(store.findRun("20261121-204512-3fa9").orElseThrow().createdAt()).isEqualTo(NOW);
      assertThat(store.findRun("20261121-204512-3fa").orElseThrow().runId())
          .isEqualTo("20261121-204512-3fa9");
      assertThat(store.findRun("20261122").orElseThrow().runId()).isEqualTo("20261122-000000-0000");
      assertThat(store.findRun("1999")).isEmpty();
      assertThat(store.findRun("%")).isEmpty();
      assertThatThrownBy(() -> store.findRun("20261121-204512-3f"))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "run id prefix '20261121-204512-3f' is ambiguous; it matches:"
                  + " 20261121-204512-3fa9, 20261121-204512-3fb0; give more characters");
    }
  }

  @Test
  void aClosedStoreRefusesWork() {
    RunStore store = RunStore.open(db());
    store.close();
    store.close(); // idempotent
    assertThatThrownBy(store::newRunId)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  static void assertNoDataRows(Path db, String runId) throws SQLException {
    try (Connection c = TestData.raw(db)) {
      for (String table : DATA_TABLES) {
        assertThat(TestData.countRows(c, table, runId)).as(table).isZero();
      }
    }
  }

  private static void assumeStartTimesKnown() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        ProcessHandle.current().info().startInstant().isPresent(),
        "the OS does not report process start times");
  }

  /** Returns scripted values from nextInt(bound); anything else is unsupported. */
  private static final class ScriptedRandom implements RandomGenerator {
    private final Deque<Integer> values = new ArrayDeque<>();

    ScriptedRandom(int... values) {
      for (int v : values) {
        this.values.add(v);
      }
    }

    @Override
    public int nextInt(int bound) {
      return values.removeFirst();
    }

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException("scripted random only serves nextInt(bound)");
    }
  }
}
