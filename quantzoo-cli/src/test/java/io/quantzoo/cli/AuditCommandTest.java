package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditKey;
import io.quantzoo.live.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qz audit verify} and {@code qz audit tail} as real processes on a trading directory of
 * their own (QUANTZOO_TRADING_DIR), with the key in QUANTZOO_AUDIT_KEY or the key file.
 */
class AuditCommandTest {
  @TempDir Path tmp;
  static final ObjectMapper JSON = new ObjectMapper();

  /** A canary secret: if it shows up anywhere, the key leaked. */
  static final byte[] CANARY = "qz-canary-7f3a9c-do-not-log-0001".getBytes(StandardCharsets.UTF_8);

  static final String CANARY_HEX = HexFormat.of().formatHex(CANARY);

  private TradingDirectory td() {
    return TradingDirectory.at(tmp.resolve("trading").toAbsolutePath()).create();
  }

  private Map<String, String> env(String key) {
    return key == null
        ? Map.of(TradingDirectory.ENV, td().root().toString())
        : Map.of(TradingDirectory.ENV, td().root().toString(), AuditKey.ENV, key);
  }

  private CliTest.Result qz(Map<String, String> env, String... args) throws Exception {
    try (ChildQz c = ChildQz.start(tmp, env, args)) {
      int code = c.process.waitFor();
      return new CliTest.Result(code, c.stdout(), c.stderr());
    }
  }

  /** Appends the events of a short session, the key from {@code env}. */
  private void session(Map<String, String> env) {
    TradingDirectory td = td();
    try (AuditLog log = AuditLog.open(td, AuditKey.forWriting(td, env), Clock.systemUTC())) {
      log.append(
          AuditEvent.builder(AuditEventType.CONFIG_LOADED)
              .operator("alice")
              .session("s1")
              .detail("config", "/etc/qz/trade.yaml")
              .build());
      log.append(
          AuditEvent.builder(AuditEventType.ORDER_INTENT)
              .broker("paper")
              .symbol("BTC-USD")
              .side(Side.BUY)
              .quantity(0.25)
              .orderType(OrderType.LIMIT)
              .orderId("7")
              .clientOrderId("qz7f3a-7")
              .operator("trader")
              .reason("sma_cross entry")
              .session("s1")
              .build());
      log.append(
          AuditEvent.builder(AuditEventType.ORDER_DENIED)
              .broker("paper")
              .symbol("BTC-USD")
              .side(Side.SELL)
              .quantity(3)
              .orderType(OrderType.MARKET)
              .orderId("8")
              .operator("trader")
              .reason("max position exceeded")
              .session("s1")
              .detail("rule", "max_position")
              .detail("limit", 2)
              .build());
    }
  }

  private Path logFile() throws IOException {
    try (Stream<Path> s = Files.list(AuditLog.directory(td()))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
  }

  @Test
  void verifySaysOkThenNamesTheFirstBadLineAndExitsThree() throws Exception {
    Map<String, String> env = env(CANARY_HEX);
    CliTest.Result empty = qz(env, "audit", "verify");
    assertThat(empty.code()).as(empty.err()).isZero();
    assertThat(empty.out()).contains("no audit log yet");

    session(env);
    CliTest.Result ok = qz(env, "audit", "verify");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("audit log OK: 3 lines in 1 file(s), seq 1..3, head at seq 3");

    Path file = logFile();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(1, lines.get(1).replace("\"quantity\":0.25", "\"quantity\":2.5"));
    Files.write(file, lines);
    CliTest.Result bad = qz(env, "audit", "verify");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.out())
        .contains("audit log NOT OK: " + file + ":2: tag_mismatch")
        .contains("edited");
    assertThat(bad.err()).doesNotContain("Exception").doesNotContain("\tat ");
    CliTest.Result badJson = qz(env, "audit", "verify", "--json");
    assertThat(badJson.code()).isEqualTo(ExitCodes.BAD_INPUT);
    JsonNode j = JSON.readTree(badJson.out());
    assertThat(j.get("ok").asBoolean()).isFalse();
    assertThat(j.get("problem").get("kind").asText()).isEqualTo("tag_mismatch");
    assertThat(j.get("problem").get("file").asText()).isEqualTo(file.toString());
    assertThat(j.get("problem").get("line").asInt()).isEqualTo(2);
    assertThat(j.get("lines").asInt()).isEqualTo(1);

    // the tail truncated instead: the head tells
    Files.write(file, lines.subList(0, 1));
    CliTest.Result cut = qz(env, "audit", "verify");
    assertThat(cut.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cut.out()).contains(file + ":2: truncated").contains("head records seq 3");
  }

