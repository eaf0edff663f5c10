package io.quantzoo.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every expected number below is worked out by hand in the comment beside it. Notation: E_0 is the
 * initial cash, E_1..E_n the curve points, r_t = E_t / E_(t-1) - 1, P the periods per year.
 */
class MetricsCalculatorTest {

  private static final Offset<Double> TOL = within(1e-9);
  private static final long DAY = 86_400_000L;
  private static final long T0 = Instant.parse("2024-01-02T21:00:00Z").toEpochMilli();
  private static final Instrument AAPL = Instrument.equity("AAPL");

  // ---------------------------------------------------------------- builders

  private static long[] dailyTimes(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = T0 + i * DAY;
    }
    return t;
  }

  private static EquityCurve curve(long[] times, double[] equity, double[] exposure) {
    return new EquityCurve(times, equity, equity.clone(), exposure);
  }

  /** A curve with one point a calendar day from T0 and no exposure. */
  private static EquityCurve daily(double... equity) {
    return curve(dailyTimes(equity.length), equity, new double[equity.length]);
  }

  private static BacktestResult result(
      List<Instrument> instruments,
      EquityCurve curve,
      List<Trade> trades,
      List<Fill> fills,
      double initialCash,
      double buyAndHoldPct) {
    return new BacktestResult(
        instruments,
        curve,
        trades,
        fills,
        initialCash,
        42L,
        FillModel.NEXT_OPEN,
        new BacktestResult.OrderStats(0, 0, 0, 0, 0),
        buyAndHoldPct,
        List.of());
  }

  private static BacktestResult result(EquityCurve curve, double initialCash) {
    return result(List.of(AAPL), curve, List.of(), List.of(), initialCash, 0.0);
  }

  private static BacktestResult withTrades(List<Trade> trades) {
    return result(List.of(AAPL), daily(100, 100), trades, List.of(), 100, 0.0);
  }

  private static Trade trade(long id, double netPnl, int barsHeld) {
    return new Trade(
        id,
        "AAPL",
        Trade.Direction.LONG,
        1,
        T0,
        T0 + barsHeld * DAY,
        100,
        100 + netPnl,
        netPnl,
        0,
        0,
        netPnl,
        netPnl,
        barsHeld,
        0,
        0,
        "entry",
        "exit");
  }

  private static Fill fill(long id, double commission, double slippage) {
    return new Fill(id, id, "AAPL", T0, 0, Side.BUY, 1, 100, commission, slippage, "tag");
  }

  private static MetricsOptions periods(double p) {
    return MetricsOptions.defaults().withPeriodsPerYear(p);
  }

  /** An equity curve from E_0 = 100 whose bar returns are exactly {@code returns}, in order. */
  private static EquityCurve fromReturns(double... returns) {
    double[] e = new double[returns.length];
    double prev = 100;
    for (int i = 0; i < returns.length; i++) {
      prev = prev * (1 + returns[i]);
      e[i] = prev;
    }
    return daily(e);
  }

  // ---------------------------------------------------------------- returns family

  @Nested
  class Returns {
    // E_0 = 100, E = 110, 99, 108.9, 119.79 -> r = +0.1, -0.1, +0.1, +0.1 (n = 4), P = 4 given.
    // mean = (0.1 - 0.1 + 0.1 + 0.1) / 4 = 0.05
    // deviations 0.05, -0.15, 0.05, 0.05; squares 0.0025 + 0.0225 + 0.0025 + 0.0025 = 0.03
    // sample var = 0.03 / 3 = 0.01 -> std = 0.1; sqrt(P) = 2.
    private final BacktestResult run = result(daily(110, 99, 108.9, 119.79), 100);

    @Test
    void levelsAndTotalReturn() {
      Metrics m = MetricsCalculator.compute(run, periods(4));
      assertThat(m.initialEquity()).isEqualTo(100.0);
      assertThat(m.finalEquity()).isEqualTo(119.79);
      assertThat(m.netProfit()).isCloseTo(19.79, TOL); // 119.79 - 100
      assertThat(m.totalReturnPct()).isCloseTo(19.79, TOL); // (119.79 / 100 - 1) × 100
      assertThat(m.bars()).isEqualTo(4);
      assertThat(m.periodsPerYear()).isEqualTo(4.0);
    }

    @Test
    void annualReturnVolatilityAndRatiosWithoutRiskFree() {
      Metrics m = MetricsCalculator.compute(run, periods(4));
      assertThat(m.annualReturnPct()).isCloseTo(20.0, TOL); // 0.05 × 4 × 100
      assertThat(m.annualVolatilityPct()).isCloseTo(20.0, TOL); // 0.1 × sqrt(4) × 100
      assertThat(m.sharpe()).isCloseTo(1.0, TOL); // 0.05 / 0.1 × 2
      // Downside: min(0, r)^2 = 0, 0.01, 0, 0 -> mean over all 4 = 0.0025 -> DD = 0.05.
      assertThat(m.sortino()).isCloseTo(2.0, TOL); // 0.05 / 0.05 × 2
    }

    @Test
    void ratiosWithRiskFreeRate() {
      // rf = 4.060401 % a year: (1.04060401)^(1/4) - 1 = 0.01 per bar, because 1.01^4 = 1.04060401.
      Metrics m = MetricsCalculator.compute(run, new MetricsOptions(4.060401, 4));
      assertThat(m.sharpe()).isCloseTo(0.8, TOL); // (0.05 - 0.01) / 0.1 × 2
      // r - rf_p = 0.09, -0.11, 0.09, 0.09 -> min(0,.)^2 = 0.0121 -> mean 0.0121 / 4 = 0.003025
      // -> DD = 0.055; Sortino = 0.04 / 0.055 × 2 = 16 / 11.
      assertThat(m.sortino()).isCloseTo(16.0 / 11.0, TOL);
      // Annual return and volatility do not depend on rf.
      assertThat(m.annualReturnPct()).isCloseTo(20.0, TOL);
      assertThat(m.annualVolatilityPct()).isCloseTo(20.0, TOL);
    }

    @Test
    void sortinoIsNanWithoutDownsideButSharpeIsDefined() {
      // E_0 = 100, E = 110, 132 -> r = 0.1, 0.2; mean 0.15; sample var = (0.05² + 0.05²) / 1
      // = 0.005 -> std = sqrt(0.005); Sharpe = 0.15 / sqrt(0.005) × 2 = 3 × sqrt(2).
      Metrics m = MetricsCalculator.compute(result(daily(110, 132), 100), periods(4));
      assertThat(m.sharpe()).isCloseTo(3 * Math.sqrt(2), TOL);
      assertThat(m.sortino()).isNaN(); // no return below 0 -> DD = 0
    }

    @Test
    void periodsAreEstimatedFromTheCurveWhenNotGiven() {
      // Daily spacing for an equity -> 252; annual return = 0.05 × 252 × 100 = 1260.
      Metrics m = MetricsCalculator.compute(run, MetricsOptions.defaults());
      assertThat(m.periodsPerYear()).isEqualTo(252.0);
      assertThat(m.annualReturnPct()).isCloseTo(1260.0, TOL);
      // 4-hour spacing for crypto -> 365 × 6 = 2190.
      long[] t = {T0, T0 + 4 * 3_600_000L, T0 + 8 * 3_600_000L};
      double[] e = {101, 102, 103};
      BacktestResult crypto =
          result(
              List.of(Instrument.crypto("BTC-USD")),
              curve(t, e, new double[3]),
              List.of(),
              List.of(),
              100,
              0.0);
      assertThat(MetricsCalculator.compute(crypto).periodsPerYear()).isEqualTo(2190.0);
    }
  }

  // ---------------------------------------------------------------- drawdowns

  @Nested
  class Drawdowns {
    @Test
    void twoEpisodesPctAndCurrencyMaximaFromDifferentEpisodes() {
      // seq  t: 0    1   2   3    4    5    6    7    8      (curve point = t - 1, day t - 1)
      //     E: 100   70  85  100  200  180  160  190  170
      //  peak: 100  100 100  100  200  200  200  200  200
      //    dd:  0   .30 .15   0    0  .10  .20  .05  .15
      //  peak-E: 0   30  15   0    0   20   40   10   30
      // Episode A = t 1..2 (recovered at t 3, at the peak: "at or above"), depth 30 %.
      // Episode B = t 5..8 (never recovered), depth 20 %.
      Metrics m =
          MetricsCalculator.compute(
              result(daily(70, 85, 100, 200, 180, 160, 190, 170), 100), periods(252));
      assertThat(m.maxDrawdownPct()).isCloseTo(30.0, TOL); // (1 - 70/100) × 100, episode A
      assertThat(m.maxDrawdown()).isCloseTo(40.0, TOL); // 200 - 160, episode B
      assertThat(m.maxDrawdownDurationBars()).isEqualTo(4.0); // B: points t 5, 6, 7, 8
      // B's peak is t 4 (curve day 3), unrecovered -> last point t 8 (day 7): 7 - 3 = 4 days.
      assertThat(m.maxDrawdownDurationDays()).isCloseTo(4.0, TOL);
      // Deepest trough t 1 (30 %) -> first point >= 100 is t 3: 3 - 1 = 2 bars.
      assertThat(m.recoveryBars()).isEqualTo(2.0);
      assertThat(m.avgDrawdownPct()).isCloseTo(25.0, TOL); // (30 + 20) / 2
    }

    @Test
    void returnsCurveDrawdown() {
      // E: 100, 110, 99, 108.9, 119.79: peak 110 at t 1; t 2: 1 - 99/110 = 0.1, 110 - 99 = 11;
      // t 3: 1 - 108.9/110 = 0.01; t 4 recovers. Episode t 2..3 = 2 bars; from peak t 1 (day 0)
      // to recovery t 4 (day 3) = 3 days; recovery from trough t 2 to t 4 = 2 bars.
      Metrics m = MetricsCalculator.compute(result(daily(110, 99, 108.9, 119.79), 100), periods(4));
      assertThat(m.maxDrawdownPct()).isCloseTo(10.0, TOL);
      assertThat(m.maxDrawdown()).isCloseTo(11.0, TOL);
      assertThat(m.maxDrawdownDurationBars()).isEqualTo(2.0);
      assertThat(m.maxDrawdownDurationDays()).isCloseTo(3.0, TOL);
      assertThat(m.recoveryBars()).isEqualTo(2.0);
      assertThat(m.avgDrawdownPct()).isCloseTo(10.0, TOL);
    }

    @Test
    void drawdownFromInitialCashNeverRecovered() {
      // E: 100 (E_0), 90, 80: dd 0.10 then 0.20; episode t 1..2 = 2 bars, unrecovered.
      // Its peak is E_0, which takes the first curve point's time (day 0); last point is day 1
      // -> 1 day. Recovery undefined -> NaN.
      Metrics m = MetricsCalculator.compute(result(daily(90, 80), 100), periods(252));
      assertThat(m.maxDrawdownPct()).isCloseTo(20.0, TOL); // (1 - 80/100) × 100
      assertThat(m.maxDrawdown()).isCloseTo(20.0, TOL); // 100 - 80
      assertThat(m.maxDrawdownDurationBars()).isEqualTo(2.0);
      assertThat(m.maxDrawdownDurationDays()).isCloseTo(1.0, TOL);
      assertThat(m.recoveryBars()).isNaN();
      assertThat(m.avgDrawdownPct()).isCloseTo(20.0, TOL);
    }

    @Test
    void neverBelowThePeakMeansNoDrawdown() {
      // E: 100, 100, 101, 102: each point is at or above the running peak.
      Metrics m = MetricsCalculator.compute(result(daily(100, 101, 102), 100), periods(252));
      assertThat(m.maxDrawdownPct()).isEqualTo(0.0);
      assertThat(m.maxDrawdown()).isEqualTo(0.0);
      assertThat(m.maxDrawdownDurationBars()).isEqualTo(0.0);
      assertThat(m.maxDrawdownDurationDays()).isEqualTo(0.0);
      assertThat(m.recoveryBars()).isNaN(); // no trough to recover from
      assertThat(m.avgDrawdownPct()).isEqualTo(0.0); // no episode
      assertThat(m.calmar()).isNaN(); // max drawdown 0
    }
  }

  // ---------------------------------------------------------------- CAGR and Calmar

  @Test
  void cagrAndCalmarOverAnExactTwoYearSpan() {
    // Times 2021-01-01T00:00Z, 2022-01-01T00:00Z, 2023-01-01T12:00Z: 365 + 365 days + 12 h
    // = 730.5 days = 2 × 365.25 -> years = 2 exactly.
    long[] t = {
      Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(),
      Instant.parse("2022-01-01T00:00:00Z").toEpochMilli(),
      Instant.parse("2023-01-01T12:00:00Z").toEpochMilli()
    };
    double[] e = {100, 80, 121};
    Metrics m = MetricsCalculator.compute(result(curve(t, e, new double[3]), 100), periods(1));
    assertThat(m.totalReturnPct()).isCloseTo(21.0, TOL); // (121 / 100 - 1) × 100
    assertThat(m.cagrPct()).isCloseTo(10.0, TOL); // (1.21^(1/2) - 1) × 100 = (1.1 - 1) × 100
    assertThat(m.maxDrawdownPct()).isCloseTo(20.0, TOL); // peak 100, trough 80
    assertThat(m.calmar()).isCloseTo(0.5, TOL); // 0.10 / 0.20
  }

  @Test
  void cagrIsNanWhenFinalEquityIsNotPositive() {
    // E_0 = 100, E = 100, -5: E_n <= 0 -> NaN; the returns 0 and -1.05 have positive bases.
    Metrics m = MetricsCalculator.compute(result(daily(100, -5), 100), periods(252));
    assertThat(m.cagrPct()).isNaN();
    assertThat(m.calmar()).isNaN();
    assertThat(m.totalReturnPct()).isCloseTo(-105.0, TOL); // (-5 / 100 - 1) × 100
    assertThat(m.maxDrawdownPct()).isCloseTo(105.0, TOL); // (1 - (-5) / 100) × 100
  }

  @Test
  void returnsAreUndefinedAfterEquityReachesZero() {
    // E_0 = 100, E = 0, 50: r_2 = 50 / 0 - 1 has no base -> every return metric NaN.
    Metrics m = MetricsCalculator.compute(result(daily(0, 50), 100), periods(252));
    assertThat(m.annualReturnPct()).isNaN();
    assertThat(m.annualVolatilityPct()).isNaN();
    assertThat(m.sharpe()).isNaN();
    assertThat(m.sortino()).isNaN();
    assertThat(m.totalReturnPct()).isCloseTo(-50.0, TOL); // (50 / 100 - 1) × 100
    assertThat(m.maxDrawdownPct()).isCloseTo(100.0, TOL); // (1 - 0 / 100) × 100
  }

  // ---------------------------------------------------------------- trades

  @Nested
  class Trades {
    @Test
    void sixTrades() {
      // net P&L: +300, -100, +100, -200, 0, +500; bars held 1, 2, 3, 4, 5, 9.
      List<Trade> trades =
          List.of(
              trade(1, 300, 1),
              trade(2, -100, 2),
              trade(3, 100, 3),
              trade(4, -200, 4),
              trade(5, 0, 5),
              trade(6, 500, 9));
      Metrics m = MetricsCalculator.compute(withTrades(trades), periods(252));
      assertThat(m.trades()).isEqualTo(6);
      assertThat(m.winRatePct()).isCloseTo(50.0, TOL); // wins 300, 100, 500: 3 / 6 × 100
      // gross profit 300 + 100 + 500 = 900; gross loss -100 - 200 = -300 -> 900 / 300 = 3
      assertThat(m.profitFactor()).isCloseTo(3.0, TOL);
      assertThat(m.expectancy()).isCloseTo(100.0, TOL); // (900 - 300 + 0) / 6
      assertThat(m.avgWin()).isCloseTo(300.0, TOL); // 900 / 3
      assertThat(m.avgLoss()).isCloseTo(-150.0, TOL); // -300 / 2
      assertThat(m.payoffRatio()).isCloseTo(2.0, TOL); // 300 / 150
      assertThat(m.bestTrade()).isEqualTo(500.0);
      assertThat(m.worstTrade()).isEqualTo(-200.0);
      assertThat(m.avgBarsHeld()).isCloseTo(4.0, TOL); // (1+2+3+4+5+9) / 6 = 24 / 6
      // deviations from 100: 200, -200, 0, -300, -100, 400; squares sum
      // 40000 + 40000 + 0 + 90000 + 10000 + 160000 = 340000; var = 340000 / 5 = 68000;
      // SQN = sqrt(6) × 100 / sqrt(68000) = sqrt(60000 / 68000) = sqrt(15 / 17).
      assertThat(m.sqn()).isCloseTo(Math.sqrt(15.0 / 17.0), TOL);
      assertThat(m.kelly()).isCloseTo(0.25, TOL); // W = 0.5: 0.5 - (1 - 0.5) / 2
    }

    @Test
    void onlyWinners() {
      // +10, +20: no loss but profit -> profit factor +Infinity; avg loss, payoff, Kelly NaN.
      Metrics m =
          MetricsCalculator.compute(
              withTrades(List.of(trade(1, 10, 1), trade(2, 20, 1))), periods(252));
      assertThat(m.winRatePct()).isCloseTo(100.0, TOL);
      assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(m.avgWin()).isCloseTo(15.0, TOL); // (10 + 20) / 2
      assertThat(m.avgLoss()).isNaN();
      assertThat(m.payoffRatio()).isNaN();
      assertThat(m.kelly()).isNaN();
    }

    @Test
    void onlyLosers() {
      // -10, -30: profit factor 0 / 40 = 0; mean -20, deviations +10, -10 -> var 200 / 1,
      // SQN = sqrt(2) × -20 / sqrt(200) = -20 × sqrt(1/100) = -2.
      Metrics m =
          MetricsCalculator.compute(
              withTrades(List.of(trade(1, -10, 1), trade(2, -30, 1))), periods(252));
      assertThat(m.winRatePct()).isEqualTo(0.0);
      assertThat(m.profitFactor()).isEqualTo(0.0);
      assertThat(m.avgWin()).isNaN();
      assertThat(m.avgLoss()).isCloseTo(-20.0, TOL);
      assertThat(m.payoffRatio()).isNaN();
      assertThat(m.kelly()).isNaN();
      assertThat(m.sqn()).isCloseTo(-2.0, TOL);
    }

    @Test
    void onlyScratchTrades() {
      // 0, 0: no profit and no loss -> profit factor NaN; std 0 -> SQN NaN; expectancy 0.
      Metrics m =
          MetricsCalculator.compute(
              withTrades(List.of(trade(1, 0, 1), trade(2, 0, 1))), periods(252));
      assertThat(m.trades()).isEqualTo(2);
      assertThat(m.winRatePct()).isEqualTo(0.0);
      assertThat(m.profitFactor()).isNaN();
      assertThat(m.expectancy()).isEqualTo(0.0);
      assertThat(m.sqn()).isNaN();
    }

    @Test
    void identicalTradesHaveNoSqnDespiteRounding() {
      // 0.1 three times: the float mean (0.1 + 0.1 + 0.1) / 3 is not exactly 0.1, but the spread
      // is rounding noise, not variation -> std treated as 0 -> SQN NaN.
      Metrics m =
          MetricsCalculator.compute(
              withTrades(List.of(trade(1, 0.1, 1), trade(2, 0.1, 1), trade(3, 0.1, 1))),
              periods(252));
      assertThat(m.sqn()).isNaN();
      assertThat(m.expectancy()).isCloseTo(0.1, TOL);
    }

    @Test
    void oneTradeHasNoSqn() {
      Metrics m = MetricsCalculator.compute(withTrades(List.of(trade(1, 50, 3))), periods(252));
      assertThat(m.trades()).isEqualTo(1);
      assertThat(m.expectancy()).isEqualTo(50.0);
      assertThat(m.sqn()).isNaN(); // n < 2
    }

    @Test
    void noTrades() {
      Metrics m = MetricsCalculator.compute(withTrades(List.of()), periods(252));
      assertThat(m.trades()).isZero();
      assertThat(m.winRatePct()).isNaN();
      assertThat(m.profitFactor()).isNaN();
      assertThat(m.expectancy()).isNaN();
      assertThat(m.avgWin()).isNaN();
      assertThat(m.avgLoss()).isNaN();
      assertThat(m.payoffRatio()).isNaN();
      assertThat(m.bestTrade()).isNaN();
      assertThat(m.worstTrade()).isNaN();
      assertThat(m.avgBarsHeld()).isNaN();
      assertThat(m.sqn()).isNaN();
      assertThat(m.kelly()).isNaN();
    }
  }

  // ---------------------------------------------------------------- exposure, costs, pass-through

  @Test
  void exposureCostsAndBuyAndHold() {
    // exposure 0, 1000, 500, 0, 0 -> 2 of 5 points exposed -> 40 %.
    double[] e = {100, 101, 102, 103, 104};
    double[] x = {0, 1000, 500, 0, 0};
    List<Fill> fills = List.of(fill(1, 1.5, 0.25), fill(2, 2.5, 0.75));
    Metrics m =
        MetricsCalculator.compute(
            result(List.of(AAPL), curve(dailyTimes(5), e, x), List.of(), fills, 100, 12.5),
            periods(252));
    assertThat(m.exposurePct()).isCloseTo(40.0, TOL); // 2 / 5 × 100
    assertThat(m.totalCommission()).isCloseTo(4.0, TOL); // 1.5 + 2.5
    assertThat(m.totalSlippage()).isCloseTo(1.0, TOL); // 0.25 + 0.75
    assertThat(m.buyAndHoldReturnPct()).isEqualTo(12.5);
    assertThat(m.bars()).isEqualTo(5);
  }

  // ---------------------------------------------------------------- VaR / ES

  @Nested
  class TailRisk {
    @Test
    void fortyReturnsFromMinusTenToPlusTwentyNinePercent() {
      // Returns -10 %, -9 %, ..., +29 % (n = 40), fed in a shuffled order (odd steps first).
      // Sorted: x_0 = -0.10, x_1 = -0.09, x_2 = -0.08, ...
      // 95 %: p = 0.05, h = 39 × 0.05 = 1.95 -> q = x_1 + 0.95 × (x_2 - x_1)
      //       = -0.09 + 0.0095 = -0.0805 -> VaR = 8.05; ES = -mean(-0.10, -0.09) = 9.5.
      // 99 %: p = 0.01, h = 39 × 0.01 = 0.39 -> q = -0.10 + 0.39 × 0.01 = -0.0961
      //       -> VaR = 9.61; ES = -mean(-0.10) = 10.
      List<Double> rs = new ArrayList<>();
      for (int k = -9; k <= 29; k += 2) {
        rs.add(k / 100.0);
      }
      for (int k = 28; k >= -10; k -= 2) {
        rs.add(k / 100.0);
      }
      double[] r = rs.stream().mapToDouble(Double::doubleValue).toArray();
      assertThat(r).hasSize(40);
      Metrics m = MetricsCalculator.compute(result(fromReturns(r), 100), periods(252));
      assertThat(m.var95()).isCloseTo(8.05, TOL);
      assertThat(m.es95()).isCloseTo(9.5, TOL);
      assertThat(m.var99()).isCloseTo(9.61, TOL);
      assertThat(m.es99()).isCloseTo(10.0, TOL);
    }

    @Test
    void twentyReturnsIsEnoughNineteenIsNot() {
      // Returns -10 %..+9 % (n = 20): 95 %: h = 19 × 0.05 = 0.95 -> q = -0.10 + 0.95 × 0.01
      // = -0.0905 -> VaR 9.05, ES = -mean(-0.10) = 10. 99 %: h = 0.19 -> q = -0.0981 -> 9.81.
      double[] r20 = new double[20];
      for (int i = 0; i < 20; i++) {
        r20[i] = (i - 10) / 100.0;
      }
      Metrics m = MetricsCalculator.compute(result(fromReturns(r20), 100), periods(252));
      assertThat(m.var95()).isCloseTo(9.05, TOL);
      assertThat(m.es95()).isCloseTo(10.0, TOL);
      assertThat(m.var99()).isCloseTo(9.81, TOL);
      assertThat(m.es99()).isCloseTo(10.0, TOL);

      double[] r19 = java.util.Arrays.copyOf(r20, 19);
      Metrics short19 = MetricsCalculator.compute(result(fromReturns(r19), 100), periods(252));
      assertThat(short19.var95()).isNaN();
      assertThat(short19.var99()).isNaN();
      assertThat(short19.es95()).isNaN();
      assertThat(short19.es99()).isNaN();
    }

    @Test
    void constantReturnSeriesIsNotSpecialCased() {
      // E_t = 100 × 1.01^t, 25 points: every r_t = 0.01 up to float rounding (the values are
      // not all bit-identical). q = 0.01 at both levels -> VaR = -1, ES = -1 (a gain).
      double[] r = new double[25];
      java.util.Arrays.fill(r, 0.01);
      Metrics m = MetricsCalculator.compute(result(fromReturns(r), 100), periods(252));
      assertThat(m.var95()).isCloseTo(-1.0, TOL);
      assertThat(m.var99()).isCloseTo(-1.0, TOL);
      assertThat(m.es95()).isCloseTo(-1.0, TOL);
      assertThat(m.es99()).isCloseTo(-1.0, TOL);
      // Zero volatility up to rounding: Sharpe undefined, Sortino undefined (no downside).
      assertThat(m.annualVolatilityPct()).isCloseTo(0.0, TOL);
      assertThat(m.sharpe()).isNaN();
      assertThat(m.sortino()).isNaN();
      assertThat(m.annualReturnPct()).isCloseTo(252.0, TOL); // 0.01 × 252 × 100
    }

    @Test
    void flatEquityHasZeroVarNotNegativeZero() {
      // 25 points of 100: every r_t = 0 exactly -> q = 0 -> VaR = ES = 0 (positive zero).
      double[] e = new double[25];
      java.util.Arrays.fill(e, 100);
      Metrics m = MetricsCalculator.compute(result(daily(e), 100), periods(252));
      assertThat(m.var95()).isEqualTo(0.0);
      assertThat(m.es99()).isEqualTo(0.0);
    }

    @Test
    void quantileType7MatchesNumpyDefault() {
      // numpy.quantile([1, 2, 3, 4], p): h = 3p. p = 0 -> 1; p = 0.5 -> h 1.5 -> 2.5;
      // p = 0.9 -> h 2.7 -> 3 + 0.7 × 1 = 3.7; p = 1 -> 4.
      double[] x = {1, 2, 3, 4};
      assertThat(MetricsCalculator.quantileType7(x, 0)).isEqualTo(1.0);
      assertThat(MetricsCalculator.quantileType7(x, 0.5)).isCloseTo(2.5, TOL);
      assertThat(MetricsCalculator.quantileType7(x, 0.9)).isCloseTo(3.7, TOL);
      assertThat(MetricsCalculator.quantileType7(x, 1)).isEqualTo(4.0);
    }
  }

  // ---------------------------------------------------------------- degenerate runs

  @Nested
  class Degenerate {
    @Test
    void onePoint() {
      // E_0 = 100, E_1 = 105: one return 0.05.
      Metrics m = MetricsCalculator.compute(result(daily(105), 100), periods(252));
      assertThat(m.totalReturnPct()).isCloseTo(5.0, TOL); // (105 / 100 - 1) × 100
      assertThat(m.annualReturnPct()).isCloseTo(1260.0, TOL); // 0.05 × 252 × 100
      assertThat(m.annualVolatilityPct()).isNaN(); // sample std needs 2 returns
      assertThat(m.sharpe()).isNaN();
      assertThat(m.sortino()).isNaN();
      assertThat(m.cagrPct()).isNaN(); // span 0 years
      assertThat(m.calmar()).isNaN();
      assertThat(m.var95()).isNaN();
      assertThat(m.es95()).isNaN();
      assertThat(m.maxDrawdownPct()).isEqualTo(0.0);
      assertThat(m.recoveryBars()).isNaN();
      assertThat(m.exposurePct()).isEqualTo(0.0);
      assertThat(m.bars()).isEqualTo(1);
    }

    @Test
    void emptyCurve() {
      // No points: E_n = E_0, nothing to average.
      EquityCurve empty = new EquityCurve(new long[0], new double[0], new double[0], new double[0]);
      Metrics m = MetricsCalculator.compute(result(empty, 100), MetricsOptions.defaults());
      assertThat(m.finalEquity()).isEqualTo(100.0);
      assertThat(m.netProfit()).isEqualTo(0.0);
      assertThat(m.totalReturnPct()).isEqualTo(0.0);
      assertThat(m.annualReturnPct()).isNaN();
      assertThat(m.cagrPct()).isNaN();
      assertThat(m.exposurePct()).isNaN();
      assertThat(m.periodsPerYear()).isEqualTo(252.0); // fewer than 2 times, equity calendar
      assertThat(m.bars()).isZero();
    }

    @Test
    void zeroVolatility() {
      // E_0 = 100, E = 100, 100, 100, 100 over 3 days: r = 0 x4.
      Metrics m = MetricsCalculator.compute(result(daily(100, 100, 100, 100), 100), periods(252));
      assertThat(m.annualReturnPct()).isEqualTo(0.0);
      assertThat(m.annualVolatilityPct()).isEqualTo(0.0); // a real, measured zero
      assertThat(m.sharpe()).isNaN(); // std 0
      assertThat(m.sortino()).isNaN(); // DD 0
      assertThat(m.cagrPct()).isEqualTo(0.0); // (1^(365.25/3) - 1) × 100
      assertThat(m.maxDrawdownPct()).isEqualTo(0.0);
      assertThat(m.calmar()).isNaN();
    }
  }

  // ---------------------------------------------------------------- input rules

  @Test
  void rejectsBadInputs() {
    assertThatThrownBy(() -> MetricsCalculator.compute(result(daily(100), 0), periods(252)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initial_cash must be finite and > 0, was 0.0");
    assertThatThrownBy(
            () -> MetricsCalculator.compute(result(daily(100, Double.NaN), 100), periods(252)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("equity must be finite, was NaN at index 1");
    BacktestResult noInstruments =
        result(List.of(), daily(100, 101), List.of(), List.of(), 100, 0.0);
    assertThatThrownBy(() -> MetricsCalculator.compute(noInstruments))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instruments must not be empty");
    // With P given, no instrument is needed.
    assertThat(MetricsCalculator.compute(noInstruments, periods(252)).periodsPerYear())
        .isEqualTo(252.0);
  }

  @Test
  void optionsAreValidated() {
    assertThat(MetricsOptions.defaults().riskFreeRatePct()).isEqualTo(0.0);
    assertThat(MetricsOptions.defaults().periodsPerYear()).isNaN();
    assertThatThrownBy(() -> new MetricsOptions(-100, 252))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("risk_free_rate_pct must be finite and > -100, was -100.0");
    assertThatThrownBy(() -> new MetricsOptions(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("periods_per_year must be finite and > 0 (or NaN to estimate), was 0.0");
    assertThatThrownBy(() -> new MetricsOptions(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
