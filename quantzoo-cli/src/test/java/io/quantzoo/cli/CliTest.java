package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The qz command end to end, in-process: real files, real DuckDB, real reports. */
class CliTest {
  @TempDir static Path tmp;
  static Path db;

  record Result(int code, String out, String err) {}

  static Result qz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static Path resource(String name) {
    try {
      return Path.of(CliTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path config(String name, String yaml) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  @BeforeAll
  static void setUp() {
    db = tmp.resolve("db/test.duckdb");
    System.setProperty("quantzoo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  private static final String TINY =
      """
      strategy: buy_and_hold
      data: {path: %s}
      instrument: {symbol: TINY, asset_class: equity}
      initial_cash: 10000
      sizing: {type: fixed, quantity: 10}
      execution:
        fill: next_open
        commission: {type: fixed, amount: 1}
      """;

  @Test
  void runStoresTheBacktestAndPrintsJsonWithHandCheckedNumbers() throws IOException {
    Path cfg = config("tiny.yaml", TINY.formatted(resource("tiny.csv")));
    Result r = qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("completed");
    // Buy 10 at the second bar's open 102 (commission 1); end of data sells 10 at the last
    // close 110 (commission 1): final equity = 10000 + 10 x (110 - 102) - 2 = 10078.
    JsonNode m = j.get("metrics");
    assertThat(m.get("final_equity").asDouble()).isEqualTo(10_078.0);
    assertThat(m.get("total_return_pct").asDouble())
        .isCloseTo(0.78, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.get("trades").asInt()).isEqualTo(1);
    assertThat(m.get("win_rate_pct").asDouble()).isEqualTo(100.0);
    for (String key :
        new String[] {"cagr_pct", "sharpe", "sortino", "max_drawdown_pct", "profit_factor"}) {
      assertThat(m.has(key)).as(key).isTrue();
    }
    String id = j.get("run_id").asText();

    Result list = qz("runs", "list", "--db", db.toString());
    assertThat(list.out()).contains(id).contains("completed").contains("buy_and_hold");

    Result show = qz("runs", "show", id, "--db", db.toString(), "--json");
    JsonNode s = new ObjectMapper().readTree(show.out());
    assertThat(s.get("trades").asInt()).isEqualTo(1);
    assertThat(s.get("metrics").get("final_equity").asDouble()).isEqualTo(10_078.0);

    Path reports = tmp.resolve("reports");
    Result rep = qz("report", id, "--db", db.toString(), "--out", reports.toString());
    assertThat(rep.code()).as(rep.err()).isZero();
    assertThat(Files.list(reports).map(p -> p.getFileName().toString()))
        .anyMatch(n -> n.endsWith(".html"))
        .anyMatch(n -> n.endsWith(".md"));

    Path export = tmp.resolve("export");
    Result ex = qz("runs", "export", id, "--db", db.toString(), "--out", export.toString());
    assertThat(ex.code()).as(ex.err()).isZero();
    assertThat(export.resolve("trades.parquet")).exists();
  }

  /** F9 of the adversarial test: usage mistakes are usage errors (exit 2), not internal errors. */
  @Test
  void anEmptyRunIdAndANonPositiveLimitAreUsageErrors() {
    Result empty = qz("runs", "show", "", "--db", db.toString());
    assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(empty.err()).contains("a run id").doesNotContain("Exception");
    for (String limit : java.util.List.of("0", "-1")) {
      Result r = qz("runs", "list", "--limit", limit, "--db", db.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("--limit must be at least 1").doesNotContain("Exception");
    }
  }

  /** F5 and F8 of the adversarial test: a run with no trade says why; an open position shows. */
  @Test
  void aRunWhoseOrdersAreAllRefusedSaysWhyAndAnOpenPositionIsNamed() throws IOException {
    // 0.5 shares of an equity with lot step 1: every order rounds down to 0
    Path cfg =
        config(
            "half.yaml",
            TINY.formatted(resource("tiny.csv")).replace("quantity: 10", "quantity: 0.5"));
    Result r = qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("metrics").get("trades").asInt()).isZero();
    assertThat(j.get("notes").toString())
        .contains("orders refused: 1 (SIZE_ZERO 1, first: ")
        .contains("no trade: every order the strategy placed was refused");
    Result text = qz("run", "-c", cfg.toString(), "--db", db.toString());
    assertThat(text.out() + text.err()).contains("orders refused: 1 (SIZE_ZERO 1");

    Path open = config("open.yaml", TINY.formatted(resource("tiny.csv")) + "close_at_end: false\n");
    JsonNode o =
        new ObjectMapper()
            .readTree(qz("run", "-c", open.toString(), "--db", db.toString(), "--json").out());
    assertThat(o.get("notes").toString())
        .contains("position still open at the end (close_at_end: false): TINY");
  }

  @Test
  void runWithARiskSectionDeniesByItsLimitsAndSaysHowMany() throws IOException {
    // the same buy of 10 as above, now over max_order_quantity 5: denied, no trade
    Path cfg =
        config(
            "tiny-risk.yaml",
            TINY.formatted(resource("tiny.csv")) + "risk: {max_order_quantity: 5}\n");
    Result r = qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("metrics").get("trades").asInt()).isZero();
    assertThat(j.get("metrics").get("final_equity").asDouble()).isEqualTo(10_000.0);
    assertThat(j.get("notes").toString())
        .contains("risk: 1 order denied by the pre-trade controls (MAX_ORDER_QUANTITY 1)");

    Path loose =
        config(
            "tiny-loose.yaml",
            TINY.formatted(resource("tiny.csv")) + "risk: {max_order_quantity: 10}\n");
    JsonNode l =
        new ObjectMapper()
            .readTree(qz("run", "-c", loose.toString(), "--db", db.toString(), "--json").out());
    assertThat(l.get("metrics").get("final_equity").asDouble()).isEqualTo(10_078.0);
    assertThat(l.get("notes").toString()).contains("risk: pre-trade controls on, no order denied");
  }

  @Test
  void sameConfigAndSeedGiveIdenticalResults() throws IOException {
    Path cfg =
        config(
            "sma.yaml",
            """
            strategy: sma_cross
            params: {fast: 5, slow: 20}
            data: {path: data/btc-usd-4h-2016-2025.csv}
            instrument: BTC-USD
            execution:
              slippage: {type: random_ticks, max_ticks: 10}
            seed: 7
            """);
    Result a = qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json");
    Result b = qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(a.code()).as(a.err()).isZero();
    JsonNode ja = new ObjectMapper().readTree(a.out());
    JsonNode jb = new ObjectMapper().readTree(b.out());
    assertThat(ja.get("run_id")).isNotEqualTo(jb.get("run_id"));
    assertThat(ja.get("metrics")).isEqualTo(jb.get("metrics"));
    assertThat(ja.get("metrics").get("trades").asInt()).isGreaterThan(100);
  }

  @Test
  void unknownConfigKeyIsRefusedByNameWithExitCode3AndNoStackTrace() throws IOException {
    Path cfg = config("typo.yaml", TINY.formatted(resource("tiny.csv")) + "executon: {}\n");
    Result r = qz("run", "-c", cfg.toString(), "--db", db.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("unknown key 'executon'").contains("allowed here:");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void badParameterValueNamesTheParameter() throws IOException {
    Path cfg =
        config(
            "badparam.yaml",
            """
            strategy: sma_cross
            params: {fast: 50, slow: 20}
            data: {path: %s}
            instrument: EQUITY
            """
                .formatted(resource("tiny.csv")));
    Result r = qz("run", "-c", cfg.toString(), "--db", db.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("'fast' of sma_cross must be < slow (20), was 50");
  }

  @Test
  void badDataNamesFileLineColumnRuleAndValue() throws IOException {
    Path bad = resource("bad-high-low.csv");
    Path cfg = config("bad.yaml", TINY.formatted(bad));
    Result r = qz("run", "-c", cfg.toString(), "--db", db.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(bad.toString() + ":3").contains("high").contains("98");
    assertThat(r.err()).doesNotContain("\tat ");

    Result dropped =
        qz("run", "-c", cfg.toString(), "--db", db.toString(), "--json", "--drop-bad-rows");
    assertThat(dropped.code()).as(dropped.err()).isZero();
    assertThat(dropped.out()).contains("dropped 1 bad row(s)").contains("\"bars\":2");

    Result inspect = qz("data", "inspect", bad.toString());
    assertThat(inspect.code()).isEqualTo(3);
    assertThat(inspect.out()).contains(":3");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(qz("run", "--no-such-option").code()).isEqualTo(2);
    assertThat(qz("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void unknownRunIdIsAUserError() throws IOException {
    Path own = tmp.resolve("unknown-id/q.duckdb");
    Path cfg = config("unknown-id.yaml", TINY.formatted(resource("tiny.csv")));
    assertThat(qz("run", "-c", cfg.toString(), "--db", own.toString(), "--json").code()).isZero();
    Result r = qz("runs", "show", "no-such-run", "--db", own.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("no run with id 'no-such-run'").doesNotContain("\tat ");
    Result none = qz("runs", "list", "--db", tmp.resolve("absent/q.duckdb").toString());
    assertThat(none.code()).isEqualTo(3);
    assertThat(none.err()).contains("no database at");
  }

  @Test
  void versionAndHelp() {
    Result v = qz("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("qz ");
    Result h = qz("--help");
    assertThat(h.out()).contains("run").contains("runs").contains("report").contains("data");
    assertThat(qz("run", "--help").out())
        .contains("--config")
        .contains("--json")
        .contains("--seed");
  }

  @Test
  void defaultRunUsesTheBundledConfigAndRealData() throws IOException {
    Result r = qz("run", "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("symbols").asText()).isEqualTo("BTC-USD");
    assertThat(j.get("bars").asInt()).isEqualTo(20_695);
    assertThat(j.get("metrics").get("trades").asInt()).isGreaterThan(50);
  }
}
