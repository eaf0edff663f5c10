package io.quantzoo.live.audit;

import static io.quantzoo.live.audit.AuditFixtures.KEY;
import static io.quantzoo.live.audit.AuditFixtures.OTHER_KEY;
import static io.quantzoo.live.audit.AuditFixtures.appendIntents;
import static io.quantzoo.live.audit.AuditFixtures.auditDir;
import static io.quantzoo.live.audit.AuditFixtures.lines;
import static io.quantzoo.live.audit.AuditFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditFixtures.TestClock;
import io.quantzoo.live.audit.AuditVerification.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of changing the log after the fact is found, and the verifier names the first bad line:
 * its file, its line number and why.
 */
class AuditTamperTest {
  @TempDir Path tmp;
  TradingDirectory td;
  Path file;
  List<String> original;

  static final String FILE = "audit-2026-03-10.jsonl";

  @BeforeEach
  void sixLines() throws Exception {
    td = AuditFixtures.dir(tmp);
    try (AuditLog log =
        AuditLog.open(td, KEY, new TestClock(Instant.parse("2026-03-10T09:00:00Z")))) {
      appendIntents(log, 6);
    }
    file = auditDir(td).resolve(FILE);
    original = lines(file);
    assertThat(AuditVerifier.verify(td, KEY).ok()).isTrue();
  }

  private AuditVerification.Problem problem() {
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("the verifier finds the change").isFalse();
    return v.problem();
  }

