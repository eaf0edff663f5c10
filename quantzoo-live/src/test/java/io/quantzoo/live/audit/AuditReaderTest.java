package io.quantzoo.live.audit;

import static io.quantzoo.live.audit.AuditFixtures.KEY;
import static io.quantzoo.live.audit.AuditFixtures.auditDir;
import static io.quantzoo.live.audit.AuditFixtures.intent;
import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditFixtures.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last lines, across files; following new lines and new files; unreadable lines. */
class AuditReaderTest {
  @TempDir Path tmp;

  @Test
  void tailTakesTheLastLinesAcrossFilesOldestFirst() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
    try (AuditLog log = AuditLog.open(td, KEY, clock)) {
      for (int i = 1; i <= 6; i++) {
        if (i == 4) {
          clock.set(Instant.parse("2026-03-11T12:00:00Z"));
        }
        log.append(intent(i));
      }
    }
    List<AuditRecord> last = AuditReader.tail(auditDir(td), 4);
    assertThat(last).extracting(AuditRecord::seq).containsExactly(3L, 4L, 5L, 6L);
    assertThat(last.get(0).file()).isEqualTo("audit-2026-03-10.jsonl");
    assertThat(last.get(0).line()).isEqualTo(3);
    assertThat(last.get(1).file()).isEqualTo("audit-2026-03-11.jsonl");
    assertThat(AuditReader.tail(auditDir(td), 100)).hasSize(6);
    assertThat(AuditReader.tail(auditDir(td), 0)).isEmpty();
    assertThat(AuditReader.tail(tmp.resolve("nowhere"), 5)).isEmpty();
  }

  @Test
  void anUnreadableLineIsShownAsSuchAndAnIncompleteOneNotAtAll() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    try (AuditLog log =
        AuditLog.open(td, KEY, new TestClock(Instant.parse("2026-03-10T12:00:00Z")))) {
      log.append(intent(1));
    }
    Path file = AuditFixtures.onlyFile(td);
    Files.writeString(file, "not json\n{\"seq\":3", StandardOpenOption.APPEND);
    List<AuditRecord> rs = AuditReader.tail(auditDir(td), 5);
    assertThat(rs).hasSize(2);
    assertThat(rs.get(1).readable()).isFalse();
    assertThat(rs.get(1).text()).isEqualTo("not json");
    assertThat(rs.get(1).line()).isEqualTo(2);
  }

  @Test
  void followHandsOverNewLinesAndGoesOnInANewFile() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    TestClock clock = new TestClock(Instant.parse("2026-03-10T23:59:00Z"));
    List<AuditRecord> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    try (AuditLog log = AuditLog.open(td, KEY, clock)) {
      log.append(intent(1));
      log.append(intent(2));
      Thread follower =
          new Thread(() -> {
            try {
              AuditReader.follow(auditDir(td), 1, seen::add, stop::get, Duration.ofMillis(10));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      follower.start();
      try {
        awaitSize(seen, 1);
        log.append(intent(3));
        awaitSize(seen, 2);
        clock.set(Instant.parse("2026-03-11T00:00:01Z"));
        log.append(intent(4));
        log.append(intent(5));
        awaitSize(seen, 4);
      } finally {
        stop.set(true);
        follower.join(10_000);
      }
      assertThat(follower.isAlive()).isFalse();
    }
    assertThat(seen).extracting(AuditRecord::seq).containsExactly(2L, 3L, 4L, 5L);
    assertThat(seen.get(3).file()).isEqualTo("audit-2026-03-11.jsonl");
    assertThat(seen.get(3).line()).isEqualTo(2);
  }

  private static void awaitSize(List<?> l, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (l.size() < n) {
      assertThat(System.nanoTime())
          .as("waiting for %d records, have %s", n, l)
          .isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
