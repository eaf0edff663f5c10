package io.quantzoo.store;

import io.quantzoo.core.sweep.Json;
import io.quantzoo.core.sweep.PointResult;
import io.quantzoo.core.sweep.ReturnStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Parameter sweeps and walk-forward analyses in the same DuckDB file as the runs (schema version
 * 2). Points are appended in small transactions, so a sweep that is killed keeps every committed
 * point; {@link #doneIndices} tells a resumed sweep what to skip. Every method locks the owning
 * {@link RunStore}, so one store may be shared by threads.
 */
public final class SweepStore {
  private final RunStore store;

  public SweepStore(RunStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * A sweep's row.
   *
   * @param id sweep id
   * @param kind {@code sweep} or {@code walkforward} (an in-sample window)
   * @param parentId the walk-forward id of an in-sample sweep, else null
   * @param strategy strategy name
   * @param symbols comma-separated symbols
   * @param configYaml effective configuration
   * @param space description of the parameter space
   * @param fingerprint hash of config, data and space
   * @param objective objective as written
   * @param direction max or min
   * @param minTrades minimum trades to be ranked
   * @param blocks CSCV blocks
   * @param totalPoints number of valid points
   * @param status running, interrupted, completed or failed
   * @param createdAt creation time
   * @param finishedAt completion time, or null
   * @param elapsedMillis working time summed over sessions
   * @param bestIndex the best point's index, or -1
   * @param bestParams the best point's parameters as JSON, or null
   * @param bestObjective the best objective value, NaN if none
   * @param pbo Probability of Backtest Overfitting, NaN if not computed
   * @param dsr Deflated Sharpe Ratio of the best point, NaN if not computed
   * @param summaryJson summary written at completion, or null
   * @param message failure message, or empty
   */
  public record SweepInfo(
      String id,
      String kind,
      String parentId,
      String strategy,
      String symbols,
      String configYaml,
      String space,
      String fingerprint,
      String objective,
      String direction,
      int minTrades,
      int blocks,
      long totalPoints,
      String status,
      Instant createdAt,
      Instant finishedAt,
      long elapsedMillis,
      long bestIndex,
      String bestParams,
      double bestObjective,
      double pbo,
      double dsr,
      String summaryJson,
      String message) {}

  /**
   * A stored point.
   *
   * @param index point index
   * @param params swept parameter values
   * @param status ok, few_trades, invalid or failed
   * @param objective objective value (NaN when undefined)
   * @param score ranking score (larger is better)
   * @param metrics every metric by name, empty when the backtest did not run
   * @param returns return statistics, null when the backtest did not run
   * @param message why a point was invalid or failed
   */
  public record StoredPoint(
      long index,
      Map<String, Object> params,
      String status,
      double objective,
      double score,
      Map<String, Double> metrics,
      ReturnStats returns,
      String message) {}

  /** Column list of {@code sweep_points}, {@code sweep_id} first. */
  private static final String POINT_COLUMNS =
      "sweep_id, "
          + String.join(
              ", ", SweepResults.COLUMNS.stream().map(SweepResults.Column::name).toList());

  private static final String INSERT_POINT =
      "INSERT INTO sweep_points ("
          + POINT_COLUMNS
          + ") VALUES (?"
          + ", ?".repeat(SweepResults.COLUMNS.size())
          + ")";

  /** A new sweep id (same shape as run ids, prefixed {@code sw-}). */
  public String newSweepId() {
    return "sw-" + store.newRunId();
  }

  /** A new walk-forward id (prefixed {@code wf-}). */
  public String newWalkForwardId() {
    return "wf-" + store.newRunId();
  }

  /** Inserts a sweep as {@code running}, owned by this process. */
  public void start(SweepInfo s) {
    synchronized (store) {
      String sql =
          "INSERT INTO sweeps (sweep_id, kind, parent_id, strategy, symbols, config_yaml, space,"
              + " fingerprint, objective, direction, min_trades, blocks, total_points, status,"
              + " created_at, pid, host) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
              + " 'running', make_timestamp(?::BIGINT), ?, ?)";
      try (PreparedStatement ps = conn().prepareStatement(sql)) {
        ps.setString(1, s.id());
        ps.setString(2, s.kind());
        ps.setString(3, s.parentId());
        ps.setString(4, s.strategy());
        ps.setString(5, s.symbols());
        ps.setString(6, s.configYaml());
        ps.setString(7, s.space());
        ps.setString(8, s.fingerprint());
        ps.setString(9, s.objective());
        ps.setString(10, s.direction());
        ps.setInt(11, s.minTrades());
        ps.setInt(12, s.blocks());
        ps.setLong(13, s.totalPoints());
        ps.setLong(14, Times.toMicros(s.createdAt()));
        ps.setLong(15, ProcessHandle.current().pid());
        ps.setString(16, store.host());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("cannot start sweep " + s.id() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Imports a sweep results dataset ({@link SweepResults}: Parquet part files in {@code dir}) as a
   * new sweep, in one transaction: the sweep's row, as {@link #start} writes it ({@code running};
   * complete it with {@link #complete}), and every point, or nothing. The dataset is checked first:
   * every part file must have exactly the {@link SweepResults#COLUMNS} with their types, no point
   * may lack its index, parameters, status or message, statuses must be known, indices must be
   * unique and non-negative, and there must be {@code info.totalPoints()} of them.
   *
   * @return the number of points imported
   * @throws SweepResults.InvalidResultsException naming the file and the problem; nothing is stored
   */
  public long importParquet(Path dir, SweepInfo info) {
    List<Path> files = SweepResults.partFiles(dir);
    if (files.isEmpty()) {
      throw new SweepResults.InvalidResultsException(
          dir + ": no Parquet part files (*.parquet) in the directory");
    }
    synchronized (store) {
      Connection c = conn();
      for (Path f : files) {
        checkColumns(c, f);
      }
      String cols =
          String.join(", ", SweepResults.COLUMNS.stream().map(SweepResults.Column::name).toList());
      try {
        c.setAutoCommit(false);
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE qz_import (");
        for (SweepResults.Column col : SweepResults.COLUMNS) {
          ddl.append(col.name()).append(' ').append(col.sqlType()).append(", ");
        }
        ddl.append("file VARCHAR)");
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE IF EXISTS temp.qz_import");
          st.execute(ddl.toString());
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO qz_import SELECT "
                    + cols
                    + ", ?::VARCHAR FROM read_parquet(?, hive_partitioning = false)")) {
          for (Path f : files) {
            ps.setString(1, f.getFileName().toString());
            ps.setString(2, f.toString());
            try {
              ps.executeUpdate();
            } catch (SQLException e) {
              throw new SweepResults.InvalidResultsException(
                  f + ": cannot read: " + e.getMessage());
            }
          }
        }
        checkImported(c, dir, info.totalPoints());
        start(info);
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO sweep_points ("
                    + POINT_COLUMNS
                    + ") SELECT ?, "
                    + cols
                    + " FROM qz_import ORDER BY point_index")) {
          ps.setString(1, info.id());
          ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE temp.qz_import");
        }
        c.commit();
        return info.totalPoints();
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackInto(c, e);
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new StoreException(
            "cannot import " + dir + " as sweep " + info.id() + ": " + e.getMessage(),
            (SQLException) e);
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          // The connection is unusable; the next call reports it.
        }
      }
    }
  }

  /** Columns as written: a {@code key=value} directory (per-symbol results) adds none. */
  private static void checkColumns(Connection c, Path f) {
    Map<String, String> found = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM read_parquet(?, hive_partitioning = false) LIMIT 0")) {
      ps.setString(1, f.toString());
      try (ResultSet rs = ps.executeQuery()) {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          found.put(md.getColumnName(i), md.getColumnTypeName(i).toUpperCase(Locale.ROOT));
        }
      }
    } catch (SQLException e) {
      throw new SweepResults.InvalidResultsException(
          f + ": not readable as Parquet: " + e.getMessage());
    }
    List<String> missing = new ArrayList<>();
    for (SweepResults.Column col : SweepResults.COLUMNS) {
      if (!found.containsKey(col.name())) {
        missing.add(col.name());
      }
    }
    List<String> extra = new ArrayList<>();
    for (String n : found.keySet()) {
      if (SweepResults.COLUMNS.stream().noneMatch(col -> col.name().equals(n))) {
        extra.add(n);
      }
    }
    if (!missing.isEmpty() || !extra.isEmpty()) {
      StringBuilder b = new StringBuilder(f.toString()).append(':');
      if (!missing.isEmpty()) {
        b.append(" missing column(s) ").append(String.join(", ", missing)).append(';');
      }
      if (!extra.isEmpty()) {
        b.append(" unexpected column(s) ").append(String.join(", ", extra)).append(';');
      }
      b.append(" a sweep results file has exactly the columns ")
          .append(
              String.join(
                  ", ", SweepResults.COLUMNS.stream().map(SweepResults.Column::name).toList()));
      throw new SweepResults.InvalidResultsException(b.toString());
    }
    for (SweepResults.Column col : SweepResults.COLUMNS) {
      String t = found.get(col.name());
      if (!t.equals(col.sqlType())) {
        throw new SweepResults.InvalidResultsException(
            f + ": column " + col.name() + " is " + t + ", expected " + col.sqlType());
      }
    }
  }

  private static void checkImported(Connection c, Path dir, long expected) throws SQLException {
    StringBuilder notNull = new StringBuilder();
    for (SweepResults.Column col : SweepResults.COLUMNS) {
      if (!col.nullable()) {
        notNull.append(notNull.isEmpty() ? "" : " OR ").append(col.name()).append(" IS NULL");
      }
    }
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT file, count(*) FROM qz_import WHERE "
                  + notNull
                  + " GROUP BY file ORDER BY file LIMIT 1")) {
        if (rs.next()) {
          throw new SweepResults.InvalidResultsException(
              dir.resolve(rs.getString(1))
                  + ": "
                  + rs.getLong(2)
                  + " row(s) without point_index, params_json, status or message");
        }
      }
      String known =
          String.join(", ", SweepResults.STATUSES.stream().map(x -> "'" + x + "'").toList());
      try (ResultSet rs =
          st.executeQuery(
              "SELECT file, point_index, status FROM qz_import WHERE status NOT IN ("
                  + known
                  + ") OR point_index < 0 ORDER BY file, point_index LIMIT 1")) {
        if (rs.next()) {
          throw new SweepResults.InvalidResultsException(
              dir.resolve(rs.getString(1))
                  + ": point "
                  + rs.getLong(2)
                  + (rs.getLong(2) < 0
                      ? " has a negative index"
                      : " has status '"
                          + rs.getString(3)
                          + "', not one of "
                          + String.join(", ", SweepResults.STATUSES)));
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT point_index, count(*), string_agg(DISTINCT file, ', ' ORDER BY file),"
                  + " count(*) OVER () FROM qz_import GROUP BY point_index HAVING count(*) > 1"
                  + " ORDER BY point_index LIMIT 1")) {
        if (rs.next()) {
          throw new SweepResults.InvalidResultsException(
              dir
                  + ": duplicate point index "
                  + rs.getLong(1)
                  + " ("
                  + rs.getLong(2)
                  + " rows, in "
                  + rs.getString(3)
                  + "); "
                  + rs.getLong(4)
                  + " index(es) are duplicated in all");
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM qz_import")) {
        rs.next();
        long n = rs.getLong(1);
        if (n != expected) {
          throw new SweepResults.InvalidResultsException(
              dir
                  + ": "
                  + n
                  + " point(s) in the part files, but "
                  + SweepResults.META_FILE
                  + " says total_points "
                  + expected
                  + (n < expected ? " (a part file is missing?)" : ""));
        }
      }
    }
  }

  /**
   * The newest interrupted sweep with this fingerprint (same config, data and space), if any: a
   * sweep to resume.
   */
  public Optional<SweepInfo> findResumable(String fingerprint) {
    return query(
            "WHERE fingerprint = ? AND status = 'interrupted' ORDER BY created_at DESC LIMIT 1",
            fingerprint)
        .stream()
        .findFirst();
  }

  /** The newest completed sweep of {@code kind} with this fingerprint, if any (reusable). */
  public Optional<SweepInfo> findCompleted(String fingerprint, String kind) {
    return query(
            "WHERE fingerprint = ? AND kind = ? AND status = 'completed'"
                + " ORDER BY created_at DESC LIMIT 1",
            fingerprint,
            kind)
        .stream()
        .findFirst();
  }

  /** Takes over an interrupted sweep: status back to {@code running}, owned by this process. */
  public void resume(String id) {
    update(
        "UPDATE sweeps SET status = 'running', pid = ?, host = ?, message = ''"
            + " WHERE sweep_id = ? AND status = 'interrupted'",
        ps -> {
          ps.setLong(1, ProcessHandle.current().pid());
          ps.setString(2, store.host());
          ps.setString(3, id);
        },
        "resuming sweep " + id,
        true);
  }

  /** Indices of the points already stored for a sweep. */
  public BitSet doneIndices(String id) {
    synchronized (store) {
      BitSet done = new BitSet();
      try (PreparedStatement ps =
          conn().prepareStatement("SELECT point_index FROM sweep_points WHERE sweep_id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long i = rs.getLong(1);
            if (i > Integer.MAX_VALUE) {
              throw new StoreException("sweep " + id + " has a point index over 2^31: " + i);
            }
            done.set((int) i);
          }
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read points of sweep " + id + ": " + e.getMessage(), e);
      }
      return done;
    }
  }

  /** Appends finished points in one transaction: all of them are stored, or none. */
  public void append(String id, List<PointResult> batch) {
    if (batch.isEmpty()) {
      return;
    }
    synchronized (store) {
      Connection c = conn();
      String sql = INSERT_POINT;
      try {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (PointResult r : batch) {
            bindPoint(ps, id, r);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackInto(c, e);
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new StoreException(
            "cannot store points of sweep " + id + ": " + e.getMessage(), (SQLException) e);
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          // The connection is unusable; the next call reports it.
        }
      }
    }
  }

  private static void bindPoint(PreparedStatement ps, String id, PointResult r)
      throws SQLException {
    ps.setString(1, id);
    Object[] row = SweepResults.row(r);
    for (int k = 0; k < row.length; k++) {
      int i = k + 2;
      switch (row[k]) {
        case null -> ps.setNull(i, sqlType(SweepResults.COLUMNS.get(k).sqlType()));
        case Long l -> ps.setLong(i, l);
        case Integer n -> ps.setInt(i, n);
        case Double d -> ps.setDouble(i, d);
        case String t -> ps.setString(i, t);
        default -> throw new IllegalStateException("unexpected value " + row[k]);
      }
    }
  }

  private static int sqlType(String duckType) {
    return switch (duckType) {
      case "BIGINT" -> Types.BIGINT;
      case "INTEGER" -> Types.INTEGER;
      case "DOUBLE" -> Types.DOUBLE;
      default -> Types.VARCHAR;
    };
  }

  /**
   * Completes a sweep with its best point and diagnostics; adds {@code elapsedMillis} to the time
   * worked on it.
   */
  public void complete(
      String id,
      long elapsedMillis,
      long bestIndex,
      String bestParams,
      double bestObjective,
      double pbo,
      double dsr,
      String summaryJson) {
    update(
        "UPDATE sweeps SET status = 'completed', finished_at = make_timestamp(?::BIGINT),"
            + " elapsed_ms = elapsed_ms + ?, best_index = ?, best_params = ?, best_objective = ?,"
            + " pbo = ?, dsr = ?, summary_json = ? WHERE sweep_id = ? AND status = 'running'",
        ps -> {
          ps.setLong(1, Times.toMicros(store.clock().instant()));
          ps.setLong(2, elapsedMillis);
          if (bestIndex >= 0) {
            ps.setLong(3, bestIndex);
          } else {
            ps.setNull(3, Types.BIGINT);
          }
          ps.setString(4, bestParams);
          setDouble(ps, 5, bestObjective);
          setDouble(ps, 6, pbo);
          setDouble(ps, 7, dsr);
          ps.setString(8, summaryJson);
          ps.setString(9, id);
        },
        "completing sweep " + id,
        true);
  }

  /**
   * Ends a running sweep as {@code interrupted} (resumable) or {@code failed}, adding the time
   * worked.
   */
  public void stop(String id, boolean resumable, String message, long elapsedMillis) {
    update(
        "UPDATE sweeps SET status = ?, message = ?, elapsed_ms = elapsed_ms + ?"
            + " WHERE sweep_id = ? AND status = 'running'",
        ps -> {
          ps.setString(1, resumable ? "interrupted" : "failed");
          ps.setString(2, message);
          ps.setLong(3, elapsedMillis);
          ps.setString(4, id);
        },
        "stopping sweep " + id,
        false);
  }

  /** The best {@code k} ranked points (status ok), by score then index. */
  public List<StoredPoint> top(String id, int k) {
    List<StoredPoint> out = new ArrayList<>();
    forEachPoint(id, "AND status = 'ok' ORDER BY score DESC, point_index ASC LIMIT " + k, out::add);
    return out;
  }

  /** Every ranked point (status ok) in index order. */
  public void forEachRanked(String id, Consumer<StoredPoint> each) {
    forEachPoint(id, "AND status = 'ok' ORDER BY point_index", each);
  }

  /** Every stored point in index order. */
  public void forEachPoint(String id, Consumer<StoredPoint> each) {
    forEachPoint(id, "ORDER BY point_index", each);
  }

  /** Number of stored points by status. */
  public Map<String, Long> countByStatus(String id) {
    synchronized (store) {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement ps =
          conn()
              .prepareStatement(
                  "SELECT status, count(*) FROM sweep_points WHERE sweep_id = ? GROUP BY status"
                      + " ORDER BY status")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("cannot count points of sweep " + id + ": " + e.getMessage(), e);
      }
      return out;
    }
  }

  private void forEachPoint(String id, String tail, Consumer<StoredPoint> each) {
    synchronized (store) {
      String sql =
          "SELECT point_index, params_json, status, objective, score, metrics_json, ret_count,"
              + " ret_mean, ret_std, ret_skew, ret_kurt, block_sum, block_sumsq, block_count,"
              + " message FROM sweep_points WHERE sweep_id = ? "
              + tail;
      try (PreparedStatement ps = conn().prepareStatement(sql)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ReturnStats returns = null;
            String bs = rs.getString(12);
            if (bs != null) {
              returns =
                  new ReturnStats(
                      rs.getLong(7),
                      getDouble(rs, 8),
                      getDouble(rs, 9),
                      getDouble(rs, 10),
                      getDouble(rs, 11),
                      splitDoubles(bs),
                      splitDoubles(rs.getString(13)),
                      splitLongs(rs.getString(14)));
            }
            String mj = rs.getString(6);
            each.accept(
                new StoredPoint(
                    rs.getLong(1),
                    Json.parseObject(rs.getString(2)),
                    rs.getString(3),
                    getDouble(rs, 4),
                    getDouble(rs, 5),
                    mj == null ? Map.of() : parseMetrics(mj),
                    returns,
                    rs.getString(15)));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read points of sweep " + id + ": " + e.getMessage(), e);
      }
    }
  }

  /** A sweep by id or unique id prefix. */
  public Optional<SweepInfo> find(String idOrPrefix) {
    List<SweepInfo> exact = query("WHERE sweep_id = ?", idOrPrefix);
    if (!exact.isEmpty()) {
      return Optional.of(exact.get(0));
    }
    List<SweepInfo> pre =
        query("WHERE starts_with(sweep_id, ?) ORDER BY sweep_id LIMIT 2", idOrPrefix);
    if (pre.size() > 1) {
      throw new StoreException("sweep id prefix '" + idOrPrefix + "' is ambiguous");
    }
    return pre.stream().findFirst();
  }

  /** The newest sweeps first. */
  public List<SweepInfo> list(int limit) {
    return query("ORDER BY created_at DESC, sweep_id DESC LIMIT " + Math.max(1, limit));
  }

  private List<SweepInfo> query(String tail, String... args) {
    synchronized (store) {
      String sql =
          "SELECT sweep_id, kind, parent_id, strategy, symbols, config_yaml, space, fingerprint,"
              + " objective, direction, min_trades, blocks, total_points, status,"
              + " epoch_us(created_at), epoch_us(finished_at), elapsed_ms, best_index,"
              + " best_params, best_objective, pbo, dsr, summary_json, message FROM sweeps "
              + tail;
      List<SweepInfo> out = new ArrayList<>();
      try (PreparedStatement ps = conn().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setString(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long fin = rs.getLong(16);
            Instant finished = rs.wasNull() ? null : Times.fromMicros(fin);
            long best = rs.getLong(18);
            if (rs.wasNull()) {
              best = -1;
            }
            out.add(
                new SweepInfo(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getInt(11),
                    rs.getInt(12),
                    rs.getLong(13),
                    rs.getString(14),
                    Times.fromMicros(rs.getLong(15)),
                    finished,
                    rs.getLong(17),
                    best,
                    rs.getString(19),
                    getDouble(rs, 20),
                    getDouble(rs, 21),
                    getDouble(rs, 22),
                    rs.getString(23),
                    rs.getString(24)));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read sweeps: " + e.getMessage(), e);
      }
      return out;
    }
  }

  /**
   * Marks sweeps and walk-forwards left {@code running} by a process of this host that has ended as
   * {@code interrupted}. The database file admits one process at a time, so a {@code running} row
   * seen at open time belongs to a dead process unless its pid is alive.
   */
  static void reconcileInterrupted(Connection conn, String host) throws SQLException {
    List<String> dead = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT sweep_id, pid, host FROM sweeps WHERE status = 'running'")) {
      while (rs.next()) {
        long pid = rs.getLong(2);
        boolean hasPid = !rs.wasNull();
        if (!hasPid || (host.equals(rs.getString(3)) && !HostInfo.isAlive(pid, null))) {
          dead.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "UPDATE sweeps SET status = 'interrupted', message = 'the process ended before the"
                + " sweep completed; run the same sweep again to resume' WHERE sweep_id = ?")) {
      for (String id : dead) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
    }
    try (Statement s = conn.createStatement()) {
      s.executeUpdate(
          "UPDATE walkforwards SET status = 'interrupted', message = 'the process ended before"
              + " the walk-forward completed' WHERE status = 'running'");
    }
  }

  // ---------------------------------------------------------------- walk-forward

  /**
   * One walk-forward window as stored.
   *
   * @param window window number from 0
   * @param sweepId the in-sample sweep
   * @param warmupFrom first bar fed to indicators without trading
   * @param isFrom first in-sample bar
   * @param isTo last in-sample bar
   * @param oosFrom first out-of-sample bar
   * @param oosTo last out-of-sample bar
   * @param paramsJson chosen parameters
   * @param isObjective in-sample objective of the chosen point
   * @param isMetrics in-sample metrics of the chosen point
   * @param oosMetrics out-of-sample metrics of the window
   */
  public record WindowRow(
      int window,
      String sweepId,
      Instant warmupFrom,
      Instant isFrom,
      Instant isTo,
      Instant oosFrom,
      Instant oosTo,
      String paramsJson,
      double isObjective,
      Map<String, Double> isMetrics,
      Map<String, Double> oosMetrics) {}

  /** Inserts a walk-forward as {@code running}. */
  public void startWalkForward(
      String wfId,
      String strategy,
      String symbols,
      String configYaml,
      String fingerprint,
      int windows) {
    update(
        "INSERT INTO walkforwards (wf_id, strategy, symbols, config_yaml, fingerprint, status,"
            + " created_at, windows) VALUES (?, ?, ?, ?, ?, 'running', make_timestamp(?::BIGINT),"
            + " ?)",
        ps -> {
          ps.setString(1, wfId);
          ps.setString(2, strategy);
          ps.setString(3, symbols);
          ps.setString(4, configYaml);
          ps.setString(5, fingerprint);
          ps.setLong(6, Times.toMicros(store.clock().instant()));
          ps.setInt(7, windows);
        },
        "starting walk-forward " + wfId,
        true);
  }

  /** Completes a walk-forward: its windows, the stitched run id and the summary, in one go. */
  public void completeWalkForward(
      String wfId, String runId, List<WindowRow> windows, String summaryJson) {
    synchronized (store) {
      Connection c = conn();
      try {
        c.setAutoCommit(false);
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO walkforward_windows VALUES (?, ?, ?, make_timestamp(?::BIGINT),"
                    + " make_timestamp(?::BIGINT), make_timestamp(?::BIGINT),"
                    + " make_timestamp(?::BIGINT), make_timestamp(?::BIGINT), ?, ?, ?, ?)")) {
          for (WindowRow w : windows) {
            ps.setString(1, wfId);
            ps.setInt(2, w.window());
            ps.setString(3, w.sweepId());
            ps.setLong(4, Times.toMicros(w.warmupFrom()));
            ps.setLong(5, Times.toMicros(w.isFrom()));
            ps.setLong(6, Times.toMicros(w.isTo()));
            ps.setLong(7, Times.toMicros(w.oosFrom()));
            ps.setLong(8, Times.toMicros(w.oosTo()));
            ps.setString(9, w.paramsJson());
            setDouble(ps, 10, w.isObjective());
            ps.setString(11, metricsJson(w.isMetrics()));
            ps.setString(12, metricsJson(w.oosMetrics()));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE walkforwards SET status = 'completed', run_id = ?, summary_json = ?,"
                    + " finished_at = make_timestamp(?::BIGINT) WHERE wf_id = ?"
                    + " AND status = 'running'")) {
          ps.setString(1, runId);
          ps.setString(2, summaryJson);
          ps.setLong(3, Times.toMicros(store.clock().instant()));
          ps.setString(4, wfId);
          if (ps.executeUpdate() != 1) {
            throw new StoreException("walk-forward " + wfId + " is not running");
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackInto(c, e);
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new StoreException(
            "cannot complete walk-forward " + wfId + ": " + e.getMessage(), (SQLException) e);
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          // reported by the next call
        }
      }
    }
  }

  /** Marks a running walk-forward failed. */
  public void failWalkForward(String wfId, String message) {
    update(
        "UPDATE walkforwards SET status = 'failed', message = ? WHERE wf_id = ?"
            + " AND status = 'running'",
        ps -> {
          ps.setString(1, message);
          ps.setString(2, wfId);
        },
        "failing walk-forward " + wfId,
        false);
  }

  /**
   * The walk-forward whose stitched out-of-sample run is {@code runId}, if any. The link is written
   * when the walk-forward completes ({@link #completeWalkForward}).
   */
  public Optional<String> walkForwardOfRun(String runId) {
    synchronized (store) {
      try (PreparedStatement ps =
          conn().prepareStatement("SELECT wf_id FROM walkforwards WHERE run_id = ?")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new StoreException(
            "cannot read the walk-forward of run " + runId + ": " + e.getMessage(), e);
      }
    }
  }

  /** The stored windows of a walk-forward, in order. */
  public List<WindowRow> windows(String wfId) {
    synchronized (store) {
      List<WindowRow> out = new ArrayList<>();
      try (PreparedStatement ps =
          conn()
              .prepareStatement(
                  "SELECT window_no, sweep_id, epoch_us(warmup_from), epoch_us(is_from),"
                      + " epoch_us(is_to), epoch_us(oos_from), epoch_us(oos_to), params_json,"
                      + " is_objective, is_metrics_json, oos_metrics_json FROM walkforward_windows"
                      + " WHERE wf_id = ? ORDER BY window_no")) {
        ps.setString(1, wfId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new WindowRow(
                    rs.getInt(1),
                    rs.getString(2),
                    Times.fromMicros(rs.getLong(3)),
                    Times.fromMicros(rs.getLong(4)),
                    Times.fromMicros(rs.getLong(5)),
                    Times.fromMicros(rs.getLong(6)),
                    Times.fromMicros(rs.getLong(7)),
                    rs.getString(8),
                    getDouble(rs, 9),
                    parseMetrics(rs.getString(10)),
                    parseMetrics(rs.getString(11))));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read walk-forward " + wfId + ": " + e.getMessage(), e);
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- helpers

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String sql, Binder binder, String what, boolean mustChangeOne) {
    synchronized (store) {
      try (PreparedStatement ps = conn().prepareStatement(sql)) {
        binder.bind(ps);
        int n = ps.executeUpdate();
        if (mustChangeOne && n != 1) {
          throw new StoreException(what + ": no matching row in the expected state");
        }
      } catch (SQLException e) {
        throw new StoreException(what + ": " + e.getMessage(), e);
      }
    }
  }

  private Connection conn() {
    return store.connection();
  }

  private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isNaN(v)) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static double getDouble(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? Double.NaN : v;
  }

  /** Metrics as JSON: NaN as null, infinities as the strings "Infinity" and "-Infinity". */
  static String metricsJson(Map<String, Double> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (v == null || v.isNaN()) {
        out.put(k, null);
      } else if (v.isInfinite()) {
        out.put(k, v > 0 ? "Infinity" : "-Infinity");
      } else {
        out.put(k, v);
      }
    });
    return Json.object(out);
  }

  /** Reads {@link #metricsJson} back. */
  static Map<String, Double> parseMetrics(String json) {
    Map<String, Double> out = new LinkedHashMap<>();
    Json.parseObject(json)
        .forEach((k, v) -> {
          if (v == null) {
            out.put(k, Double.NaN);
          } else if (v instanceof Number n) {
            out.put(k, n.doubleValue());
          } else {
            out.put(k, Double.parseDouble(v.toString()));
          }
        });
    return out;
  }

  static String joinDoubles(double[] a) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(a[i]);
    }
    return b.toString();
  }

  static String joinLongs(long[] a) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(a[i]);
    }
    return b.toString();
  }

  static double[] splitDoubles(String s) {
    if (s == null || s.isEmpty()) {
      return new double[0];
    }
    String[] p = s.split(",", -1);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Double.parseDouble(p[i]);
    }
    return out;
  }

  static long[] splitLongs(String s) {
    if (s == null || s.isEmpty()) {
      return new long[0];
    }
    String[] p = s.split(",", -1);
    long[] out = new long[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Long.parseLong(p[i]);
    }
    return out;
  }
}
