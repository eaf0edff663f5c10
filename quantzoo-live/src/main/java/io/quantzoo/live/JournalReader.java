package io.quantzoo.live;

import io.quantzoo.core.sweep.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a journal line by line, keeping the byte offset of the end of the last complete line. A
 * last line without its newline is what a crash in the middle of a write leaves: it is ignored
 * ({@link #tornTail()}), and a resumed session cuts it off before appending. A complete line that
 * is not a JSON object is corruption, not a crash, and is refused.
 */
public final class JournalReader implements AutoCloseable {
  private final Path file;
  private final InputStream in;
  private byte[] buf = new byte[256];
  private long offset;
  private long goodLength;
  private long lineNo;
  private boolean torn;
  private String peeked;
  private long peekedLine;
  private long peekedEnd;
  private boolean havePeek;

  /** Opens {@code file} for reading from its start. */
  public JournalReader(Path file) {
    this.file = file;
    try {
      this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new JournalException("cannot read the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The next complete line (without its newline), or null at the end or at a torn last line. */
  public String nextLine() {
    if (havePeek) {
      havePeek = false;
      if (peeked != null) {
        lineNo = peekedLine;
        goodLength = peekedEnd;
      }
      return peeked;
    }
    String s = read();
    if (s != null) {
      lineNo++;
      goodLength = offset;
    }
    return s;
  }

  /** The next complete line without consuming it, or null. */
  public String peekLine() {
    if (!havePeek) {
      peeked = read();
      peekedLine = lineNo + 1;
      peekedEnd = offset;
      havePeek = true;
    }
    return peeked;
  }

  private String read() {
    int n = 0;
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (n > 0) {
            torn = true;
          }
          return null;
        }
        offset++;
        if (b == '\n') {
          return new String(buf, 0, n, StandardCharsets.UTF_8);
        }
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, n * 2);
        }
        buf[n++] = (byte) b;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
  }

  /** Number of the line last returned by {@link #nextLine} (from 1). */
  public long lineNumber() {
    return lineNo;
  }

  /** Bytes up to and including the newline of the last line returned. */
  public long goodLength() {
    return goodLength;
  }

  /** Whether the file ended in a line without its newline (seen once the end was reached). */
  public boolean tornTail() {
    return torn;
  }

  /**
   * Parses a journal line.
   *
   * @throws JournalException if it is not a flat JSON object with a {@code k} (kind)
   */
  public Map<String, Object> parse(String line) {
    Map<String, Object> m;
    try {
      m = Json.parseObject(line);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new JournalException(
          file + " line " + lineNo + " is not a journal record (" + e.getMessage() + ")", e);
    }
    if (!(m.get("k") instanceof String)) {
      throw new JournalException(file + " line " + lineNo + " has no record kind 'k'");
    }
    return m;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