  @Test
  void anEditedFieldIsATagMismatchAtThatLine() throws Exception {
    List<String> ls = new ArrayList<>(original);
    ls.set(2, ls.get(2).replace("\"quantity\":3.5", "\"quantity\":35.0"));
    assertThat(ls).isNotEqualTo(original);
    write(file, ls);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.TAG_MISMATCH);
    assertThat(p.file()).isEqualTo(FILE);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.describe()).startsWith(FILE + ":3: ").contains("edited");
  }

  @Test
  void anEditedTagIsFoundToo() throws Exception {
    List<String> ls = new ArrayList<>(original);
    String l = ls.get(4);
    char c = l.charAt(l.length() - 3);
    ls.set(
        4, l.substring(0, l.length() - 3) + (c == 'a' ? 'b' : 'a') + l.substring(l.length() - 2));
    write(file, ls);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.TAG_MISMATCH);
    assertThat(p.line()).isEqualTo(5);
  }

  @Test
  void aDeletedMiddleLineIsASeqGap() throws Exception {
    List<String> ls = new ArrayList<>(original);
    ls.remove(2); // seq 3
    write(file, ls);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.SEQ_GAP);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.seq()).isEqualTo(3);
    assertThat(p.message()).contains("seq 3 is missing");
  }

  @Test
  void twoSwappedLinesAreOutOfOrder() throws Exception {
    List<String> ls = new ArrayList<>(original);
    Collections.swap(ls, 1, 3);
    write(file, ls);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.SEQ_OUT_OF_ORDER);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).contains("reordered");
  }

  @Test
  void aTruncatedTailIsFoundByTheHead() throws Exception {
    write(file, original.subList(0, 4));
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
    assertThat(p.file()).isEqualTo(FILE);
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("ends at seq 4").contains("head records seq 6");
  }

  @Test
  void aTruncatedTailWithTheHeadRewrittenWithoutTheKeyIsFound() throws Exception {
    write(file, original.subList(0, 4));
    Path head = auditDir(td).resolve("HEAD");
    String h = Files.readString(head, StandardCharsets.UTF_8);
    String tag4 = AuditFormat.parse(original.get(3)).tag();
    String tag6 = AuditFormat.parse(original.get(5)).tag();
    String forged =
        h.replace("\"seq\":6", "\"seq\":4")
            .replace(tag6, tag4)
            .replaceFirst("\"size\":[0-9]+", "\"size\":" + Files.size(file));
    assertThat(forged).isNotEqualTo(h);
    Files.writeString(head, forged, StandardCharsets.UTF_8);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.HEAD_INVALID);
    assertThat(p.describe()).startsWith("HEAD: ").contains("mac does not match");
  }

  @Test
  void aTruncatedTailWithTheHeadDeletedIsFound() throws Exception {
    write(file, original.subList(0, 4));
    Files.delete(auditDir(td).resolve("HEAD"));
    assertThat(problem().kind()).isEqualTo(Kind.HEAD_MISSING);
  }

  @Test
  void aWholeLogRecomputedWithAnotherKeyFailsAtItsFirstLine() throws Exception {
    // the attacker rewrites every line (one quantity changed) and the head with a key of their own
    Path other = tmp.resolve("other");
    TradingDirectory forged = AuditFixtures.dir(other);
    try (AuditLog log =
        AuditLog.open(forged, OTHER_KEY, new TestClock(Instant.parse("2026-03-10T09:00:00Z")))) {
      for (int i = 1; i <= 6; i++) {
        log.append(i == 3 ? AuditFixtures.intent(30) : AuditFixtures.intent(i));
      }
    }
    for (String f : List.of(FILE, "HEAD")) {
      Files.copy(
          auditDir(forged).resolve(f),
          auditDir(td).resolve(f),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.TAG_MISMATCH);
    assertThat(p.line()).isEqualTo(1);
    assertThat(AuditVerifier.verify(td, OTHER_KEY).ok()).isTrue();
  }

  @Test
  void theWrongKeyFailsAtTheFirstLine() {
    AuditVerification v = AuditVerifier.verify(td, OTHER_KEY);
    assertThat(v.ok()).isFalse();
    assertThat(v.problem().kind()).isEqualTo(Kind.TAG_MISMATCH);
    assertThat(v.problem().line()).isEqualTo(1);
  }

  @Test
  void aDeletedFileInTheMiddleIsASeqGapAtTheNextFile() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-11T09:00:00Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock)) {
      log.append(AuditFixtures.intent(7));
      clock.set(Instant.parse("2026-03-12T09:00:00Z"));
      log.append(AuditFixtures.intent(8));
    }
    Files.delete(auditDir(td).resolve("audit-2026-03-11.jsonl"));
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.SEQ_GAP);
    assertThat(p.file()).isEqualTo("audit-2026-03-12.jsonl");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.seq()).isEqualTo(7);
  }

  @Test
  void aLineCopiedFromAnotherLogIsFound() throws Exception {
    // same key, another trading directory: its line 3 carries a valid tag, but not for this chain
    Path other = tmp.resolve("other");
    TradingDirectory second = AuditFixtures.dir(other);
    try (AuditLog log =
        AuditLog.open(second, KEY, new TestClock(Instant.parse("2026-03-10T10:00:00Z")))) {
      appendIntents(log, 6);
    }
    List<String> theirs = lines(auditDir(second).resolve(FILE));
    List<String> ls = new ArrayList<>(original);
    ls.set(2, theirs.get(2));
    write(file, ls);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.PREV_MISMATCH);
    assertThat(p.line()).isEqualTo(3);
  }

  @Test
  void anEditedAnchorIsFound() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-20T09:00:00Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock, 5)) {
      log.append(AuditFixtures.intent(7));
    }
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.firstSeq()).isEqualTo(7);
    Path anchor = auditDir(td).resolve("ANCHOR");
    Files.writeString(
        anchor, Files.readString(anchor).replace("\"seq\":6", "\"seq\":5"), StandardCharsets.UTF_8);
    assertThat(problem().kind()).isEqualTo(Kind.ANCHOR_INVALID);
  }

  @Test
  void garbageIsAMalformedLine() throws Exception {
    List<String> ls = new ArrayList<>(original);
    ls.add(1, "hello");
    write(file, ls);
    AuditVerification.Problem p = problem();
    assertThat(p.kind()).isEqualTo(Kind.MALFORMED_LINE);
    assertThat(p.line()).isEqualTo(2);
  }
}
