package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qz sweep import} without Spark: a sweep stored by {@code qz sweep} is written out as a
 * results dataset (DuckDB {@code COPY}, as another producer would) and imported back; broken
 * datasets are refused with exit 3, naming the file and the problem, and store nothing.
 */
class SweepImportTest {
  @TempDir static Path tmp;
  static Path db;
  static Path dataset;
  static String sweepId;
  static JsonNode swept;

  static final String CONFIG =
      """
      strategy: sma_cross
      params: {fast: 20, slow: 50}
      data: {path: %s, timezone: UTC}
      instrument: BTC-USD
      execution: {fill: next_open, commission: {type: percent, percent: 0.1}}
      sizing: {type: percent_equity, percent: 95}
      sweep:
        params: {fast: [5, 10, 20], slow: [20, 40]}
        constraints: ["fast < slow"]
        min_trades: 5
        blocks: 4
        top_k: 3
      """;

  record Result(int code, String out, String err) {}

  static Result qz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void sweepAndExport() throws IOException, SQLException {
    Path data = Path.of("..", "data", "btc-usd-4h-2016-2025.csv").toAbsolutePath().normalize();
    Path cfg = tmp.resolve("sweep.yaml");
    Files.writeString(cfg, CONFIG.formatted(data));
    db = tmp.resolve("sweep.duckdb");
    Result r = qz("sweep", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    swept = new ObjectMapper().readTree(r.out());
    sweepId = swept.get("sweep_id").asText();
    SweepStore.SweepInfo info;
    try (RunStore store = RunStore.open(db)) {
      info = new SweepStore(store).find(sweepId).orElseThrow();
    }
    dataset = tmp.resolve("results");
    Files.createDirectories(dataset);
    // Two part files, as a distributed writer leaves them.
    copy(dataset.resolve("part-00000.parquet"), "*", "point_index < 3");
    copy(dataset.resolve("part-00001.parquet"), "*", "point_index >= 3");
    writeMeta(dataset, info.totalPoints(), info);
  }

  static SweepResults.Meta meta(SweepStore.SweepInfo i, long total) {
    return new SweepResults.Meta(
        i.strategy(),
        i.symbols(),
        i.configYaml(),
        i.space(),
        i.fingerprint(),
        i.objective(),
        i.direction(),
        i.minTrades(),
        i.blocks(),
        total,
        "grid",
        List.of("fast", "slow"),
        3,
        1234,
        "test");
  }

  static void writeMeta(Path dir, long total, SweepStore.SweepInfo info) throws IOException {
    Files.writeString(dir.resolve(SweepResults.META_FILE), meta(info, total).toJson());
  }

  /** Writes the stored points as one Parquet file: {@code select} over the dataset's columns. */
  static void copy(Path file, String select, String where) throws SQLException {
    String cols =
        String.join(", ", SweepResults.COLUMNS.stream().map(SweepResults.Column::name).toList());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        PreparedStatement ps =
            c.prepareStatement(
                "COPY (SELECT "
                    + select
                    + " FROM (SELECT "
                    + cols
                    + " FROM sweep_points WHERE sweep_id = '"
                    + sweepId
                    + "') WHERE "
                    + where
                    + " ORDER BY point_index) TO '"
                    + file
                    + "' (FORMAT parquet)")) {
      ps.execute();
    }
  }

  static long sweepCount(Path dbFile) {
    try (RunStore store = RunStore.open(dbFile)) {
      return new SweepStore(store).list(100).size();
    }
  }

