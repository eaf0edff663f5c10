package io.quantzoo.live;

import io.quantzoo.core.sweep.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sessions of a trading directory, as {@code qz trade list} shows them. */
public final class Sessions {
  private static final int TAIL_BYTES = 1 << 16;

  private Sessions() {}

  /**
   * One session, read from its journal without replaying it.
   *
   * @param id session id
   * @param dir its directory
   * @param status {@code running} (a trader holds it), {@code interrupted} (unfinished, nobody
   *     holds it: running the same command resumes it), or the end status: {@code completed},
   *     {@code stopped}, {@code failed}; {@code empty} for a directory without a journal
   * @param started when it started (ISO-8601), or empty
   * @param strategy strategy name
   * @param symbols comma-separated symbols
   * @param fingerprint what identifies the same command
   * @param bars bar groups processed (-1 unknown)
   * @param trades closed trades (-1 unknown)
   * @param finalEquity final (or latest) equity, NaN unknown
   * @param message the end message, else empty
   */
  public record SessionInfo(
      String id,
      Path dir,
      String status,
      String started,
      String strategy,
      String symbols,
      String fingerprint,
      long bars,
      long trades,
      double finalEquity,
      String message) {

    /** Whether the session ended (completed, stopped or failed). */
    public boolean ended() {
      return switch (status) {
        case "completed", "stopped", "failed" -> true;
        default -> false;
      };
    }
  }

  /** Every session, oldest first. */
  public static List<SessionInfo> list(TradingDirectory dir) {
    List<SessionInfo> out = new ArrayList<>();
    for (String id : dir.sessionIds()) {
      out.add(read(dir, id));
    }
    return out;
  }

  /**
   * One session.
   *
   * @throws JournalException if there is no such session
   */
  public static SessionInfo find(TradingDirectory dir, String id) {
    if (!SessionId.isValid(id) || !Files.isDirectory(dir.sessionDir(id))) {
      throw new JournalException("no trading session '" + id + "' in " + dir.root());
    }
    return read(dir, id);
  }

  static SessionInfo read(TradingDirectory dir, String id) {
    Path sdir = dir.sessionDir(id);
    Path file = sdir.resolve(Journal.FILE);
    Optional<Map<String, Object>> start = firstRecord(file);
    if (start.isEmpty()) {
      return new SessionInfo(id, sdir, "empty", "", "", "", "", -1, -1, Double.NaN, "");
    }
    Map<String, Object> st = start.get();
    List<String> tail = tailLines(file);
    Map<String, Object> end = null;
    Map<String, Object> lastBar = null;
    for (int i = tail.size() - 1; i >= 0 && lastBar == null; i--) {
      String line = tail.get(i);
      Map<String, Object> m;
      try {
        m = Json.parseObject(line);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        continue; // the tail may start inside a line
      }
      Object k = m.get("k");
      if (i == tail.size() - 1 && JournalRecords.END.equals(k)) {
        end = m;
        break;
      }
      if (JournalRecords.BAR.equals(k) || JournalRecords.FINAL.equals(k)) {
        lastBar = m;
      }
    }
    String status;
    long bars = -1;
    long trades = -1;
    double eq = Double.NaN;
    String message = "";
    if (end != null) {
      status = str(end.get("status"));
      bars = num(end.get("bars"), -1);
      trades = num(end.get("trades"), -1);
      eq = dbl(end.get("final_equity"));
      message = str(end.get("message"));
    } else {
      status = SessionLock.isHeld(sdir) ? "running" : "interrupted";
      if (lastBar != null) {
        bars = num(lastBar.get("n"), -1);
        trades = num(lastBar.get("tr"), -1);
        eq = dbl(lastBar.get("eq"));
      }
    }
    return new SessionInfo(
        id,
        sdir,
        status,
        str(st.get("started")),
        str(st.get("strategy")),
        str(st.get("symbols")),
        str(st.get("fingerprint")),
        bars,
        trades,
        eq,
        message);
  }

  /** The journal's first record (the session's start), if it has one complete line. */
  static Optional<Map<String, Object>> firstRecord(Path journal) {
    if (!Files.isRegularFile(journal)) {
      return Optional.empty();
    }
    try (JournalReader r = new JournalReader(journal)) {
      String line = r.nextLine();
      if (line == null) {
        return Optional.empty();
      }
      Map<String, Object> m = r.parse(line);
      if (!JournalRecords.START.equals(m.get("k"))) {
        throw new JournalException(journal + " does not start with a session start record");
      }
      return Optional.of(m);
    }
  }

  /** The complete lines of the last 64 KiB of a journal (the first may be partial). */
  static List<String> tailLines(Path journal) {
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
      long size = ch.size();
      int n = (int) Math.min(size, TAIL_BYTES);
      ByteBuffer b = ByteBuffer.allocate(n);
      long pos = size - n;
      while (b.hasRemaining()) {
        int r = ch.read(b, pos + b.position());
        if (r < 0) {
          break;
        }
      }
      String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
      int lastNl = text.lastIndexOf('\n');
      List<String> out = new ArrayList<>();
      if (lastNl < 0) {
        return out;
      }
      for (String line : text.substring(0, lastNl).split("\n", -1)) {
        if (!line.isEmpty()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + journal, e);
    }
  }

  /** Whether the journal's last complete line is a session end. */
  static boolean hasEnded(Path journal) {
    List<String> tail = tailLines(journal);
    return !tail.isEmpty() && tail.get(tail.size() - 1).startsWith("{\"k\":\"end\"");
  }

  static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  static long num(Object o, long dflt) {
    return o instanceof Number n ? n.longValue() : dflt;
  }

  static double dbl(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
