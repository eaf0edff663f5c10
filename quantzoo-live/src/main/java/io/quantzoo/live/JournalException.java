package io.quantzoo.live;

/**
 * A journal that cannot be used: unreadable, corrupt before its last line, or not the record of
 * this config and data (a resumed session that does not replay to what was journaled). Bad input,
 * not a bug: {@code qz} exits with code 3 and names the first difference.
 */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
