package io.quantzoo.live.audit;

import static io.quantzoo.live.audit.AuditFixtures.KEY;
import static io.quantzoo.live.audit.AuditFixtures.appendIntents;
import static io.quantzoo.live.audit.AuditFixtures.auditDir;
import static io.quantzoo.live.audit.AuditFixtures.intent;
import static io.quantzoo.live.audit.AuditFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.sweep.Json;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditFixtures.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer: line format and chain, durability, rotation, retention, crash recovery. */
class AuditLogTest {
  @TempDir Path tmp;

  static final Instant T0 = Instant.parse("2026-03-10T14:30:00.123Z");

  @Test
  void eachLineHasEveryFieldAndATagThatIsTheHmacOfThePreviousTagAndItsTextUpToTheTag()
      throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      AuditSeq s1 = log.append(intent(1));
      AuditSeq s2 =
          log.append(AuditEvent.builder(AuditEventType.TRADER_STARTED).operator("alice").build());
      assertThat(s1.seq()).isEqualTo(1);
      assertThat(s2.seq()).isEqualTo(2);
      assertThat(s2.file()).isEqualTo("audit-2026-03-10.jsonl");
    }
    Path file = auditDir(td).resolve("audit-2026-03-10.jsonl");
    List<String> ls = lines(file);
    assertThat(ls).hasSize(2);
    assertThat(ls.get(0))
        .startsWith(
            "{\"seq\":1,\"timestamp\":\"2026-03-10T14:30:00.123Z\",\"event_type\":\"order_intent\","
                + "\"broker\":\"paper\",\"symbol\":\"BTC-USD\",\"side\":\"sell\",\"quantity\":1.5,"
                + "\"order_type\":\"limit\",\"order_id\":\"1\",\"client_order_id\":\"qz7f3a-1\","
                + "\"operator\":\"trader\",\"reason\":\"signal 1\",\"session\":\"s1\","
                + "\"limit_price\":42001.5,\"prev\":\""
                + "0".repeat(64)
                + "\",\"tag\":\"");
    Map<String, Object> second = Json.parseObject(ls.get(1));
    assertThat(second.keySet())
        .containsExactly(
            "seq",
            "timestamp",
            "event_type",
            "broker",
            "symbol",
            "side",
            "quantity",
            "order_type",
            "order_id",
            "client_order_id",
            "operator",
            "reason",
            "session",
            "prev",
            "tag");
    assertThat(second.get("broker")).isNull();
    assertThat(second.get("quantity")).isNull();
    // the chain, recomputed here from the documented definition with the JDK alone
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AuditFixtures.KEY_BYTES, "HmacSHA256"));
    String prev = "0".repeat(64);
    for (String l : ls) {
      int at = l.indexOf(",\"tag\":\"");
      Map<String, Object> f = Json.parseObject(l);
      assertThat(f.get("prev")).isEqualTo(prev);
      mac.update(HexFormat.of().parseHex(prev));
      String tag =
          HexFormat.of()
              .formatHex(mac.doFinal(l.substring(0, at).getBytes(StandardCharsets.UTF_8)));
      assertThat(f.get("tag")).isEqualTo(tag);
      prev = tag;
    }
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.lines()).isEqualTo(2);
    assertThat(v.headSeq()).isEqualTo(2);
  }

  @Test
  void eventsReadBackEqualWhatWasAppended() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    List<AuditEvent> in = new ArrayList<>();
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      for (int i = 1; i <= 3; i++) {
        AuditEvent e = intent(i).withTimestamp(T0.plusSeconds(i));
        in.add(e);
        log.append(e);
      }
      AuditEvent odd =
          AuditEvent.builder(AuditEventType.LIMIT_OVERRIDE)
              .timestamp(T0)
              .operator("bob")
              .reason("quote with \"quotes\", a \\ and a\nnew line, and ,\"tag\":\"x")
              .detail("rule", "max_position")
              .detail("limit", 10)
              .detail("value", 12.5)
              .detail("forced", true)
              .detail("note", null)
              .build();
      in.add(odd);
      log.append(odd);
    }
    List<AuditRecord> out = AuditReader.tail(auditDir(td), 10);
    assertThat(out).extracting(AuditRecord::event).containsExactlyElementsOf(in);
    assertThat(out).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(AuditVerifier.verify(td, KEY).ok()).isTrue();
  }

  @Test
  void aLineIsInTheFileWhenAppendReturns() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      for (int i = 1; i <= 5; i++) {
        AuditSeq s = log.append(intent(i));
        // a fresh reader, another file descriptor: the line is complete, newline included
        byte[] b = Files.readAllBytes(auditDir(td).resolve(s.file()));
        assertThat(b[b.length - 1]).isEqualTo((byte) '\n');
        assertThat(AuditReader.tail(auditDir(td), 1).get(0).tag()).isEqualTo(s.tag());
        assertThat(AuditVerifier.verify(td, KEY).headSeq()).isEqualTo(i);
      }
    }
  }

  @Test
  void anAppendWithoutATimestampGetsTheLogsClock() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    TestClock clock = new TestClock(T0);
    try (AuditLog log = AuditLog.open(td, KEY, clock)) {
      clock.advance(Duration.ofMinutes(5));
      log.append(AuditEvent.builder(AuditEventType.CONFIG_LOADED).build());
    }
    assertThat(AuditReader.tail(auditDir(td), 1).get(0).event().timestamp())
        .isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void filesRotateByUtcDayAndTheChainGoesOnAcrossThem() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    TestClock clock = new TestClock(Instant.parse("2026-03-10T23:59:59Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock)) {
      log.append(intent(1));
      log.append(intent(2));
      clock.set(Instant.parse("2026-03-11T00:00:01Z"));
      AuditSeq s = log.append(intent(3));
      assertThat(s.file()).isEqualTo("audit-2026-03-11.jsonl");
      // a clock that goes back never reopens an older file
      clock.set(Instant.parse("2026-03-10T23:00:00Z"));
      assertThat(log.append(intent(4)).file()).isEqualTo("audit-2026-03-11.jsonl");
    }
    assertThat(AuditFiles.logFiles(auditDir(td)))
        .containsExactly("audit-2026-03-10.jsonl", "audit-2026-03-11.jsonl");
    List<AuditRecord> all = AuditReader.tail(auditDir(td), 10);
    assertThat(all).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(all.get(2).line()).isEqualTo(1);
    assertThat(all.get(2).text()).contains("\"prev\":\"" + all.get(1).tag() + "\"");
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.files()).isEqualTo(2);
    assertThat(v.lines()).isEqualTo(4);
  }

  @Test
  void filesPastTheRetentionAreDeletedAndTheRestStillVerifiesFromTheAnchor() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock, 2)) {
      for (int day = 1; day <= 6; day++) {
        clock.set(Instant.parse(String.format("2026-03-%02dT12:00:00Z", day)));
        log.append(intent(2 * day - 1));
        log.append(intent(2 * day));
      }
    }
    // on March 6 with 2 days kept: March 4, 5, 6 stay (older than March 4 goes)
    assertThat(AuditFiles.logFiles(auditDir(td)))
        .containsExactly(
            "audit-2026-03-04.jsonl", "audit-2026-03-05.jsonl", "audit-2026-03-06.jsonl");
    assertThat(auditDir(td).resolve("ANCHOR")).exists();
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.firstSeq()).isEqualTo(7);
    assertThat(v.lastSeq()).isEqualTo(12);
    assertThat(v.lines()).isEqualTo(6);
    // a new day's open prunes too, and the chain goes on
    clock.set(Instant.parse("2026-03-08T00:00:00Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock, 2)) {
      assertThat(AuditFiles.logFiles(auditDir(td))).containsExactly("audit-2026-03-06.jsonl");
      assertThat(log.append(intent(13)).seq()).isEqualTo(13);
    }
    AuditVerification v2 = AuditVerifier.verify(td, KEY);
    assertThat(v2.ok()).as("%s", v2.problem()).isTrue();
    assertThat(v2.firstSeq()).isEqualTo(11);
  }

  @Test
  void aRetentionOfZeroKeepsEveryFile() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    TestClock clock = new TestClock(Instant.parse("2025-01-01T12:00:00Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock, 0)) {
      log.append(intent(1));
      clock.set(Instant.parse("2026-06-01T12:00:00Z"));
      log.append(intent(2));
    }
    assertThat(AuditFiles.logFiles(auditDir(td))).hasSize(2);
    assertThat(auditDir(td).resolve("ANCHOR")).doesNotExist();
  }

  @Test
  void linesAWriterMadeDurableButDidNotRecordInTheHeadAreAdoptedAndATornLineIsCutOff()
      throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    Path head = auditDir(td).resolve("HEAD");
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      appendIntents(log, 2);
      byte[] headAt2 = Files.readAllBytes(head);
      log.append(intent(3));
      Files.write(head, headAt2); // as if the writer died between the fsync and the head
    }
    Path file = AuditFixtures.onlyFile(td);
    // and another writer died in the middle of a line
    Files.writeString(file, "{\"seq\":4,\"timesta", StandardOpenOption.APPEND);
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.lines()).isEqualTo(3);
    assertThat(v.headSeq()).isEqualTo(2);
    assertThat(v.notes())
        .anySatisfy(n -> assertThat(n).contains("1 line(s) after the head"))
        .anySatisfy(
            n -> assertThat(n).contains("incomplete last line at audit-2026-03-10.jsonl:4"));
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      assertThat(log.append(intent(4)).seq()).isEqualTo(4);
    }
    AuditVerification after = AuditVerifier.verify(td, KEY);
    assertThat(after.ok()).as("%s", after.problem()).isTrue();
    assertThat(after.notes()).isEmpty();
    assertThat(after.lines()).isEqualTo(4);
    assertThat(after.headSeq()).isEqualTo(4);
  }

  @Test
  void aLogThatLostLinesOrItsHeadIsNotAppendedTo() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      appendIntents(log, 3);
    }
    Path file = AuditFixtures.onlyFile(td);
    List<String> ls = lines(file);
    AuditFixtures.write(file, ls.subList(0, 2));
    assertThatThrownBy(() -> AuditLog.open(td, KEY, new TestClock(T0)))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("lines were removed");
    AuditFixtures.write(file, ls);
    Files.delete(auditDir(td).resolve("HEAD"));
    assertThatThrownBy(() -> AuditLog.open(td, KEY, new TestClock(T0)))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("no HEAD");
  }

  @Test
  void aLogIsNotOpenedWithAnotherKey() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      appendIntents(log, 1);
    }
    assertThatThrownBy(() -> AuditLog.open(td, AuditFixtures.OTHER_KEY, new TestClock(T0)))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("HEAD")
        .hasMessageContaining("key");
  }

  @Test
  void anInterruptedThreadStillAppendsAndStaysInterrupted() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    try (AuditLog log = AuditLog.open(td, KEY, new TestClock(T0))) {
      Thread.currentThread().interrupt(); // a trader being stopped records that it stops
      try {
        AuditSeq s =
            log.append(AuditEvent.builder(AuditEventType.TRADER_STOPPED).reason("stop").build());
        assertThat(s.seq()).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      log.append(intent(2));
    }
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.lines()).isEqualTo(2);
  }

  @Test
  void aClosedLogRefusesAppends() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    AuditLog log = AuditLog.open(td, KEY, new TestClock(T0));
    log.close();
    assertThatThrownBy(() -> log.append(intent(1))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void detailsMayNotTakeTheNameOfAField() {
    assertThatThrownBy(
            () -> AuditEvent.builder(AuditEventType.ORDER_DENIED).detail("tag", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tag'");
  }
}
