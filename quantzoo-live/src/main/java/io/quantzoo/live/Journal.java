package io.quantzoo.live;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A session's append-only journal: one JSON object per line ({@code journal.jsonl}).
 *
 * <p>Two kinds of lines. <b>Stream records</b> (intents, order events, bar checkpoints, trades, the
 * final account) are a deterministic function of the config, the data and the bars processed: a
 * session that is replayed produces them again, byte for byte. <b>Meta records</b> ({@code start},
 * {@code resume}, {@code end}) carry wall-clock facts and are not replayed. <b>Input records</b>
 * are stream records that bring a fact from outside into the session (the operator's trading
 * state): the replay does not produce them but reads them back, in place, with {@link #pollInput}.
 *
 * <p>Writing: records collect in a buffer that goes to the operating system at every {@link
 * #recordDurable} (an order intent, before the order is sent), on {@link #flush}, and on {@link
 * #close}; with {@link Durability#DISK} every durable record is also forced to the disk. The file
 * is always a prefix of the record stream, possibly with a torn last line after a crash.
 *
 * <p>Resuming ({@link #resume}): the journal first <em>verifies</em>. Each record the replayed
 * session produces is compared with the next stream record of the file, and nothing is written; the
 * first difference is a {@link JournalException}. When the file's stream records are used up, the
 * journal cuts off a torn last line, writes a {@code resume} record and appends from there on, so
 * every record is in the file exactly once. Writes use a {@link FileOutputStream}, which is not
 * closed by a thread interrupt (a {@code FileChannel} is). Not thread-safe.
 */
public final class Journal implements AutoCloseable {
  /** The journal's file name in a session directory. */
  public static final String FILE = "journal.jsonl";

  private final Path file;
  private final Durability durability;
  private JournalReader verify;
  private Runnable onCaughtUp;
  private FileOutputStream out;
  private byte[] buf = new byte[1 << 16];
  private int len;
  private long verified;
  private long written;
  private final LongFunction<String> resumeRecord;

  private Journal(Path file, Durability durability, LongFunction<String> resumeRecord) {
    this.file = file;
    this.durability = Objects.requireNonNull(durability, "durability");
    this.resumeRecord = resumeRecord;
  }

  /**
   * A new journal at {@code file} (which must not exist) whose first line, written durably, is
   * {@code startRecord}.
   */
  public static Journal create(Path file, String startRecord, Durability durability) {
    Journal j = new Journal(file, durability, null);
    try {
      Files.createFile(file);
      j.out = new FileOutputStream(file.toFile(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the journal " + file, e);
    }
    j.add(startRecord);
    j.flushToOs(true);
    return j;
  }

  /**
   * Reopens a journal to continue it: verifies the replayed records against {@code reader}
   * (positioned after the records already read by the caller), then appends.
   *
   * @param resumeRecord the meta record written when verification ends, given the number of records
   *     verified
   * @param onCaughtUp called once, when the journal's records are used up and appending starts
   */
  public static Journal resume(
      Path file,
      JournalReader reader,
      LongFunction<String> resumeRecord,
      Durability durability,
      Runnable onCaughtUp) {
    Journal j = new Journal(file, durability, Objects.requireNonNull(resumeRecord));
    j.verify = Objects.requireNonNull(reader, "reader");
    j.onCaughtUp = Objects.requireNonNull(onCaughtUp, "onCaughtUp");
    if (j.nextExpected() == null) {
      j.startAppending();
    }
    return j;
  }

  /** Whether the journal is still verifying replayed records (nothing is written meanwhile). */
  public boolean verifying() {
    return verify != null;
  }

  /** Stream records verified against the file so far. */
  public long verified() {
    return verified;
  }

  /** Records written (appended to the buffer) by this process. */
  public long written() {
    return written;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** Records a stream record (buffered). */
  public void record(String line) {
    if (verify != null) {
      check(line);
      return;
    }
    add(line);
  }

  /**
   * Records a stream record and hands everything buffered to the OS (and, with {@link
   * Durability#DISK}, to the disk) before returning: an order intent, before the order is sent.
   */
  public void recordDurable(String line) {
    if (verify != null) {
      check(line);
      return;
    }
    add(line);
    flushToOs(durability == Durability.DISK);
  }

  /**
   * The next input record while verifying: when the file's next stream record is an input (a fact
   * from outside the replay, such as a change of the operator's trading state, see {@link
   * JournalRecords#isInput}), it is consumed, counted as verified and returned; otherwise, and
   * whenever the journal is appending, null. A replay calls this at the same points where the
   * original run looked outside, so the inputs come back exactly where they were taken.
   */
  public String pollInput() {
    return pollInput(line -> true);
  }

  /** As {@link #pollInput()}, but only an input record that {@code accept} accepts. */
  public String pollInput(java.util.function.Predicate<String> accept) {
    if (verify == null) {
      return null;
    }
    String next = nextExpected();
    if (next == null || !JournalRecords.isInput(next) || !accept.test(next)) {
      return null;
    }
    verify.nextLine();
    verified++;
    if (nextExpected() == null) {
      startAppending();
    }
    return next;
  }

  /**
   * Records an input record durably (a fact from outside, taken now).
   *
   * @throws IllegalStateException while verifying: inputs are then read with {@link #pollInput}
   */
  public void recordInput(String line) {
    if (verify != null) {
      throw new IllegalStateException("input record while the journal is verifying: " + line);
    }
    add(line);
    flushToOs(durability == Durability.DISK);
  }

  /**
   * Writes a meta record (not verified, not replayed) durably.
   *
   * @throws IllegalStateException while verifying
   */
  public void meta(String line) {
    if (verify != null) {
      throw new IllegalStateException("meta record while the journal is verifying: " + line);
    }
    add(line);
    flushToOs(true);
  }

  /** Bytes buffered, not yet written. */
  public int buffered() {
    return len;
  }

  /** Hands the buffer to the OS. */
  public void flush() {
    if (verify == null) {
      flushToOs(false);
    }
  }

  /**
   * Ends verification where the run ended.
   *
   * @throws JournalException if the file holds stream records the run did not produce
   */
  public void requireCaughtUp(String what) {
    if (verify != null) {
      String next = nextExpected();
      if (next != null) {
        throw new JournalException(
            "the journal "
                + file
                + " does not belong to this config and data: at line "
                + (verify.lineNumber() + 1)
                + " it holds "
                + abbreviate(next)
                + ", but the replay "
                + what);
      }
      startAppending();
    }
  }

  private void check(String line) {
    String expected = nextExpected();
    if (expected == null) {
      startAppending();
      add(line);
      return;
    }
    verify.nextLine();
    if (!expected.equals(line)) {
      throw new JournalException(
          "the journal "
              + file
              + " does not belong to this config and data: first difference at line "
              + verify.lineNumber()
              + ": the journal holds "
              + abbreviate(expected)
              + ", the replay produced "
              + abbreviate(line));
    }
    verified++;
    if (nextExpected() == null) {
      startAppending();
    }
  }

  /** The next stream record of the file (meta records skipped), or null at its end. */
  private String nextExpected() {
    String s;
    while ((s = verify.peekLine()) != null && JournalRecords.isMeta(s)) {
      verify.nextLine();
    }
    return s;
  }

  private void startAppending() {
    // every complete line is kept, a torn last one is cut off
    long good = verify.goodLength();
    verify.close();
    verify = null;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (ch.size() > good) {
        ch.truncate(good);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot repair the journal " + file, e);
    }
    try {
      out = new FileOutputStream(file.toFile(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the journal " + file, e);
    }
    meta(resumeRecord.apply(verified));
    Runnable r = onCaughtUp;
    onCaughtUp = null;
    r.run();
  }

  private void add(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int need = len + b.length + 1;
    if (need > buf.length) {
      if (len > 0 && b.length + 1 <= buf.length) {
        flushToOs(false);
      } else {
        buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
      }
    }
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    buf[len++] = '\n';
    written++;
  }

  private void flushToOs(boolean sync) {
    try {
      if (len > 0) {
        out.write(buf, 0, len);
        len = 0;
      }
      if (sync) {
        out.getFD().sync();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + file, e);
    }
  }

  /** Flushes, forces to the disk and closes (a verifying journal just closes its reader). */
  @Override
  public void close() {
    if (verify != null) {
      verify.close();
      verify = null;
      return;
    }
    if (out == null) {
      return;
    }
    try {
      flushToOs(true);
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal " + file, e);
    } finally {
      out = null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
