package io.quantzoo.store;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Hand-built runs, results and metrics for store tests, plus raw SQL helpers. */
final class TestData {
  /** 2026-03-08T06:59:59.123456Z: one second before New York switches to daylight saving. */
  static final Instant CREATED = Instant.parse("2026-03-08T06:59:59.123456Z");

  /** Equity starts here: 2026-03-08T05:00:00Z, hourly points cross the New York DST switch. */
  static final long EQUITY_START_MS = Instant.parse("2026-03-08T05:00:00Z").toEpochMilli();

  private TestData() {}

  static Clock fixedClock(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static RunInfo runInfo(String runId, Instant createdAt) {
    return new RunInfo(
        runId,
        RunKind.BACKTEST,
        "sma_cross",
        "AAPL,MSFT",
        "strategy: sma_cross\nfast: 10\nslow: 30\nnote: 'it''s quoted'\n",
        42L,
        "sha256:abc123",
        "0.1.0-SNAPSHOT",
        RunStatus.RUNNING,
        createdAt,
        null,
        -1,
        "");
  }

  static List<Trade> trades() {
    return List.of(
        new Trade(
            1,
            "AAPL",
            Trade.Direction.LONG,
            100,
            EQUITY_START_MS,
            EQUITY_START_MS + 3_600_000L * 3,
            150.25,
            155.5,
            525.0,
            2.0,
            1.5,
            523.0,
            3.48,
            3,
            -120.125,
            600.75,
            "SmaCrossUp",
            "TakeProfit"),
        new Trade(
            2,
            "MSFT",
            Trade.Direction.SHORT,
            0.125,
            // before 1970: negative epoch milliseconds must survive too
            -86_399_999L,
            EQUITY_START_MS + 1,
            410.0,
            412.0,
            -0.25,
            0.01,
            0.0,
            -0.26,
            Double.NaN,
            Integer.MAX_VALUE,
            Double.NaN,
            0.0,
            "Breakdown, \"quoted\" 'reason'",
            "StopLoss"));
  }

  static List<Fill> fills() {
    return List.of(
        new Fill(1, 10, "AAPL", EQUITY_START_MS, 0, Side.BUY, 100, 150.25, 1.0, 0.75, "SmaCrossUp"),
        new Fill(
            2,
            11,
            "AAPL",
            EQUITY_START_MS + 3_600_000L * 3,
            3,
            Side.SELL,
            100,
            155.5,
            1.0,
            0.75,
            "TakeProfit"),
        new Fill(3, 12, "MSFT", -86_399_999L, -1, Side.SELL, 0.125, 410.0, 0.005, 0.0, ""));
  }

  static EquityCurve equity(int n) {
    long[] t = new long[n];
    double[] e = new double[n];
    double[] c = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = EQUITY_START_MS + 3_600_000L * i + (i % 7);
      e[i] = 100_000 + i * 0.1 + Math.sin(i) * 1e3;
      c[i] = 50_000 - i * 1e-3;
      x[i] = i % 3 == 0 ? 0.0 : Math.scalb(1.0, -i % 40) * 1e4;
    }
    return new EquityCurve(t, e, c, x);
  }

  static BacktestResult result(int equityPoints) {
    return result(equityPoints, trades());
  }

  static BacktestResult result(int equityPoints, List<Trade> trades) {
    return new BacktestResult(
        List.of(Instrument.equity("AAPL"), Instrument.equity("MSFT")),
        equity(equityPoints),
        trades,
        fills(),
        100_000,
        42L,
        FillModel.NEXT_OPEN,
        new BacktestResult.OrderStats(3, 3, 0, 0, 0),
        12.5,
        List.of());
  }

  /** Metrics with an undefined (NaN) Sortino, +Infinity profit factor and -Infinity calmar. */
  static Metrics metrics(int bars) {
    return new Metrics(
        100_000,
        123_456.78,
        23_456.78,
        23.45678,
        11.1,
        10.5,
        15.2,
        1.23,
        Double.NaN,
        Double.NEGATIVE_INFINITY,
        12.3,
        15_000,
        120,
        180.5,
        Double.NaN,
        4.5,
        2,
        50.0,
        Double.POSITIVE_INFINITY,
        150.0,
        400.0,
        -100.0,
        4.0,
        400.0,
        -100.0,
        3.5,
        42.0,
        1.1,
        0.375,
        1.9,
        3.2,
        2.5,
        4.1,
        12.5,
        3.25,
        18.0,
        252.0,
        bars);
  }

  /** A raw JDBC connection to a database (the store must be closed, or in this JVM). */
  static Connection raw(java.nio.file.Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
  }

  /** {@code SELECT count(*) FROM <table> WHERE run_id = ?} through the given connection. */
  static long countRows(Connection conn, String table, String runId) throws SQLException {
    // table names come from the test's own constants, never from input
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT count(*) FROM " + table + " WHERE run_id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
