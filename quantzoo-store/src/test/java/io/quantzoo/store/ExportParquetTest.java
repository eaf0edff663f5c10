package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportParquetTest {
  @TempDir Path dir;

  @Test
  void exportsEveryTableOfOneRunToReadableParquet() throws SQLException {
    Path db = dir.resolve("q.duckdb");
    // a quote in the directory name: paths are bound, never spliced into the COPY statement
    Path out = dir.resolve("it's exports/run");
    List<Path> files;
    try (RunStore store = RunStore.open(db)) {
      store.startRun(TestData.runInfo("other", TestData.CREATED));
      store.completeRun("other", TestData.result(11), TestData.metrics(11), 1);
      store.startRun(TestData.runInfo("mine", TestData.CREATED));
      store.completeRun("mine", TestData.result(250), TestData.metrics(250), 1);
      files = store.exportParquet("mine", out);
    }
    assertThat(files)
        .containsExactly(
            out.resolve("run.parquet").toAbsolutePath(),
            out.resolve("trades.parquet").toAbsolutePath(),
            out.resolve("fills.parquet").toAbsolutePath(),
            out.resolve("equity.parquet").toAbsolutePath(),
            out.resolve("metrics.parquet").toAbsolutePath());
    assertThat(files).allSatisfy(f -> assertThat(f).isRegularFile());

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThat(count(c, files.get(0))).isEqualTo(1);
      assertThat(count(c, files.get(1))).isEqualTo(TestData.trades().size());
      assertThat(count(c, files.get(2))).isEqualTo(TestData.fills().size());
      assertThat(count(c, files.get(3))).isEqualTo(250);
      assertThat(count(c, files.get(4))).isEqualTo(TestData.metrics(250).asMap().size());

      assertThat(
              scalar(
                  c, "SELECT string_agg(DISTINCT run_id, ',') FROM read_parquet(?)", files.get(3)))
          .isEqualTo("mine");
      assertThat(scalar(c, "SELECT status || ' ' || strategy FROM read_parquet(?)", files.get(0)))
          .isEqualTo("completed sma_cross");
      assertThat(
              scalar(
                  c,
                  "SELECT epoch_ms(time)::VARCHAR || ' ' || idx FROM read_parquet(?)"
                      + " ORDER BY idx LIMIT 1",
                  files.get(3)))
          .isEqualTo(TestData.EQUITY_START_MS + " 0");
      assertThat(
              scalar(
                  c,
                  "SELECT (value IS NULL)::VARCHAR FROM read_parquet(?) WHERE name = 'sortino'",
                  files.get(4)))
          .isEqualTo("true");
      assertThat(
              scalar(
                  c,
                  "SELECT value::VARCHAR FROM read_parquet(?) WHERE name = 'profit_factor'",
                  files.get(4)))
          .isEqualTo("inf");
      assertThat(
              scalar(
                  c,
                  "SELECT string_agg(direction, ',' ORDER BY trade_id) FROM read_parquet(?)",
                  files.get(1)))
          .isEqualTo("long,short");
    }
  }

  @Test
  void onlyCompletedRunsAreExported() {
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      store.startRun(TestData.runInfo("busy", TestData.CREATED));
      assertThatThrownBy(() -> store.exportParquet("busy", dir.resolve("out")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("run busy is running; only completed runs can be exported");
      assertThatThrownBy(() -> store.exportParquet("ghost", dir.resolve("out")))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("no run ghost in ");
    }
  }

  private static long count(Connection c, Path file) throws SQLException {
    return Long.parseLong(scalar(c, "SELECT count(*)::VARCHAR FROM read_parquet(?)", file));
  }

  private static String scalar(Connection c, String sql, Path file) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
