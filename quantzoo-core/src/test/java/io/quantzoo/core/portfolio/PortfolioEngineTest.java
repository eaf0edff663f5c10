package io.quantzoo.core.portfolio;

import static io.quantzoo.core.testkit.Scripted.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.AssetClass;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.strategy.StrategyContext;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.RandomBars;
import io.quantzoo.core.testkit.Scripted;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Portfolio accounting on hand-built bars; expected numbers are worked out in the comments. */
class PortfolioEngineTest {
  private static final double EPS = 1e-9;

  /** A: 100 → close 110 (b1) → 120 (b2) → 120, 120. B: flat 100. */
  private static BarSeries a(double b2Close) {
    return Bars.of("A")
        .flat(100)
        .bar(100, 110, 100, 110)
        .bar(110, b2Close, 110, b2Close)
        .bar(b2Close, b2Close, b2Close, b2Close)
        .flat(b2Close)
        .build();
  }

  private static BarSeries b() {
    return Bars.of("B").flat(100).flat(100).flat(100).flat(100).flat(100).build();
  }

  /** Buys 10 units at bar 0's signal (fills at bar 1's open), holds to the end of data. */
  private static Sleeve buyTen(String name, BarSeries bars) {
    String sym = bars.symbol();
    return new Sleeve(
        name,
        "scripted",
        "buy 10",
        List.of(new SymbolData(bars, Instrument.equity(sym))),
        script().at(0, c -> c.submit(OrderRequest.market(sym, Side.BUY, 10, "Buy"))),
        new SizingModel.PercentOfEquity(100));
  }

  private static PortfolioConfig config(
      EngineConfig ex, Allocator alloc, RebalanceSchedule schedule, double drift) {
    return new PortfolioConfig(ex, alloc, new Covariance.Shrinkage.None(), 2, schedule, drift, 252);
  }

  private static final Allocator HALF = new Allocator.Fixed(new double[] {0.5, 0.5});

  private static void assertIdentities(PortfolioResult r) {
    EquityCurve e = r.portfolio().equity();
    for (int t = 0; t < e.size(); t++) {
      double sum = r.reserve()[t];
      double w = 0;
      for (int i = 0; i < r.sleeves().size(); i++) {
        sum += r.sleeveValues()[t][i];
        w += r.actualWeights()[t][i];
      }
      // Σ sleeve values + unallocated cash = portfolio equity
      assertThat(sum).as("bar %d", t).isCloseTo(e.equity(t), within(EPS));
      assertThat(w + r.reserve()[t] / e.equity(t)).isCloseTo(1, within(EPS));
    }
    double contrib = 0;
    for (SleeveResult s : r.sleeves()) {
      contrib += s.contributionToReturnPct();
    }
    double total = (e.finalEquity() / r.portfolio().initialCash() - 1) * 100;
    assertThat(contrib).isCloseTo(total, within(1e-9));
  }

  /** Long-only cash instruments: equity = cash + Σ quantity × close (= exposure). */
  private static void assertCashPlusPositions(PortfolioResult r) {
    EquityCurve e = r.portfolio().equity();
    for (int t = 0; t < e.size(); t++) {
      assertThat(e.cash(t) + e.exposure(t)).as("bar %d", t).isCloseTo(e.equity(t), within(EPS));
    }
  }

