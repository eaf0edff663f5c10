package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qz leaderboard over runs and sweeps stored in one database. */
class LeaderboardCommandTest {
  @TempDir static Path tmp;
  static Path db;
  static List<Double> runSharpes = new ArrayList<>();
  static double sweepBest;

  @BeforeAll
  static void fill() throws IOException {
    System.setProperty("quantzoo.home", Path.of("..").toAbsolutePath().normalize().toString());
    db = tmp.resolve("lb.duckdb");
    for (int fast : new int[] {5, 20}) {
      Path cfg = tmp.resolve("run" + fast + ".yaml");
      Files.writeString(
          cfg, SweepCommandTest.BASE.replace("fast: 20, slow: 50", "fast: " + fast + ", slow: 50"));
      SweepCommandTest.Result r =
          SweepCommandTest.qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json");
      assertThat(r.code()).as(r.err()).isZero();
      runSharpes.add(new ObjectMapper().readTree(r.out()).get("metrics").get("sharpe").asDouble());
    }
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        SweepCommandTest.BASE + "sweep:\n  params:\n    fast: [5, 10]\n    slow: [100, 200]\n");
    SweepCommandTest.Result s =
        SweepCommandTest.qz("sweep", "-c", sweep.toString(), "--db", db.toString(), "--json");
    assertThat(s.code()).as(s.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(s.out());
    sweepBest = j.get("top").get(0).get("objective").asDouble();
  }

  @Test
  void ranksRunsAndSweepsBySharpeAndExportsCsv() throws IOException {
    Path csv = tmp.resolve("lb.csv");
    SweepCommandTest.Result r =
        SweepCommandTest.qz(
            "leaderboard", "--db", db.toString(), "--format", "csv", "--out", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).startsWith("rank,kind,id,strategy,symbols,sharpe,");
    assertThat(lines).hasSize(4); // header + 2 runs + 1 sweep
    List<Double> expected = new ArrayList<>(runSharpes);
    expected.add(sweepBest);
    expected.sort((a, b) -> Double.compare(b, a));
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      assertThat(Double.parseDouble(cells[5]))
          .isCloseTo(expected.get(i - 1), org.assertj.core.data.Offset.offset(0.0006));
    }
  }

  @Test
  void filtersByKindAndRanksDrawdownAscending() {
    SweepCommandTest.Result r =
        SweepCommandTest.qz(
            "leaderboard", "--db", db.toString(), "--kind", "sweep", "--format", "markdown");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("| rank | kind |")
        .contains("| sweep |")
        .doesNotContain("backtest");
    SweepCommandTest.Result dd =
        SweepCommandTest.qz("leaderboard", "--db", db.toString(), "--by", "max_drawdown_pct");
    assertThat(dd.code()).isZero();
    assertThat(LeaderboardCommand.lowerIsBetter("max_drawdown_pct")).isTrue();
    SweepCommandTest.Result bad =
        SweepCommandTest.qz("leaderboard", "--db", db.toString(), "--by", "sharp");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("unknown metric 'sharp'");
  }

  @Test
  void filtersByRunKindAndRefusesAnUnknownKind() {
    SweepCommandTest.Result r =
        SweepCommandTest.qz(
            "leaderboard", "--db", db.toString(), "--kind", "backtest", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1)).hasSize(2).allMatch(l -> l.contains(",backtest,"));
    SweepCommandTest.Result none =
        SweepCommandTest.qz(
            "leaderboard", "--db", db.toString(), "--kind", "trade", "--format", "csv");
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.out().lines()).hasSize(1); // the header only
    SweepCommandTest.Result bad =
        SweepCommandTest.qz("leaderboard", "--db", db.toString(), "--kind", "backtests");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .contains(
            "unknown kind 'backtests' for --kind; known: backtest, walkforward, portfolio, trade,"
                + " sweep");
  }
}
