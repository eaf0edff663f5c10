package io.quantzoo.core.engine;

import static io.quantzoo.core.testkit.Scripted.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.IntrabarPolicy;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.order.TimeInForce;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.testkit.Bars;
import org.junit.jupiter.api.Test;

/** Engine semantics on hand-built bars; every expected number is worked out in the comments. */
class BacktestEngineTest {
  private static final Instrument EQ = Instrument.equity("TEST");
  private static final double EPS = 1e-9;

  private static EngineConfig base() {
    return EngineConfig.defaults().withInitialCash(10_000).withSizing(new SizingModel.Fixed(10));
  }

  private static BarSeries fourBars() {
    return Bars.of("TEST")
        .flat(100) // b0
        .bar(101, 103, 100, 102) // b1
        .bar(102, 106, 101, 105) // b2
        .bar(104, 105, 103, 104) // b3
        .build();
  }

  private static BacktestResult run(EngineConfig cfg, BarSeries bars, Strategy s) {
    return new BacktestEngine(cfg).run(new SymbolData(bars, EQ), s);
  }

  private static OrderRequest buy(double qty) {
    return OrderRequest.market("TEST", Side.BUY, qty, "E");
  }

  @Test
  void marketOrderFillsAtNextOpenAndEquityIsMarkedAtEveryClose() {
    BacktestResult r =
        run(
            base(),
            fourBars(),
            script().at(0, c -> c.submit(buy(10))).at(2, c -> c.exitPosition("X")));

    assertThat(r.fills()).extracting(Fill::price).containsExactly(101.0, 104.0);
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(1, 3);
    // b0 10000; b1 cash 10000-1010=8990 + 10x102 = 10010; b2 8990+1050 = 10040; b3 8990+1040.
    assertThat(r.equity().equityArray()).containsExactly(10_000, 10_010, 10_040, 10_030);
    assertThat(r.equity().cashArray()).containsExactly(10_000, 8_990, 8_990, 10_030);
    assertThat(r.equity().exposureArray()).containsExactly(0, 1020, 1050, 0);
    Trade t = r.trades().get(0);
    assertThat(t.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(t.entryPrice()).isEqualTo(101);
    assertThat(t.exitPrice()).isEqualTo(104);
    assertThat(t.grossPnl()).isCloseTo(30, within(EPS));
    assertThat(t.netPnl()).isCloseTo(30, within(EPS));
    assertThat(t.returnPct()).isCloseTo(30.0 / 1010 * 100, within(EPS));
    assertThat(t.barsHeld()).isEqualTo(2);
    assertThat(t.entryTimeMillis()).isEqualTo(Bars.START + Bars.DAY);
    assertThat(t.exitTimeMillis()).isEqualTo(Bars.START + 3 * Bars.DAY);
    // Extremes while open: b1 (filled at its open, so its whole range counts) and b2: high 106,
    // low 100. MFE = (106-101) x 10 = 50, MAE = (100-101) x 10 = -10.
    assertThat(t.mfe()).isCloseTo(50, within(EPS));
    assertThat(t.mae()).isCloseTo(-10, within(EPS));
    assertThat(t.entryReason()).isEqualTo("E");
    assertThat(t.exitReason()).isEqualTo("X");
  }

  @Test
  void onCloseFillModelFillsAtTheSignalBarsClose() {
    BacktestResult r =
        run(
            base().withFillModel(FillModel.ON_CLOSE),
            fourBars(),
            script().at(0, c -> c.submit(buy(10))).at(2, c -> c.exitPosition("X")));
    // Buy 10 at b0 close 100, sell at b2 close 105.
    assertThat(r.fills()).extracting(Fill::price).containsExactly(100.0, 105.0);
    assertThat(r.equity().equityArray()).containsExactly(10_000, 10_020, 10_050, 10_050);
    Trade t = r.trades().get(0);
    assertThat(t.grossPnl()).isCloseTo(50, within(EPS));
    // Filled at b0's close: only b1, b2 ranges and the exit count. High 106, low 100.
    assertThat(t.mfe()).isCloseTo(60, within(EPS));
    assertThat(t.mae()).isCloseTo(0, within(EPS));
  }

  @Test
  void limitOrderFillsAtLimitOrAtABetterGapOpen() {
    BarSeries touch = Bars.of("TEST").flat(100).bar(100, 101, 97, 99).build();
    OrderRequest limit = buy(1).withType(OrderType.LIMIT, 98, Double.NaN);
    BacktestResult r =
        run(base().withCloseAtEnd(false), touch, script().at(0, c -> c.submit(limit)));
    assertThat(r.fills()).extracting(Fill::price).containsExactly(98.0);

    BarSeries gap = Bars.of("TEST").flat(100).bar(96, 99, 95, 97).build();
    r = run(base().withCloseAtEnd(false), gap, script().at(0, c -> c.submit(limit)));
    assertThat(r.fills()).extracting(Fill::price).containsExactly(96.0);

    BarSeries miss = Bars.of("TEST").flat(100).bar(100, 101, 98.5, 99).build();
    r = run(base().withCloseAtEnd(false), miss, script().at(0, c -> c.submit(limit)));
    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().cancelled()).isEqualTo(1); // still working at the end: cancelled
  }

