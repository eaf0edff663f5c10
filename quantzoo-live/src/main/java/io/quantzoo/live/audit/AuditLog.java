package io.quantzoo.live.audit;

import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditHeads.Anchor;
import io.quantzoo.live.audit.AuditHeads.Head;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * The audit trail's writer: appends {@link AuditEvent}s to {@code <trading dir>/audit/}, one JSON
 * line each, chained by HMAC tags (docs/AUDIT.md). Thread-safe, and safe for many processes on one
 * machine: each batch of lines is written holding an OS lock on {@code audit/lock}.
 *
 * <p>{@link #append} returns only when the line is on the disk (fsync): record the action, then
 * acknowledge it. Concurrent callers share one write and one fsync (group commit): the first caller
 * becomes the leader and writes every line queued meanwhile.
 *
 * <p>Files are per UTC day of the append ({@code audit-YYYY-MM-DD.jsonl}, by the log's clock; a
 * clock that goes back keeps writing to the latest file), so a file only ever grows at its end. At
 * open and at each new file, files older than the retention are deleted after the anchor records
 * where the remaining log starts.
 */
public final class AuditLog implements AutoCloseable {
  /** Days the files are kept by default (the reference design's 90). */
  public static final int DEFAULT_RETENTION_DAYS = 90;

  /** The audit directory's name in the trading directory. */
  public static final String DIR = "audit";

  private final Path dir;
  private final Clock clock;
  private final int retentionDays;
  private final Mac mac; // used by the leader only, one at a time

  private final Object monitor = new Object();
  private final List<Pending> queue = new ArrayList<>();
  private boolean writing;
  private boolean closed;
  private long batches;
  private long appended;

  private AuditLog(Path dir, AuditKey key, Clock clock, int retentionDays) {
    this.dir = dir;
    this.clock = clock;
    this.retentionDays = retentionDays;
    this.mac = key.newMac();
  }

  /** The audit directory of {@code td}: {@code <trading dir>/audit}. */
  public static Path directory(TradingDirectory td) {
    return td.root().resolve(DIR);
  }

  /** {@link #open(TradingDirectory, AuditKey, Clock, int)} with the default retention. */
  public static AuditLog open(TradingDirectory td, AuditKey key, Clock clock) {
    return open(td, key, clock, DEFAULT_RETENTION_DAYS);
  }

  /**
   * Opens the audit log of {@code td} for appending: checks its head with {@code key}, adopts lines
   * that a writer that crashed had made durable but not yet recorded in the head, cuts off a torn
   * last line, and deletes files past the retention.
   *
   * @param retentionDays days the files are kept, counted back from the current file's day; 0 or
   *     less: forever
   * @throws AuditException if the head does not verify with {@code key}, the log has lost lines the
   *     head records, or the directory cannot be written
   */
  public static AuditLog open(TradingDirectory td, AuditKey key, Clock clock, int retentionDays) {
    Path dir = directory(td);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new AuditException("cannot create the audit directory " + dir + ": " + e, e);
    }
    AuditLog log =
        new AuditLog(
            dir,
            Objects.requireNonNull(key, "key"),
            Objects.requireNonNull(clock, "clock"),
            retentionDays);
    log.maintain();
    return log;
  }

  /** The audit directory. */
  public Path directory() {
    return dir;
  }

  /** Days the files are kept (0 or less: forever). */
  public int retentionDays() {
    return retentionDays;
  }

  /** Batches written by this log (each one lock, one write, one fsync). */
  public long batches() {
    synchronized (monitor) {
      return batches;
    }
  }

  /** Lines appended by this log. */
  public long appended() {
    synchronized (monitor) {
      return appended;
    }
  }

  /**
   * Appends {@code event} (timestamped now by the log's clock unless it has a timestamp) and
   * returns once its line is on the disk.
   *
   * @return the line's seq, tag and file
   * @throws AuditException if it could not be made durable: do not acknowledge the action
   * @throws IllegalStateException if the log is closed
   */
  public AuditSeq append(AuditEvent event) {
    Pending p = new Pending(Objects.requireNonNull(event, "event"));
    List<Pending> batch;
    boolean interrupted = false;
    synchronized (monitor) {
      if (closed) {
        throw new IllegalStateException("the audit log " + dir + " is closed");
      }
      queue.add(p);
      while (true) {
        if (p.done) {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
          return p.result();
        }
        if (!writing) {
          writing = true;
          batch = new ArrayList<>(queue);
          queue.clear();
          break;
        }
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          interrupted = true; // the line is queued: wait for it all the same
        }
      }
    }
    RuntimeException failure = null;
    // file locks and channels give up on an interrupted thread: a trader that is being stopped
    // must still record that it stops, and the followers' lines must not fail for it
    boolean wasInterrupted = Thread.interrupted();
    try {
      write(batch);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      if (wasInterrupted) {
        interrupted = true;
      }
      synchronized (monitor) {
        writing = false;
        for (Pending q : batch) {
          q.failure = failure;
          q.done = true;
        }
        if (failure == null) {
          batches++;
          appended += batch.size();
        }
        monitor.notifyAll();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return p.result();
  }

  /** Waits for appends in flight, then refuses new ones. Files are closed after every batch. */
  @Override
  public void close() {
    synchronized (monitor) {
      closed = true;
      boolean interrupted = false;
      while (writing || !queue.isEmpty()) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class Pending {
    final AuditEvent event;
    AuditSeq seq;
    RuntimeException failure;
    boolean done;

    Pending(AuditEvent event) {
      this.event = event;
    }

    AuditSeq result() {
      if (failure != null) {
        throw failure instanceof AuditException a
            ? new AuditException(a.getMessage(), a)
            : new AuditException("cannot append to the audit log: " + failure, failure);
      }
      return seq;
    }
  }

  /** Recovery and retention at open, under the lock. */
  private void maintain() {
    Instant now = clock.instant();
    AuditFiles.locked(
        dir,
        () -> {
          Head before = AuditHeads.readHead(dir, mac);
          Head h = recover(before);
          if (!h.equals(before)) {
            AuditHeads.writeHead(dir, mac, h, now);
          }
          prune(h, day(now, h));
          return null;
        });
  }

  private void write(List<Pending> batch) {
    Instant now = clock.instant();
    AuditFiles.locked(
        dir,
        () -> {
          Head h = recover(AuditHeads.readHead(dir, mac));
          LocalDate day = day(now, h);
          String name = AuditFiles.fileName(day);
          long seq = h.seq();
          String prev = h.tag();
          StringBuilder text = new StringBuilder(batch.size() * 400);
          List<AuditSeq> done = new ArrayList<>(batch.size());
          for (Pending p : batch) {
            AuditEvent e = p.event.timestamp() == null ? p.event.withTimestamp(now) : p.event;
            seq++;
            String body = AuditFormat.body(seq, e, prev);
            String tag = AuditFormat.tag(mac, prev, body);
            text.append(AuditFormat.line(body, tag)).append('\n');
            done.add(new AuditSeq(seq, tag, name));
            prev = tag;
          }
          Path file = dir.resolve(name);
          boolean fresh = !Files.exists(file);
          long size =
              AuditFiles.appendDurably(file, text.toString().getBytes(StandardCharsets.UTF_8));
          if (fresh) {
            AuditFiles.syncDirectory(dir);
          }
          Head next = new Head(seq, prev, name, size);
          AuditHeads.writeHead(dir, mac, next, now);
          for (int i = 0; i < batch.size(); i++) {
            batch.get(i).seq = done.get(i);
          }
          if (!name.equals(h.file())) {
            prune(next, day);
          }
          return null;
        });
  }

  /** The UTC day of {@code now}, but never before the day of the head's file. */
  private static LocalDate day(Instant now, Head h) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate last = h.file() == null ? null : AuditFiles.dayOf(h.file());
    return last != null && last.isAfter(today) ? last : today;
  }

  /**
   * The true end of the log, given the head read (null: none): the head, plus any lines after it
   * that a crashed writer made durable (each must carry on the chain), minus a torn last line,
   * which is cut off.
   */
  private Head recover(Head head) {
    Anchor anchor = AuditHeads.readAnchor(dir, mac);
    List<String> files = AuditFiles.logFiles(dir);
    String after = anchor == null ? "" : anchor.through();
    if (head == null) {
      List<String> kept = files.stream().filter(f -> f.compareTo(after) > 0).toList();
      if (!kept.isEmpty()) {
        throw new AuditException(
            "the audit directory "
                + dir
                + " has log files but no "
                + AuditFiles.HEAD
                + ": it was deleted; run qz audit verify");
      }
      return anchor == null
          ? new Head(0, AuditFormat.GENESIS, null, 0)
          : new Head(anchor.seq(), anchor.tag(), null, 0);
    }
    Head h = head;
    List<String> scan = new ArrayList<>();
    if (h.file() != null) {
      Path hf = dir.resolve(h.file());
      long size = sizeOrMinusOne(hf);
      if (size < h.size()) {
        throw new AuditException(
            "the audit log "
                + hf
                + (size < 0 ? " is missing" : " is shorter (" + size + " bytes)")
                + " but the head records "
                + h.size()
                + " bytes up to seq "
                + h.seq()
                + ": lines were removed; run qz audit verify");
      }
      scan.add(h.file());
    }
    String from = h.file() == null ? after : h.file();
    for (String f : files) {
      if (f.compareTo(from) > 0) {
        scan.add(f);
      }
    }
    for (int i = 0; i < scan.size(); i++) {
      String name = scan.get(i);
      long offset = name.equals(h.file()) ? h.size() : 0;
      h = adopt(h, name, offset, i == scan.size() - 1);
    }
    return h;
  }

  /** Adopts the complete lines of {@code name} after {@code offset}; see {@link #recover}. */
  private Head adopt(Head h, String name, long offset, boolean last) {
    Path file = dir.resolve(name);
    long size = sizeOrMinusOne(file);
    if (size <= offset) {
      return h;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AuditException("cannot read the audit log " + file + ": " + e, e);
    }
    int pos = (int) offset;
    Head cur = h;
    while (pos < bytes.length) {
      int nl = pos;
      while (nl < bytes.length && bytes[nl] != '\n') {
        nl++;
      }
      if (nl == bytes.length) {
        if (!last) {
          throw new AuditException(
              "the audit log " + file + " ends in an incomplete line; run qz audit verify");
        }
        AuditFiles.truncate(file, pos); // a torn write of a writer that crashed
        break;
      }
      String text = new String(bytes, pos, nl - pos, StandardCharsets.UTF_8);
      AuditFormat.Parsed p;
      try {
        p = AuditFormat.parse(text);
      } catch (IllegalArgumentException e) {
        throw afterHead(file, cur, e.getMessage());
      }
      if (!p.authentic(mac)) {
        throw afterHead(file, cur, "its tag does not match");
      }
      if (p.seq() != cur.seq() + 1 || !p.prev().equals(cur.tag())) {
        throw afterHead(file, cur, "it does not follow seq " + cur.seq());
      }
      pos = nl + 1;
      cur = new Head(p.seq(), p.tag(), name, pos);
    }
    return cur;
  }

  private AuditException afterHead(Path file, Head h, String why) {
    return new AuditException(
        "the audit log "
            + file
            + " has a line after seq "
            + h.seq()
            + " that is not valid ("
            + why
            + "); run qz audit verify");
  }

  private static long sizeOrMinusOne(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Deletes the files whose day is more than the retention before {@code today}, and any left over
   * from an interrupted pruning, after sealing the anchor at the last line they hold. A file whose
   * last line does not verify is kept, with every file after it.
   */
  private void prune(Head head, LocalDate today) {
    Anchor anchor = AuditHeads.readAnchor(dir, mac);
    List<String> files = AuditFiles.logFiles(dir);
    List<String> old = new ArrayList<>();
    if (retentionDays > 0) {
      LocalDate cutoff = today.minusDays(retentionDays);
      for (String f : files) {
        if (AuditFiles.dayOf(f).isBefore(cutoff) && !f.equals(head.file())) {
          old.add(f);
        }
      }
    }
    if (!old.isEmpty()) {
      Anchor next = anchorAt(old, anchor);
      if (next == null) {
        return;
      }
      AuditHeads.writeAnchor(dir, mac, next, clock.instant());
      anchor = next;
    }
    if (anchor == null) {
      return;
    }
    boolean deleted = false;
    for (String f : files) {
      if (f.compareTo(anchor.through()) <= 0) {
        try {
          deleted |= Files.deleteIfExists(dir.resolve(f));
        } catch (IOException e) {
          throw new AuditException("cannot delete the old audit log " + dir.resolve(f), e);
        }
      }
    }
    if (deleted) {
      AuditFiles.syncDirectory(dir);
    }
  }

  /** The anchor after the files {@code old} are gone, or null if their last line is not valid. */
  private Anchor anchorAt(List<String> old, Anchor current) {
    String through = old.get(old.size() - 1);
    for (int i = old.size() - 1; i >= 0; i--) {
      Path file = dir.resolve(old.get(i));
      String text = AuditFiles.readOrNull(file);
      if (text == null) {
        continue;
      }
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        continue;
      }
      int start = text.lastIndexOf('\n', end - 1) + 1;
      try {
        AuditFormat.Parsed p = AuditFormat.parse(text.substring(start, end));
        return p.authentic(mac) ? new Anchor(p.seq(), p.tag(), through) : null;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    // no line in them at all: the log still starts where it started
    return current == null
        ? new Anchor(0, AuditFormat.GENESIS, through)
        : new Anchor(current.seq(), current.tag(), through);
  }

  @Override
  public String toString() {
    return "AuditLog[" + dir + "]";
  }
}
