package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantzoo.store.PortfolioRows;
import io.quantzoo.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qz portfolio end to end on the bundled AAPL 2013 daily bars: config, store, report, errors. */
class PortfolioCommandTest {
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

  private static final String SLEEVES =
      """
      sleeves:
        - name: trend
          strategy: sma_cross
          params: {fast: 5, slow: 20, direction: long_only}
          data: {path: data/aapl-daily-2013.csv, symbol: AAPL}
          instrument: AAPL%s
        - name: hold
          strategy: buy_and_hold
          data: {path: data/aapl-daily-2013.csv, symbol: AAPL}
          instrument: AAPL%s
      """;

  private static Path config(String name, String head, String w1, String w2) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, head + SLEEVES.formatted(w1, w2));
    return p;
  }

  private static String run(Path config, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "portfolio";
    args[1] = "-c";
    args[2] = config.toString();
    args[3] = "--db";
    args[4] = tmp.resolve("q.duckdb").toString();
    System.arraycopy(more, 0, args, 5, more.length);
    Result r = qz(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void runsStoresAndReportsAPortfolio() throws IOException {
    Path c =
        config(
            "ok.yaml",
            """
            initial_cash: 50000
            execution: {commission: {type: percent, percent: 0.1}, slippage: {type: bps, bps: 2}}
            allocation: {method: inverse_vol, lookback_bars: 20, shrinkage: 0.2}
            rebalance: {every: 10, drift_pct: 3}
            """,
            "",
            "");
    JsonNode j =
        new ObjectMapper()
            .readTree(run(c, "--json", "--report", "--report-dir", tmp.resolve("r").toString()));
    assertThat(j.get("status").asText()).isEqualTo("completed");
    assertThat(j.get("kind").asText()).isEqualTo("portfolio");
    assertThat(j.get("allocation").asText()).isEqualTo("portfolio(inverse_vol)");
    assertThat(j.get("sleeves")).hasSize(2);
    double contrib = 0;
    double risk = 0;
    for (JsonNode s : j.get("sleeves")) {
      contrib += s.get("contribution_return_pct").asDouble();
      risk += s.get("contribution_risk").asDouble();
    }
    assertThat(contrib)
        .isCloseTo(j.get("metrics").get("total_return_pct").asDouble(), within(1e-9));
    assertThat(risk).isCloseTo(1, within(1e-9));
    assertThat(j.get("rebalances").asInt()).isGreaterThan(20);
    String runId = j.get("run_id").asText();
    try (RunStore store = RunStore.open(tmp.resolve("q.duckdb"))) {
      List<PortfolioRows.StoredSleeve> sleeves = store.portfolioSleeves(runId);
      assertThat(sleeves)
          .extracting(PortfolioRows.StoredSleeve::name)
          .containsExactly("trend", "hold");
      assertThat(store.findRun(runId).orElseThrow().configYaml())
          .contains("method: inverse_vol")
          .contains("shrinkage: 0.2")
          .contains("every: '10'");
    }
    Path html = tmp.resolve("r").resolve("report-" + runId + ".html");
    assertThat(html).exists();
    assertThat(Files.readString(html))
        .contains("Portfolio report: " + runId)
        .contains("id=\"sleeves\"")
        .contains("id=\"correlation\"")
        .contains("id=\"rebalances\"")
        .contains("id=\"chart-weights\"");
    assertThat(tmp.resolve("r").resolve(runId + "-weights.png")).exists();
  }

  @Test
  void printsASummary() throws IOException {
    Path c =
        config(
            "fixed.yaml",
            "allocation: {method: fixed}\n",
            "\n    weight: 0.7",
            "\n    weight: 0.3");
    String out = run(c, "--no-report");
    assertThat(out)
        .contains("completed: fixed, 2 sleeves on AAPL")
        .contains("trend")
        .contains("hold");
  }

  private static Result bad(String name, String head, String w1, String w2) throws IOException {
    Path c = config(name, head, w1, w2);
    return qz("portfolio", "-c", c.toString(), "--db", tmp.resolve("q.duckdb").toString());
  }

  @Test
  void badConfigsExitThreeNamingTheKeyAndValue() throws IOException {
    Result r = bad("u.yaml", "allocation: {method: equal, lookback: 3}\n", "", "");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("unknown key 'allocation.lookback'").doesNotContain("Exception");

    r = bad("m.yaml", "allocation: {method: kelly}\n", "", "");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("allocation.method").contains("kelly");

    r = bad("w.yaml", "allocation: {method: fixed}\n", "\n    weight: 0.7", "\n    weight: 0.4");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("sleeves[].weight").contains("1.1");

    r = bad("w2.yaml", "allocation: {method: equal}\n", "\n    weight: 0.7", "");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("sleeves[0].weight").contains("fixed only");

    r = bad("v.yaml", "allocation: {method: vol_target, target_vol_pct: -5}\n", "", "");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("allocation.target_vol_pct").contains("-5");

    r = bad("e.yaml", "rebalance: {every: fortnightly}\n", "", "");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("rebalance.every").contains("fortnightly");

    Path c = tmp.resolve("p.yaml");
    Files.writeString(
        c,
        """
        sleeves:
          - {name: a, strategy: buy_and_hold, data: {path: data/aapl-daily-2013.csv, symbol: AAPL}, instrument: AAPL}
          - {name: b, strategy: sma_cross, params: {fast: 30, slow: 10}, data: {path: data/aapl-daily-2013.csv, symbol: AAPL}, instrument: AAPL}
        """);
    r = qz("portfolio", "-c", c.toString(), "--db", tmp.resolve("q.duckdb").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("sleeve b (sleeves[1].params").contains("slow");
  }
}
