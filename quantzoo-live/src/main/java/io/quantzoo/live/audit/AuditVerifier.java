package io.quantzoo.live.audit;

import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditHeads.Anchor;
import io.quantzoo.live.audit.AuditHeads.Head;
import io.quantzoo.live.audit.AuditVerification.Kind;
import io.quantzoo.live.audit.AuditVerification.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;

/**
 * Checks the whole audit log with the key: from the anchor (or the start) through every file in
 * order, every line's tag, seq and prev, and at the end the head; reports the first problem. Edits,
 * deletions, reorderings, lines written with another key and a truncated tail are all found. Reads
 * a consistent snapshot: the head, the anchor and the file sizes are taken under the log's lock,
 * then the files are read up to those sizes without it, so writers are not held up.
 */
public final class AuditVerifier {
  private final Path dir;
  private final Mac mac;

  private AuditVerifier(Path dir, AuditKey key) {
    this.dir = dir;
    this.mac = key.newMac();
  }

  /** Verifies the audit log of {@code td}. */
  public static AuditVerification verify(TradingDirectory td, AuditKey key) {
    return verify(AuditLog.directory(td), key);
  }

  /** Verifies the audit log in {@code auditDir}. */
  public static AuditVerification verify(Path auditDir, AuditKey key) {
    return new AuditVerifier(auditDir, key).run();
  }

  private record Snapshot(String head, String anchor, Map<String, Long> sizes) {}

  private Snapshot snapshot() {
    if (!Files.isDirectory(dir)) {
      return new Snapshot(null, null, Map.of());
    }
    return AuditFiles.lockedIfWritable(
        dir,
        () -> {
          String head = AuditFiles.readOrNull(dir.resolve(AuditFiles.HEAD));
          String anchor = AuditFiles.readOrNull(dir.resolve(AuditFiles.ANCHOR));
          Map<String, Long> sizes = new LinkedHashMap<>();
          for (String f : AuditFiles.logFiles(dir)) {
            try {
              sizes.put(f, Files.size(dir.resolve(f)));
            } catch (java.io.IOException e) {
              throw new AuditException("cannot read the audit log " + dir.resolve(f) + ": " + e, e);
            }
          }
          return new Snapshot(head, anchor, sizes);
        });
  }

  /** The walk's state. */
  private final class Walk {
    long expected;
    String prev;
    long lines;
    int files;
    long firstSeq;
    String lastFile;
    long lastLine;
    Problem problem;
    String headTagSeen; // the tag of the line at the head's seq
    String torn; // "file:line" of an incomplete last line
    final List<String> notes = new ArrayList<>();
  }

  private AuditVerification run() {
    Snapshot s = snapshot();
    Anchor anchor = null;
    if (s.anchor() != null) {
      try {
        anchor = AuditHeads.parseAnchor(mac, s.anchor());
      } catch (IllegalArgumentException e) {
        return result(
            new Walk(),
            -1,
            new Problem(
                Kind.ANCHOR_INVALID, AuditFiles.ANCHOR, 0, 0, "the anchor " + e.getMessage()));
      }
    }
    // a bad head is reported after the lines: a bad line is the more precise finding
    Head head = null;
    Problem headProblem = null;
    if (s.head() != null) {
      try {
        head = AuditHeads.parseHead(mac, s.head());
      } catch (IllegalArgumentException e) {
        headProblem =
            new Problem(Kind.HEAD_INVALID, AuditFiles.HEAD, 0, 0, "the head " + e.getMessage());
      }
    }
    long headSeq = head == null ? -1 : head.seq();
    Walk w = new Walk();
    w.expected = anchor == null ? 1 : anchor.seq() + 1;
    w.prev = anchor == null ? AuditFormat.GENESIS : anchor.tag();
    if (head != null && head.seq() == w.expected - 1) {
      w.headTagSeen = w.prev;
    }
    List<String> names = new ArrayList<>(s.sizes().keySet());
    for (int i = 0; i < names.size() && w.problem == null; i++) {
      String name = names.get(i);
      if (anchor != null && name.compareTo(anchor.through()) <= 0) {
        w.notes.add(name + " is older than the anchor (pruning was interrupted); not verified");
        continue;
      }
      walkFile(w, names, i, s.sizes().get(name), head);
    }
    if (w.problem != null) {
      return result(w, headSeq, w.problem);
    }
    if (headProblem != null) {
      return result(w, headSeq, headProblem);
    }
    long last = w.expected - 1;
    if (head == null) {
      if (w.lines > 0 || anchor != null) {
        return result(
            w,
            headSeq,
            new Problem(
                Kind.HEAD_MISSING,
                AuditFiles.HEAD,
                0,
                0,
                "there are "
                    + w.lines
                    + " log line(s) but no head: it was deleted (lines may have been removed from"
                    + " the end)"));
      }
      if (s.sizes().isEmpty()) {
        w.notes.add("no audit log yet in " + dir);
      }
      return result(w, headSeq, null);
    }
    if (last < head.seq()) {
      String where =
          w.lastFile == null
              ? "the log has no lines"
              : "the log ends at seq " + last + " (" + w.lastFile + ":" + w.lastLine + ")";
      String file = w.lastFile == null ? head.file() : w.lastFile;
      boolean headFileGone = head.file() != null && !s.sizes().containsKey(head.file());
      return result(
          w,
          headSeq,
          new Problem(
              Kind.TRUNCATED,
              file == null ? AuditFiles.HEAD : file,
              w.lastFile == null ? 0 : w.lastLine + 1,
              last + 1,
              where
                  + " but the head records seq "
                  + head.seq()
                  + (head.file() == null ? "" : " in " + head.file())
                  + (headFileGone ? ", which is missing" : "")
                  + ": lines were removed from the end"));
    }
    if (!head.tag().equals(w.headTagSeen)) {
      return result(
          w,
          headSeq,
          new Problem(
              Kind.HEAD_MISMATCH,
              AuditFiles.HEAD,
              0,
              head.seq(),
              "the head records a tag for seq "
                  + head.seq()
                  + " that is not the log's: the log was rewritten after that line"));
    }
    if (last > head.seq()) {
      w.notes.add(
          (last - head.seq())
              + " line(s) after the head's seq "
              + head.seq()
              + ": a writer stopped before updating the head; the next append adopts them");
    }
    if (w.torn != null) {
      w.notes.add(
          "incomplete last line at "
              + w.torn
              + ": a writer stopped while writing it (its action was never acknowledged); the"
              + " next append cuts it off");
    }
    return result(w, headSeq, null);
  }

