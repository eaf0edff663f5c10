package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyFieldOfACompletedRunRoundTrips() {
    Instant finished = Instant.parse("2026-03-08T07:00:01.654321Z");
    BacktestResult result = TestData.result(500);
    Metrics metrics = TestData.metrics(500);
    Path db = dir.resolve("q.duckdb");
    RunInfo started = TestData.runInfo("20260308-065959-00ff", TestData.CREATED);
    try (RunStore store = RunStore.open(db, TestData.fixedClock(finished))) {
      store.startRun(started);
      store.completeRun(started.runId(), result, metrics, 1234);
    }
    try (RunStore store = RunStore.open(db)) {
      StoredRun run = store.loadRun(started.runId());

      assertThat(run.info())
          .isEqualTo(
              new RunInfo(
                  started.runId(),
                  started.kind(),
                  started.strategy(),
                  started.symbols(),
                  started.configYaml(),
                  started.seed(),
                  started.dataFingerprint(),
                  started.engineVersion(),
                  RunStatus.COMPLETED,
                  TestData.CREATED,
                  finished,
                  1234,
                  ""));
      assertThat(run.trades()).isEqualTo(result.trades());
      assertThat(run.fills()).isEqualTo(result.fills());
      assertSameCurve(run.equity(), result.equity());

      Map<String, Double> expected = metrics.asMap();
      assertThat(run.metrics().keySet()).containsExactlyElementsOf(expected.keySet());
      assertThat(run.metrics()).isEqualTo(expected); // Double.equals: NaN equals NaN
      assertThat(run.metrics().get("sortino")).isNaN();
      assertThat(run.metrics().get("recovery_bars")).isNaN();
      assertThat(run.metrics().get("profit_factor")).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(run.metrics().get("calmar")).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(run.metrics().get("bars")).isEqualTo(500.0);
    }
  }

  @Test
  void nanMetricsAreStoredAsNullAndInfinitiesAsDuckDbInfinities() throws SQLException {
    Path db = dir.resolve("q.duckdb");
    String id;
    try (RunStore store = RunStore.open(db)) {
      id = store.newRunId();
      store.startRun(TestData.runInfo(id, TestData.CREATED));
      store.completeRun(id, TestData.result(3), TestData.metrics(3), 0);
    }
    try (Connection c = TestData.raw(db);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, value IS NULL, isinf(value), value > 0 FROM metrics"
                    + " WHERE run_id = ? AND name IN ('sortino', 'profit_factor', 'calmar')"
                    + " ORDER BY name")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("calmar");
        assertThat(rs.getBoolean(2)).isFalse();
        assertThat(rs.getBoolean(3)).isTrue();
        assertThat(rs.getBoolean(4)).isFalse();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("profit_factor");
        assertThat(rs.getBoolean(3)).isTrue();
        assertThat(rs.getBoolean(4)).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("sortino");
        assertThat(rs.getBoolean(2)).isTrue();
      }
    }
  }

  @Test
  void everyRunKindIsStoredLowerCaseAndReadBack() throws SQLException {
    Path db = dir.resolve("kinds.duckdb");
    try (RunStore store = RunStore.open(db)) {
      for (RunKind k : RunKind.values()) {
        RunInfo base = TestData.runInfo("run-" + k.dbName(), TestData.CREATED);
        store.startRun(
            new RunInfo(
                base.runId(),
                k,
                base.strategy(),
                base.symbols(),
                base.configYaml(),
                base.seed(),
                base.dataFingerprint(),
                base.engineVersion(),
                base.status(),
                base.createdAt(),
                base.finishedAt(),
                base.elapsedMillis(),
                base.message()));
        assertThat(store.findRun(base.runId()).orElseThrow().kind()).isEqualTo(k);
      }
    }
    try (Connection c = TestData.raw(db);
        PreparedStatement ps = c.prepareStatement("SELECT run_id, kind FROM runs ORDER BY run_id");
        ResultSet rs = ps.executeQuery()) {
      Map<String, String> stored = new java.util.TreeMap<>();
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getString(2));
      }
      // the spellings of every database written so far, and "trade" for trading sessions
      assertThat(stored)
          .containsExactly(
              Map.entry("run-backtest", "backtest"),
              Map.entry("run-portfolio", "portfolio"),
              Map.entry("run-trade", "trade"),
              Map.entry("run-walkforward", "walkforward"));
    }
  }

  /**
   * The instant round trip must not depend on the JVM default zone: under America/New_York, at the
   * daylight-saving switch, the stored TIMESTAMP still reads as the UTC wall-clock time.
   */
  @Test
  void instantsRoundTripExactlyUnderANonUtcDefaultZone() throws SQLException {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try {
      Path db = dir.resolve("tz.duckdb");
      Instant created = Instant.parse("2026-03-08T06:59:59.123456Z");
      Instant finished = Instant.parse("2026-03-08T07:00:00.000001Z");
      String id = "tz-run";
      BacktestResult result = TestData.result(6);
      try (RunStore store = RunStore.open(db, TestData.fixedClock(finished))) {
        store.startRun(TestData.runInfo(id, created));
        store.completeRun(id, result, TestData.metrics(6), 5);
        StoredRun run = store.loadRun(id);
        assertThat(run.info().createdAt()).isEqualTo(created);
        assertThat(run.info().finishedAt()).isEqualTo(finished);
        assertSameCurve(run.equity(), result.equity());
        assertThat(run.trades()).isEqualTo(result.trades());
        assertThat(run.fills()).isEqualTo(result.fills());
        assertThat(store.findRun(id).orElseThrow().createdAt()).isEqualTo(created);
      }
      try (Connection c = TestData.raw(db);
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT created_at::VARCHAR, finished_at::VARCHAR FROM runs WHERE run_id = ?");
          PreparedStatement eq =
              c.prepareStatement(
                  "SELECT time::VARCHAR FROM equity WHERE run_id = ? ORDER BY idx LIMIT 3")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("2026-03-08 06:59:59.123456");
          assertThat(rs.getString(2)).isEqualTo("2026-03-08 07:00:00.000001");
        }
        eq.setString(1, id);
        try (ResultSet rs = eq.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("2026-03-08 05:00:00");
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("2026-03-08 06:00:00.001");
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("2026-03-08 07:00:00.002");
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void runTimesAreTruncatedToTheMicrosecond() {
    Path db = dir.resolve("q.duckdb");
    try (RunStore store = RunStore.open(db)) {
      store.startRun(TestData.runInfo("nanos", Instant.parse("2026-01-01T00:00:00.123456789Z")));
      assertThat(store.findRun("nanos").orElseThrow().createdAt())
          .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }
  }

  /** A million-point curve goes through the staging path and comes back point for point. */
  @Test
  void aMillionPointEquityCurveRoundTrips() {
    int n = 1_000_000;
    BacktestResult result = TestData.result(n);
    Path db = dir.resolve("big.duckdb");
    try (RunStore store = RunStore.open(db)) {
      String id = store.newRunId();
      store.startRun(TestData.runInfo(id, TestData.CREATED));
      long t0 = System.nanoTime();
      store.completeRun(id, result, TestData.metrics(n), 1);
      long t1 = System.nanoTime();
      StoredRun run = store.loadRun(id);
      long t2 = System.nanoTime();
      // informational only (no timing assertions): surefire keeps it in the test output file
      System.out.printf(
          "completeRun(1M equity points) %.0f ms, loadRun %.0f ms%n",
          (t1 - t0) / 1e6, (t2 - t1) / 1e6);
      assertSameCurve(run.equity(), result.equity());
      assertThat(run.metrics().get("bars")).isEqualTo((double) n);
    }
  }

  @Test
  void anEmptyResultRoundTrips() {
    Path db = dir.resolve("q.duckdb");
    BacktestResult empty =
        new BacktestResult(
            List.of(),
            new EquityCurve(new long[0], new double[0], new double[0], new double[0]),
            List.of(),
            List.of(),
            0,
            0,
            io.quantzoo.core.execution.FillModel.ON_CLOSE,
            new BacktestResult.OrderStats(0, 0, 0, 0, 0),
            Double.NaN,
            List.of());
    try (RunStore store = RunStore.open(db)) {
      store.startRun(TestData.runInfo("empty", TestData.CREATED));
      store.completeRun("empty", empty, TestData.metrics(0), 0);
      StoredRun run = store.loadRun("empty");
      assertThat(run.equity().size()).isZero();
      assertThat(run.trades()).isEmpty();
      assertThat(run.fills()).isEmpty();
      assertThat(run.metrics()).hasSize(TestData.metrics(0).asMap().size());
    }
  }

  static void assertSameCurve(EquityCurve actual, EquityCurve expected) {
    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.timesArray()).isEqualTo(expected.timesArray());
    assertThat(actual.equityArray()).isEqualTo(expected.equityArray());
    assertThat(actual.cashArray()).isEqualTo(expected.cashArray());
    assertThat(actual.exposureArray()).isEqualTo(expected.exposureArray());
  }
}
