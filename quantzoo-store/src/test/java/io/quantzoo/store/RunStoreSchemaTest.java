package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreSchemaTest {
  @TempDir Path dir;

  @Test
  void openCreatesParentDirectoriesAndTheWholeSchema() throws SQLException {
    Path db = dir.resolve("nested/deeper/quantzoo.duckdb");
    try (RunStore store = RunStore.open(db)) {
      assertThat(store.path()).isEqualTo(db.toAbsolutePath());
      assertThat(store.schemaVersion()).isEqualTo(RunStore.latestSchemaVersion()).isEqualTo(3);
    }
    assertThat(db).isRegularFile();
    try (Connection c = TestData.raw(db)) {
      Map<String, List<String>> columns = columns(c);
      assertThat(columns.keySet())
          .containsExactlyInAnyOrder(
              "schema_version",
              "runs",
              "trades",
              "fills",
              "equity",
              "metrics",
              "sweeps",
              "sweep_points",
              "walkforwards",
              "walkforward_windows",
              "portfolio_sleeves",
              "portfolio_weights",
              "portfolio_covariance",
              "portfolio_rebalances");
      assertThat(columns.get("schema_version"))
          .containsExactly("version INTEGER", "applied_at TIMESTAMP");
      assertThat(columns.get("runs"))
          .containsExactly(
              "run_id VARCHAR",
              "kind VARCHAR",
              "strategy VARCHAR",
              "symbols VARCHAR",
              "config_yaml VARCHAR",
              "seed BIGINT",
              "data_fingerprint VARCHAR",
              "engine_version VARCHAR",
              "status VARCHAR",
              "created_at TIMESTAMP",
              "finished_at TIMESTAMP",
              "elapsed_ms BIGINT",
              "message VARCHAR",
              "pid BIGINT",
              "host VARCHAR",
              "process_started_at TIMESTAMP");
      assertThat(columns.get("trades"))
          .containsExactly(
              "run_id VARCHAR",
              "trade_id BIGINT",
              "symbol VARCHAR",
              "direction VARCHAR",
              "quantity DOUBLE",
              "entry_time TIMESTAMP",
              "exit_time TIMESTAMP",
              "entry_price DOUBLE",
              "exit_price DOUBLE",
              "gross_pnl DOUBLE",
              "commission DOUBLE",
              "slippage DOUBLE",
              "net_pnl DOUBLE",
              "return_pct DOUBLE",
              "bars_held INTEGER",
              "mae DOUBLE",
              "mfe DOUBLE",
              "entry_reason VARCHAR",
              "exit_reason VARCHAR");
      assertThat(columns.get("fills"))
          .containsExactly(
              "run_id VARCHAR",
              "fill_id BIGINT",
              "order_id BIGINT",
              "symbol VARCHAR",
              "time TIMESTAMP",
              "bar_index INTEGER",
              "side VARCHAR",
              "quantity DOUBLE",
              "price DOUBLE",
              "commission DOUBLE",
              "slippage_cost DOUBLE",
              "tag VARCHAR");
      assertThat(columns.get("equity"))
          .containsExactly(
              "run_id VARCHAR",
              "idx INTEGER",
              "time TIMESTAMP",
              "equity DOUBLE",
              "cash DOUBLE",
              "exposure DOUBLE");
      assertThat(columns.get("metrics"))
          .containsExactly("run_id VARCHAR", "ordinal INTEGER", "name VARCHAR", "value DOUBLE");
    }
  }

  @Test
  void reopeningIsIdempotentAndKeepsData() throws SQLException {
    Path db = dir.resolve("q.duckdb");
    String runId;
    try (RunStore store = RunStore.open(db)) {
      runId = store.newRunId();
      store.startRun(TestData.runInfo(runId, TestData.CREATED));
    }
    for (int i = 0; i < 2; i++) {
      try (RunStore store = RunStore.open(db)) {
        assertThat(store.schemaVersion()).isEqualTo(RunStore.latestSchemaVersion());
        assertThat(store.findRun(runId)).isPresent();
      }
    }
    try (Connection c = TestData.raw(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      List<Integer> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
      assertThat(versions).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aDatabaseFromTheFutureIsRefused() throws SQLException {
    Path db = dir.resolve("future.duckdb");
    RunStore.open(db).close();
    try (Connection c = TestData.raw(db);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO schema_version VALUES (?, TIMESTAMP '2030-01-01')")) {
      ps.setInt(1, RunStore.latestSchemaVersion() + 1);
      ps.executeUpdate();
    }
    assertThatThrownBy(() -> RunStore.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("database " + db.toAbsolutePath())
        .hasMessageContaining("schema version " + (RunStore.latestSchemaVersion() + 1))
        .hasMessageContaining("newer than this QuantZoo knows");
    // refusing did not touch it: the recorded version is still the future one
    try (Connection c = TestData.raw(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(RunStore.latestSchemaVersion() + 1);
    }
  }

  @Test
  void aFileThatIsNotADuckDbDatabaseIsRefused() throws Exception {
    Path notDb = dir.resolve("notes.duckdb");
    Files.writeString(notDb, "just some text, not a database\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RunStore.open(notDb))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("file " + notDb.toAbsolutePath() + " is not a DuckDB database");
    assertThat(Files.readString(notDb, StandardCharsets.UTF_8)).startsWith("just some text");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThatThrownBy(() -> RunStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is a directory");
  }

  private static Map<String, List<String>> columns(Connection c) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'main' ORDER BY table_name, ordinal_position")) {
      while (rs.next()) {
        columns
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(rs.getString(2) + " " + rs.getString(3));
      }
    }
    return columns;
  }
}
