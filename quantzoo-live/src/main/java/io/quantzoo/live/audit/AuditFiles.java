package io.quantzoo.live.audit;

import io.quantzoo.live.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The files of {@code audit/}: names, the lock, atomic and durable writes. */
final class AuditFiles {
  /** The lock file: an OS lock on it serializes every writer on the machine. */
  static final String LOCK = "lock";

  /** The head: latest seq, tag, file and size, sealed with the key. */
  static final String HEAD = "HEAD";

  /** The anchor: seq and tag of the last line of the pruned files, sealed with the key. */
  static final String ANCHOR = "ANCHOR";

  private static final String PREFIX = "audit-";
  private static final String SUFFIX = ".jsonl";

  /**
   * One lock per audit directory in this JVM. POSIX drops a process's file lock when it closes any
   * descriptor of the file, so this process never has the lock file open twice.
   */
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private AuditFiles() {}

  /** {@code audit-YYYY-MM-DD.jsonl}. */
  static String fileName(LocalDate day) {
    return PREFIX + day + SUFFIX;
  }

  /** The day of a log file's name, or null if {@code name} is not a log file's name. */
  static LocalDate dayOf(String name) {
    if (!name.startsWith(PREFIX)
        || !name.endsWith(SUFFIX)
        || name.length() != PREFIX.length() + 10 + SUFFIX.length()) {
      return null;
    }
    try {
      return LocalDate.parse(name.substring(PREFIX.length(), PREFIX.length() + 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The log files of {@code dir}, oldest first. */
  static List<String> logFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> dayOf(n) != null)
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      throw new AuditException("cannot list the audit directory " + dir + ": " + e, e);
    }
    return out;
  }

  /** The text of {@code file}, or null if it does not exist. */
  static String readOrNull(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new AuditException("cannot read " + file + ": " + e, e);
    }
  }

  /** Runs {@code body} holding the audit directory's lock, in this JVM and on the machine. */
  static <T> T locked(Path dir, Supplier<T> body) {
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvm.lock();
    try (RandomAccessFile raf = new RandomAccessFile(dir.resolve(LOCK).toFile(), "rw");
        FileLock lock = raf.getChannel().lock()) {
      return body.get();
    } catch (IOException e) {
      throw new AuditException("cannot lock the audit directory " + dir + ": " + e, e);
    } finally {
      jvm.unlock();
    }
  }

  /**
   * {@link #locked}, or without the lock where this process may not write the lock file (an
   * auditor's read-only copy: nobody appends to it).
   */
  static <T> T lockedIfWritable(Path dir, Supplier<T> body) {
    Path lock = dir.resolve(LOCK);
    boolean writable = Files.exists(lock) ? Files.isWritable(lock) : Files.isWritable(dir);
    return writable ? locked(dir, body) : body.get();
  }

  /** Appends {@code bytes} to {@code file} and forces them to the disk; returns the new size. */
  static long appendDurably(Path file, byte[] bytes) {
    try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
      out.write(bytes);
      out.getFD().sync();
      return out.getChannel().size();
    } catch (IOException e) {
      throw new AuditException("cannot write the audit log " + file + ": " + e, e);
    }
  }

  /**
   * Replaces {@code file} by {@code text} atomically: a temp file, fsync, rename, and with {@code
   * syncDir} an fsync of the directory, so that the rename itself survives a power loss.
   */
  static void writeAtomically(Path file, String text, boolean syncDir) {
    try {
      AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), syncDir);
    } catch (IOException e) {
      throw new AuditException("cannot write " + file + ": " + e, e);
    }
  }

  /** Cuts {@code file} to {@code size} bytes, durably. */
  static void truncate(Path file, long size) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
      ch.force(true);
    } catch (IOException e) {
      throw new AuditException("cannot repair the audit log " + file + ": " + e, e);
    }
  }

  /** Forces a directory's entries (a new or renamed file) to the disk, where the OS allows it. */
  static void syncDirectory(Path dir) {
    AtomicFiles.forceDirectory(dir);
  }

  /** Receives the lines of a file, in order. */
  interface LineSink {
    /**
     * One line.
     *
     * @param text the line without its newline
     * @param start its first byte's offset in the file
     * @param end the offset after its newline (after its last byte when incomplete)
     * @param complete whether it ends in a newline (the last line of a file may not)
     * @return whether to go on
     */
    boolean line(String text, long start, long end, boolean complete);
  }

  /**
   * Reads the lines of {@code file} from byte {@code from} up to byte {@code limit} (exclusive; a
   * line cut there counts as incomplete), without holding the file in memory.
   */
  static void scan(Path file, long from, long limit, LineSink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      long pos = in.skip(from);
      if (pos < from) {
        return;
      }
      byte[] buf = new byte[1 << 16];
      ByteArrayOutputStream cur = new ByteArrayOutputStream(512);
      long start = pos;
      while (pos < limit) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, limit - pos));
        if (n < 0) {
          break;
        }
        int s = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            cur.write(buf, s, i - s);
            long end = pos + i + 1;
            if (!sink.line(cur.toString(StandardCharsets.UTF_8), start, end, true)) {
              return;
            }
            cur.reset();
            start = end;
            s = i + 1;
          }
        }
        cur.write(buf, s, n - s);
        pos += n;
      }
      if (cur.size() > 0) {
        sink.line(cur.toString(StandardCharsets.UTF_8), start, pos, false);
      }
    } catch (NoSuchFileException e) {
      throw new AuditException("the audit log " + file + " is missing", e);
    } catch (IOException e) {
      throw new AuditException("cannot read the audit log " + file + ": " + e, e);
    }
  }
}
