package io.quantzoo.store;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunctionBuilder;

/**
 * The run store: one DuckDB database file holding runs, trades, fills, equity curves and metrics.
 *
 * <p><b>Opening.</b> {@link #open(Path)} creates the file (and its parent directories) when absent,
 * applies pending schema migrations and then {@linkplain #reconcileInterrupted() marks interrupted
 * runs failed}. DuckDB lets one process at a time open a database for writing; opening a database
 * held by another process fails with a {@link StoreException} saying so. The default location is
 * the CLI's business, not the store's.
 *
 * <p><b>Lifecycle.</b> {@link #startRun} commits a {@code running} row on its own, recording this
 * process's pid, start time and host. {@link #completeRun} writes every trade, fill, equity point
 * and metric <em>and</em> flips the status to {@code completed} in one transaction: a run is {@code
 * completed} only if all its rows were committed, and a failed or killed completion leaves the run
 * {@code running} with no rows. {@link #failRun} marks a running run failed. Runs left {@code
 * running} by a process that died are found by {@link #reconcileInterrupted()}. Run ids are never
 * reused: inserting an existing id fails.
 *
 * <p><b>Times.</b> Every time is a UTC instant stored as a DuckDB {@code TIMESTAMP} (microsecond
 * resolution: run times are truncated to the microsecond, bar times are exact epoch milliseconds).
 * The JVM default time zone is never used.
 *
 * <p><b>Threads.</b> Methods are synchronized; one store may be shared by threads. Within one JVM
 * several stores on the same file share a single DuckDB instance.
 */
public final class RunStore implements AutoCloseable {
  /**
   * What a run id must look like: starts with a letter or digit, then letters, digits, {@code .},
   * {@code _} or {@code -}; at most 128 characters. Ids from {@link #newRunId()} always match.
   */
  public static final Pattern RUN_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int ID_ATTEMPTS = 1000;
  private static final int MAX_CANDIDATES_SHOWN = 10;
  private static final Pattern LOCK_PID = Pattern.compile("\\(PID ([0-9]+)\\)");
  private static final Object OPEN_LOCK = new Object();

  private static final String RUN_COLUMNS =
      "run_id, kind, strategy, symbols, config_yaml, seed, data_fingerprint, engine_version,"
          + " status, epoch_us(created_at), epoch_us(finished_at), elapsed_ms, message";

  private final Path dbFile;
  private final DuckDBConnection conn;
  private final Clock clock;
  private final RandomGenerator random;
  private final WriteHook hook;
  private final String host;
  private final Set<String> issuedIds = new HashSet<>();
  private final EquitySource equitySource = new EquitySource();
  private boolean closed;

  private RunStore(
      Path dbFile, DuckDBConnection conn, Clock clock, RandomGenerator random, WriteHook hook) {
    this.dbFile = dbFile;
    this.conn = conn;
    this.clock = clock;
    this.random = random;
    this.hook = hook;
    this.host = HostInfo.hostName();
  }

