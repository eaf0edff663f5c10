package io.quantzoo.live.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads the audit log without the key and without a lock: the last lines ({@link #tail}), or every
 * line as it is appended ({@link #follow}). Only complete lines (ending in a newline) are read;
 * tags are not checked ({@link AuditVerifier} does).
 */
public final class AuditReader {
  private AuditReader() {}

  /** The last {@code n} complete lines of the log in {@code auditDir}, oldest first. */
  public static List<AuditRecord> tail(Path auditDir, int n) {
    if (n <= 0) {
      return List.of();
    }
    List<String> files = AuditFiles.logFiles(auditDir);
    Deque<AuditRecord> out = new ArrayDeque<>();
    for (int i = files.size() - 1; i >= 0 && out.size() < n; i--) {
      List<AuditRecord> lines = lines(auditDir, files.get(i));
      for (int j = lines.size() - 1; j >= 0 && out.size() < n; j--) {
        out.addFirst(lines.get(j));
      }
    }
    return List.copyOf(out);
  }

  /** Every complete line of one file. */
  private static List<AuditRecord> lines(Path auditDir, String name) {
    List<AuditRecord> out = new ArrayList<>();
    long[] no = {0};
    Path file = auditDir.resolve(name);
    if (!Files.exists(file)) {
      return out; // pruned meanwhile
    }
    AuditFiles.scan(
        file,
        0,
        Long.MAX_VALUE,
        (text, start, end, complete) -> {
          if (complete) {
            out.add(AuditRecord.of(name, ++no[0], text));
          }
          return true;
        });
    return Collections.unmodifiableList(out);
  }

  /**
   * Hands {@code sink} the last {@code n} lines, then every line appended after them, across new
   * files, polling every {@code poll}, until {@code stop} says so (checked between polls).
   */
  public static void follow(
      Path auditDir, int n, Consumer<AuditRecord> sink, BooleanSupplier stop, Duration poll)
      throws InterruptedException {
    // where reading goes on: the file, the offset after its last complete line, its line count
    String file = null;
    long offset = 0;
    long lineNo = 0;
    List<String> files = AuditFiles.logFiles(auditDir);
    if (!files.isEmpty()) {
      file = files.get(files.size() - 1);
      Position p = readFrom(auditDir, file, 0, 0, r -> {});
      offset = p.offset;
      lineNo = p.line;
    }
    // lines appended between the position above and the tail are in both: those the tail handed
    // over are skipped when reading goes on from the position
    long lastSeq = 0;
    for (AuditRecord r : tail(auditDir, n)) {
      sink.accept(r);
      lastSeq = Math.max(lastSeq, r.seq());
    }
    while (!stop.getAsBoolean()) {
      if (file != null && Files.exists(auditDir.resolve(file))) {
        final long after = lastSeq;
        List<AuditRecord> fresh = new ArrayList<>();
        Position p = readFrom(auditDir, file, offset, lineNo, fresh::add);
        offset = p.offset;
        lineNo = p.line;
        for (AuditRecord r : fresh) {
          if (r.seq() < 0 || r.seq() > after) {
            sink.accept(r);
            lastSeq = Math.max(lastSeq, r.seq());
          }
        }
      }
      List<String> now = AuditFiles.logFiles(auditDir);
      String next = null;
      for (String f : now) {
        if (file == null || f.compareTo(file) > 0) {
          next = f;
          break;
        }
      }
      if (next != null) {
        // a newer file: finish the current one first (done above), then go on there
        file = next;
        offset = 0;
        lineNo = 0;
        continue;
      }
      Thread.sleep(poll.toMillis());
    }
  }

  private record Position(long offset, long line) {}

  private static Position readFrom(
      Path auditDir, String name, long offset, long line, Consumer<AuditRecord> sink) {
    long[] pos = {offset, line};
    AuditFiles.scan(
        auditDir.resolve(name),
        offset,
        Long.MAX_VALUE,
        (text, start, end, complete) -> {
          if (!complete) {
            return false;
          }
          pos[0] = end;
          sink.accept(AuditRecord.of(name, ++pos[1], text));
          return true;
        });
    return new Position(pos[0], pos[1]);
  }
}