  @Test
  void tailPrintsTheLastLinesReadablyOrAsTheyAre() throws Exception {
    Map<String, String> env = env(CANARY_HEX);
    session(env);
    CliTest.Result t = qz(env, "audit", "tail", "-n", "2");
    assertThat(t.code()).as(t.err()).isZero();
    List<String> out = t.out().lines().toList();
    assertThat(out).hasSize(2);
    assertThat(out.get(0))
        .contains("     2 ")
        .contains("order_intent")
        .contains("BTC-USD buy 0.25 limit")
        .contains("order 7 (qz7f3a-7)")
        .contains("broker paper")
        .contains("by trader")
        .contains("reason: sma_cross entry");
    assertThat(out.get(1))
        .contains("order_denied")
        .contains("BTC-USD sell 3 market")
        .contains("rule=max_position")
        .contains("limit=2");
    CliTest.Result j = qz(env, "audit", "tail", "--json");
    assertThat(j.code()).as(j.err()).isZero();
    assertThat(j.out()).isEqualTo(Files.readString(logFile()));
    CliTest.Result usage = qz(env, "audit", "tail", "-n", "-1");
    assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void tailFollowPrintsLinesAsTheyAreAppended() throws Exception {
    Map<String, String> env = env(CANARY_HEX);
    session(env);
    try (ChildQz c = ChildQz.start(tmp, env, "audit", "tail", "-n", "1", "--follow")) {
      await(c, "order_denied");
      TradingDirectory td = td();
      try (AuditLog log = AuditLog.open(td, AuditKey.forWriting(td, env), Clock.systemUTC())) {
        log.append(
            AuditEvent.builder(AuditEventType.KILL_SWITCH_ACTIVATED)
                .operator("bob")
                .reason("drawdown")
                .build());
      }
      await(c, "kill_switch_activated");
      assertThat(c.stdout()).doesNotContain("order_intent");
      assertThat(c.process.isAlive()).isTrue();
    }
  }

  private static void await(ChildQz c, String text) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!c.stdout().contains(text)) {
      assertThat(c.process.isAlive()).as(c.stderr()).isTrue();
      assertThat(System.nanoTime()).as("waiting for %s", text).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void aKeyFileOthersMayReadIsRefusedWithExitThree() throws Exception {
    Map<String, String> env = env(null);
    session(env); // creates the key file
    Path key = AuditKey.keyFile(td());
    assertThat(key).exists();
    CliTest.Result ok = qz(env, "audit", "verify");
    assertThat(ok.code()).as(ok.err()).isZero();
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    CliTest.Result r = qz(env, "audit", "verify");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("error: audit: ").contains(key.toString()).contains("chmod 600");
    assertThat(r.err()).doesNotContain("\tat ");
    String secret = Files.readString(key).strip();
    assertThat(r.out() + r.err()).doesNotContain(secret);
  }

  @Test
  void theKeyAppearsInNoFileAndNoOutput() throws Exception {
    Map<String, String> env = env(CANARY_HEX);
    session(env);
    List<CliTest.Result> results = new ArrayList<>();
    results.add(qz(env, "audit", "verify"));
    results.add(qz(env, "audit", "verify", "--json"));
    results.add(qz(env, "audit", "tail", "-n", "50"));
    results.add(qz(env, "audit", "tail", "--json"));
    results.add(qz(env, "--verbose", "audit", "verify"));
    // a bad log and a wrong key: the error paths print too
    Path file = logFile();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(1);
    Files.write(file, lines);
    results.add(qz(env, "audit", "verify"));
    String shortCanary = new String(CANARY, StandardCharsets.UTF_8).substring(0, 20);
    results.add(qz(env(shortCanary), "--verbose", "audit", "verify"));
    assertThat(results.get(0).code()).isZero();
    assertThat(results.get(5).code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(results.get(6).code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(results.get(6).err()).contains(AuditKey.ENV);

    List<String> forms =
        List.of(
            new String(CANARY, StandardCharsets.UTF_8),
            shortCanary,
            CANARY_HEX,
            CANARY_HEX.toUpperCase(Locale.ROOT),
            Base64.getEncoder().encodeToString(CANARY),
            Base64.getUrlEncoder().withoutPadding().encodeToString(CANARY));
    for (CliTest.Result r : results) {
      for (String f : forms) {
        assertThat(r.out()).doesNotContain(f);
        assertThat(r.err()).doesNotContain(f);
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(tmp)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path p : files) {
      String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      for (String f : forms) {
        assertThat(text).as("%s", p).doesNotContain(f);
      }
      assertThat(Files.readAllBytes(p).length == 0 || !contains(Files.readAllBytes(p), CANARY))
          .as("the raw key bytes in %s", p)
          .isTrue();
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