  /**
   * Opens (creating if needed) the store at {@code dbFile}, with the system UTC clock.
   *
   * @throws StoreException if the file is in use by another process, is not a DuckDB database, has
   *     a schema newer than this code, or cannot be created
   */
  public static RunStore open(Path dbFile) {
    return open(dbFile, Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) the store at {@code dbFile}; {@code clock} dates runs, run ids and
   * migrations.
   *
   * @throws StoreException as {@link #open(Path)}
   */
  public static RunStore open(Path dbFile, Clock clock) {
    return open(dbFile, clock, new SecureRandom(), WriteHook.NONE);
  }

  /** Test seam: {@code random} draws run id suffixes, {@code hook} intercepts completions. */
  static RunStore open(Path dbFile, Clock clock, RandomGenerator random, WriteHook hook) {
    Objects.requireNonNull(dbFile, "dbFile");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(hook, "hook");
    Path path = dbFile.toAbsolutePath().normalize();
    String text = path.toString();
    if (text.indexOf(';') >= 0 || !text.equals(text.strip())) {
      // The DuckDB JDBC URL splits on ';' and trims; such a path would open another file.
      throw new StoreException(
          "database path must not contain ';' or start or end with blanks, was " + path);
    }
    if (Files.isDirectory(path)) {
      throw new StoreException(
          "database " + path + " is a directory; give the path of a database file");
    }
    Path parent = path.getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new StoreException(
            "cannot create directory " + parent + " for database " + path + ": " + e, e);
      }
    }
    synchronized (OPEN_LOCK) {
      DuckDBConnection conn = connect(path);
      try {
        RunStore store = new RunStore(path, conn, clock, random, hook);
        try (DuckDBTableFunctionBuilder builder = DuckDBFunctions.tableFunction()) {
          builder
              .withName(store.equitySource.name())
              .withFunction(store.equitySource)
              .register(conn);
        }
        Migrations.migrate(conn, path, clock);
        store.reconcileInterrupted();
        SweepStore.reconcileInterrupted(conn, store.host);
        return store;
      } catch (SQLException | RuntimeException e) {
        try {
          conn.close();
        } catch (SQLException closeFailure) {
          e.addSuppressed(closeFailure);
        }
        if (e instanceof SQLException sql) {
          throw new StoreException("cannot open database " + path + ": " + sql.getMessage(), sql);
        }
        throw (RuntimeException) e;
      }
    }
  }

