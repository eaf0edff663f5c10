package io.quantzoo.core.engine;

import static io.quantzoo.core.testkit.Recorder.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.order.CancelReason;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderAccepted;
import io.quantzoo.core.order.OrderCanceled;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderManager;
import io.quantzoo.core.order.OrderReplaced;
import io.quantzoo.core.order.OrderState;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.risk.RiskDecision;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.CoreRun;
import io.quantzoo.core.testkit.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The trading core as the strategy sees it: the order events it receives and when, the denials of
 * our own rules and of the risk gate, the end of a run, and modify and cancel through the context.
 */
class TradingCoreTest {
  private static final Instrument EQ = Instrument.equity("TEST");
  private static final Instrument MNQ = InstrumentCatalog.find("MNQ").orElseThrow();

  private static EngineConfig base() {
    return EngineConfig.defaults()
        .withInitialCash(10_000)
        .withSizing(new SizingModel.Fixed(10))
        .withCloseAtEnd(false);
  }

  private static BacktestResult run(BarSeries bars, Recorder s) {
    return new BacktestEngine(base()).run(new SymbolData(bars, EQ), s);
  }

  private static BacktestResult run(BarSeries bars, Recorder s, RiskGate gate) {
    return new BacktestEngine(base(), gate).run(new SymbolData(bars, EQ), s);
  }

  private static BarSeries fourBars() {
    return Bars.of("TEST")
        .flat(100) // b0
        .bar(101, 103, 100, 102) // b1
        .bar(102, 106, 101, 105) // b2
        .bar(104, 105, 103, 104) // b3
        .build();
  }

  // ---------------------------------------------------------------- event delivery

  @Test
  void theStrategyHearsAcceptedAfterItsBarAndFilledBeforeTheNextBar() {
    Recorder s = record().at(0, c -> c.buy(10, "E")).at(1, c -> c.exitPosition("X"));

    run(fourBars(), s);

    // Accepted as the venue acknowledges the order placed in onBar(b0), delivered when onBar
    // returns; the fill at b1's open (101) is delivered before onBar(b1) sees b1.
    assertThat(s.log)
        .containsExactly(
            "start",
            "bar 0",
            "OrderAccepted #1",
            "OrderFilled #1 BUY 10.0@101.0",
            "bar 1",
            "OrderAccepted #2",
            "OrderFilled #2 SELL 10.0@102.0",
            "bar 2",
            "bar 3",
            "stop");
    OrderFilled f = s.eventsOf(OrderFilled.class).get(0);
    assertThat(f.tag()).isEqualTo("E");
    assertThat(f.barIndex()).isEqualTo(1);
    assertThat(f.atBarOpen()).isTrue();
    assertThat(f.leavesQuantity()).isZero();
    assertThat(f.tsEvent()).isEqualTo(Bars.START + Bars.DAY);
  }

  @Test
  void whenTheFillEventArrivesTheLedgerAndTheOrderBookAlreadyShowIt() {
    List<Object> seen = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> c.buy(10, "E"))
            .onEvent((c, e) -> {
              if (e instanceof OrderFilled f) {
                seen.add(c.orderState(f.orderId()));
                seen.add(c.position());
                seen.add(c.averagePrice());
                seen.add(c.barIndex()); // the context is at the fill's bar
                seen.add(c.barsSinceEntry());
              }
            });

    run(fourBars(), s);

