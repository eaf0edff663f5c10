package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantzoo.app.sweep.SweepService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qz sweep end to end: real bundled data, real DuckDB, real reports, a real crash and resume. */
class SweepCommandTest {
  @TempDir static Path tmp;

  record Result(int code, String out, String err) {}

  static Result qz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void home() {
    System.setProperty("quantzoo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  static final String BASE =
      """
      strategy: sma_cross
      params: {fast: 20, slow: 50, direction: long_short}
      data: {path: data/btc-usd-4h-2016-2025.csv}
      instrument: BTC-USD
      execution:
        commission: {type: percent, percent: 0.1}
      sizing: {type: percent_equity, percent: 95}
      """;

  static Path config(String name, String sweep) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, BASE + sweep);
    return p;
  }

  static final String GRID =
      """
      sweep:
        params:
          fast: [5, 10, 15, 20]
          slow: {min: 20, max: 60, step: 20}
        constraints: ["fast < slow"]
        objective: sharpe
        min_trades: 5
        top_k: 5
      """;

  static JsonNode json(Result r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void rankedPointsMatchSingleRunsWithTheSameParameters() throws IOException {
    Path cfg = config("grid.yaml", GRID);
    Path db = tmp.resolve("a.duckdb");
    JsonNode j = json(qz("sweep", "-c", cfg.toString(), "--db", db.toString(), "--json"));
    // fast in {5,10,15,20} x slow in {20,40,60}: fast < slow rejects (20,20): 11 points.
    assertThat(j.get("total_points").asInt()).isEqualTo(11);
    assertThat(j.get("evaluated").asInt()).isEqualTo(11);
    JsonNode top = j.get("top");
    assertThat(top).hasSize(5);
    for (int i = 1; i < top.size(); i++) {
      assertThat(top.get(i).get("objective").asDouble())
          .isLessThanOrEqualTo(top.get(i - 1).get("objective").asDouble());
    }
    // The best point is an ordinary backtest: qz run with its parameters gives the same numbers.
    JsonNode best = top.get(0);
    Path single = tmp.resolve("single.yaml");
    Files.writeString(
        single,
        BASE.replace(
            "params: {fast: 20, slow: 50, direction: long_short}",
            "params: {fast: "
                + best.get("params").get("fast").asInt()
                + ", slow: "
                + best.get("params").get("slow").asInt()
                + ", direction: long_short}"));
    JsonNode run = json(qz("run", "-c", single.toString(), "--db", db.toString(), "--json"));
    assertThat(run.get("metrics").get("sharpe").asDouble())
        .isEqualTo(best.get("objective").asDouble());
    assertThat(run.get("metrics").get("net_profit").asDouble())
        .isEqualTo(best.get("metrics").get("net_profit").asDouble());
    // Diagnostics over the ranked points: PBO is a share of the C(16, 8) = 12,870 CSCV
    // combinations, DSR a probability; both defined with 11 ranked trials.
    assertThat(j.get("trials").asInt()).isEqualTo(j.get("points").get("ok").asInt());
    assertThat(j.get("pbo").isNumber()).isTrue();
    assertThat(j.get("pbo").asDouble() * 12_870)
        .isCloseTo(
            Math.rint(j.get("pbo").asDouble() * 12_870), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(j.get("dsr").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void textOutputAndReportWithHeatmap() throws IOException {
    Path cfg = config("grid2.yaml", GRID);
    Path reports = tmp.resolve("reports");
    Result r =
        qz(
            "sweep",
            "-c",
            cfg.toString(),
            "--db",
            tmp.resolve("b.duckdb").toString(),
            "--report-dir",
            reports.toString(),
            "--threads",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rank").contains("fast").contains("slow").contains("PBO");
    Path html;
    try (var s = Files.list(reports)) {
      html = s.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
    }
    String page = Files.readString(html);
    assertThat(page).contains("id=\"heatmap\"").contains("id=\"ranked\"");
    // Heatmap axes: x = fast (4 columns), y = slow (3 rows); (fast 20, slow 20) is empty.
    assertThat(page).contains("slow \\ fast");
  }

  @Test
  void randomSamplingIsReproducible() throws IOException {
    String random =
        """
        sweep:
          method: random
          samples: 6
          seed: 11
          params:
            fast: {min: 3, max: 30}
            slow: {min: 31, max: 120}
          objective: "sharpe * sqrt(trades)"
        """;
    Path cfg = config("random.yaml", random);
    JsonNode a =
        json(
            qz(
                "sweep",
                "-c",
                cfg.toString(),
                "--db",
                tmp.resolve("r1.duckdb").toString(),
                "--json"));
    JsonNode b =
        json(
            qz(
                "sweep",
                "-c",
                cfg.toString(),
                "--db",
                tmp.resolve("r2.duckdb").toString(),
                "--json"));
    assertThat(a.get("total_points").asInt()).isEqualTo(6);
    assertThat(a.get("top").toString()).isEqualTo(b.get("top").toString());
  }

  @Test
  void badSweepSectionsExitThreeNamingTheKey() throws IOException {
    Path cfg = config("bad.yaml", "sweep:\n  params:\n    fastt: [1, 2]\n");
    Result r = qz("sweep", "-c", cfg.toString(), "--db", tmp.resolve("c.duckdb").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("unknown parameter 'fastt'").doesNotContain("Exception");
    Path none = tmp.resolve("none.yaml");
    Files.writeString(none, BASE);
    Result n = qz("sweep", "-c", none.toString(), "--db", tmp.resolve("c.duckdb").toString());
    assertThat(n.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(n.err()).contains("no 'sweep:' section");
  }

  @Test
  void aKilledSweepResumesWithoutRedoingFinishedPoints() throws Exception {
    Path cfg = config("crash.yaml", GRID);
    Path db = tmp.resolve("crash.duckdb");
    // A real process, halted (as by kill -9) after 4 committed points.
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-D" + SweepService.HALT_AFTER + "=4");
    cmd.add("-Dquantzoo.home=" + System.getProperty("quantzoo.home"));
    cmd.add("io.quantzoo.cli.Main");
    cmd.addAll(
        List.of("sweep", "-c", cfg.toString(), "--db", db.toString(), "--threads", "1", "--json"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isEqualTo(137);

    JsonNode resumed = json(qz("sweep", "-c", cfg.toString(), "--db", db.toString(), "--json"));
    assertThat(resumed.get("resumed").asBoolean()).isTrue();
    assertThat(resumed.get("skipped_done").asInt()).isEqualTo(4);
    assertThat(resumed.get("evaluated").asInt()).isEqualTo(7);
    JsonNode fresh =
        json(
            qz(
                "sweep",
                "-c",
                cfg.toString(),
                "--db",
                tmp.resolve("fresh.duckdb").toString(),
                "--json"));
    assertThat(resumed.get("top").toString()).isEqualTo(fresh.get("top").toString());
    assertThat(resumed.get("pbo").toString()).isEqualTo(fresh.get("pbo").toString());
    // A completed sweep is not resumed: running again starts a new one.
    JsonNode again = json(qz("sweep", "-c", cfg.toString(), "--db", db.toString(), "--json"));
    assertThat(again.get("resumed").asBoolean()).isFalse();
    assertThat(again.get("sweep_id").asText()).isNotEqualTo(resumed.get("sweep_id").asText());
  }

  @Test
  void bundledSweepConfigRuns() throws IOException {
    JsonNode j =
        json(
            qz(
                "sweep",
                "-c",
                Path.of("..", "configs", "sweep_sma_cross.yaml").toString(),
                "--db",
                tmp.resolve("cfg.duckdb").toString(),
                "--json"));
    assertThat(j.get("status").asText()).isEqualTo("completed");
    assertThat(j.get("total_points").asInt()).isEqualTo(90);
  }
}