  @Test
  void importedSweepRanksAndDiagnosesLikeTheSweepItCameFrom() throws IOException {
    Path db2 = tmp.resolve("imported.duckdb");
    Result r = qz("sweep", "import", dataset.toString(), "--db", db2.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("completed");
    assertThat(j.get("sweep_id").asText()).isNotEqualTo(sweepId);
    for (String k : List.of("strategy", "symbols", "total_points", "points", "top", "trials")) {
      assertThat(j.get(k)).as(k).isEqualTo(swept.get(k));
    }
    assertThat(j.get("top")).hasSize(3);
    SweepStore.SweepInfo i;
    SweepStore.SweepInfo oi;
    List<SweepStore.StoredPoint> a = new java.util.ArrayList<>();
    List<SweepStore.StoredPoint> b = new java.util.ArrayList<>();
    try (RunStore store = RunStore.open(db2)) {
      SweepStore s = new SweepStore(store);
      i = s.find(j.get("sweep_id").asText()).orElseThrow();
      s.forEachPoint(i.id(), a::add);
    }
    try (RunStore store = RunStore.open(db)) {
      SweepStore o = new SweepStore(store);
      oi = o.find(sweepId).orElseThrow();
      o.forEachPoint(sweepId, b::add);
    }
    assertThat(i.kind()).isEqualTo("sweep");
    assertThat(i.elapsedMillis()).isGreaterThanOrEqualTo(1234);
    assertThat(i.fingerprint()).isEqualTo(oi.fingerprint());
    assertThat(i.bestIndex()).isEqualTo(oi.bestIndex());
    assertThat(i.bestParams()).isEqualTo(oi.bestParams());
    assertThat(Double.valueOf(i.pbo())).isEqualTo(Double.valueOf(oi.pbo()));
    assertThat(Double.valueOf(i.dsr())).isEqualTo(Double.valueOf(oi.dsr()));
    assertThat(a).hasSize(5);
    assertThat(a.stream().map(SweepImportTest::exact).toList())
        .isEqualTo(b.stream().map(SweepImportTest::exact).toList());
    Result text = qz("sweep", "import", dataset.toString(), "--db", db2.toString(), "--top", "2");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("imported from " + dataset)
        .contains("produced by test")
        .containsPattern("rank\\s+point\\s+fast\\s+slow\\s+objective")
        .contains("overfitting: PBO");
  }

  @Test
  void refusesMissingAndExtraColumnsNamingTheFile() throws IOException, SQLException {
    Path d = broken("missing");
    copy(d.resolve("part-00001.parquet"), "* EXCLUDE (trades)", "point_index >= 3");
    assertRefused(d, "part-00001.parquet: missing column(s) trades");

    Path e = broken("extra");
    copy(e.resolve("part-00000.parquet"), "*, 1 AS extra", "point_index < 3");
    assertRefused(e, "part-00000.parquet: unexpected column(s) extra");

    Path t = broken("type");
    copy(
        t.resolve("part-00000.parquet"),
        "* REPLACE (CAST(trades AS VARCHAR) AS trades)",
        "point_index < 3");
    assertRefused(t, "part-00000.parquet: column trades is VARCHAR, expected INTEGER");
  }

  @Test
  void refusesDuplicateIndicesAndMissingPoints() throws IOException, SQLException {
    Path d = broken("dup");
    copy(d.resolve("part-00002.parquet"), "*", "point_index = 1");
    assertRefused(d, "duplicate point index 1 (2 rows, in part-00000.parquet, part-00002.parquet)");

    Path m = broken("short");
    Files.delete(m.resolve("part-00001.parquet"));
    assertRefused(m, "3 point(s) in the part files, but " + SweepResults.META_FILE);
  }

  @Test
  void refusesAMissingOrBrokenMetadataFile() throws IOException, SQLException {
    Path d = broken("nometa");
    Files.delete(d.resolve(SweepResults.META_FILE));
    assertRefused(d, SweepResults.META_FILE + ": missing");

    Path b = broken("badmeta");
    Files.writeString(b.resolve(SweepResults.META_FILE), "{\"format\": 99}");
    assertRefused(b, "dataset format 99 is not supported");

    Result r = qz("sweep", "import", tmp.resolve("nowhere").toString(), "--db", db.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("nowhere: not a directory");
  }

  @Test
  void theMetadataKindIsTheStoredKindAndOlderMetadataIsASweep() throws IOException {
    Path wf = broken("walkforward");
    String json = Files.readString(wf.resolve(SweepResults.META_FILE));
    assertThat(json).contains("\"kind\":\"sweep\"");
    Files.writeString(
        wf.resolve(SweepResults.META_FILE),
        json.replace("\"kind\":\"sweep\"", "\"kind\":\"walkforward\""));
    Path db4 = tmp.resolve("kinds.duckdb");
    Result r = qz("sweep", "import", wf.toString(), "--db", db4.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("kind").asText()).isEqualTo("walkforward");

    Path old = broken("nokind");
    Files.writeString(old.resolve(SweepResults.META_FILE), json.replace("\"kind\":\"sweep\",", ""));
    r = qz("sweep", "import", old.toString(), "--db", db4.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("kind").asText()).isEqualTo("sweep");
    try (RunStore store = RunStore.open(db4)) {
      assertThat(
              new SweepStore(store)
                  .findCompleted(SweepResults.readMeta(wf).fingerprint(), "walkforward"))
          .isPresent();
    }

    Path bad = broken("badkind");
    Files.writeString(
        bad.resolve(SweepResults.META_FILE),
        json.replace("\"kind\":\"sweep\"", "\"kind\":\"backtest\""));
    assertRefused(bad, "kind must be 'sweep' or 'walkforward', was 'backtest'");
  }

  /** Every value of a stored point, doubles written exactly (Double.toString round-trips). */
  static String exact(SweepStore.StoredPoint p) {
    var r = p.returns();
    return p.index()
        + "|"
        + p.params()
        + "|"
        + p.status()
        + "|"
        + p.objective()
        + "|"
        + p.score()
        + "|"
        + p.metrics()
        + "|"
        + (r == null
            ? "-"
            : r.count()
                + ","
                + r.mean()
                + ","
                + r.std()
                + ","
                + r.skewness()
                + ","
                + r.kurtosis()
                + ","
                + java.util.Arrays.toString(r.blockSum())
                + java.util.Arrays.toString(r.blockSumSq())
                + java.util.Arrays.toString(r.blockCount()))
        + "|"
        + p.message();
  }

  /** A copy of the good dataset, to break. */
  private static Path broken(String name) throws IOException {
    Path d = tmp.resolve("broken-" + name);
    Files.createDirectories(d);
    try (var s = Files.list(dataset)) {
      for (Path p : s.toList()) {
        Files.copy(p, d.resolve(p.getFileName()));
      }
    }
    return d;
  }

  private static void assertRefused(Path dir, String message) {
    Path db3 = tmp.resolve("refused.duckdb");
    long before = Files.exists(db3) ? sweepCount(db3) : 0;
    Result r = qz("sweep", "import", dir.toString(), "--db", db3.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: bad sweep results: ").contains(message);
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(sweepCount(db3)).as("nothing stored").isEqualTo(before);
  }
}