  private static DuckDBConnection connect(Path path) {
    try {
      return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + path, new Properties());
    } catch (SQLException e) {
      throw translateOpenFailure(path, e);
    }
  }

  private static StoreException translateOpenFailure(Path path, SQLException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("Could not set lock") || msg.contains("Conflicting lock")) {
      Matcher pid = LOCK_PID.matcher(msg);
      String holder = pid.find() ? " (pid " + pid.group(1) + ")" : "";
      return new StoreException(
          "database "
              + path
              + " is in use by another process"
              + holder
              + "; DuckDB allows one writing process at a time: wait for that process to finish"
              + " or stop it, or use another database with --db",
          e);
    }
    if (msg.contains("not a valid DuckDB database")) {
      return new StoreException(
          "file "
              + path
              + " is not a DuckDB database; point --db at a QuantZoo database or at a path"
              + " that does not exist yet",
          e);
    }
    if (msg.contains("version number") || msg.contains("storage version")) {
      return new StoreException(
          "database " + path + " was written by an incompatible DuckDB version: " + msg, e);
    }
    return new StoreException("cannot open database " + path + ": " + msg, e);
  }

  /** The newest schema version this code knows and migrates databases to. */
  public static int latestSchemaVersion() {
    return Migrations.latestVersion();
  }

  /** The absolute path of the database file. */
  public Path path() {
    return dbFile;
  }

  /** The schema version recorded in the database (equal to {@link #latestSchemaVersion()}). */
  public synchronized int schemaVersion() {
    ensureOpen();
    try {
      return Migrations.currentVersion(conn);
    } catch (SQLException e) {
      throw failure("reading the schema version", e);
    }
  }

  /**
   * A fresh run id: the clock's UTC time as {@code yyyyMMdd-HHmmss} plus 4 random hex digits from
   * {@link SecureRandom}, e.g. {@code 20261121-204512-3fa9}. The id is not in the database and was
   * not handed out before by this store; on a clash another suffix is drawn.
   *
   * @throws StoreException if no free id was found (more than ~65,000 runs in one second)
   */
  public synchronized String newRunId() {
    ensureOpen();
    String stamp = ID_TIME.format(clock.instant());
    for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      String id = stamp + "-" + String.format(Locale.ROOT, "%04x", random.nextInt(0x10000));
      if (!issuedIds.contains(id) && statusOf(id).isEmpty()) {
        issuedIds.add(id);
        return id;
      }
    }
    throw new StoreException(
        "no free run id for " + stamp + " after " + ID_ATTEMPTS + " attempts in " + dbFile);
  }

  /**
   * Records the start of a run: inserts {@code info} as a {@code running} row and commits it, with
   * this process's pid, start time and host name (so {@link #reconcileInterrupted()} can tell if
   * the process died). {@code finishedAt} and {@code elapsedMillis} of {@code info} are not stored.
   *
   * @throws IllegalArgumentException if {@code info.status()} is not {@code RUNNING} or the run id
   *     does not match {@link #RUN_ID_PATTERN}
   * @throws StoreException if a run with that id already exists (ids are never reused)
   */
  public synchronized void startRun(RunInfo info) {
    Objects.requireNonNull(info, "info");
    ensureOpen();
    checkRunId(info.runId());
    if (info.status() != RunStatus.RUNNING) {
      throw new IllegalArgumentException("status must be RUNNING, was " + info.status());
    }
    Optional<RunStatus> existing = statusOf(info.runId());
    if (existing.isPresent()) {
      throw new StoreException(
          "run "
              + info.runId()
              + " already exists in "
              + dbFile
              + " (status "
              + existing.get().dbName()
              + "); run ids are never reused");
    }
    Optional<Instant> processStart = HostInfo.currentProcessStart();
    String sql =
        "INSERT INTO runs (run_id, kind, strategy, symbols, config_yaml, seed, data_fingerprint,"
            + " engine_version, status, created_at, finished_at, elapsed_ms, message, pid, host,"
            + " process_started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running',"
            + " make_timestamp(?::BIGINT), NULL, NULL, ?, ?, ?, make_timestamp(?::BIGINT))";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, info.runId());
      ps.setString(2, info.kind().dbName());
      ps.setString(3, info.strategy());
      ps.setString(4, info.symbols());
      ps.setString(5, info.configYaml());
      ps.setLong(6, info.seed());
      ps.setString(7, info.dataFingerprint());
      ps.setString(8, info.engineVersion());
      ps.setLong(9, Times.toMicros(info.createdAt()));
      ps.setString(10, info.message());
      ps.setLong(11, ProcessHandle.current().pid());
      ps.setString(12, host);
      if (processStart.isPresent()) {
        ps.setLong(13, Times.toMicros(processStart.get()));
      } else {
        ps.setNull(13, Types.BIGINT);
      }
      ps.executeUpdate();
      issuedIds.add(info.runId());
    } catch (SQLException e) {
      throw failure("starting run " + info.runId(), e);
    }
  }

  /**
   * Completes a running run: writes all trades, fills, equity points and metrics of {@code result}
   * and sets status {@code completed}, {@code finished_at} (from the clock) and {@code elapsed_ms}
   * in <em>one</em> transaction. If anything fails the transaction is rolled back, the run stays
   * {@code running} with no rows, and the exception is rethrown ({@link SQLException}s wrapped in a
   * {@link StoreException}); the caller then usually calls {@link #failRun}.
   *
   * <p>Metrics are stored one row per {@link Metrics#asMap()} entry, in that order; NaN is stored
   * as SQL {@code NULL} and ±Infinity as DuckDB's {@code inf}/{@code -inf}. The equity curve is
   * streamed into DuckDB by a table function ({@link EquitySource}) on all cores: a few hundred
   * milliseconds per million points (figures in {@code docs/STORAGE.md}).
   *
   * @param elapsedMillis wall-clock duration of the backtest (&gt;= 0)
   * @throws StoreException if the run is unknown or not running, or writing fails
   */
  public void completeRun(
      String runId, BacktestResult result, Metrics metrics, long elapsedMillis) {
    Objects.requireNonNull(metrics, "metrics");
    completeRun(runId, result, () -> metrics, elapsedMillis);
  }

  /**
   * As {@link #completeRun(String, BacktestResult, Metrics, long)}, but asks for the metrics only
   * when they are written, after the trades, fills and equity: a caller can compute them on another
   * thread while those are being written. An exception from the supplier rolls the whole run back
   * like any other failure.
   */
  public synchronized void completeRun(
      String runId, BacktestResult result, Supplier<Metrics> metrics, long elapsedMillis) {
    complete(runId, result, metrics, elapsedMillis, null);
  }

  /**
   * Completes a running portfolio run (kind {@code portfolio}): as {@link #completeRun(String,
   * BacktestResult, Supplier, long)} for the portfolio account ({@code portfolio.portfolio()}),
   * plus its sleeves, weights over time, covariance and rebalances ({@link PortfolioRows}), all in
   * the same transaction: the run is {@code completed} only if every row was committed.
   */
  public synchronized void completePortfolioRun(
      String runId, PortfolioResult portfolio, Supplier<Metrics> metrics, long elapsedMillis) {
    Objects.requireNonNull(portfolio, "portfolio");
    complete(runId, portfolio.portfolio(), metrics, elapsedMillis, portfolio);
  }

  private void complete(
      String runId,
      BacktestResult result,
      Supplier<Metrics> metrics,
      long elapsedMillis,
      PortfolioResult portfolio) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(metrics, "metrics");
    if (elapsedMillis < 0) {
      throw new IllegalArgumentException("elapsedMillis must be >= 0, was " + elapsedMillis);
    }
    ensureOpen();
    Throwable primary = null;
    try {
      conn.setAutoCommit(false);
      markCompleted(runId, elapsedMillis);
      hook.afterWrite(runId, "runs");
      writeTrades(runId, result.trades());
      hook.afterWrite(runId, "trades");
      writeFills(runId, result.fills());
      hook.afterWrite(runId, "fills");
      writeEquity(runId, result.equity());
      hook.afterWrite(runId, "equity");
      writeMetrics(runId, metrics.get().asMap());
      hook.afterWrite(runId, "metrics");
      if (portfolio != null) {
        PortfolioRows.write(conn, runId, portfolio);
        hook.afterWrite(runId, "portfolio");
      }
      conn.commit();
    } catch (SQLException | RuntimeException | Error e) {
      primary = e;
      Sql.rollbackInto(conn, e);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw failure(
          "completing run " + runId + " (it stays 'running', nothing was written)",
          (SQLException) e);
    } finally {
      restoreSession(primary);
    }
  }

  /**
   * Back to auto-commit and default settings after {@link #completeRun}, outside any transaction. A
   * failure here is attached to {@code primary} when there is one, so it never hides it.
   */
  private void restoreSession(Throwable primary) {
    try {
      conn.setAutoCommit(true);
      try (Statement s = conn.createStatement()) {
        s.execute("RESET preserve_insertion_order");
      }
    } catch (SQLException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      } else {
        throw failure("restoring the session after completing a run", e);
      }
    }
  }

  private void markCompleted(String runId, long elapsedMillis) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "UPDATE runs SET status = 'completed', finished_at = make_timestamp(?::BIGINT),"
                + " elapsed_ms = ? WHERE run_id = ? AND status = 'running'")) {
      ps.setLong(1, Times.toMicros(clock.instant()));
      ps.setLong(2, elapsedMillis);
      ps.setString(3, runId);
      if (ps.executeUpdate() != 1) {
        throw notRunning(runId, "completed");
      }
    }
  }

  // DuckDBAppender.close() (driver 2.0.0.1) can leave the transaction aborted without throwing
  // when its final flush fails; an explicit flush() surfaces the error where it happened.
  private void writeTrades(String runId, List<Trade> trades) throws SQLException {
    try (DuckDBAppender a = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trades")) {
      for (Trade t : trades) {
        a.beginRow()
            .append(runId)
            .append(t.tradeId())
            .append(t.symbol())
            .append(t.direction().name().toLowerCase(Locale.ROOT))
            .append(t.quantity())
            .appendEpochMicros(Times.millisToMicros(t.entryTimeMillis()))
            .appendEpochMicros(Times.millisToMicros(t.exitTimeMillis()))
            .append(t.entryPrice())
            .append(t.exitPrice())
            .append(t.grossPnl())
            .append(t.commission())
            .append(t.slippage())
            .append(t.netPnl())
            .append(t.returnPct())
            .append(t.barsHeld())
            .append(t.mae())
            .append(t.mfe())
            .append(t.entryReason())
            .append(t.exitReason())
            .endRow();
      }
      a.flush();
    }
  }

  private void writeFills(String runId, List<Fill> fills) throws SQLException {
    try (DuckDBAppender a = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "fills")) {
      for (Fill f : fills) {
        a.beginRow()
            .append(runId)
            .append(f.fillId())
            .append(f.orderId())
            .append(f.symbol())
            .appendEpochMicros(Times.millisToMicros(f.timeMillis()))
            .append(f.barIndex())
            .append(f.side().name().toLowerCase(Locale.ROOT))
            .append(f.quantity())
            .append(f.price())
            .append(f.commission())
            .append(f.slippageCost())
            .append(f.tag())
            .endRow();
      }
      a.flush();
    }
  }

  private void writeEquity(String runId, EquityCurve curve) throws SQLException {
    equitySource.offer(curve);
    try (Statement s = conn.createStatement()) {
      // lets the insert pipeline run on all threads; rows are identified by idx, not position.
      // completeRun resets it once the transaction is over.
      s.execute("SET preserve_insertion_order = false");
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO equity SELECT ?, idx, make_timestamp(time_us), equity, cash, exposure"
                  + " FROM "
                  + equitySource.name()
                  + "()")) {
        ps.setString(1, runId);
        long rows = ps.executeUpdate();
        if (rows != curve.size()) {
          throw new StoreException(
              "wrote " + rows + " equity points of run " + runId + ", expected " + curve.size());
        }
      }
    } finally {
      equitySource.clear();
    }
  }

  private void writeMetrics(String runId, Map<String, Double> metrics) throws SQLException {
    try (DuckDBAppender a = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "metrics")) {
      int ordinal = 0;
      for (Map.Entry<String, Double> m : metrics.entrySet()) {
        a.beginRow().append(runId).append(ordinal++).append(m.getKey());
        Double v = m.getValue();
        if (v == null || v.isNaN()) {
          a.appendNull();
        } else {
          a.append(v.doubleValue());
        }
        a.endRow();
      }
      a.flush();
    }
  }

  /**
   * Marks a running run {@code failed} with {@code message}, {@code finished_at} from the clock.
   *
   * @throws StoreException if the run is unknown or not running (a completed run stays completed)
   */
  public synchronized void failRun(String runId, String message) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(message, "message");
    ensureOpen();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "UPDATE runs SET status = 'failed', finished_at = make_timestamp(?::BIGINT),"
                + " message = ? WHERE run_id = ? AND status = 'running'")) {
      ps.setLong(1, Times.toMicros(clock.instant()));
      ps.setString(2, message);
      ps.setString(3, runId);
      if (ps.executeUpdate() != 1) {
        throw notRunning(runId, "failed");
      }
    } catch (SQLException e) {
      throw failure("failing run " + runId, e);
    }
  }

  /**
   * Marks {@code failed} every {@code running} run recorded on this host by a process that is no
   * longer alive (its pid is gone, or now belongs to a process that started at another time), with
   * message {@code interrupted (process <pid> ended before the run completed)} and no {@code
   * finished_at} (the moment of death is unknown). Runs recorded on other hosts are left alone.
   * Called by {@link #open}; safe to call any time.
   *
   * @return the number of runs marked failed
   */
  public synchronized int reconcileInterrupted() {
    ensureOpen();
    List<String> interrupted = new ArrayList<>();
    List<Long> pids = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT run_id, pid, host, epoch_us(process_started_at) FROM runs"
                + " WHERE status = 'running' ORDER BY run_id")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long pid = rs.getLong(2);
          boolean hasPid = !rs.wasNull();
          String runHost = rs.getString(3);
          long startMicros = rs.getLong(4);
          Instant start = rs.wasNull() ? null : Times.fromMicros(startMicros);
          if (hasPid && host.equals(runHost) && !HostInfo.isAlive(pid, start)) {
            interrupted.add(rs.getString(1));
            pids.add(pid);
          }
        }
      }
      int marked = 0;
      try (PreparedStatement up =
          conn.prepareStatement(
              "UPDATE runs SET status = 'failed', message = ? WHERE run_id = ?"
                  + " AND status = 'running'")) {
        for (int i = 0; i < interrupted.size(); i++) {
          up.setString(
              1, "interrupted (process " + pids.get(i) + " ended before the run completed)");
          up.setString(2, interrupted.get(i));
          marked += up.executeUpdate();
        }
      }
      return marked;
    } catch (SQLException e) {
      throw failure("reconciling interrupted runs", e);
    }
  }

  /**
   * The newest runs first (by {@code created_at}, then run id), any status.
   *
   * @param limit maximum number of runs (&gt; 0)
   */
  public synchronized List<RunInfo> listRuns(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0, was " + limit);
    }
    ensureOpen();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT " + RUN_COLUMNS + " FROM runs ORDER BY created_at DESC, run_id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      return readRuns(ps);
    } catch (SQLException e) {
      throw failure("listing runs", e);
    }
  }

  /**
   * Finds a run by its full id or by a prefix matching exactly one run id (an exact id always
   * wins).
   *
   * @return the run, or empty if no id starts with {@code idOrUniquePrefix}
   * @throws StoreException if the prefix matches several runs; the message lists candidates
   */
  public synchronized Optional<RunInfo> findRun(String idOrUniquePrefix) {
    Objects.requireNonNull(idOrUniquePrefix, "idOrUniquePrefix");
    if (idOrUniquePrefix.isEmpty()) {
      throw new IllegalArgumentException("idOrUniquePrefix must not be empty");
    }
    ensureOpen();
    try {
      Optional<RunInfo> exact = findExact(idOrUniquePrefix);
      if (exact.isPresent()) {
        return exact;
      }
      List<RunInfo> matches;
      try (PreparedStatement ps =
          conn.prepareStatement(
              "SELECT "
                  + RUN_COLUMNS
                  + " FROM runs WHERE starts_with(run_id, ?) ORDER BY run_id LIMIT ?")) {
        ps.setString(1, idOrUniquePrefix);
        ps.setInt(2, MAX_CANDIDATES_SHOWN + 1);
        matches = readRuns(ps);
      }
      if (matches.size() <= 1) {
        return matches.stream().findFirst();
      }
      StringBuilder msg =
          new StringBuilder("run id prefix '")
              .append(idOrUniquePrefix)
              .append("' is ambiguous; it matches: ");
      for (int i = 0; i < Math.min(matches.size(), MAX_CANDIDATES_SHOWN); i++) {
        msg.append(i == 0 ? "" : ", ").append(matches.get(i).runId());
      }
      if (matches.size() > MAX_CANDIDATES_SHOWN) {
        msg.append(", ...");
      }
      throw new StoreException(msg.append("; give more characters").toString());
    } catch (SQLException e) {
      throw failure("finding run " + idOrUniquePrefix, e);
    }
  }

  /**
   * Loads everything stored for a completed run.
   *
   * @param runId the exact run id
   * @throws StoreException if there is no such run, or it is not {@code completed} (a running or
   *     failed run has no trustworthy rows)
   */
  public synchronized StoredRun loadRun(String runId) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    try {
      RunInfo info = requireCompleted(runId, "loaded");
      return new StoredRun(
          info, readMetrics(runId), readEquity(runId), readTrades(runId), readFills(runId));
    } catch (SQLException e) {
      throw failure("loading run " + runId, e);
    }
  }

  private RunInfo requireCompleted(String runId, String action) throws SQLException {
    RunInfo info =
        findExact(runId).orElseThrow(() -> new StoreException("no run " + runId + " in " + dbFile));
    if (info.status() != RunStatus.COMPLETED) {
      throw new StoreException(
          "run "
              + runId
              + " is "
              + info.status().dbName()
              + (info.message().isEmpty() ? "" : " (" + info.message() + ")")
              + "; only completed runs can be "
              + action);
    }
    return info;
  }

  private Map<String, Double> readMetrics(String runId) throws SQLException {
    Map<String, Double> metrics = new LinkedHashMap<>();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT name, value FROM metrics WHERE run_id = ? ORDER BY ordinal")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double v = rs.getDouble(2);
          metrics.put(rs.getString(1), rs.wasNull() ? Double.NaN : v);
        }
      }
    }
    return metrics;
  }

  private EquityCurve readEquity(String runId) throws SQLException {
    int n;
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT count(*) FROM equity WHERE run_id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        n = Math.toIntExact(rs.getLong(1));
      }
    }
    long[] times = new long[n];
    double[] equity = new double[n];
    double[] cash = new double[n];
    double[] exposure = new double[n];
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT idx, epoch_ms(time), equity, cash, exposure FROM equity WHERE run_id = ?"
                + " ORDER BY idx")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        int i = 0;
        while (rs.next()) {
          if (i >= n || rs.getInt(1) != i) {
            throw new StoreException(
                "equity of run " + runId + " in " + dbFile + " is corrupt at point " + i);
          }
          times[i] = rs.getLong(2);
          equity[i] = rs.getDouble(3);
          cash[i] = rs.getDouble(4);
          exposure[i] = rs.getDouble(5);
          i++;
        }
      }
    }
    return new EquityCurve(times, equity, cash, exposure);
  }

  private List<Trade> readTrades(String runId) throws SQLException {
    List<Trade> trades = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT trade_id, symbol, direction, quantity, epoch_ms(entry_time),"
                + " epoch_ms(exit_time), entry_price, exit_price, gross_pnl, commission, slippage,"
                + " net_pnl, return_pct, bars_held, mae, mfe, entry_reason, exit_reason"
                + " FROM trades WHERE run_id = ? ORDER BY trade_id")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          trades.add(
              new Trade(
                  rs.getLong(1),
                  rs.getString(2),
                  Trade.Direction.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                  rs.getDouble(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getDouble(7),
                  rs.getDouble(8),
                  rs.getDouble(9),
                  rs.getDouble(10),
                  rs.getDouble(11),
                  rs.getDouble(12),
                  rs.getDouble(13),
                  rs.getInt(14),
                  rs.getDouble(15),
                  rs.getDouble(16),
                  rs.getString(17),
                  rs.getString(18)));
        }
      }
    }
    return trades;
  }

  private List<Fill> readFills(String runId) throws SQLException {
    List<Fill> fills = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT fill_id, order_id, symbol, epoch_ms(time), bar_index, side, quantity, price,"
                + " commission, slippage_cost, tag FROM fills WHERE run_id = ? ORDER BY fill_id")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fills.add(
              new Fill(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getInt(5),
                  Side.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                  rs.getDouble(7),
                  rs.getDouble(8),
                  rs.getDouble(9),
                  rs.getDouble(10),
                  rs.getString(11)));
        }
      }
    }
    return fills;
  }

  /**
   * Exports a completed run to Parquet: {@code run.parquet} (its {@code runs} row), {@code
   * trades.parquet}, {@code fills.parquet}, {@code equity.parquet} and {@code metrics.parquet}
   * (same columns as the tables, ordered by trade id, fill id, idx and ordinal) in {@code outDir},
   * created if needed; existing files of those names are replaced. The run id and the file paths
   * are bound as parameters of {@code COPY}, never spliced into SQL.
   *
   * @return the five paths, in the order above
   * @throws StoreException if the run is unknown or not completed, or writing fails
   */
  public synchronized List<Path> exportParquet(String runId, Path outDir) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(outDir, "outDir");
    ensureOpen();
    Path dir = outDir.toAbsolutePath().normalize();
    try {
      requireCompleted(runId, "exported");
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create export directory " + dir + ": " + e, e);
    } catch (SQLException e) {
      throw failure("exporting run " + runId, e);
    }
    String[][] exports = {
      {"run.parquet", "SELECT * FROM runs WHERE run_id = ?"},
      {"trades.parquet", "SELECT * FROM trades WHERE run_id = ? ORDER BY trade_id"},
      {"fills.parquet", "SELECT * FROM fills WHERE run_id = ? ORDER BY fill_id"},
      {"equity.parquet", "SELECT * FROM equity WHERE run_id = ? ORDER BY idx"},
      {"metrics.parquet", "SELECT * FROM metrics WHERE run_id = ? ORDER BY ordinal"},
    };
    List<Path> written = new ArrayList<>();
    for (String[] export : exports) {
      Path file = dir.resolve(export[0]);
      try (PreparedStatement ps =
          conn.prepareStatement("COPY (" + export[1] + ") TO ? (FORMAT PARQUET)")) {
        ps.setString(1, runId);
        ps.setString(2, file.toString());
        ps.execute();
      } catch (SQLException e) {
        throw failure("exporting run " + runId + " to " + file, e);
      }
      written.add(file);
    }
    return List.copyOf(written);
  }

  /**
   * The sleeves of a completed portfolio run, in config order (empty for a single run).
   *
   * @throws StoreException if there is no such run or it is not completed
   */
  public synchronized List<PortfolioRows.StoredSleeve> portfolioSleeves(String runId) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    try {
      requireCompleted(runId, "loaded");
      return PortfolioRows.readSleeves(conn, runId);
    } catch (SQLException e) {
      throw failure("loading the sleeves of run " + runId, e);
    }
  }

  /** Closes the database connection. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      conn.close();
    } catch (SQLException e) {
      throw failure("closing", e);
    }
  }

  private Optional<RunInfo> findExact(String runId) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE run_id = ?")) {
      ps.setString(1, runId);
      return readRuns(ps).stream().findFirst();
    }
  }

  private Optional<RunStatus> statusOf(String runId) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT status FROM runs WHERE run_id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(RunStatus.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("looking up run " + runId, e);
    }
  }

  private StoreException notRunning(String runId, String target) {
    Optional<RunStatus> status = statusOf(runId);
    if (status.isEmpty()) {
      return new StoreException("no run " + runId + " in " + dbFile);
    }
    return new StoreException(
        "run "
            + runId
            + " is "
            + status.get().dbName()
            + "; only a running run can be marked "
            + target);
  }

  private static List<RunInfo> readRuns(PreparedStatement ps) throws SQLException {
    List<RunInfo> runs = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long finishedMicros = rs.getLong(11);
        Instant finishedAt = rs.wasNull() ? null : Times.fromMicros(finishedMicros);
        long elapsed = rs.getLong(12);
        if (rs.wasNull()) {
          elapsed = -1;
        }
        runs.add(
            new RunInfo(
                rs.getString(1),
                RunKind.fromDbName(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                RunStatus.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                Times.fromMicros(rs.getLong(10)),
                finishedAt,
                elapsed,
                rs.getString(13)));
      }
    }
    return runs;
  }

  private static void checkRunId(String runId) {
    if (!RUN_ID_PATTERN.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "runId must match " + RUN_ID_PATTERN.pattern() + ", was \"" + runId + "\"");
    }
  }

  /** The open connection, for the store's other tables; callers synchronize on this store. */
  DuckDBConnection connection() {
    ensureOpen();
    return conn;
  }

  Clock clock() {
    return clock;
  }

  String host() {
    return host;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("run store " + dbFile + " is closed");
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(what + " failed in database " + dbFile + ": " + e.getMessage(), e);
  }
}