  private void walkFile(Walk w, List<String> names, int index, long size, Head head) {
    String name = names.get(index);
    boolean lastFile = index == names.size() - 1;
    Path file = dir.resolve(name);
    w.files++;
    long[] lineNo = {0};
    AuditFiles.scan(
        file,
        0,
        size,
        (text, start, end, complete) -> {
          lineNo[0]++;
          if (!complete) {
            if (lastFile) {
              w.torn = name + ":" + lineNo[0];
            } else {
              w.problem =
                  new Problem(
                      Kind.MALFORMED_LINE,
                      name,
                      lineNo[0],
                      w.expected,
                      "incomplete line (no newline) before the end of the log");
            }
            return false;
          }
          w.problem = check(w, names, index, name, lineNo[0], text, end);
          if (w.problem != null) {
            return false;
          }
          if (head != null && w.expected - 1 == head.seq()) {
            w.headTagSeen = w.prev;
          }
          return true;
        });
  }

  private Problem check(
      Walk w, List<String> names, int index, String name, long line, String text, long end) {
    AuditFormat.Parsed p;
    try {
      p = AuditFormat.parse(text);
    } catch (IllegalArgumentException e) {
      return new Problem(
          Kind.MALFORMED_LINE, name, line, w.expected, "not an audit line: " + e.getMessage());
    }
    if (!p.authentic(mac)) {
      return new Problem(
          Kind.TAG_MISMATCH,
          name,
          line,
          w.expected,
          "the tag of seq "
              + p.seq()
              + " does not match its content: the line was edited, or written with another key");
    }
    if (p.seq() != w.expected) {
      if (p.seq() > w.expected && !appearsLater(names, index, end, w.expected)) {
        return new Problem(
            Kind.SEQ_GAP,
            name,
            line,
            w.expected,
            "seq "
                + p.seq()
                + " follows seq "
                + (w.expected - 1)
                + ": "
                + (p.seq() - w.expected == 1
                    ? "seq " + w.expected + " is missing"
                    : "seqs " + w.expected + ".." + (p.seq() - 1) + " are missing")
                + " (deleted)");
      }
      return new Problem(
          Kind.SEQ_OUT_OF_ORDER,
          name,
          line,
          w.expected,
          "seq "
              + p.seq()
              + " where seq "
              + w.expected
              + " belongs: lines were reordered"
              + (p.seq() < w.expected ? " or copied" : ""));
    }
    if (!p.prev().equals(w.prev)) {
      return new Problem(
          Kind.PREV_MISMATCH,
          name,
          line,
          w.expected,
          "seq "
              + p.seq()
              + " does not chain to the line before it (its prev is not that line's tag): lines"
              + " of another log were put in");
    }
    if (w.lines == 0) {
      w.firstSeq = p.seq();
    }
    w.lines++;
    w.expected++;
    w.prev = p.tag();
    w.lastFile = name;
    w.lastLine = line;
    return null;
  }

  /** Whether a line with {@code seq} comes later in the log (to tell a reorder from a gap). */
  private boolean appearsLater(List<String> names, int index, long offset, long seq) {
    String prefix = "{\"seq\":" + seq + ",";
    boolean[] found = {false};
    for (int i = index; i < names.size() && !found[0]; i++) {
      Path f = dir.resolve(names.get(i));
      if (!Files.exists(f)) {
        continue;
      }
      AuditFiles.scan(
          f,
          i == index ? offset : 0,
          Long.MAX_VALUE,
          (text, start, end, complete) -> {
            found[0] = text.startsWith(prefix);
            return !found[0];
          });
    }
    return found[0];
  }

  private static AuditVerification result(Walk w, long headSeq, Problem problem) {
    return new AuditVerification(
        w.lines,
        w.files,
        w.firstSeq,
        w.expected == 0 ? 0 : w.expected - 1,
        headSeq,
        problem,
        w.notes);
  }
}
