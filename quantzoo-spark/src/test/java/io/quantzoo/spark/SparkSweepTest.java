package io.quantzoo.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantzoo.cli.Main;
import io.quantzoo.core.sweep.ParamSpace;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.SweepResults;
import io.quantzoo.store.SweepStore;
import java.io.IOException;
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
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark sweep job in {@code local[2]} on loopback, against {@code qz sweep} on the same config:
 * every column of every point must be equal (doubles bit for bit), and {@code qz sweep import} of
 * the Spark results must rank and diagnose them exactly as {@code qz sweep} did. One Spark session
 * serves the whole class.
 */
class SparkSweepTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static Path config;

  /** The Spark run of {@link #config} and the {@code qz sweep --json} of the same config. */
  static SparkSweepJob.Result sparkRun;

  static Path sparkOut;
  static int loadsBySparkRun;
  static JsonNode qzSweep;
  static Path qzDb;

  /**
   * sma_cross on real BTC-USD 4h bars (20,695, from Parquet beside the config): 5 x 7 = 35
   * combinations, 7 removed by the constraint (so tasks walk a filtered grid); fast >= slow is
   * refused by the strategy (invalid points, no metrics) and min_trades leaves some points unranked
   * (few_trades).
   */
  static final String SWEEP =
      """
      strategy: sma_cross
      params: {fast: 20, slow: 50, direction: long_short}
      %s
      initial_cash: 100000
      execution:
        fill: next_open
        commission: {type: percent, percent: 0.1}
        slippage: {type: bps, bps: 2}
      sizing: {type: percent_equity, percent: 95}
      sweep:
        params:
          fast: {min: 5, max: 25, step: 5}
          slow: {min: 20, max: 80, step: 10}
        constraints: ["fast != 15"]
        objective: sharpe
        min_trades: 600
        blocks: 8
        top_k: 10
      """;

  static final String BTC = "data: {path: btc.parquet, timezone: UTC}\ninstrument: BTC-USD";

  record Cli(int code, String out, String err) {}

  static Cli qz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void startSparkAndRunBothSweeps() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    toParquet(repo.resolve("data/btc-usd-4h-2016-2025.csv"), tmp.resolve("btc.parquet"));
    toParquet(repo.resolve("data/eth-usd-4h-2016-2025.csv"), tmp.resolve("eth.parquet"));
    config = tmp.resolve("sweep.yaml");
    Files.writeString(config, SWEEP.formatted(BTC));

    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("quantzoo-spark-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    sparkOut = tmp.resolve("spark-out");
    int loads = ExecutorCache.LOADS.get();
    sparkRun =
        SparkSweepJob.run(
            spark,
            new SparkSweepJob.Options(config, sparkOut.toString(), 5, false),
            new PrintWriter(new StringWriter()));
    loadsBySparkRun = ExecutorCache.LOADS.get() - loads;

    qzDb = tmp.resolve("qz.duckdb");
    Cli r = qz("sweep", "-c", config.toString(), "--db", qzDb.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    qzSweep = new ObjectMapper().readTree(r.out());
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  static void toParquet(Path csv, Path parquet) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps =
            c.prepareStatement(
                "COPY (SELECT * FROM read_csv('"
                    + csv
                    + "', header = true)) TO '"
                    + parquet
                    + "' (FORMAT parquet)")) {
      ps.execute();
    }
  }

  static final String COLS =
      String.join(", ", SweepResults.COLUMNS.stream().map(SweepResults.Column::name).toList());

  /** Every column of every point of a Parquet results directory, by index. */
  static List<List<Object>> parquetRows(Path dir) throws SQLException {
    return rows(
        "SELECT " + COLS + " FROM read_parquet('" + dir + "/*.parquet') ORDER BY point_index",
        "jdbc:duckdb:");
  }

  /** Every column of every point of a stored sweep, by index. */
  static List<List<Object>> storedRows(Path db, String sweepId) throws SQLException {
    return rows(
        "SELECT "
            + COLS
            + " FROM sweep_points WHERE sweep_id = '"
            + sweepId
            + "' ORDER BY point_index",
        "jdbc:duckdb:" + db);
  }

  private static List<List<Object>> rows(String sql, String url) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static SweepStore.SweepInfo storedSweep(Path db, String id) {
    try (RunStore store = RunStore.open(db)) {
      return new SweepStore(store).find(id).orElseThrow();
    }
  }

  @Test
  void sparkRowsEqualQzSweepRowsInEveryColumn() throws SQLException {
    List<List<Object>> fromSpark = parquetRows(sparkOut);
    List<List<Object>> fromQz = storedRows(qzDb, qzSweep.get("sweep_id").asText());
    assertThat(fromSpark).hasSize(28);
    // List.equals compares Double with Double.equals: bit for bit (and -0.0 != 0.0).
    assertThat(fromSpark).isEqualTo(fromQz);
    Map<Object, Long> byStatus = new TreeMap<>();
    fromSpark.forEach(r -> byStatus.merge(r.get(2), 1L, Long::sum));
    assertThat(byStatus).containsOnlyKeys("few_trades", "invalid", "ok");
  }

  @Test
  void metadataDescribesTheSweepAsQzSweepStoredIt() {
    SweepStore.SweepInfo q = storedSweep(qzDb, qzSweep.get("sweep_id").asText());
    SweepResults.Meta m = SweepResults.readMeta(sparkOut);
    assertThat(sparkRun.datasets())
        .singleElement()
        .satisfies(w -> assertThat(w.meta()).isEqualTo(m));
    assertThat(m.fingerprint()).isEqualTo(q.fingerprint());
    assertThat(m.strategy()).isEqualTo(q.strategy());
    assertThat(m.symbols()).isEqualTo("BTC-USD").isEqualTo(q.symbols());
    assertThat(m.configYaml()).isEqualTo(q.configYaml());
    assertThat(m.space()).isEqualTo(q.space());
    assertThat(m.objective()).isEqualTo(q.objective());
    assertThat(m.direction()).isEqualTo(q.direction());
    assertThat(m.minTrades()).isEqualTo(q.minTrades());
    assertThat(m.blocks()).isEqualTo(8).isEqualTo(q.blocks());
    assertThat(m.totalPoints()).isEqualTo(28).isEqualTo(q.totalPoints());
    assertThat(m.axes()).containsExactly("fast", "slow");
    assertThat(m.producer()).contains("local[2]").contains("5 task(s)");
  }

  @Test
  void pointsAreTasksAndEachExecutorJvmLoadsTheBarsOnce() throws IOException {
    assertThat(sparkRun.tasks()).isEqualTo(5);
    try (var s = Files.list(sparkOut)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count())
          .isEqualTo(5);
    }
    // local[2]: one executor JVM (this one) ran five tasks over two cores and read the bars once.
    assertThat(loadsBySparkRun).isEqualTo(1);
  }

  @Test
  void importedSparkResultsRankAndDiagnoseLikeQzSweep() throws IOException {
    Path db = tmp.resolve("imported.duckdb");
    Cli r = qz("sweep", "import", sparkOut.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("completed");
    for (String k :
        List.of("strategy", "symbols", "total_points", "points", "trials", "pbo", "dsr", "top")) {
      assertThat(j.get(k)).as(k).isEqualTo(qzSweep.get(k));
    }
    assertThat(j.get("top")).hasSize(10);
    SweepStore.SweepInfo imported = storedSweep(db, j.get("sweep_id").asText());
    SweepStore.SweepInfo local = storedSweep(qzDb, qzSweep.get("sweep_id").asText());
    assertThat(imported.bestIndex()).isEqualTo(local.bestIndex());
    assertThat(imported.bestParams()).isEqualTo(local.bestParams());
    assertThat(imported.summaryJson()).isEqualTo(local.summaryJson());
    assertThat(imported.fingerprint()).isEqualTo(local.fingerprint());
  }

  @Test
  void perSymbolSweepsEqualOneQzSweepPerSymbol() throws Exception {
    Path multi = tmp.resolve("multi.yaml");
    Files.writeString(
        multi,
        SWEEP.formatted(
            """
            data:
              - {path: btc.parquet, symbol: BTC-USD}
              - {path: eth.parquet, symbol: ETH-USD}\
            """));
    Path out = tmp.resolve("per-symbol");
    SparkSweepJob.Result res =
        SparkSweepJob.run(
            spark,
            new SparkSweepJob.Options(multi, out.toString(), 4, true),
            new PrintWriter(new StringWriter()));
    assertThat(res.tasks()).isEqualTo(4);
    assertThat(res.datasets())
        .extracting(SparkSweepJob.Written::dir)
        .containsExactly(out + "/symbol=BTC-USD", out + "/symbol=ETH-USD");

    // BTC-USD: the same sweep as the single-symbol config's, fingerprint included.
    Path btc = out.resolve("symbol=BTC-USD");
    assertThat(parquetRows(btc)).isEqualTo(parquetRows(sparkOut));
    assertThat(SweepResults.readMeta(btc).fingerprint())
        .isEqualTo(SweepResults.readMeta(sparkOut).fingerprint());

    // ETH-USD: equal to qz sweep on a config holding only ETH-USD.
    Path ethConfig = tmp.resolve("eth.yaml");
    Files.writeString(
        ethConfig,
        SWEEP.formatted("data: {path: eth.parquet, timezone: UTC}\ninstrument: ETH-USD"));
    Path db = tmp.resolve("eth.duckdb");
    Cli r = qz("sweep", "-c", ethConfig.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    String id = new ObjectMapper().readTree(r.out()).get("sweep_id").asText();
    Path eth = out.resolve("symbol=ETH-USD");
    assertThat(parquetRows(eth)).isEqualTo(storedRows(db, id));
    assertThat(SweepResults.readMeta(eth).fingerprint())
        .isEqualTo(storedSweep(db, id).fingerprint());
    assertThat(SweepResults.readMeta(eth).symbols()).isEqualTo("ETH-USD");

    // Importing the top directory imports one sweep per symbol.
    Cli imp = qz("sweep", "import", out.toString(), "--db", tmp.resolve("both.duckdb").toString());
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("sma_cross on BTC-USD").contains("sma_cross on ETH-USD");
  }

  @Test
  void seededRandomPointsFromCsvEqualQzSweep() throws Exception {
    // Every executor draws the random points itself from the seed, and reads the CSV itself.
    Path csv = Path.of("..", "data", "eth-usd-4h-2016-2025.csv").toAbsolutePath().normalize();
    Path cfg = tmp.resolve("random.yaml");
    Files.writeString(
        cfg,
        SWEEP
            .formatted("data: {path: " + csv + ", timezone: UTC}\ninstrument: ETH-USD")
            .replace(
                """
                  params:
                    fast: {min: 5, max: 25, step: 5}
                    slow: {min: 20, max: 80, step: 10}
                  constraints: ["fast != 15"]
                """,
                """
                  method: random
                  samples: 12
                  seed: 7
                  params:
                    fast: {min: 5, max: 30}
                    slow: {min: 40, max: 120}
                """));
    Path out = tmp.resolve("random-out");
    SparkSweepJob.run(
        spark,
        new SparkSweepJob.Options(cfg, out.toString(), 3, false),
        new PrintWriter(new StringWriter()));
    Path db = tmp.resolve("random.duckdb");
    Cli r = qz("sweep", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    String id = new ObjectMapper().readTree(r.out()).get("sweep_id").asText();
    assertThat(parquetRows(out)).hasSize(12).isEqualTo(storedRows(db, id));
    assertThat(SweepResults.readMeta(out).method()).isEqualTo("random");
    assertThat(SweepResults.readMeta(out).fingerprint())
        .isEqualTo(storedSweep(db, id).fingerprint());
  }

  @Test
  void commandLineRefusesAnExistingOutputABadConfigAndBadOptions() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {"-c", config.toString(), "--out", sparkOut.toString()};
    assertThat(SparkSweepJob.run(args, new PrintWriter(out), new PrintWriter(err))).isEqualTo(3);
    assertThat(err.toString()).contains(sparkOut + " already exists");

    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, SWEEP.formatted(BTC).replace("fast: {min: 5", "fats: {min: 5"));
    err = new StringWriter();
    String[] badArgs = {"-c", bad.toString(), "--out", tmp.resolve("never").toString()};
    assertThat(SparkSweepJob.run(badArgs, new PrintWriter(out), new PrintWriter(err))).isEqualTo(3);
    assertThat(err.toString()).contains("error: bad config: ").contains("fats");

    err = new StringWriter();
    String[] zero = {"-c", config.toString(), "--out", "x", "--partitions", "0"};
    assertThat(SparkSweepJob.run(zero, new PrintWriter(out), new PrintWriter(err))).isEqualTo(2);
    assertThat(err.toString()).contains("--partitions must be >= 1");
    assertThat(Files.exists(tmp.resolve("never"))).isFalse();
    assertThat(spark.sparkContext().isStopped())
        .as("the job leaves a session it did not start")
        .isFalse();
  }

  @Test
  void anExecutorThatReadsOtherDataThanTheDriverFails() throws IOException {
    LoadedSweep driver =
        LoadedSweep.load(Files.readString(config), config.toString(), tmp, null, null);
    SweepJobSpec job =
        new SweepJobSpec(
            Files.readString(config),
            config.toString(),
            tmp.toString(),
            null,
            driver.absoluteDataPaths(),
            List.of(new SweepJobSpec.Group(-1, "BTC-USD", "0123456789abcdef")));
    ExecutorCache.clear();
    assertThatThrownBy(() -> ExecutorCache.prepared(job, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read other data than the driver for BTC-USD")
        .hasMessageContaining("driver 0123456789abcdef");
  }

  @Test
  void rangesHoldEqualNumbersOfValidPoints() {
    ParamSpace space = driverSpace();
    long total = space.countValid();
    for (int parts : new int[] {1, 3, 5, 28}) {
      List<IndexRange> ranges = SparkSweepJob.ranges(space, total, parts);
      assertThat(ranges).hasSize(parts);
      assertThat(ranges.get(0).from()).isZero();
      assertThat(ranges.get(parts - 1).to()).isEqualTo(space.upperBound());
      long sum = 0;
      for (int k = 0; k < parts; k++) {
        IndexRange r = ranges.get(k);
        if (k > 0) {
          assertThat(r.from()).isEqualTo(ranges.get(k - 1).to());
        }
        long valid = 0;
        for (long i = r.from(); i < r.to(); i++) {
          valid += space.at(i) != null ? 1 : 0;
        }
        assertThat(valid).isEqualTo(r.points()).isBetween(total / parts, total / parts + 1);
        sum += valid;
      }
      assertThat(sum).isEqualTo(total);
    }
  }

  private static ParamSpace driverSpace() {
    try {
      return LoadedSweep.load(Files.readString(config), config.toString(), tmp, null, null)
          .spec()
          .space();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
