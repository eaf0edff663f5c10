package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qz kill-switch} against real traders in other processes, in a trading directory of its
 * own: a running trader acts on the halt and acknowledges, a session no trader runs is acted on by
 * the command, deactivation asks for confirmation, everything is audited, and the audit key (a
 * canary) appears in no file and no output.
 */
class KillSwitchCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CANARY =
      HexFormat.of()
          .formatHex("kill-switch-canary-secret-0123456789".getBytes(StandardCharsets.UTF_8));

  @TempDir Path tmp;
  final List<String> outputs = new ArrayList<>();

  private Map<String, String> env() {
    return Map.of(
        "QUANTZOO_TRADING_DIR",
        tmp.resolve("trading").toAbsolutePath().toString(),
        "QUANTZOO_AUDIT_KEY",
        CANARY);
  }

  private Path config() throws IOException {
    Path cfg = tmp.resolve("sma_cross_btc.yaml");
    Files.writeString(
        cfg,
        Files.readString(Path.of("..", "configs", "sma_cross_btc.yaml"))
            .replace(
                "../data/btc-usd-4h-2016-2025.csv",
                Path.of("..", "data").toAbsolutePath() + "/btc-usd-4h-2016-2025.csv"));
    return cfg;
  }

  private CliTest.Result qz(String... args) throws Exception {
    try (ChildQz c = ChildQz.start(tmp, env(), args)) {
      c.process.getOutputStream().close(); // no terminal: stdin ends at once
      int code = c.process.waitFor();
      CliTest.Result r = new CliTest.Result(code, c.stdout(), c.stderr());
      outputs.add(r.out());
      outputs.add(r.err());
      return r;
    }
  }

  private Path sessionJournal() throws IOException {
    Path sessions = tmp.resolve("trading").resolve("sessions");
    if (!Files.isDirectory(sessions)) {
      return null;
    }
    try (Stream<Path> s = Files.list(sessions)) {
      return s.map(p -> p.resolve("journal.jsonl")).filter(Files::exists).findFirst().orElse(null);
    }
  }

  private static long count(Path journal, String prefix) throws IOException {
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    return text.lines().filter(l -> l.startsWith(prefix)).count();
  }

  private void awaitBars(Path[] journal, int bars) throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < until) {
      journal[0] = sessionJournal();
      if (journal[0] != null
          && count(journal[0], "{\"k\":\"bar\"") >= bars
          && count(journal[0], "{\"k\":\"intent\"") > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the trader did not get to " + bars + " bars");
  }

  @Test
  void aRunningTraderHaltsAtOnceAndTheCommandReportsItsAcknowledgement() throws Exception {
    Path cfg = config();
    Path[] journal = new Path[1];
    try (ChildQz trader =
        ChildQz.start(tmp, env(), "trade", "-c", cfg.toString(), "--speed", "1440000")) {
      awaitBars(journal, 300);
      CliTest.Result act =
          qz(
              "kill-switch",
              "activate",
              "--reason",
              "test halt",
              "--operator",
              "alice",
              "--close-positions",
              "--json");
      assertThat(act.code()).as(act.err()).isZero();
      JsonNode a = JSON.readTree(act.out());
      assertThat(a.get("state").asText()).isEqualTo("HALTED");
      assertThat(a.get("operator").asText()).isEqualTo("alice");
      assertThat(a.get("close_positions").asBoolean()).isTrue();
      assertThat(a.get("venues")).hasSize(1);
      JsonNode v = a.get("venues").get(0);
      assertThat(v.get("venue").asText()).isEqualTo("paper");
      assertThat(v.get("outcome").asText()).isEqualTo("acknowledged");
      assertThat(v.get("canceled").asInt()).isGreaterThanOrEqualTo(0);
      // the trader goes on, halted: it denies what would add exposure
      long killAt = count(journal[0], "{\"k\":\"bar\"");
      while (count(journal[0], "{\"k\":\"bar\"") < killAt + 300 && trader.process.isAlive()) {
        Thread.sleep(20);
      }
      trader.interrupt();
      assertThat(trader.process.waitFor()).as(trader.stderr()).isZero();
      outputs.add(trader.stdout());
      outputs.add(trader.stderr());
    }
    String j = Files.readString(journal[0], StandardCharsets.UTF_8);
    assertThat(j).contains("\"what\":\"kill\"").contains("\"state\":\"HALTED\"");

    CliTest.Result status = qz("kill-switch", "status", "--json");
    assertThat(status.code()).isZero();
    assertThat(JSON.readTree(status.out()).get("state").asText()).isEqualTo("HALTED");

    // deactivation asks for typed confirmation: none here
    CliTest.Result refused =
        qz("kill-switch", "deactivate", "--reason", "checked", "--operator", "bob");
    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err()).contains("refused (confirmation_failed)");
    CliTest.Result reduce =
        qz("kill-switch", "reduce", "--reason", "wind down", "--operator", "bob", "--json");
    assertThat(reduce.code()).as(reduce.err()).isZero();
    assertThat(JSON.readTree(reduce.out()).get("state").asText()).isEqualTo("REDUCING");
    CliTest.Result off =
        qz("kill-switch", "deactivate", "--reason", "checked", "--operator", "bob", "--yes");
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(JSON.readTree(qz("kill-switch", "status", "--json").out()).get("state").asText())
        .isEqualTo("ACTIVE");

    // every step is in the audit log, which verifies
    CliTest.Result verify = qz("audit", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    CliTest.Result tail = qz("audit", "tail", "-n", "100000", "--json");
    List<String> types = new ArrayList<>();
    for (String l : tail.out().lines().toList()) {
      types.add(JSON.readTree(l).get("event_type").asText());
    }
    assertThat(types)
        .contains(
            "trader_started",
            "config_loaded",
            "order_intent",
            "order_filled",
            "kill_switch_activated",
            "state_changed",
            "venue_cancel_all",
            "kill_switch_deactivated",
            "trader_stopped");
    assertThat(tail.out()).contains("\"trading_dir\":\"" + tmp.resolve("trading").toAbsolutePath());
    noCanary();
  }

  @Test
  void aSessionNoTraderRunsIsActedOnByTheCommandAndResumesHalted() throws Exception {
    Path cfg = config();
    Path[] journal = new Path[1];
    try (ChildQz trader =
        ChildQz.start(tmp, env(), "trade", "-c", cfg.toString(), "--speed", "1440000")) {
      awaitBars(journal, 400);
      trader.process.destroyForcibly().waitFor(); // kill -9: the session is left unfinished
    }
    CliTest.Result act =
        qz("kill-switch", "activate", "--reason", "offline", "--operator", "carol", "--json");
    assertThat(act.code()).as(act.err()).isZero();
    JsonNode v = JSON.readTree(act.out()).get("venues").get(0);
    assertThat(v.get("outcome").asText()).as(v.toString()).isEqualTo("acted");
    String j = Files.readString(journal[0], StandardCharsets.UTF_8);
    assertThat(j).contains("\"what\":\"kill\"");
    assertThat(j.lines().reduce((x, y) -> y).orElseThrow()).doesNotStartWith("{\"k\":\"end\"");

    // its trader resumes it (the replay repeats the kill where it was taken) and trades on halted
    CliTest.Result resumed = qz("trade", "-c", cfg.toString(), "--speed", "max", "--json");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    JsonNode r = JSON.readTree(resumed.out());
    assertThat(r.get("resumed").asBoolean()).isTrue();
    assertThat(r.get("status").asText()).isEqualTo("completed");
    assertThat(r.get("denials").asLong()).as("new exposure denied while halted").isPositive();
    assertThat(qz("audit", "verify").code()).isZero();
    noCanary();
  }

  @Test
  void approvalsAreGrantedForTheStrategysExactCodeListedEndedAndAudited() throws Exception {
    Path cfg = config();
    CliTest.Result g =
        qz(
            "approve",
            "session",
            "-c",
            cfg.toString(),
            "--account",
            "DU123",
            "--max-order-notional",
            "25000",
            "--expires",
            "2h",
            "--operator",
            "alice",
            "--reason",
            "morning session",
            "--json");
    assertThat(g.code()).as(g.err()).isZero();
    JsonNode a = JSON.readTree(g.out());
    assertThat(a.get("strategy").asText()).isEqualTo("sma_cross");
    assertThat(a.get("source_hash").asText()).matches("[0-9a-f]{64}");
    assertThat(a.get("instruments").get(0).asText()).isEqualTo("BTC-USD");
    String id = a.get("id").asText();
    // the same code gives the same hash
    CliTest.Result again =
        qz(
            "approve",
            "session",
            "-c",
            cfg.toString(),
            "--account",
            "DU123",
            "--max-order-notional",
            "1",
            "--expires",
            "90m",
            "--operator",
            "alice",
            "--reason",
            "again",
            "--json");
    assertThat(JSON.readTree(again.out()).get("source_hash").asText())
        .isEqualTo(a.get("source_hash").asText());
    CliTest.Result list = qz("approve", "list", "--json");
    assertThat(JSON.readTree(list.out())).hasSize(2);
    CliTest.Result end = qz("approve", "end", id, "--operator", "bob");
    assertThat(end.code()).as(end.err()).isZero();
    assertThat(qz("approve", "list").out()).contains("ended by bob");
    CliTest.Result tooLong =
        qz(
            "approve",
            "session",
            "-c",
            cfg.toString(),
            "--account",
            "DU123",
            "--max-order-notional",
            "1",
            "--expires",
            "30d",
            "--operator",
            "alice",
            "--reason",
            "x");
    assertThat(tooLong.code()).isEqualTo(ExitCodes.USAGE);
    CliTest.Result tail = qz("audit", "tail", "-n", "50", "--json");
    assertThat(tail.out()).contains("\"approval_granted\"").contains("\"approval_ended\"");
    assertThat(qz("audit", "verify").code()).isZero();
    noCanary();
  }

  private void noCanary() throws IOException {
    List<String> forms =
        List.of(
            CANARY,
            CANARY.toUpperCase(java.util.Locale.ROOT),
            java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(CANARY)),
            "kill-switch-canary-secret");
    for (String o : outputs) {
      for (String f : forms) {
        assertThat(o).doesNotContain(f);
      }
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        for (String f : forms) {
          assertThat(text).as("%s holds the key", p).doesNotContain(f);
        }
      }
    }
  }
}