    assertThat(seen).containsExactly(OrderState.FILLED, 10.0, 101.0, 1, 0);
  }

  // ---------------------------------------------------------------- our own rules

  private static BarSeries rangingBars(int n) {
    Bars b = Bars.of("TEST");
    for (int i = 0; i < n; i++) {
      b.bar(100, 101, 99, 100); // true range 2 every bar
    }
    return b.build();
  }

  @Test
  void anAtrExitAskedForBeforeEnoughBarsIsDeniedAtOnce() {
    List<OrderState> stateAfterSubmit = new ArrayList<>();
    Exits atrStop = Exits.NONE.withStopLoss(Offset.atr(2, 14));
    Recorder s =
        record()
            .at(
                12,
                c -> { // 13 bars seen: ATR(14) unknown
                  OrderId id = c.enterLong("L", atrStop).orElseThrow();
                  stateAfterSubmit.add(c.orderState(id));
                  stateAfterSubmit.add(c.isDenied(id) ? OrderState.DENIED : null);
                })
            .at(
                13,
                c -> { // 14 bars seen: ATR(14) = 2, so the stop is 4 below the fill
                  OrderId id = c.enterLong("L", atrStop).orElseThrow();
                  stateAfterSubmit.add(c.orderState(id));
                });

    BacktestResult r = run(rangingBars(16), s);

    assertThat(stateAfterSubmit)
        .containsExactly(OrderState.DENIED, OrderState.DENIED, OrderState.ACCEPTED);
    OrderDenied d = s.eventsOf(OrderDenied.class).get(0);
    assertThat(d.orderId()).isEqualTo(new OrderId(1));
    assertThat(d.rule()).isEqualTo(DenialRule.ATR_UNAVAILABLE);
    assertThat(d.detail()).isEqualTo("ATR(14) needs 14 bars, 13 seen");
    assertThat(d.symbol()).isEqualTo("TEST");
    assertThat(s.eventLog().get(0)).isEqualTo("OrderDenied #1 ATR_UNAVAILABLE");
    assertThat(s.eventsOf(OrderAccepted.class))
        .extracting(OrderAccepted::orderId)
        .doesNotContain(new OrderId(1)); // it never reached the venue
    // The second entry fills at b14's open 100 and gets its stop at 100 - 2 x 2 = 96.
    assertThat(r.fills()).extracting(Fill::orderId).containsExactly(2L);
    assertThat(r.orders().rejected()).isEqualTo(1);
    assertThat(r.orders().submitted()).isEqualTo(3); // two entries and the stop-loss
  }

  @Test
  void anEntrySizedToZeroIsDeniedWhenItComesToFill() {
    // 10 % of 10,000 on MNQ at 20,000 x $2 a point: 1,000 / 40,000 = 0.025 contracts -> 0 lots.
    BarSeries bars = Bars.of("MNQ").flat(20_000).flat(20_000).flat(20_000).build();
    List<OrderState> states = new ArrayList<>();
    List<OrderId> ids = new ArrayList<>();
    Recorder s =
        record()
            .at(
                0,
                c -> {
                  ids.add(c.enterLong("L").orElseThrow());
                  states.add(c.orderState(ids.get(0))); // sized at the fill, so not yet denied
                })
            .at(1, c -> states.add(c.orderState(ids.get(0))));

    BacktestResult r =
        new BacktestEngine(base().withSizing(new SizingModel.PercentOfEquity(10)))
            .run(new SymbolData(bars, MNQ), s);

    assertThat(states).containsExactly(OrderState.ACCEPTED, OrderState.DENIED);
    assertThat(s.eventLog()).containsExactly("OrderAccepted #1", "OrderDenied #1 SIZE_ZERO");
    OrderDenied d = s.eventsOf(OrderDenied.class).get(0);
    assertThat(d.detail()).startsWith("sizing gave quantity 0.0 at price 20000.0");
    assertThat(d.tsEvent()).isEqualTo(Bars.START + Bars.DAY); // at b1, where it would have filled
    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().rejected()).isEqualTo(1);
    assertThat(r.orders().filled()).isZero();
  }

  @Test
  void orderStatsCountOurOwnDenialsAsRejected() {
    // Risk sizing without a stop sizes to zero at the fill; an ATR exit on b0 is denied at once.
    Recorder s =
        record()
            .at(0, c -> c.enterLong("NoStop"))
            .at(0, c -> c.enterLong("Atr", Exits.NONE.withTakeProfit(Offset.atr(1, 5))));

    BacktestResult r =
        new BacktestEngine(base().withSizing(new SizingModel.Risk(1)))
            .run(new SymbolData(fourBars(), EQ), s);

    assertThat(s.eventsOf(OrderDenied.class))
        .extracting(OrderDenied::rule)
        .containsExactlyInAnyOrder(DenialRule.SIZE_ZERO, DenialRule.ATR_UNAVAILABLE);
    assertThat(r.orders().submitted()).isEqualTo(2);
    assertThat(r.orders().rejected()).isEqualTo(2);
    assertThat(r.fills()).isEmpty();
  }

  // ---------------------------------------------------------------- the risk gate

  @Test
  void aRefusingRiskGateDeniesEveryOrderAndNothingReachesTheVenue() {
    List<Double> checked = new ArrayList<>();
    RiskGate max5 =
        (req, qty, protective, view) -> {
          checked.add(qty);
          return RiskDecision.deny("max_order_qty", "quantity " + qty + " > 5");
        };
    List<OrderState> states = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> states.add(c.orderState(c.buy(10, "E"))))
            .at(1, c -> states.add(c.orderState(c.enterLong("L").orElseThrow())))
            .at(2, c -> states.add(c.orderState(c.limit(Side.BUY, 7, 99, "Lim", Exits.NONE))));

    BacktestResult r = run(fourBars(), s, max5);

    assertThat(states).containsOnly(OrderState.DENIED).hasSize(3);
    assertThat(checked).containsExactly(10.0, 10.0, 7.0); // sized by Fixed(10)
    assertThat(s.eventLog())
        .containsExactly(
            "OrderDenied #1 RISK_GATE", "OrderDenied #2 RISK_GATE", "OrderDenied #3 RISK_GATE");
    assertThat(s.eventsOf(OrderDenied.class))
        .extracting(OrderDenied::detail)
        .containsExactly(
            "max_order_qty: quantity 10.0 > 5",
            "max_order_qty: quantity 10.0 > 5",
            "max_order_qty: quantity 7.0 > 5");
    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().submitted()).isEqualTo(3);
    assertThat(r.orders().rejected()).isEqualTo(3);
    assertThat(r.equity().finalEquity()).isEqualTo(10_000);
  }

  @Test
  void protectiveExitsPassTheGateTooAndTheGateKnowsThemAsProtective() {
    // The gate lets the entry through and refuses exits. Long 2 @100 at b1's open; the stop at 95
    // and the target at 105 are denied, so b2's 94-106 range closes nothing.
    List<String> checks = new ArrayList<>();
    RiskGate noExits =
        (req, qty, protective, view) -> {
          checks.add(req.tag() + " " + qty + " " + protective + " pos " + view.position("TEST"));
          return protective ? RiskDecision.deny("no_exits", "test") : RiskDecision.ALLOW;
        };
    BarSeries bars = Bars.of("TEST").flat(100).flat(100).bar(100, 106, 94, 100).build();
    Exits bracket = Exits.NONE.withStopLoss(Offset.price(5)).withTakeProfit(Offset.price(5));
    Recorder s = record().at(0, c -> c.buy(2, "E", bracket));

    BacktestResult r = run(bars, s, noExits);

    assertThat(checks)
        .containsExactly(
            "E 2.0 false pos 0.0", "StopLoss 2.0 true pos 2.0", "TakeProfit 2.0 true pos 2.0");
    assertThat(s.eventLog())
        .containsExactly(
            "OrderAccepted #1",
            "OrderFilled #1 BUY 2.0@100.0",
            "OrderDenied #2 RISK_GATE",
            "OrderDenied #3 RISK_GATE");
    assertThat(s.eventsOf(OrderDenied.class).get(0).detail()).isEqualTo("no_exits: test");
    assertThat(r.fills()).hasSize(1);
    assertThat(r.openPositionsAtEnd()).containsExactly("TEST");
  }

  // ---------------------------------------------------------------- the end of a run

  @Test
  void onStopRunsOnceAtTheEndBeforeWorkingOrdersAreCanceled() {
    List<OrderId> ids = new ArrayList<>();
    List<OrderState> atStop = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.limit(Side.BUY, 1, 50, "Far", Exits.NONE)))
            .atStop(c -> atStop.add(c.orderState(ids.get(0))));

    BacktestResult r = run(fourBars(), s);

    assertThat(atStop).containsExactly(OrderState.ACCEPTED); // still working in onStop
    assertThat(s.log.stream().filter("stop"::equals)).hasSize(1);
    assertThat(s.log.subList(s.log.indexOf("stop"), s.log.size()))
        .containsExactly("stop", "OrderCanceled #1 END_OF_DATA");
    assertThat(r.orders().cancelled()).isEqualTo(1);
  }

  @Test
  void atTheEndOpenPositionsAreClosedAtTheLastCloseWhenAsked() {
    Recorder s = record().at(0, c -> c.buy(10, "E"));

    BacktestResult r =
        new BacktestEngine(base().withCloseAtEnd(true)).run(new SymbolData(fourBars(), EQ), s);

    // Long 10 @101, closed at b3's close 104: +30.
    assertThat(s.eventLog())
        .containsExactly(
            "OrderAccepted #1",
            "OrderFilled #1 BUY 10.0@101.0",
            "OrderAccepted #2",
            "OrderFilled #2 SELL 10.0@104.0");
    assertThat(r.trades().get(0).exitReason()).isEqualTo("EndOfData");
    assertThat(r.trades().get(0).grossPnl()).isEqualTo(30);
    assertThat(r.equity().finalEquity()).isEqualTo(10_030);
  }

  // ---------------------------------------------------------------- modify and cancel

  @Test
  void modifyAndCancelThroughTheContext() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100) // b0: buy limit 1 @95
            .bar(100, 101, 96, 100) // b1: not reached; modified to 2 @96 (low was 96: too late)
            .bar(100, 101, 97, 100) // b2: 96 not reached; canceled
            .bar(95, 96, 90, 91) // b3: would have filled anything
            .build();
    List<OrderId> ids = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.limit(Side.BUY, 1, 95, "E", Exits.NONE)))
            .at(
                1,
                c -> {
                  Optional<OrderId> r = c.modify(ids.get(0), 2, 96, Double.NaN);
                  ids.add(r.orElseThrow());
                  seen.add(c.orderState(ids.get(0)));
                  seen.add(c.orderState(ids.get(1)));
                  seen.add(c.modify(ids.get(0), 3, Double.NaN, Double.NaN)); // replaced: empty
                })
            .at(
                2,
                c -> {
                  seen.add(c.cancel(ids.get(1)));
                  seen.add(c.orderState(ids.get(1)));
                  seen.add(c.cancel(ids.get(1))); // already canceled
                  seen.add(c.modify(ids.get(1), 1, Double.NaN, Double.NaN)); // not working
                });

    BacktestResult r = run(bars, s);

    assertThat(ids).containsExactly(new OrderId(1), new OrderId(2));
    assertThat(seen)
        .containsExactly(
            OrderState.REPLACED,
            OrderState.ACCEPTED,
            Optional.empty(),
            true,
            OrderState.CANCELED,
            false,
            Optional.empty());
    OrderReplaced rep = s.eventsOf(OrderReplaced.class).get(0);
    assertThat(rep.quantity()).isEqualTo(2);
    assertThat(rep.limitPrice()).isEqualTo(96);
    assertThat(s.eventsOf(OrderCanceled.class))
        .extracting(OrderCanceled::reason)
        .containsExactly(CancelReason.REQUESTED);
    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().submitted()).isEqualTo(1); // the replacement carries the order on
    assertThat(r.orders().cancelled()).isEqualTo(1);
  }

  @Test
  void aReplaceTheGateRefusesIsDeniedAndTheOriginalKeepsWorkingOnItsOldTerms() {
    // b0: buy limit 1 @95 (#1). b1: modify to 2 @96 -> the gate refuses quantities above 1:
    // replacement #2 DENIED, #1 back to ACCEPTED. b2's low 94 reaches 95: #1 fills 1 @95.
    BarSeries bars = Bars.of("TEST").flat(100).bar(100, 101, 97, 100).bar(96, 97, 94, 95).build();
    RiskGate maxOne =
        (req, qty, protective, view) ->
            qty > 1
                ? RiskDecision.deny("max_order_qty", "quantity " + qty + " > 1")
                : RiskDecision.ALLOW;
    List<OrderId> ids = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.limit(Side.BUY, 1, 95, "E", Exits.NONE)))
            .at(
                1,
                c -> {
                  OrderId r = c.modify(ids.get(0), 2, 96, Double.NaN).orElseThrow();
                  seen.add(c.orderState(r));
                  seen.add(c.orderState(ids.get(0)));
                });

    BacktestResult r = run(bars, s, maxOne);

    assertThat(seen).containsExactly(OrderState.DENIED, OrderState.ACCEPTED);
    assertThat(s.eventsOf(OrderDenied.class))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.orderId()).isEqualTo(new OrderId(2));
          assertThat(d.rule()).isEqualTo(DenialRule.RISK_GATE);
          assertThat(d.detail()).isEqualTo("max_order_qty: quantity 2.0 > 1");
        });
    assertThat(s.eventsOf(OrderReplaced.class)).isEmpty();
    assertThat(r.fills())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.orderId()).isEqualTo(1);
          assertThat(f.quantity()).isEqualTo(1);
          assertThat(f.price()).isEqualTo(95);
        });
  }

  @Test
  void anEndOfDataCloseTheGateRefusesLeavesThePositionOpen() {
    // Long 10 @101 (b1's open); at the end the gate refuses the EndOfData close: the position
    // stays open and is listed, and the refusal is an OrderDenied like any other.
    RiskGate noEndOfData =
        (req, qty, protective, view) ->
            req.tag().equals("EndOfData")
                ? RiskDecision.deny("halted", "test")
                : RiskDecision.ALLOW;
    Recorder s = record().at(0, c -> c.buy(10, "E"));
    BacktestResult r =
        new BacktestEngine(base().withCloseAtEnd(true), noEndOfData)
            .run(new SymbolData(fourBars(), EQ), s);

    assertThat(r.fills()).singleElement().extracting(f -> f.tag()).isEqualTo("E");
    assertThat(r.openPositionsAtEnd()).containsExactly("TEST");
    assertThat(s.eventsOf(OrderDenied.class))
        .singleElement()
        .extracting(OrderDenied::detail)
        .isEqualTo("halted: test");
  }

  private static final Exits BRACKET =
      Exits.NONE.withStopLoss(Offset.price(5)).withTakeProfit(Offset.price(5));

  @Test
  void whenTheTargetFillsTheStopIsCanceledAsItsOcoSibling() {
    // Long 1 @100 (b1's open): stop 95 (#2), target 105 (#3); b2 reaches 106: target fills.
    BarSeries bars = Bars.of("TEST").flat(100).flat(100).bar(101, 106, 100, 105).build();
    Recorder s = record().at(0, c -> c.buy(1, "E", BRACKET));

    run(bars, s);

    assertThat(s.eventLog())
        .containsExactly(
            "OrderAccepted #1",
            "OrderFilled #1 BUY 1.0@100.0",
            "OrderAccepted #2",
            "OrderAccepted #3",
            "OrderFilled #3 SELL 1.0@105.0",
            "OrderCanceled #2 OCO");
  }

  @Test
  void whenThePositionIsClosedByOtherMeansItsExitsAreCanceledAsPositionClosed() {
    // Long 1 @100 (b1's open) with stop 95 and target 105; the strategy sells at b2's open.
    BarSeries bars = Bars.of("TEST").flat(100).flat(100).flat(101).build();
    Recorder s = record().at(0, c -> c.buy(1, "E", BRACKET)).at(1, c -> c.exitPosition("X"));

    run(bars, s);

    assertThat(s.eventLog())
        .endsWith(
            "OrderFilled #4 SELL 1.0@101.0",
            "OrderCanceled #2 POSITION_CLOSED",
            "OrderCanceled #3 POSITION_CLOSED");
  }

  @Test
  void aMovedStopLossStillGuardsThePositionAndLeavesWithIt() {
    // Long 1 @100 at b1's open with a stop at 95 and a target at 105. After b1 the stop is moved
    // up to 99. b2 reaches the target (105): the moved stop is canceled with it (OCO). The
    // strategy buys again at b3's open (100); b3 dips to 98.5, which the moved stop, had it
    // stayed working, would have hit at 99, closing the new position.
    BarSeries bars =
        Bars.of("TEST")
            .flat(100)
            .flat(100)
            .bar(101, 106, 100, 105)
            .bar(100, 101, 98.5, 100)
            .build();
    Recorder s = record().at(0, c -> c.buy(1, "E", BRACKET)).at(2, c -> c.buy(1, "E2", BRACKET));
    CoreRun run = new CoreRun(base(), EQ, bars, s).start().steps(2);
    OrderManager.Order stop =
        run.core.orders().openOrders().stream()
            .filter(o -> o.request().tag().equals("StopLoss"))
            .findFirst()
            .orElseThrow();
    OrderId moved = run.core.modify(stop.id(), Double.NaN, Double.NaN, 99).orElseThrow();

    run.steps(1); // b2: the target fills

    assertThat(run.core.orderState(moved)).isEqualTo(OrderState.CANCELED);
    OrderCanceled oco =
        s.eventsOf(OrderCanceled.class).stream()
            .filter(e -> e.orderId().equals(moved))
            .findFirst()
            .orElseThrow();
    assertThat(oco.reason()).isEqualTo(CancelReason.OCO);
    BacktestResult r = run.finish();
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitReason()).isEqualTo("TakeProfit");
    assertThat(r.fills()).extracting(Fill::price).containsExactly(100.0, 105.0, 100.0);
    assertThat(r.openPositionsAtEnd()).containsExactly("TEST");
  }

  @Test
  void cancelAllCancelsTheSymbolsWorkingOrdersProtectiveExitsIncluded() {
    Recorder s =
        record()
            .at(0, c -> c.buy(1, "E", BRACKET))
            .at(0, c -> c.limit(Side.BUY, 1, 50, "Far", Exits.NONE))
            .at(1, c -> c.cancelAll());

    run(fourBars(), s);

    // #1 entry (filled at b1), #2 far limit, #3 stop-loss, #4 take-profit.
    assertThat(s.eventsOf(OrderCanceled.class))
        .extracting(e -> e.orderId().value())
        .containsExactlyInAnyOrder(2L, 3L, 4L);
    assertThat(s.eventsOf(OrderCanceled.class))
        .extracting(OrderCanceled::reason)
        .containsOnly(CancelReason.REQUESTED);
  }

  @Test
  void everyEventCarriesItsSymbolAndTheBarTimeAsBothTimestamps() {
    Recorder s = record().at(0, c -> c.buy(10, "E"));

    run(fourBars(), s);

    for (OrderEvent e : s.events) {
      assertThat(e.symbol()).isEqualTo("TEST");
      assertThat(e.tsInit()).isEqualTo(e.tsEvent());
    }
    assertThat(s.events)
        .extracting(OrderEvent::tsEvent)
        .containsExactly(Bars.START, Bars.START + Bars.DAY);
  }
}