  @Test
  void stopOrderTriggersIntrabarOrAtAGapOpen() {
    OrderRequest stopBuy = buy(1).withType(OrderType.STOP, Double.NaN, 102);
    BarSeries intrabar = Bars.of("TEST").flat(100).bar(100, 103, 99, 101).build();
    BacktestResult r =
        run(base().withCloseAtEnd(false), intrabar, script().at(0, c -> c.submit(stopBuy)));
    assertThat(r.fills()).extracting(Fill::price).containsExactly(102.0);

    BarSeries gap = Bars.of("TEST").flat(100).bar(104, 105, 103, 104).build();
    r = run(base().withCloseAtEnd(false), gap, script().at(0, c -> c.submit(stopBuy)));
    assertThat(r.fills()).extracting(Fill::price).containsExactly(104.0);
  }

  @Test
  void stopLimitWaitsWhenTheLimitIsBelowTheIntrabarTrigger() {
    // Buy stop 102 limit 101: b1 trades through 102 (trigger) but the limit is below the stop, so
    // the order waits as a limit; b2 dips to 100.5 and it fills at 101.
    OrderRequest sl = buy(1).withType(OrderType.STOP_LIMIT, 101, 102);
    BarSeries bars =
        Bars.of("TEST").flat(100).bar(101.5, 103, 101.5, 102.5).bar(102, 102, 100.5, 101).build();
    BacktestResult r = run(base().withCloseAtEnd(false), bars, script().at(0, c -> c.submit(sl)));
    assertThat(r.fills()).extracting(Fill::price).containsExactly(101.0);
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(2);
  }

  private static BarSeries bracketBars(double o2, double h2, double l2, double c2) {
    return Bars.of("TEST").flat(100).flat(100).bar(o2, h2, l2, c2).build();
  }

  private static final Exits BRACKET =
      Exits.NONE.withStopLoss(Offset.price(5)).withTakeProfit(Offset.price(5));

  @Test
  void whenStopAndTargetBothTriggerInOneBarTheStopWinsByDefault() {
    BarSeries bars = bracketBars(100, 106, 94, 100);
    Strategy s = script().at(0, c -> c.submit(buy(1).withExits(BRACKET)));
    BacktestResult r = run(base(), bars, s);
    // Entry at b1 open 100; stop 95, target 105; b2 spans both: pessimistic stop at 95.
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(95);
    assertThat(r.trades().get(0).exitReason()).isEqualTo("StopLoss");
    assertThat(r.orders().cancelled()).isEqualTo(1); // the target, by OCO

    r = run(base().withIntrabarPolicy(IntrabarPolicy.TARGET_FIRST), bars, s);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(105);
    assertThat(r.trades().get(0).exitReason()).isEqualTo("TakeProfit");
  }

  @Test
  void aGapThroughTheStopFillsAtTheOpenNotAtTheStop() {
    BacktestResult r =
        run(
            base(),
            bracketBars(90, 92, 89, 91),
            script().at(0, c -> c.submit(buy(1).withExits(BRACKET))));
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(90);
    assertThat(r.trades().get(0).grossPnl()).isCloseTo(-10, within(EPS));
  }

