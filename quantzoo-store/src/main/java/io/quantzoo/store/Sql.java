package io.quantzoo.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Small JDBC helpers. */
final class Sql {
  private Sql() {}

  /**
   * Rolls back the current transaction after {@code failure}; a failure of the rollback itself is
   * attached to {@code failure} as suppressed, so the original error is the one reported.
   */
  static void rollbackInto(Connection conn, Throwable failure) {
    try {
      conn.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
