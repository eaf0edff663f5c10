package io.quantzoo.live.audit;

/**
 * The audit trail cannot be used: no or a bad key, a log or head that does not verify, or the disk.
 * The message names the file and what is wrong, never the key. A trader that gets one must not
 * acknowledge the action it was about to record.
 */
public final class AuditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public AuditException(String message) {
    super(message);
  }

  /** An exception with {@code message} caused by {@code cause}. */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
