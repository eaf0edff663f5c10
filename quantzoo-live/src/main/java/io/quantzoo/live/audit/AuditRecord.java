package io.quantzoo.live.audit;

/**
 * One line of the audit log as read back (its tag is not checked: {@link AuditVerifier} does that).
 *
 * @param file the file's name in {@code audit/}
 * @param line the line's number in its file (1-based)
 * @param seq the line's seq, or -1 if the line cannot be read
 * @param event the event, or null if the line cannot be read
 * @param tag the line's tag, or null if the line cannot be read
 * @param text the line as written
 * @param problem why the line cannot be read, or null
 */
public record AuditRecord(
    String file, long line, long seq, AuditEvent event, String tag, String text, String problem) {

  /** Whether the line could be read. */
  public boolean readable() {
    return problem == null;
  }

  static AuditRecord of(String file, long line, String text) {
    try {
      AuditFormat.Parsed p = AuditFormat.parse(text);
      return new AuditRecord(
          file, line, p.seq(), AuditFormat.event(p.fields()), p.tag(), text, null);
    } catch (IllegalArgumentException e) {
      return new AuditRecord(file, line, -1, null, null, text, e.getMessage());
    }
  }
}
