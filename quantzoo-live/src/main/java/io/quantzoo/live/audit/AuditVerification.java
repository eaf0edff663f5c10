package io.quantzoo.live.audit;

import java.util.List;

/**
 * What {@link AuditVerifier} found: the log is intact, or the first thing wrong with it.
 *
 * @param lines lines verified
 * @param files log files read
 * @param firstSeq the seq of the first line (the anchor's + 1 after pruning), 0 if none
 * @param lastSeq the seq of the last valid line, 0 if none
 * @param headSeq the seq the head records, -1 without a head
 * @param problem the first problem, or null when the log is intact
 * @param notes facts worth knowing that are not problems (a writer that crashed mid-write)
 */
public record AuditVerification(
    long lines,
    int files,
    long firstSeq,
    long lastSeq,
    long headSeq,
    Problem problem,
    List<String> notes) {

  /** Copies the notes. */
  public AuditVerification {
    notes = List.copyOf(notes);
  }

  /** Whether the log is intact. */
  public boolean ok() {
    return problem == null;
  }

  /** What is wrong. */
  public enum Kind {
    /** A line is not an audit line (not JSON, no tag, no seq). */
    MALFORMED_LINE,
    /** A line's tag is not the HMAC of its content: edited, or written with another key. */
    TAG_MISMATCH,
    /** Seqs are missing: lines (or a whole file) were deleted. */
    SEQ_GAP,
    /** A seq comes before its turn, or twice: lines were reordered or copied. */
    SEQ_OUT_OF_ORDER,
    /** A line's prev is not the previous line's tag: lines of another chain were spliced in. */
    PREV_MISMATCH,
    /** The log ends before the line the head records: its tail was truncated. */
    TRUNCATED,
    /** The line at the head's seq is not the one the head records. */
    HEAD_MISMATCH,
    /** There are log lines but no head. */
    HEAD_MISSING,
    /** The head's mac does not verify: it was edited, or the key is another one. */
    HEAD_INVALID,
    /** The anchor's mac does not verify: it was edited, or the key is another one. */
    ANCHOR_INVALID
  }

  /**
   * The first thing wrong.
   *
   * @param kind what
   * @param file the file's name in {@code audit/} (HEAD or ANCHOR for those)
   * @param line the line's number in that file (1-based), 0 when not about one line
   * @param seq the seq expected at that point, 0 when not known
   * @param message the explanation, in words
   */
  public record Problem(Kind kind, String file, long line, long seq, String message) {
    /** {@code file:line: message}. */
    public String describe() {
      return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
  }
}
