package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs that die with their process: child JVMs killed with SIGKILL. */
// a safety net against a hung child, not a timing check
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunStoreCrashTest {
  @TempDir Path dir;

  @Test
  void aLockedDatabaseIsReportedAndAKilledRunBecomesInterrupted() throws Exception {
    Path db = dir.resolve("crash.duckdb");
    String runId;
    long childPid;
    try (ChildJvm child =
        ChildJvm.start(dir, StoreTestChild.class, "start-and-block", db.toString())) {
      runId = child.awaitLine("STARTED ").substring("STARTED ".length());
      childPid = child.pid();

      // the child holds the database: DuckDB admits one writing process
      assertThatThrownBy(() -> RunStore.open(db))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith(
              "database "
                  + db.toAbsolutePath()
                  + " is in use by another process (pid "
                  + childPid
                  + ")")
          .hasMessageContaining("use another database with --db");

      child.kill();
    }
    try (RunStore store = RunStore.open(db)) {
      RunInfo run = store.findRun(runId).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.message())
          .isEqualTo("interrupted (process " + childPid + " ended before the run completed)");
      assertThat(run.finishedAt()).isNull();
      assertThatThrownBy(() -> store.loadRun(runId))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is failed (interrupted");
    }
    RunStoreLifecycleTest.assertNoDataRows(db, runId);
  }

  @Test
  void aProcessKilledInsideCompleteRunLeavesNoPartialRowsAndNeverACompletedRun() throws Exception {
    Path db = dir.resolve("crash.duckdb");
    String runId;
    long childPid;
    try (ChildJvm child =
        ChildJvm.start(dir, StoreTestChild.class, "block-in-complete", db.toString())) {
      // announced after the trades, fills and 50,000 equity rows went into the open transaction
      runId = child.awaitLine("WRITING ").substring("WRITING ".length());
      childPid = child.pid();
      child.kill();
    }
    try (RunStore store = RunStore.open(db)) {
      RunInfo run = store.findRun(runId).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.message())
          .isEqualTo("interrupted (process " + childPid + " ended before the run completed)");
      assertThat(run.elapsedMillis()).isEqualTo(-1);
      // the store is healthy: a new run in the same file completes normally
      String next = store.newRunId();
      store.startRun(TestData.runInfo(next, TestData.CREATED));
      store.completeRun(next, TestData.result(20), TestData.metrics(20), 1);
      assertThat(store.loadRun(next).equity().size()).isEqualTo(20);
    }
    RunStoreLifecycleTest.assertNoDataRows(db, runId);
  }
}
