package io.quantzoo.report;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Hand-built report inputs shared by the tests. */
final class Fixtures {
  static final String RUN_ID = "run-42";
  static final Instant GENERATED_AT = Instant.parse("2024-04-01T12:00:00Z");
  static final String XSS = "<script>alert(1)</script>";

  private Fixtures() {}

  static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  static RunInfo info(String configYaml) {
    return new RunInfo(
        RUN_ID,
        RunKind.BACKTEST,
        "SMA Cross <fast & slow>",
        "AAPL,MSFT",
        configYaml,
        7L,
        "sha256:abc123",
        "0.1.0-SNAPSHOT",
        RunInfo.RunStatus.COMPLETED,
        Instant.parse("2024-03-31T22:15:00Z"),
        Instant.parse("2024-03-31T22:15:03Z"),
        3210,
        "");
  }

  static final String CONFIG =
      """
      strategy: sma_cross
      params:
        fast: 10
        slow: 30
      note: "</code><script>alert(2)</script>"
      """;

  /**
   * Eight points over Nov 2023 – Mar 2024 with a year boundary and a month (Feb) without data;
   * initial cash 1000. The monthly returns are worked out in {@link MonthlyReturnsTest}.
   */
  static EquityCurve monthlyCurve() {
    long[] times = {
      t("2023-11-10T00:00:00Z"),
      t("2023-11-30T23:59:00Z"),
      t("2023-12-01T00:00:00Z"),
      t("2023-12-31T23:59:59.999Z"),
      t("2024-01-01T00:00:00Z"),
      t("2024-01-31T16:00:00Z"),
      t("2024-03-01T16:00:00Z"),
      t("2024-03-15T16:00:00Z")
    };
    double[] equity = {1010, 1050, 1040, 1008, 1020, 1108.8, 1150, 1164.24};
    return curve(times, equity);
  }

  static EquityCurve curve(long[] times, double[] equity) {
    return new EquityCurve(times, equity, equity.clone(), new double[equity.length]);
  }

  /** A random-walk curve of {@code n} hourly points from 2020-01-01, seeded. */
  static EquityCurve randomWalk(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] times = new long[n];
    double[] equity = new double[n];
    long start = t("2020-01-01T00:00:00Z");
    double e = 100_000;
    for (int i = 0; i < n; i++) {
      times[i] = start + i * 3_600_000L;
      e *= 1 + r.nextGaussian() * 0.0005;
      equity[i] = e;
    }
    return curve(times, equity);
  }

  static List<Trade> trades() {
    return List.of(
        new Trade(
            1,
            "AAPL",
            Trade.Direction.LONG,
            100,
            t("2024-01-02T14:30:00Z"),
            t("2024-01-05T21:00:00Z"),
            185.5,
            190.25,
            475,
            2,
            0.5,
            473,
            2.5499,
            3,
            -120.5,
            600,
            XSS,
            "TakeProfit"),
        new Trade(
            2,
            "MSFT",
            Trade.Direction.SHORT,
            10.5,
            t("2024-02-01T15:00:30Z"),
            t("2024-02-09T20:00:00Z"),
            402.125,
            416.435,
            -150.255,
            1.5,
            0.25,
            -151.755,
            -3.5938,
            6,
            -210,
            35.75,
            "cross|down",
            "StopLoss"),
        new Trade(
            3,
            "AAPL",
            Trade.Direction.LONG,
            50,
            t("2024-03-04T14:30:00Z"),
            t("2024-03-04T21:00:00Z"),
            175,
            175,
            0,
            0,
            0,
            0,
            0,
            0,
            -12,
            8,
            "entry",
            "EndOfData"));
  }

  /** Generated trades with alternating wins and losses. */
  static List<Trade> manyTrades(int n) {
    List<Trade> list = new ArrayList<>(n);
    long t0 = t("2023-01-02T00:00:00Z");
    for (int i = 1; i <= n; i++) {
      double pnl = (i % 3 == 0 ? -1 : 1) * (i % 97) * 3.5;
      list.add(
          new Trade(
              i,
              "BTC-USD",
              i % 2 == 0 ? Trade.Direction.SHORT : Trade.Direction.LONG,
              0.25,
              t0 + i * 3_600_000L,
              t0 + (i + 2) * 3_600_000L,
              30_000 + i,
              30_000 + i + pnl * 4,
              pnl,
              0,
              0,
              pnl,
              pnl / (0.25 * (30_000 + i)) * 100,
              2,
              -Math.abs(pnl),
              Math.abs(pnl),
              "signal",
              "exit"));
    }
    return list;
  }

  static Metrics metrics() {
    return new Metrics(
        1000, // initial_equity
        1164.24, // final_equity
        164.24, // net_profit
        16.424, // total_return_pct
        38.1234, // annual_return_pct
        Double.NaN, // cagr_pct (undefined -> n/a)
        12.0, // annual_volatility_pct
        1.2345, // sharpe
        -0.004, // sortino (prints 0.00? no: -0.00 is normalised to 0.00)
        2.5, // calmar
        4.0, // max_drawdown_pct
        42, // max_drawdown
        15, // max_drawdown_duration_bars
        20.5, // max_drawdown_duration_days
        Double.NaN, // recovery_bars
        2.25, // avg_drawdown_pct
        3, // trades
        33.3333, // win_rate_pct
        3.117, // profit_factor
        107.08, // expectancy
        473, // avg_win
        -75.88, // avg_loss
        6.23, // payoff_ratio
        473, // best_trade
        -151.755, // worst_trade
        3, // avg_bars_held
        55.5, // exposure_pct
        0.72, // sqn
        0.2, // kelly
        1.1, // var95
        2.2, // var99
        1.5, // es95
        2.9, // es99
        1234567.891, // total_commission
        0.75, // total_slippage
        10.0, // buy_and_hold_return_pct
        252, // periods_per_year
        8); // bars
  }

  static ReportInput input() {
    return new ReportInput(
        info(CONFIG), metricsWithExtra(), monthlyCurve(), trades(), 1000, GENERATED_AT);
  }

  static Map<String, Double> metricsWithExtra() {
    Map<String, Double> m = new java.util.LinkedHashMap<>(metrics().asMap());
    m.put("custom_edge_pct", 1.5);
    return m;
  }
}
