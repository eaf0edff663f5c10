package io.quantzoo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantzoo.cli.Main;
import io.quantzoo.store.SweepResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-sample sweeps of a walk-forward on Spark ({@code SparkSweepJob --walkforward}) in {@code
 * local[2]}: once imported, {@code qz walkforward} reuses every one of them (no point evaluated
 * locally) and reports exactly what a plain {@code qz walkforward} on a fresh database reports.
 */
class SparkWalkForwardTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static Path config;

  /**
   * sma_cross on real BTC-USD 4h bars (20,695, from Parquet): 3 x 2 = 6 points per window, sliding
   * windows of 8,000 in-sample and 5,000 out-of-sample bars.
   */
  static final String WF =
      """
      strategy: sma_cross
      params: {fast: 20, slow: 50, direction: long_short}
      data: {path: btc.parquet, timezone: UTC}
      instrument: BTC-USD
      initial_cash: 100000
      execution:
        fill: next_open
        commission: {type: percent, percent: 0.1}
        slippage: {type: bps, bps: 2}
      sizing: {type: percent_equity, percent: 95}
      sweep:
        params:
          fast: {values: [5, 10, 20]}
          slow: {values: [30, 60]}
        objective: sharpe
        min_trades: 10
        blocks: 4
        top_k: 3
      walkforward:
        mode: sliding
        unit: bars
        in_sample: 8000
        out_of_sample: 5000
      """;

  static SparkSweepJob.Result sparkRun;
  static Path sparkOut;

  record Cli(int code, String out, String err) {}

  static Cli qz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void startSparkAndRunTheInSampleSweeps() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    SparkSweepTest.toParquet(
        repo.resolve("data/btc-usd-4h-2016-2025.csv"), tmp.resolve("btc.parquet"));
    config = tmp.resolve("wf.yaml");
    Files.writeString(config, WF);
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("quantzoo-spark-wf-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    sparkOut = tmp.resolve("wf-out");
    sparkRun =
        SparkSweepJob.run(
            spark,
            new SparkSweepJob.Options(config, sparkOut.toString(), 4, false, true),
            new PrintWriter(new StringWriter()));
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void importedWindowSweepsAreReusedAndGiveTheSameWalkForwardAsQz() throws Exception {
    int windows = sparkRun.datasets().size();
    assertThat(windows).isBetween(2, 3);
    List<String> dirs = new ArrayList<>();
    for (int k = 0; k < windows; k++) {
      dirs.add(sparkOut + "/window=" + k);
    }
    assertThat(sparkRun.datasets()).extracting(SparkSweepJob.Written::dir).isEqualTo(dirs);
    for (String d : dirs) {
      SweepResults.Meta m = SweepResults.readMeta(Path.of(d));
      assertThat(m.kind()).isEqualTo("walkforward");
      assertThat(m.totalPoints()).isEqualTo(6);
    }

    // Plain qz walkforward on a fresh database.
    Path plainDb = tmp.resolve("plain.duckdb");
    Cli plain = qz("walkforward", "-c", config.toString(), "--db", plainDb.toString(), "--json");
    assertThat(plain.code()).as(plain.err()).isZero();
    JsonNode expected = new ObjectMapper().readTree(plain.out());

    // Spark results imported, then qz walkforward.
    Path db = tmp.resolve("spark.duckdb");
    Cli imp = qz("sweep", "import", sparkOut.toString(), "--db", db.toString(), "--json");
    assertThat(imp.code()).as(imp.err()).isZero();
    List<String> importedIds = new ArrayList<>();
    for (String line : imp.out().strip().split("\n")) {
      JsonNode j = new ObjectMapper().readTree(line);
      assertThat(j.get("kind").asText()).isEqualTo("walkforward");
      assertThat(j.get("status").asText()).isEqualTo("completed");
      importedIds.add(j.get("sweep_id").asText());
    }
    assertThat(importedIds).hasSize(windows);
    assertThat(count(db, "SELECT count(*) FROM sweep_points")).isEqualTo(6L * windows);

    Cli wf = qz("walkforward", "-c", config.toString(), "--db", db.toString(), "--json");
    assertThat(wf.code()).as(wf.err()).isZero();
    JsonNode actual = new ObjectMapper().readTree(wf.out());

    // Every in-sample sweep is an imported one; no sweep and no point was added locally.
    List<String> used = new ArrayList<>();
    actual.get("windows").forEach(w -> used.add(w.get("sweep_id").asText()));
    assertThat(used).containsExactlyInAnyOrderElementsOf(importedIds);
    assertThat(count(db, "SELECT count(*) FROM sweeps")).isEqualTo(windows);
    assertThat(count(db, "SELECT count(*) FROM sweep_points")).isEqualTo(6L * windows);
    // The plain run's in-sample sweeps have the fingerprints of the Spark datasets.
    List<String> fingerprints = new ArrayList<>();
    for (String d : dirs) {
      fingerprints.add(SweepResults.readMeta(Path.of(d)).fingerprint());
    }
    assertThat(strings(plainDb, "SELECT fingerprint FROM sweeps ORDER BY sweep_id"))
        .containsExactlyInAnyOrderElementsOf(fingerprints);

    // Same windows, chosen parameters, in-sample results and out-of-sample metrics.
    assertThat(withoutIds(actual)).isEqualTo(withoutIds(expected));
    assertThat(actual.get("windows")).hasSize(windows);
  }

  @Test
  void commandLineRefusesPerSymbolWithWalkForwardAndAConfigWithoutWindows() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] both = {"-c", config.toString(), "--out", "x", "--walkforward", "--per-symbol"};
    assertThat(SparkSweepJob.run(both, new PrintWriter(out), new PrintWriter(err))).isEqualTo(2);
    assertThat(err.toString()).contains("--per-symbol and --walkforward cannot be combined");

    Path noWf = tmp.resolve("nowf.yaml");
    Files.writeString(noWf, WF.substring(0, WF.indexOf("walkforward:")));
    err = new StringWriter();
    String[] args = {
      "-c", noWf.toString(), "--out", tmp.resolve("never").toString(), "--walkforward"
    };
    assertThat(SparkSweepJob.run(args, new PrintWriter(out), new PrintWriter(err))).isEqualTo(3);
    assertThat(err.toString()).contains("error: bad config: ").contains("walkforward");

    Path tooShort = tmp.resolve("short.yaml");
    Files.writeString(tooShort, WF.replace("in_sample: 8000", "in_sample: 30000"));
    err = new StringWriter();
    String[] shortArgs = {
      "-c", tooShort.toString(), "--out", tmp.resolve("never").toString(), "--walkforward"
    };
    assertThat(SparkSweepJob.run(shortArgs, new PrintWriter(out), new PrintWriter(err)))
        .isEqualTo(3);
    assertThat(err.toString()).contains("too short for one window");
    assertThat(Files.exists(tmp.resolve("never"))).isFalse();
  }

  private static JsonNode withoutIds(JsonNode j) {
    ObjectNode o = j.deepCopy();
    o.remove("walkforward_id");
    o.remove("run_id");
    o.remove("reports");
    o.get("windows").forEach(w -> ((ObjectNode) w).remove("sweep_id"));
    return o;
  }

  private static long count(Path db, String sql) throws SQLException {
    return Long.parseLong(strings(db, sql).get(0));
  }

  private static List<String> strings(Path db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
