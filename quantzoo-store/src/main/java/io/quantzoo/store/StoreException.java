package io.quantzoo.store;

/**
 * A storage operation failed: the database is locked by another process, is not a DuckDB database,
 * has a schema newer than this code, a run is unknown or in the wrong state, or DuckDB reported an
 * error. The message says which database or run is concerned and, where there is one, what to do
 * about it. Unchecked: callers at the CLI boundary print the message.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with no underlying cause. */
  public StoreException(String message) {
    super(message);
  }

  /** A failure caused by {@code cause} (typically a {@link java.sql.SQLException}). */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
