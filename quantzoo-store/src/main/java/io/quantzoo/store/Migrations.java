package io.quantzoo.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations.
 *
 * <p>Migration {@code n} is the resource {@code io/quantzoo/store/migrations/V<n>__<name>.sql}; the
 * list below is ordered and {@link #latestVersion()} is its size. The table {@code
 * schema_version(version, applied_at)} gets one row per applied migration. Each pending migration
 * runs in its own transaction together with its {@code schema_version} row, so a migration is
 * either fully applied and recorded or not at all. Applying is idempotent: already applied versions
 * are skipped. A database whose version is newer than {@link #latestVersion()} is refused.
 *
 * <p>Released scripts are never edited: a schema change is a new script appended to the list.
 */
final class Migrations {
  /** The migration scripts in order; script {@code i} (0-based) must be named {@code V<i+1>__}. */
  static final List<String> SCRIPTS =
      List.of("V1__init.sql", "V2__sweeps.sql", "V3__portfolios.sql");

  private static final Pattern NAME = Pattern.compile("V([0-9]+)__[a-z0-9_]+\\.sql");

  static {
    for (int i = 0; i < SCRIPTS.size(); i++) {
      Matcher m = NAME.matcher(SCRIPTS.get(i));
      if (!m.matches() || Integer.parseInt(m.group(1)) != i + 1) {
        throw new ExceptionInInitializerError(
            "migration "
                + i
                + " must be named V"
                + (i + 1)
                + "__<name>.sql, was "
                + SCRIPTS.get(i));
      }
    }
  }

  private Migrations() {}

  /** The newest schema version this code knows. */
  static int latestVersion() {
    return SCRIPTS.size();
  }

  /** The version recorded in {@code schema_version}, 0 for a fresh database. */
  static int currentVersion(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Brings the schema up to {@link #latestVersion()}.
   *
   * @return the number of migrations applied (0 when already current)
   * @throws StoreException if the database is newer than this code, or a migration fails (that
   *     migration is rolled back; earlier ones stay applied)
   */
  static int migrate(Connection conn, Path dbFile, Clock clock) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
    }
    int current = currentVersion(conn);
    int latest = latestVersion();
    if (current > latest) {
      throw new StoreException(
          "database "
              + dbFile
              + " has schema version "
              + current
              + ", newer than this QuantZoo knows (up to "
              + latest
              + "); it was written by a newer QuantZoo: upgrade QuantZoo or use another database"
              + " with --db");
    }
    int applied = 0;
    for (int version = current + 1; version <= latest; version++) {
      String script = SCRIPTS.get(version - 1);
      String sql = load(script);
      conn.setAutoCommit(false);
      try {
        try (Statement s = conn.createStatement()) {
          s.execute(sql);
        }
        try (PreparedStatement ps =
            conn.prepareStatement(
                "INSERT INTO schema_version VALUES (?, make_timestamp(?::BIGINT))")) {
          ps.setInt(1, version);
          ps.setLong(2, Times.toMicros(clock.instant()));
          ps.executeUpdate();
        }
        conn.commit();
        applied++;
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackInto(conn, e);
        throw new StoreException(
            "migration " + script + " failed on database " + dbFile + ": " + e.getMessage(), e);
      } finally {
        conn.setAutoCommit(true);
      }
    }
    return applied;
  }

  private static String load(String script) {
    String resource = "migrations/" + script;
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "migration resource io/quantzoo/store/" + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + script + ": " + e.getMessage(), e);
    }
  }
}
