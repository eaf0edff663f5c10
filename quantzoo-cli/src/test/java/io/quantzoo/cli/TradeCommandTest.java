package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantzoo.live.Journal;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qz trade} end to end: the paper trader on a replay gives {@code qz run}'s trades; import;
 * list; kill -9 and resume; research commands while a trader runs; Ctrl-C. The build points
 * QUANTZOO_TRADING_DIR at target/trading (quantzoo-cli/pom.xml); each test trades its own copy of
 * the data, so its sessions are its own.
 */
class TradeCommandTest {
  @TempDir Path tmp;
  static final ObjectMapper JSON = new ObjectMapper();

  static CliTest.Result qz(String... args) {
    return CliTest.qz(args);
  }

  /** The trading directory is shared by the CLI tests: each trades with the state ACTIVE. */
  @org.junit.jupiter.api.BeforeEach
  void tradingIsActive() {
    CliTest.Result r =
        qz(
            "kill-switch",
            "deactivate",
            "--reason",
            "test setup",
            "--operator",
            "TradeCommandTest",
            "--yes",
            "--override-loss-halt");
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** sma_cross 10/40 long-short with a 2 x ATR stop and a 3 x ATR target on a copy of BTC 4h. */
  private Path config(int bars) throws IOException {
    List<String> rows = Files.readAllLines(Path.of("..", "data", "btc-usd-4h-2016-2025.csv"));
    Path data = tmp.resolve("btc.csv");
    Files.write(data, rows.subList(0, Math.min(rows.size(), bars + 1)), StandardCharsets.UTF_8);
    Path cfg = tmp.resolve("trade.yaml");
    Files.writeString(
        cfg,
        """
        strategy: sma_cross
        params: {fast: 10, slow: 40, direction: long_short, stop_atr: 2, take_profit_atr: 3}
        data: {path: %s, timezone: UTC}
        instrument: BTC-USD
        initial_cash: 100000
        execution:
          fill: next_open
          commission: {type: percent, percent: 0.1}
          slippage: {type: bps, bps: 2}
        sizing: {type: risk, percent: 1}
        seed: 42
        """
            .formatted(data.toAbsolutePath()));
    return cfg;
  }

  private static Path journal(String sessionId) {
    return TradingDirectory.fromEnvironment().sessionDir(sessionId).resolve(Journal.FILE);
  }

  private static List<String> intentIds(Path journal) throws IOException {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    // only lines that end in a newline: a killed trader may leave a torn last line
    for (String l : text.substring(0, Math.max(0, text.lastIndexOf('\n'))).lines().toList()) {
      if (l.startsWith("{\"k\":\"intent\"")) {
        String id = JSON.readTree(l).get("id").asText();
        assertThat(seen.add(id)).as("intent %s journaled once", id).isTrue();
        ids.add(id);
      }
    }
    return ids;
  }

  /** Real money is refused here (QUANTZOO_ENV is not production) before anything is opened. */
  @Test
  void realMoneyIsRefusedByTheEnvironmentGateAndABadModeIsAConfigError() throws IOException {
    assertThat(System.getenv("QUANTZOO_ENV")).as("the tests run outside production").isNull();
    Path cfg = tmp.resolve("live.yaml");
    String base =
        Files.readString(Path.of("..", "configs", "sma_cross_btc.yaml"))
            .replace(
                "../data/btc-usd-4h-2016-2025.csv",
                Path.of("..", "data").toAbsolutePath() + "/btc-usd-4h-2016-2025.csv");
    Files.writeString(cfg, base + "\nmode: live\n");
    CliTest.Result live = qz("trade", "-c", cfg.toString(), "--live");
    assertThat(live.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(live.err()).contains("refused (environment_not_production)");
    CliTest.Result noFlag = qz("trade", "-c", cfg.toString());
    assertThat(noFlag.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(noFlag.err()).contains("refused (environment_not_production)");
    Path paper = tmp.resolve("paper.yaml");
    Files.writeString(paper, base);
    CliTest.Result flagOnly = qz("trade", "-c", paper.toString(), "--live");
    assertThat(flagOnly.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(flagOnly.err()).contains("environment_not_production");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, base + "\nmode: real\n");
    CliTest.Result badMode = qz("trade", "-c", bad.toString());
    assertThat(badMode.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badMode.err()).contains("mode").contains("'real'");
    // nothing was started: no session for any of them
    assertThat(live.err()).doesNotContain("new session");
  }

  @Test
  void theTradingDirectoryIsAbsoluteAndOutsideTheWorkingDirectory() {
    assertThat(System.getenv("QUANTZOO_TRADING_DIR")).isNotBlank();
    assertThat(TradingDirectory.fromEnvironment().root()).isAbsolute();
  }

  @Test
  void aReplayAtMaxSpeedOnThePaperBrokerGivesTheBacktestsTradesAndImportsAsARunOfKindTrade()
      throws IOException {
    Path cfg = tmp.resolve("sma_cross_btc.yaml");
    Files.copy(Path.of("..", "configs", "sma_cross_btc.yaml"), cfg);
    Files.writeString(
        cfg,
        Files.readString(cfg)
                .replace(
                    "../data/btc-usd-4h-2016-2025.csv",
                    Path.of("..", "data").toAbsolutePath() + "/btc-usd-4h-2016-2025.csv")
            // every pre-trade limit set: qz run applies exactly these, and so does qz trade
            // (whose defaults they replace), so both trade through the same gate
            + """

            risk:
              max_order_quantity: 1000000
              max_order_notional: 1.0e12
              max_position_quantity: 1000000
              max_position_notional: 1.0e12
              max_gross_exposure: 1.0e12
              max_open_orders: 1000
              max_orders_per_second: 100
              price_collar_pct: 10
              duplicate_window: 1s
              leverage: 10
              max_daily_loss: 1.0e12
              max_drawdown_pct: 99
              stale_bars: 3
              session_hours: true
            """);
    String db = tmp.resolve("q.duckdb").toString();
    CliTest.Result run = qz("run", "-c", cfg.toString(), "--db", db, "--json", "--no-report");
    assertThat(run.code()).as(run.err()).isZero();
    CliTest.Result trade =
        qz(
            "trade",
            "-c",
            cfg.toString(),
            "--feed",
            "replay",
            "--speed",
            "max",
            "--broker",
            "paper",
            "--json");
    assertThat(trade.code()).as(trade.err()).isZero();
    assertThat(trade.err()).contains("trading directory: " + TradingDirectory.fromEnvironment());
    JsonNode r = JSON.readTree(run.out());
    JsonNode t = JSON.readTree(trade.out());
    assertThat(t.get("status").asText()).isEqualTo("completed");
    for (String k :
        List.of("run_id", "status", "orders", "fills", "trades", "denials", "final_equity")) {
      assertThat(t.has(k)).as(k).isTrue();
    }
    assertThat(t.get("final_equity").asDouble())
        .isEqualTo(r.get("metrics").get("final_equity").asDouble());
    assertThat(t.get("trades").asInt()).isEqualTo(r.get("metrics").get("trades").asInt());
    String id = t.get("run_id").asText();
    intentIds(journal(id));

    CliTest.Result imp = qz("trade", "import", id, "--db", db, "--json");
    assertThat(imp.code()).as(imp.err()).isZero();
    JsonNode i = JSON.readTree(imp.out());
    assertThat(i.get("run_id").asText()).isEqualTo(id);
    assertThat(i.get("kind").asText()).isEqualTo("trade");
    assertThat(i.get("metrics").get("final_equity").asDouble())
        .isEqualTo(r.get("metrics").get("final_equity").asDouble());
    try (RunStore store = RunStore.open(Path.of(db))) {
      assertThat(store.loadRun(id).trades())
          .isEqualTo(store.loadRun(r.get("run_id").asText()).trades());
      assertThat(store.loadRun(id).fills())
          .isEqualTo(store.loadRun(r.get("run_id").asText()).fills());
    }
    CliTest.Result show = qz("runs", "show", id, "--db", db, "--json");
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("\"kind\":\"trade\"");
    CliTest.Result report =
        qz("report", id, "--db", db, "--format", "md", "--out", tmp.resolve("r").toString());
    assertThat(report.code()).as(report.err()).isZero();

    CliTest.Result again = qz("trade", "import", id, "--db", db);
    assertThat(again.code()).isEqualTo(3);
    assertThat(again.err()).contains("already in").contains("qz runs show " + id);

    CliTest.Result list = qz("trade", "list", "--json");
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode sessions = JSON.readTree(list.out());
    boolean found = false;
    for (JsonNode s : sessions) {
      if (s.get("session_id").asText().equals(id)) {
        found = true;
        assertThat(s.get("status").asText()).isEqualTo("completed");
        assertThat(s.get("trades").asInt()).isEqualTo(t.get("trades").asInt());
      }
    }
    assertThat(found).isTrue();
    CliTest.Result text = qz("trade", "list");
    assertThat(text.out()).contains("trading directory: ").contains(id);
  }

  @Test
  void killNineMidSessionThenTheSameCommandResumesWithoutADuplicateOrder() throws Exception {
    Path cfg = config(3000);
    String db = tmp.resolve("q.duckdb").toString();
    // 4-hour bars at 720,000x: 20 ms a bar, a minute for the file; killed after a few orders
    String id;
    int intentsBefore;
    try (ChildQz child =
        ChildQz.start(tmp, Map.of(), "trade", "-c", cfg.toString(), "--speed", "720000")) {
      id = awaitSession(child);
      Path journal = journal(id);
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (count(journal, "{\"k\":\"intent\"") < 6) {
        assertThat(child.process.isAlive()).as(child.stderr()).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(5);
      }
      child.process.destroyForcibly().waitFor(); // kill -9
      intentsBefore = intentIds(journal).size();
    }
    CliTest.Result resumed = qz("trade", "-c", cfg.toString(), "--speed", "max", "--json");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming session " + id);
    JsonNode t = JSON.readTree(resumed.out());
    assertThat(t.get("run_id").asText()).isEqualTo(id);
    assertThat(t.get("resumed").asBoolean()).isTrue();
    assertThat(t.get("status").asText()).isEqualTo("completed");

    CliTest.Result run = qz("run", "-c", cfg.toString(), "--db", db, "--json", "--no-report");
    JsonNode r = JSON.readTree(run.out());
    assertThat(t.get("final_equity").asDouble())
        .isEqualTo(r.get("metrics").get("final_equity").asDouble());
    assertThat(t.get("trades").asInt()).isEqualTo(r.get("metrics").get("trades").asInt());
    List<String> ids = intentIds(journal(id)); // asserts no client order id twice
    assertThat(ids.size()).isGreaterThan(intentsBefore);
    assertThat((long) ids.size()).isEqualTo(t.get("orders").asLong());
  }

  @Test
  void researchCommandsWorkWhileATraderRunsAndCtrlCStopsItCleanly() throws Exception {
    Path cfg = config(3000);
    // 4-hour bars at 144,000x: 100 ms a bar, five minutes for the file
    try (ChildQz trader =
        ChildQz.start(
            tmp, Map.of(), "trade", "-c", cfg.toString(), "--speed", "144000", "--json")) {
      String id = awaitSession(trader);
      Path journal = journal(id);
      while (count(journal, "{\"k\":\"bar\"") < 5) {
        assertThat(trader.process.isAlive()).as(trader.stderr()).isTrue();
        Thread.sleep(20);
      }
      // qz run and qz runs list with the default database (./.quantzoo/quantzoo.duckdb)
      CliTest.Result run = ChildQz.run(tmp, "run", "-c", cfg.toString(), "--json", "--no-report");
      assertThat(run.code()).as(run.err()).isZero();
      CliTest.Result runs = ChildQz.run(tmp, "runs", "list");
      assertThat(runs.code()).as(runs.err()).isZero();
      assertThat(runs.out()).contains(JSON.readTree(run.out()).get("run_id").asText());
      assertThat(Files.exists(tmp.resolve(".quantzoo/quantzoo.duckdb"))).isTrue();
      CliTest.Result list = qz("trade", "list", "--json");
      boolean running = false;
      for (JsonNode s : JSON.readTree(list.out())) {
        running |=
            s.get("session_id").asText().equals(id) && s.get("status").asText().equals("running");
      }
      assertThat(running).as(list.out()).isTrue();
      // a second trader of the same config is refused: two traders never run one session
      CliTest.Result second = qz("trade", "-c", cfg.toString());
      assertThat(second.code()).isEqualTo(4);
      assertThat(second.err()).contains("refused").contains(id);
      assertThat(trader.process.isAlive()).isTrue();

      trader.interrupt(); // Ctrl-C
      int code = trader.process.waitFor();
      assertThat(code).as(trader.stderr()).isZero();
      JsonNode out = JSON.readTree(trader.stdout());
      assertThat(out.get("status").asText()).isEqualTo("stopped");
      assertThat(trader.stderr()).contains("note: stopped by a signal");
      List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
      JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
      assertThat(end.get("k").asText()).isEqualTo("end");
      assertThat(end.get("status").asText()).isEqualTo("stopped");
    }
  }

  @Test
  void badOptionsAreUsageErrorsWithoutAStackTrace() throws IOException {
    Path cfg = config(200);
    CliTest.Result speed = qz("trade", "-c", cfg.toString(), "--speed", "0");
    assertThat(speed.code()).isEqualTo(2);
    assertThat(speed.err()).contains("--speed").doesNotContain("at io.quantzoo");
    CliTest.Result broker = qz("trade", "-c", cfg.toString(), "--broker", "alpaca");
    assertThat(broker.code()).isEqualTo(3);
    assertThat(broker.err()).contains("broker 'alpaca'").doesNotContain("at io.quantzoo");
    CliTest.Result durable = qz("trade", "-c", cfg.toString(), "--durable", "paper");
    assertThat(durable.code()).isEqualTo(2);
  }

  @Test
  void aRelativeTradingDirectoryIsRefused() throws Exception {
    try (ChildQz c =
        ChildQz.start(tmp, Map.of("QUANTZOO_TRADING_DIR", "trading"), "trade", "list")) {
      assertThat(c.process.waitFor()).isEqualTo(4);
      assertThat(c.stderr()).contains("absolute").doesNotContain("at io.quantzoo");
    }
  }

  private static String awaitSession(ChildQz child) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      for (String line : child.stderr().lines().toList()) {
        int i = line.indexOf("session ");
        if ((line.startsWith("new session ") || line.startsWith("resuming session ")) && i >= 0) {
          return line.substring(i + 8, line.indexOf(':', i));
        }
      }
      assertThat(child.process.isAlive()).as(child.stderr()).isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static int count(Path journal, String prefix) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    int n = 0;
    for (String l : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      if (l.startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }
}