  @Test
  void sharedCashMirroringAndAScheduledRebalanceWithoutCosts() {
    // Cash 1000, fixed ½/½: each sub-ledger gets 500, k = 500/1000 = ½.
    // b1 open: sleeves buy 10 @100 -> mirrored 5 @100 each; b1 close: A 5×110 = 550, B 500,
    //   E = 1050. b2 close: A 600, B 500, E = 1100; bar 2 is due (every 2 bars): targets 550 each,
    //   A hands 50 to B. k_A = 550 / V_A(1200) = 0.458333, k_B = 550 / 1000 = 0.55.
    // b3 open: A sells 5 − 4.58333 = 0.416667 @120 (= 50), B buys 0.5 @100 (= 50):
    //   b3 close: A 4.58333×120 = 550, B 5.5×100 = 550, E = 1100. b4: both sleeves close at
    //   end of data; the sub-ledgers close all: cash 1100.
    // P&L: A = 550 − (500 − 50) = 100 (10 %), B = 550 − (500 + 50) = 0.
    PortfolioResult r =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults().withInitialCash(1000),
                    HALF,
                    new RebalanceSchedule.EveryBars(2),
                    0))
            .run(List.of(buyTen("a", a(120)), buyTen("b", b())));
    EquityCurve e = r.portfolio().equity();
    assertThat(e.equityArray())
        .containsExactly(new double[] {1000, 1050, 1100, 1100, 1100}, within(EPS));
    assertThat(r.rebalances()).hasSize(2);
    RebalanceEvent ev = r.rebalances().get(1);
    assertThat(ev.index()).isEqualTo(2);
    assertThat(ev.reason()).isEqualTo(RebalanceEvent.Reason.SCHEDULE);
    List<Fill> reb =
        r.portfolio().fills().stream().filter(f -> f.tag().endsWith(":Rebalance")).toList();
    assertThat(reb).hasSize(2);
    assertThat(reb.get(0).symbol()).isEqualTo("A");
    assertThat(reb.get(0).side()).isEqualTo(Side.SELL);
    assertThat(reb.get(0).quantity()).isCloseTo(5 - 10 * 550.0 / 1200, within(EPS));
    assertThat(reb.get(0).price()).isEqualTo(120);
    assertThat(reb.get(0).timeMillis()).isEqualTo(Bars.START + 3 * Bars.DAY);
    assertThat(reb.get(1).side()).isEqualTo(Side.BUY);
    assertThat(reb.get(1).quantity()).isCloseTo(0.5, within(EPS));
    assertThat(ev.turnover()).isCloseTo(100.0 / 1100, within(EPS));
    assertThat(r.sleeves().get(0).pnl()).isCloseTo(100, within(EPS));
    assertThat(r.sleeves().get(0).contributionToReturnPct()).isCloseTo(10, within(EPS));
    assertThat(r.sleeves().get(1).pnl()).isCloseTo(0, within(EPS));
    assertThat(r.actualWeights()[2][0]).isCloseTo(600.0 / 1100, within(EPS));
    assertThat(r.targetWeights()[2]).containsExactly(0.5, 0.5);
    assertThat(r.portfolio().openPositionsAtEnd()).isEmpty();
    assertThat(e.cash(4)).isCloseTo(1100, within(EPS));
    assertIdentities(r);
    assertCashPlusPositions(r);
  }

  @Test
  void rebalancingTradesPayTheConfiguredCommission() {
    // As above with 1 % commission on every fill (sleeves pay it in their own accounts too).
    // Sleeve A's account: buys 10 @100 paying 10, cash −10: V_A(b2) = −10 + 1200 = 1190.
    // Sleeve B's: V_B(b2) = −10 + 1000 = 990.
    // Portfolio: mirrored 5 @100 pay 5 each: b1 close A −5 + 550, B −5 + 500: E = 1040;
    //   b2 close A 595, B 495, E = 1090: targets 545 each; k_A = 545/1190, k_B = 545/990.
    // b3 open: A sells 5 − 10 k_A @120, B buys 10 k_B − 5 @100; commission 1 % of each notional.
    //   No price moves from b2's close to b3's close, so E(b3) = 1090 − both commissions.
    // b4: the end-of-data closes pay 1 % of 10 k_A × 120 and 10 k_B × 100.
    PortfolioResult r =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults()
                        .withInitialCash(1000)
                        .withCommission(new CommissionModel.PercentOfNotional(1)),
                    HALF,
                    new RebalanceSchedule.EveryBars(2),
                    0))
            .run(List.of(buyTen("a", a(120)), buyTen("b", b())));
    double ka = 545.0 / 1190;
    double kb = 545.0 / 990;
    double commA = 0.01 * (5 - 10 * ka) * 120;
    double commB = 0.01 * (10 * kb - 5) * 100;
    EquityCurve e = r.portfolio().equity();
    assertThat(e.equity(1)).isCloseTo(1040, within(EPS));
    assertThat(e.equity(2)).isCloseTo(1090, within(EPS));
    assertThat(e.equity(3)).isCloseTo(1090 - commA - commB, within(EPS));
    double end = 0.01 * (10 * ka * 120 + 10 * kb * 100);
    assertThat(e.equity(4)).isCloseTo(1090 - commA - commB - end, within(EPS));
    List<Fill> reb =
        r.portfolio().fills().stream().filter(f -> f.tag().endsWith(":Rebalance")).toList();
    assertThat(reb.get(0).commission()).isCloseTo(commA, within(EPS));
    assertThat(reb.get(1).commission()).isCloseTo(commB, within(EPS));
    assertThat(r.rebalances().get(1).cost()).isCloseTo(commA + commB, within(EPS));
    double total = 0;
    for (Fill f : r.portfolio().fills()) {
      total += f.commission();
    }
    assertThat(total).isCloseTo(10 + commA + commB + end, within(EPS));
    assertThat(r.sleeves().get(0).commission() + r.sleeves().get(1).commission())
        .isCloseTo(total, within(EPS));
    assertIdentities(r);
    assertCashPlusPositions(r);
  }

  @Test
  void driftTriggersOnlyBeyondTheThreshold() {
    // A closes 130 on b2. Weights of A: b1 550/1050 = 0.5238 (drift 0.0238), b2 650/1150 =
    // 0.5652 (drift 0.0652). A 5 % threshold fires at bar 2 only; a 2 % one already at bar 1.
    PortfolioResult five =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults().withInitialCash(1000),
                    HALF,
                    new RebalanceSchedule.Never(),
                    0.05))
            .run(List.of(buyTen("a", a(130)), buyTen("b", b())));
    assertThat(five.rebalances()).hasSize(2);
    assertThat(five.rebalances().get(1).index()).isEqualTo(2);
    assertThat(five.rebalances().get(1).reason()).isEqualTo(RebalanceEvent.Reason.DRIFT);
    PortfolioResult two =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults().withInitialCash(1000),
                    HALF,
                    new RebalanceSchedule.Never(),
                    0.02))
            .run(List.of(buyTen("a", a(130)), buyTen("b", b())));
    assertThat(two.rebalances().get(1).index()).isEqualTo(1);
    PortfolioResult off =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults().withInitialCash(1000),
                    HALF,
                    new RebalanceSchedule.Never(),
                    0))
            .run(List.of(buyTen("a", a(130)), buyTen("b", b())));
    assertThat(off.rebalances()).hasSize(1);
    assertIdentities(two);
    assertCashPlusPositions(two);
  }

  private static Sleeve walker(String name, long seed, int n) {
    BarSeries bars = RandomBars.walk(name.toUpperCase(java.util.Locale.ROOT), n, seed);
    String sym = bars.symbol();
    return new Sleeve(
        name,
        "scripted",
        "buy",
        List.of(new SymbolData(bars, Instrument.equity(sym))),
        script()
            .at(0, c -> c.enterLong("Buy"))
            .at(n / 2, c -> c.exitPosition("Out"))
            .at(n / 2 + 5, c -> c.enterLong("Again")),
        new SizingModel.PercentOfEquity(90));
  }

  @Test
  void riskParityTargetsComeFromTheWindowOfReturnsKnownAtTheDecision() {
    int n = 120;
    int lookback = 20;
    PortfolioConfig cfg =
        new PortfolioConfig(
            EngineConfig.defaults()
                .withInitialCash(100_000)
                .withCommission(new CommissionModel.PercentOfNotional(0.1)),
            new Allocator.RiskParity(),
            new Covariance.Shrinkage.LedoitWolf(),
            lookback,
            new RebalanceSchedule.EveryBars(10),
            0,
            252);
    PortfolioResult r =
        new PortfolioEngine(cfg)
            .run(List.of(walker("x", 1, n), walker("y", 2, n), walker("z", 3, n)));
    // the sleeves' returns are their own accounts' bar returns
    for (int i = 0; i < 3; i++) {
      EquityCurve own = r.sleeves().get(i).own().equity();
      double prev = 100_000;
      for (int t = 0; t < n; t++) {
        assertThat(r.sleeveReturns()[t][i]).isCloseTo(own.equity(t) / prev - 1, within(1e-15));
        prev = own.equity(t);
      }
    }
    int checked = 0;
    for (RebalanceEvent ev : r.rebalances()) {
      double sum = ev.targets().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(sum).isCloseTo(1, within(1e-12));
      if (ev.index() + 1 < lookback) {
        assertThat(ev.targets()).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
        continue;
      }
      double[][] window =
          java.util.Arrays.copyOfRange(
              r.sleeveReturns(), ev.index() + 1 - lookback, ev.index() + 1);
      double[][] cov = Covariance.ledoitWolf(window).matrix();
      double[] rc =
          Allocator.riskContributions(
              ev.targets().stream().mapToDouble(Double::doubleValue).toArray(), cov);
      for (double c : rc) {
        assertThat(c).isCloseTo(1.0 / 3, within(1e-10));
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(9);
    double rcSum = 0;
    for (SleeveResult s : r.sleeves()) {
      rcSum += s.contributionToRisk();
    }
    assertThat(rcSum).isCloseTo(1, within(1e-12));
    assertThat(r.correlation()[0][0]).isEqualTo(1.0);
    assertThat(r.portfolio().openPositionsAtEnd()).isEmpty();
    assertThat(r.portfolio().equity().cash(n - 1))
        .isCloseTo(r.portfolio().equity().finalEquity(), within(1e-6));
    assertIdentities(r);
    assertCashPlusPositions(r);
  }

  @Test
  void volTargetingLeavesTheRestInCashOrLevers() {
    int n = 120;
    PortfolioConfig cfg =
        new PortfolioConfig(
            EngineConfig.defaults().withInitialCash(100_000),
            new Allocator.VolTarget(new Allocator.Equal(), 8, 1.5),
            new Covariance.Shrinkage.None(),
            20,
            new RebalanceSchedule.EveryBars(10),
            0,
            252);
    PortfolioResult r = new PortfolioEngine(cfg).run(List.of(walker("x", 4, n), walker("y", 5, n)));
    boolean notOne = false;
    for (RebalanceEvent ev : r.rebalances()) {
      double gross = ev.targets().stream().mapToDouble(Math::abs).sum();
      assertThat(gross).isLessThanOrEqualTo(1.5 + 1e-12);
      notOne |= Math.abs(gross - 1) > 1e-3;
      if (ev.index() >= 0) {
        // the unallocated cash right after the decision is (1 − Σw) × E at that close
        double e = r.portfolio().equity().equity(ev.index());
        assertThat(r.reserve()[ev.index() + 1]).isCloseTo((1 - gross) * e, within(1e-6));
      }
    }
    assertThat(notOne).isTrue();
    assertIdentities(r);
  }

  @Test
  void aSymbolSharedBySleevesMustUseTheSameData() {
    Sleeve one = buyTen("one", a(120));
    Sleeve two = buyTen("two", a(130));
    assertThatThrownBy(() ->
            new PortfolioEngine(
                    config(
                        EngineConfig.defaults(),
                        new Allocator.Equal(),
                        new RebalanceSchedule.Never(),
                        0))
                .run(List.of(one, two)))
        .hasMessageContaining("same data");
    assertThatThrownBy(() ->
            new PortfolioEngine(
                    config(
                        EngineConfig.defaults(),
                        new Allocator.Equal(),
                        new RebalanceSchedule.Never(),
                        0))
                .run(List.of(buyTen("x", a(120)), buyTen("x", b()))))
        .hasMessageContaining("twice");
  }

  @Test
  void twoSleevesOnOneSymbolKeepSeparateSubLedgers() {
    // Both sleeves buy 10 A; equal weights: 5 + 5 A held in two sub-ledgers; same values as one.
    BarSeries bars = a(120);
    PortfolioResult r =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults().withInitialCash(1000),
                    new Allocator.Equal(),
                    new RebalanceSchedule.Never(),
                    0))
            .run(List.of(buyTen("p", bars), buyTen("q", bars)));
    assertThat(r.portfolio().equity().equityArray())
        .containsExactly(new double[] {1000, 1100, 1200, 1200, 1200}, within(EPS));
    assertThat(r.portfolio().trades()).hasSize(2);
    assertThat(r.sleeveValues()[2]).containsExactly(new double[] {600, 600}, within(EPS));
    assertIdentities(r);
  }

  private static Sleeve idle(String name, BarSeries bars) {
    return new Sleeve(
        name,
        "scripted",
        "idle",
        List.of(new SymbolData(bars, Instrument.equity(bars.symbol()))),
        script(),
        new SizingModel.PercentOfEquity(100));
  }

  @Test
  void mirroredFillsScaleReduceAndReverseWithTheBacktestsExcursionRules() {
    // Cash 1000, fixed ½/½, never rebalanced: k_a = 500 / 1000 = ½ throughout (sleeve b idle).
    // Sleeve a: buys 10 (fills b1 open @100), sells 4 (b2 open @110), sells 12 (b3 open @120:
    //   closes 6, opens 6 short), and its end-of-data close buys 6 at b4's close @105.
    // Sub-ledger a (cash 500):
    //   b1 open: buy 5 @100 (cash 0). Filled at the open: b1's range (112/95) counts.
    //   b2 open: the sleeve cut 40 %: sell 2 @110 (cash 220). Trade 1: long 2, +20, 1 bar held,
    //     MFE (112 − 100)×2 = 24, MAE (95 − 100)×2 = −10.
    //   b3 open: the sleeve reversed 6 → −6: −3 + ½×(−6) = sell 6 @120: trade 2 closes 3 (+60,
    //     2 bars, highs 112, 125 and lows 95, 108: MFE 25×3 = 75, MAE −5×3 = −15), 3 open short
    //     @120 (cash 220 + 360 + 360 = 940); from b3's open, so b3's range (121/100) counts.
    //   b4: the end-of-data close comes after b4's range (125/98) was observed, as in the sleeve:
    //     buy 3 @105 (cash 625). Trade 3: short 3, +45, 1 bar, MFE (120 − 98)×3 = 66,
    //     MAE (120 − 125)×3 = −15.
    // Before the sub-ledgers were Ledgers the entry bar's range never counted and the end-of-data
    // close came before b4's range: MFE/MAE were 20/0, 75/0 and 45/0 (only fill prices and later
    // bars). Now each is exactly ½ of the sleeve's own trade's.
    BarSeries a =
        Bars.of("A")
            .flat(100)
            .bar(100, 112, 95, 110)
            .bar(110, 125, 108, 120)
            .bar(120, 121, 100, 105)
            .bar(105, 125, 98, 105)
            .build();
    Sleeve trader =
        new Sleeve(
            "a",
            "scripted",
            "trade",
            List.of(new SymbolData(a, Instrument.equity("A"))),
            script()
                .at(0, c -> c.submit(OrderRequest.market("A", Side.BUY, 10, "Buy")))
                .at(1, c -> c.submit(OrderRequest.market("A", Side.SELL, 4, "Cut")))
                .at(2, c -> c.submit(OrderRequest.market("A", Side.SELL, 12, "Flip"))),
            new SizingModel.PercentOfEquity(100));
    PortfolioResult r =
        new PortfolioEngine(
                config(
                    EngineConfig.defaults().withInitialCash(1000),
                    HALF,
                    new RebalanceSchedule.Never(),
                    0))
            .run(List.of(trader, idle("b", b())));
    assertThat(r.portfolio().equity().equityArray())
        .containsExactly(new double[] {1000, 1050, 1080, 1125, 1125}, within(EPS));
    List<Fill> fills = r.portfolio().fills();
    assertThat(fills).extracting(Fill::quantity).containsExactly(5.0, 2.0, 6.0, 3.0);
    assertThat(fills).extracting(Fill::barIndex).containsExactly(1, 2, 3, 4);
    assertThat(fills).extracting(Fill::fillId).containsExactly(1L, 2L, 3L, 4L);
    assertThat(fills).extracting(Fill::orderId).containsExactly(1L, 2L, 3L, 4L);
    assertThat(fills.get(3).tag()).isEqualTo("a:EndOfData");
    List<Trade> t = r.portfolio().trades();
    assertThat(t).extracting(Trade::tradeId).containsExactly(1L, 2L, 3L);
    assertThat(t).extracting(Trade::quantity).containsExactly(2.0, 3.0, 3.0);
    assertThat(t)
        .extracting(Trade::direction)
        .containsExactly(Trade.Direction.LONG, Trade.Direction.LONG, Trade.Direction.SHORT);
    assertThat(t).extracting(Trade::netPnl).containsExactly(20.0, 60.0, 45.0);
    assertThat(t).extracting(Trade::barsHeld).containsExactly(1, 2, 1);
    assertThat(t).extracting(Trade::mfe).containsExactly(24.0, 75.0, 66.0);
    assertThat(t).extracting(Trade::mae).containsExactly(-10.0, -15.0, -15.0);
    assertThat(t.get(2).entryReason()).isEqualTo("a:Flip");
    assertThat(t.get(2).exitReason()).isEqualTo("a:EndOfData");
    List<Trade> own = r.sleeves().get(0).own().trades();
    assertThat(own).hasSize(3);
    for (int j = 0; j < 3; j++) {
      assertThat(t.get(j).mfe()).isEqualTo(own.get(j).mfe() / 2);
      assertThat(t.get(j).mae()).isEqualTo(own.get(j).mae() / 2);
      assertThat(t.get(j).barsHeld()).isEqualTo(own.get(j).barsHeld());
    }
    assertThat(r.sleeves().get(0).pnl()).isCloseTo(125, within(EPS));
    assertThat(r.sleeves().get(0).finalValue()).isCloseTo(625, within(EPS));
    assertIdentities(r);
  }

  /** {@code n} bars of a random walk two hours apart, from {@link Bars#START}. */
  private static BarSeries everyTwoHours(String symbol, int n, long seed) {
    BarSeries w = RandomBars.walk(symbol, n, seed);
    BarSeriesBuilder b = new BarSeriesBuilder(symbol, n);
    for (int i = 0; i < n; i++) {
      b.add(Bars.START + i * 7_200_000L, w.open(i), w.high(i), w.low(i), w.close(i), w.volume(i));
    }
    return b.build();
  }

  /**
   * A strategy that, on about a third of each symbol's bars, places a random market, limit or stop
   * order of 1-5 units (some with a stop-loss and take-profit), or closes the position: adds,
   * partial closes, reversals, fills at the open, inside the bar and (with {@code ON_CLOSE}) at the
   * close.
   */
  private static Scripted randomTrader(List<BarSeries> series, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Scripted sc = script();
    Exits exits = Exits.NONE.withStopLoss(Offset.price(1.5)).withTakeProfit(Offset.price(2.5));
    for (BarSeries bs : series) {
      String sym = bs.symbol();
      for (int b = 0; b < bs.size() - 1; b++) {
        if (rnd.nextInt(3) != 0) {
          continue;
        }
        double q = 1 + rnd.nextInt(5);
        double ref = bs.close(b);
        Consumer<StrategyContext> act =
            switch (rnd.nextInt(7)) {
              case 0 -> c -> c.submit(OrderRequest.market(sym, Side.BUY, q, "Buy"));
              case 1 -> c -> c.submit(OrderRequest.market(sym, Side.SELL, q, "Sell"));
              case 2 -> c -> c.submit(OrderRequest.limit(sym, Side.BUY, q, ref * 0.997, "Dip"));
              case 3 -> c -> c.submit(OrderRequest.limit(sym, Side.SELL, q, ref * 1.003, "Pop"));
              case 4 -> c -> c.submit(OrderRequest.stop(sym, Side.SELL, q, ref * 0.995, "Break"));
              case 5 -> c -> c.buy(q, "Bracket", exits);
              default -> c -> c.exitPosition(sym, "Out");
            };
        sc.at(sym, b, act);
      }
    }
    return sc;
  }

  private static Sleeve randomSleeve(String name, long seed, int n) {
    // X hourly, F (a future: margin accounting, $2 a point) every two hours: the merged clock's
    // steps are not F's bars, so bar indices and bars held must be F's own. Both end together.
    BarSeries x = RandomBars.walk(name + "X", 2 * n - 1, seed);
    BarSeries f = everyTwoHours(name + "F", n, seed + 1000);
    Instrument fut =
        new Instrument(
            name + "F", AssetClass.FUTURE, 0.25, 2.0, "USD", 1.0, ZoneId.of("UTC"), null, null);
    return new Sleeve(
        name,
        "scripted",
        "random",
        List.of(new SymbolData(x, Instrument.equity(name + "X")), new SymbolData(f, fut)),
        randomTrader(List.of(x, f), seed),
        new SizingModel.PercentOfEquity(100));
  }

  @Test
  void aSleeveAtFullWeightBooksExactlyWhatItsOwnBacktestBooks() {
    // One sleeve, weight 1, never rebalanced: k = 1 and the sub-ledger must book what the sleeve's
    // own account books: the same cash and equity at every bar, the same fills and the same trades
    // (quantities, P&L, costs, bars held, MAE and MFE), under both fill models.
    int checkedTrades = 0;
    for (FillModel fm : FillModel.values()) {
      for (long seed = 1; seed <= 6; seed++) {
        EngineConfig ex =
            EngineConfig.defaults()
                .withInitialCash(10_000)
                .withFillModel(fm)
                .withCommission(new CommissionModel.PercentOfNotional(0.1))
                .withSlippage(new SlippageModel.BasisPoints(3))
                .withSeed(seed);
        PortfolioResult r =
            new PortfolioEngine(
                    config(
                        ex,
                        new Allocator.Fixed(new double[] {1}),
                        new RebalanceSchedule.Never(),
                        0))
                .run(List.of(randomSleeve("s", seed, 150)));
        BacktestResult own = r.sleeves().get(0).own();
        // the sleeve's run is the ordinary backtest
        Sleeve again = randomSleeve("s", seed, 150);
        BacktestResult alone = new BacktestEngine(ex).run(again.data(), again.strategy());
        assertThat(own.equity().equityArray()).containsExactly(alone.equity().equityArray());
        assertThat(own.trades()).isEqualTo(alone.trades());

        EquityCurve pe = r.portfolio().equity();
        EquityCurve oe = own.equity();
        assertThat(pe.size()).isEqualTo(oe.size());
        for (int t = 0; t < pe.size(); t++) {
          assertThat(pe.timeMillis(t)).isEqualTo(oe.timeMillis(t));
          assertThat(pe.equity(t))
              .as("%s seed %d bar %d", fm, seed, t)
              .isCloseTo(oe.equity(t), within(1e-7));
          assertThat(pe.cash(t)).isCloseTo(oe.cash(t), within(1e-7));
          assertThat(pe.exposure(t)).isCloseTo(oe.exposure(t), within(1e-7));
        }
        List<Fill> pf = r.portfolio().fills();
        List<Fill> of = own.fills();
        assertThat(pf).hasSameSizeAs(of);
        for (int j = 0; j < pf.size(); j++) {
          Fill p = pf.get(j);
          assertThat(p.fillId()).isEqualTo(j + 1L);
          assertThat(p.orderId()).isEqualTo(j + 1L);
        }
        List<Fill> ofByTime = new ArrayList<>(of);
        ofByTime.sort(java.util.Comparator.comparingLong(Fill::timeMillis));
        for (int j = 0; j < pf.size(); j++) {
          Fill p = pf.get(j);
          Fill o = ofByTime.get(j);
          assertThat(p.symbol()).isEqualTo(o.symbol());
          assertThat(p.barIndex()).isEqualTo(o.barIndex());
          assertThat(p.timeMillis()).isEqualTo(o.timeMillis());
          assertThat(p.side()).isEqualTo(o.side());
          assertThat(p.quantity()).isCloseTo(o.quantity(), within(1e-9));
          assertThat(p.price()).isEqualTo(o.price());
          assertThat(p.commission()).isCloseTo(o.commission(), within(1e-9));
          assertThat(p.slippageCost()).isCloseTo(o.slippageCost(), within(1e-9));
          assertThat(p.tag()).isEqualTo("s:" + o.tag());
        }
        List<Trade> pt = r.portfolio().trades();
        List<Trade> ot = own.trades();
        assertThat(pt).hasSameSizeAs(ot);
        // the sleeve's end-of-data closes are booked last in its own account, at their bar's time
        // in the portfolio: compare trades in the order of their exit
        List<Trade> otByExit = new ArrayList<>(ot);
        otByExit.sort(java.util.Comparator.comparingLong(Trade::exitTimeMillis));
        for (int j = 0; j < pt.size(); j++) {
          Trade p = pt.get(j);
          Trade o = otByExit.get(j);
          assertThat(p.tradeId()).isEqualTo(j + 1L);
          assertThat(p.symbol()).isEqualTo(o.symbol());
          assertThat(p.direction()).isEqualTo(o.direction());
          assertThat(p.quantity()).isCloseTo(o.quantity(), within(1e-9));
          assertThat(p.entryTimeMillis()).isEqualTo(o.entryTimeMillis());
          assertThat(p.exitTimeMillis()).isEqualTo(o.exitTimeMillis());
          assertThat(p.entryPrice()).isCloseTo(o.entryPrice(), within(1e-9));
          assertThat(p.exitPrice()).isEqualTo(o.exitPrice());
          assertThat(p.grossPnl()).isCloseTo(o.grossPnl(), within(1e-7));
          assertThat(p.commission()).isCloseTo(o.commission(), within(1e-9));
          assertThat(p.slippage()).isCloseTo(o.slippage(), within(1e-9));
          assertThat(p.barsHeld()).isEqualTo(o.barsHeld());
          assertThat(p.mae())
              .as("%s seed %d trade %d", fm, seed, j)
              .isCloseTo(o.mae(), within(1e-7));
          assertThat(p.mfe()).isCloseTo(o.mfe(), within(1e-7));
          assertThat(p.entryReason()).isEqualTo("s:" + o.entryReason());
          assertThat(p.exitReason()).isEqualTo("s:" + o.exitReason());
          checkedTrades++;
        }
        assertIdentities(r);
      }
    }
    assertThat(checkedTrades).isGreaterThan(500);
  }

  @Test
  void fillsAndTradesAreNumberedAcrossSleevesInTheOrderTheyHappen() {
    // Three random sleeves rebalanced every 25 bars: each sub-ledger numbers its own fills, the
    // portfolio's lists number them all, uniquely and in time order.
    PortfolioConfig cfg =
        config(
            EngineConfig.defaults()
                .withInitialCash(30_000)
                .withCommission(new CommissionModel.PercentOfNotional(0.1))
                .withSlippage(new SlippageModel.BasisPoints(3)),
            new Allocator.Equal(),
            new RebalanceSchedule.EveryBars(25),
            0.05);
    PortfolioResult r =
        new PortfolioEngine(cfg)
            .run(
                List.of(
                    randomSleeve("p", 11, 120),
                    randomSleeve("q", 12, 120),
                    randomSleeve("r", 13, 120)));
    List<Fill> fills = r.portfolio().fills();
    assertThat(fills).hasSizeGreaterThan(100);
    for (int j = 0; j < fills.size(); j++) {
      assertThat(fills.get(j).fillId()).isEqualTo(j + 1L);
      assertThat(fills.get(j).orderId()).isEqualTo(j + 1L);
      if (j > 0) {
        assertThat(fills.get(j).timeMillis()).isGreaterThanOrEqualTo(fills.get(j - 1).timeMillis());
      }
    }
    assertThat(fills).anyMatch(f -> f.tag().endsWith(":Rebalance"));
    List<Trade> trades = r.portfolio().trades();
    for (int j = 0; j < trades.size(); j++) {
      assertThat(trades.get(j).tradeId()).isEqualTo(j + 1L);
    }
    assertThat(r.portfolio().orders().filled()).isEqualTo(fills.size());
    assertIdentities(r);
  }
}