  @Test
  void trailingStopRatchetsWithTheBestHighAndNeverLoosens() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100)
            .bar(100, 104, 99, 103) // entry at 100; stop 97; after bar: extreme 104 -> 101
            .bar(103, 108, 102, 107) // low 102 > 101; after bar: extreme 108 -> 105
            .bar(106, 106, 100, 101) // low 100 <= 105: stopped at 105
            .build();
    Exits trail = Exits.NONE.withTrailingStop(Offset.price(3));
    BacktestResult r = run(base(), bars, script().at(0, c -> c.submit(buy(1).withExits(trail))));
    Trade t = r.trades().get(0);
    assertThat(t.exitPrice()).isEqualTo(105);
    assertThat(t.exitReason()).isEqualTo("TrailingStop");
    assertThat(t.barsHeld()).isEqualTo(2);
  }

  @Test
  void whenTwoStopsTriggerInOneBarTheOneNearerTheOpenFillsFirst() {
    // Long from 100 with a stop-loss 5 below (95) and a 3-point trailing stop. After bar 2 the
    // trail sits at 108 - 3 = 105. Bar 3 opens at 106 and falls to 90: price passes 105 before
    // 95, so the trailing stop fills at 105 and the stop-loss is cancelled (OCO). Filling the
    // stop-loss first (placement order) would book 95, worse than what the path allows.
    BarSeries bars =
        Bars.of("TEST")
            .flat(100)
            .bar(100, 104, 99, 103)
            .bar(103, 108, 102, 107)
            .bar(106, 106, 90, 91)
            .build();
    Exits both = Exits.NONE.withStopLoss(Offset.price(5)).withTrailingStop(Offset.price(3));
    BacktestResult r = run(base(), bars, script().at(0, c -> c.submit(buy(1).withExits(both))));
    Trade t = r.trades().get(0);
    assertThat(t.exitPrice()).isEqualTo(105);
    assertThat(t.exitReason()).isEqualTo("TrailingStop");
    assertThat(r.fills()).hasSize(2);
  }

  @Test
  void commissionAndTickSlippageAreChargedAdverselyAndNotDoubleCounted() {
    EngineConfig cfg =
        base()
            .withCommission(new CommissionModel.PerUnit(0.01, 1.0))
            .withSlippage(new SlippageModel.Ticks(2));
    BacktestResult r =
        run(
            cfg,
            fourBars(),
            script().at(0, c -> c.submit(buy(10))).at(2, c -> c.exitPosition("X")));
    // Buy at 101 + 2 ticks = 101.02; sell at 104 - 0.02 = 103.98; commission max(1, 0.1) each.
    assertThat(r.fills()).extracting(Fill::price).containsExactly(101.02, 103.98);
    assertThat(r.fills()).extracting(Fill::commission).containsExactly(1.0, 1.0);
    Trade t = r.trades().get(0);
    assertThat(t.grossPnl()).isCloseTo((103.98 - 101.02) * 10, within(EPS)); // 29.6
    assertThat(t.commission()).isCloseTo(2, within(EPS));
    assertThat(t.slippage()).isCloseTo(0.4, within(EPS)); // 0.02 x 10 x 2 fills
    assertThat(t.netPnl()).isCloseTo(27.6, within(EPS));
    // Cash conservation: the final equity moves by exactly the net P&L.
    assertThat(r.equity().finalEquity()).isCloseTo(10_027.6, within(EPS));
  }

  @Test
  void percentCommissionAndBpsSlippage() {
    EngineConfig cfg =
        base()
            .withCommission(new CommissionModel.PercentOfNotional(0.1))
            .withSlippage(new SlippageModel.BasisPoints(10));
    BacktestResult r =
        run(
            cfg,
            fourBars(),
            script().at(0, c -> c.submit(buy(10))).at(2, c -> c.exitPosition("X")));
    double in = 101 * 1.001; // 101.101
    double out = 104 * 0.999; // 103.896
    assertThat(r.fills().get(0).price()).isCloseTo(in, within(EPS));
    assertThat(r.fills().get(1).price()).isCloseTo(out, within(EPS));
    assertThat(r.fills().get(0).commission()).isCloseTo(in * 10 * 0.001, within(EPS));
    assertThat(r.fills().get(1).commission()).isCloseTo(out * 10 * 0.001, within(EPS));
  }

  @Test
  void percentOfEquitySizingRoundsDownToTheLotStep() {
    Instrument btc = InstrumentCatalog.find("BTC-USD").orElseThrow();
    EngineConfig cfg = base().withSizing(new SizingModel.PercentOfEquity(50));
    BacktestResult r =
        new BacktestEngine(cfg)
            .run(
                new SymbolData(fourBars().withSymbol("BTC-USD"), btc),
                script().at(0, c -> c.enterLong("L")));
    // 50 % of 10,000 at the fill price 101: 5000/101 = 49.504950495... -> 49.50495049 (lot 1e-8).
    assertThat(r.fills().get(0).quantity()).isCloseTo(49.50495049, within(1e-12));
  }

  @Test
  void riskSizingUsesTheStopDistanceAndRejectsEntriesWithoutAStop() {
    EngineConfig cfg = base().withSizing(new SizingModel.Risk(1));
    Exits stop = Exits.NONE.withStopLoss(Offset.price(5));
    BacktestResult r = run(cfg, fourBars(), script().at(0, c -> c.enterLong("L", stop)));
    // Risk 1 % of 10,000 = 100 over a 5-point stop = 20 shares.
    assertThat(r.fills().get(0).quantity()).isEqualTo(20);

    r = run(cfg, fourBars(), script().at(0, c -> c.enterLong("L")));
    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().rejected()).isEqualTo(1);
  }

  @Test
  void reversalClosesThenOpensAndEachLegIsItsOwnTrade() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100)
            .bar(101, 102, 100, 101)
            .bar(103, 104, 102, 103)
            .bar(102, 103, 99, 100)
            .build();
    BacktestResult r =
        run(base(), bars, script().at(0, c -> c.enterLong("L")).at(1, c -> c.enterShort("S")));
    // Long 10 @101 (b1) -> closed @103 (b2 open): +20; short 10 @103 -> EndOfData @100: +30.
    assertThat(r.trades()).hasSize(2);
    Trade a = r.trades().get(0);
    Trade b = r.trades().get(1);
    assertThat(a.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(a.grossPnl()).isCloseTo(20, within(EPS));
    assertThat(a.entryReason()).isEqualTo("L");
    assertThat(a.exitReason()).isEqualTo("S");
    assertThat(b.direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(b.entryPrice()).isEqualTo(103);
    assertThat(b.grossPnl()).isCloseTo(30, within(EPS));
    assertThat(b.exitReason()).isEqualTo("EndOfData");
    // Cash: 10000 - 1010 + 1030 + 1030 - 1000 = 10050 = 10000 + 20 + 30.
    assertThat(r.equity().finalEquity()).isCloseTo(10_050, within(EPS));
    assertThat(r.equity().cashArray()[3]).isCloseTo(10_050, within(EPS));
  }

  @Test
  void scalingInAveragesTheEntryAndPartialClosesSplitCommissionProRata() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100)
            .flat(100) // b1: buy 10 @100
            .flat(110) // b2: buy 10 @110 -> avg 105
            .flat(120) // b3: sell 5 @120
            .flat(100) // b4: end of data @100
            .build();
    EngineConfig cfg = base().withCommission(new CommissionModel.FixedPerOrder(2));
    BacktestResult r =
        run(
            cfg,
            bars,
            script()
                .at(0, c -> c.submit(buy(10)))
                .at(1, c -> c.submit(buy(10)))
                .at(2, c -> c.submit(OrderRequest.market("TEST", Side.SELL, 5, "Trim"))));
    assertThat(r.trades()).hasSize(2);
    Trade part = r.trades().get(0);
    Trade rest = r.trades().get(1);
    assertThat(part.quantity()).isEqualTo(5);
    assertThat(part.entryPrice()).isCloseTo(105, within(EPS));
    assertThat(part.grossPnl()).isCloseTo(75, within(EPS)); // (120-105) x 5
    // Entry commissions 2+2 = 4; 5 of 20 closed -> 1, plus the exit's 2.
    assertThat(part.commission()).isCloseTo(3, within(EPS));
    assertThat(rest.quantity()).isEqualTo(15);
    assertThat(rest.grossPnl()).isCloseTo(-75, within(EPS)); // (100-105) x 15
    assertThat(rest.commission()).isCloseTo(5, within(EPS)); // remaining 3 + exit 2
    assertThat(rest.entryTimeMillis()).isEqualTo(Bars.START + Bars.DAY);
    // Final equity = 10000 + 75 - 75 - total commission 8.
    assertThat(r.equity().finalEquity()).isCloseTo(9_992, within(EPS));
  }

  @Test
  void futuresPnlUsesThePointValueAndOnlyPnlMovesCash() {
    Instrument mnq = InstrumentCatalog.find("MNQ").orElseThrow();
    BarSeries bars =
        Bars.of("MNQ").flat(20_000).bar(20_000, 20_010, 19_995, 20_005).flat(20_010).build();
    BacktestResult r =
        new BacktestEngine(base().withSizing(new SizingModel.Fixed(1)))
            .run(new SymbolData(bars, mnq), script().at(0, c -> c.enterLong("L")));
    // Long 1 MNQ @20000 ($2/pt). b1 close 20005: equity 10000 + 5 x 2 = 10010, cash unchanged.
    assertThat(r.equity().equityArray()[1]).isCloseTo(10_010, within(EPS));
    assertThat(r.equity().cashArray()[1]).isCloseTo(10_000, within(EPS));
    // Exposure = notional 20005 x 2.
    assertThat(r.equity().exposureArray()[1]).isCloseTo(40_010, within(EPS));
    // End of data at 20010: +10 points = $20.
    assertThat(r.trades().get(0).grossPnl()).isCloseTo(20, within(EPS));
    assertThat(r.equity().finalEquity()).isCloseTo(10_020, within(EPS));
  }

  @Test
  void closeAtEndFalseLeavesThePositionOpenAndReportsIt() {
    BacktestResult r =
        run(base().withCloseAtEnd(false), fourBars(), script().at(0, c -> c.submit(buy(10))));
    assertThat(r.trades()).isEmpty();
    assertThat(r.openPositionsAtEnd()).containsExactly("TEST");
    assertThat(r.equity().finalEquity()).isCloseTo(8_990 + 1_040, within(EPS));
  }

  @Test
  void severalSymbolsShareCashOnOneMergedClock() {
    long d = Bars.DAY;
    BarSeries a =
        Bars.of("A")
            .barAt(Bars.START, 10, 10, 10, 10)
            .barAt(Bars.START + d, 11, 11, 11, 11)
            .barAt(Bars.START + 2 * d, 12, 12, 12, 12)
            .build();
    BarSeries b =
        Bars.of("B")
            .barAt(Bars.START + d, 50, 50, 50, 50)
            .barAt(Bars.START + 2 * d, 52, 52, 52, 52)
            .barAt(Bars.START + 3 * d, 55, 55, 55, 55)
            .build();
    BacktestResult r =
        new BacktestEngine(base().withCloseAtEnd(false))
            .run(
                java.util.List.of(
                    new SymbolData(a, Instrument.equity("A")),
                    new SymbolData(b, Instrument.equity("B"))),
                script()
                    .at("A", 0, c -> c.submit(OrderRequest.market("A", Side.BUY, 10, "a")))
                    .at("B", 0, c -> c.submit(OrderRequest.market("B", Side.BUY, 2, "b"))));
    // Four distinct timestamps. A fills at 11 (day 1), B at 52 (day 2).
    assertThat(r.equity().size()).isEqualTo(4);
    // day0 10000; day1 cash 9890 + A 10x11 = 10000; day2 cash 9890-104 = 9786 + 120 + 104 = 10010;
    // day3 A still 12 (last close) + B 2x55 = 9786 + 120 + 110 = 10016.
    assertThat(r.equity().equityArray()).containsExactly(10_000, 10_000, 10_010, 10_016);
    assertThat(r.fills()).extracting(Fill::symbol).containsExactly("A", "B");
  }

  @Test
  void dayOrdersExpireAfterTheirTradingDay() {
    OrderRequest limit =
        buy(1).withType(OrderType.LIMIT, 90, Double.NaN).withTimeInForce(TimeInForce.DAY);
    BarSeries bars = Bars.of("TEST").flat(100).flat(100).bar(95, 95, 85, 90).build();
    BacktestResult r = run(base(), bars, script().at(0, c -> c.submit(limit)));
    // Works on b1's day only; b2 (a later day) would have filled it at 90, but it has expired.
    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().expired()).isEqualTo(1);

    OrderRequest gtc = limit.withTimeInForce(TimeInForce.GTC);
    r = run(base(), bars, script().at(0, c -> c.submit(gtc)));
    assertThat(r.fills()).hasSize(2); // entry at 90, then EndOfData
  }

  @Test
  void randomSlippageIsSeededAdverseAndDeterministic() {
    EngineConfig cfg = base().withSlippage(new SlippageModel.RandomTicks(5)).withSeed(7);
    Strategy s1 = script().at(0, c -> c.submit(buy(10))).at(2, c -> c.exitPosition("X"));
    BacktestResult a = run(cfg, fourBars(), s1);
    Strategy s2 = script().at(0, c -> c.submit(buy(10))).at(2, c -> c.exitPosition("X"));
    BacktestResult b = run(cfg, fourBars(), s2);
    assertThat(a).isEqualTo(b);
    assertThat(a.fills().get(0).price()).isBetween(101.0, 101.05); // buys never below the open
    assertThat(a.fills().get(1).price()).isBetween(103.95, 104.0); // sells never above it
  }

  @Test
  void strategiesCannotReadFutureBars() {
    Strategy peeker = script().at(1, c -> c.close(-1));
    assertThatThrownBy(() -> run(base(), fourBars(), peeker))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("barsAgo must be >= 0");
    Strategy tooFarBack = script().at(1, c -> c.close(2));
    assertThatThrownBy(() -> run(base(), fourBars(), tooFarBack))
        .hasMessageContaining("barsAgo must be <= barIndex (1), was 2");
  }
}
