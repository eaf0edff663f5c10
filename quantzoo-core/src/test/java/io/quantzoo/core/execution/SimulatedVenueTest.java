package io.quantzoo.core.execution;

import static io.quantzoo.core.testkit.Recorder.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.AssetClass;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.order.CancelReason;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderCanceled;
import io.quantzoo.core.order.OrderExpired;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderManager;
import io.quantzoo.core.order.OrderReplaced;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.order.TimeInForce;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.CoreRun;
import io.quantzoo.core.testkit.Recorder;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue, driven through the trading core by small scripted strategies on hand-made
 * bars: replaces, cancels, reduce-only orders, DAY expiry by trading session, and the tick grid of
 * protective levels.
 */
class SimulatedVenueTest {
  private static final Instrument EQ = Instrument.equity("TEST");
  private static final Instrument MNQ = InstrumentCatalog.find("MNQ").orElseThrow();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * MNQ as Globex trades it: the session opens at 18:00 New York and closes at 17:00 the next day,
   * so it wraps midnight. (The catalog's MNQ carries the 09:30-16:00 regular session.)
   */
  private static final Instrument MNQ_GLOBEX =
      new Instrument(
          "MNQ",
          AssetClass.FUTURE,
          0.25,
          2.0,
          "USD",
          1.0,
          NEW_YORK,
          LocalTime.of(18, 0),
          LocalTime.of(17, 0));

  private static EngineConfig base() {
    return EngineConfig.defaults()
        .withInitialCash(10_000)
        .withSizing(new SizingModel.Fixed(10))
        .withCloseAtEnd(false);
  }

  private static BacktestResult run(BarSeries bars, Strategy s) {
    return new BacktestEngine(base()).run(new SymbolData(bars, EQ), s);
  }

  private static OrderRequest buyLimit(double qty, double price) {
    return OrderRequest.limit("TEST", Side.BUY, qty, price, "E");
  }

  // ---------------------------------------------------------------- modify

  @Test
  void aModifiedLimitOrderFillsAtItsNewPriceUnderItsReplacementsId() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100) // b0: buy limit 96
            .bar(100, 101, 98, 100) // b1: 96 not reached; modified to 97
            .bar(99, 100, 97, 99) // b2: low 97 reaches the new limit (not the old 96)
            .build();
    List<OrderId> ids = new ArrayList<>();
    List<Optional<OrderId>> replaced = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.submit(buyLimit(1, 96))))
            .at(1, c -> replaced.add(c.modify(ids.get(0), Double.NaN, 97, Double.NaN)));

    BacktestResult r = run(bars, s);

    assertThat(replaced.get(0)).contains(new OrderId(2));
    assertThat(s.eventLog())
        .containsExactly(
            "OrderAccepted #1", "OrderReplaced #1 -> #2", "OrderFilled #2 BUY 1.0@97.0");
    OrderReplaced rep = s.eventsOf(OrderReplaced.class).get(0);
    assertThat(rep.limitPrice()).isEqualTo(97);
    assertThat(rep.quantity()).isEqualTo(1);
    assertThat(rep.stopPrice()).isNaN();
    assertThat(r.fills()).extracting(Fill::orderId).containsExactly(2L);
    assertThat(r.fills()).extracting(Fill::price).containsExactly(97.0);
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(2);
  }

  @Test
  void aReplacedOrderNoLongerFillsAtItsOldPrice() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100) // b0: buy limit 98
            .bar(100, 101, 99, 100) // b1: 98 not reached; modified down to 95
            .bar(99, 100, 97, 98) // b2: 97 would have filled the old 98, not the new 95
            .build();
    List<OrderId> ids = new ArrayList<>();
    List<Boolean> canceled = new ArrayList<>();
    Map<String, OrderState> states = new HashMap<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.submit(buyLimit(1, 98))))
            .at(1, c -> ids.add(c.modify(ids.get(0), Double.NaN, 95, Double.NaN).orElseThrow()))
            .at(
                2,
                c -> {
                  states.put("old", c.orderState(ids.get(0)));
                  states.put("new", c.orderState(ids.get(1)));
                  canceled.add(c.cancel(ids.get(0))); // no longer working
                  canceled.add(c.cancel(ids.get(1)));
                });

    BacktestResult r = run(bars, s);

    assertThat(r.fills()).isEmpty();
    assertThat(states).containsEntry("old", OrderState.REPLACED);
    assertThat(states).containsEntry("new", OrderState.ACCEPTED);
    assertThat(canceled).containsExactly(false, true);
    assertThat(s.eventLog())
        .containsExactly(
            "OrderAccepted #1", "OrderReplaced #1 -> #2", "OrderCanceled #2 REQUESTED");
  }

  @Test
  void aTrailingStopModifiedWithoutANewStopKeepsTheLevelItHasRatchetedTo() {
    // Long 2 @100 (b1's open) with a 3-point trailing stop: placed at 97, ratcheted after b1 to
    // 104 - 3 = 101. Its quantity is then cut to 1 (stop price NaN: unchanged). The replacement
    // works at 101, not at the 97 it was first placed at, and b2's low 100.5 sells 1 there.
    BarSeries bars =
        Bars.of("TEST").flat(100).bar(100, 104, 99, 103).bar(103, 103, 100.5, 101).build();
    Exits trail = Exits.NONE.withTrailingStop(Offset.price(3));
    CoreRun run =
        new CoreRun(base(), EQ, bars, record().at(0, c -> c.buy(2, "E", trail))).start().steps(2);
    OrderManager.Order stop = run.core.orders().openOrders().get(0);
    assertThat(stop.request().tag()).isEqualTo("TrailingStop");
    assertThat(run.core.venue().openOrders().get(0).request().stopPrice()).isEqualTo(101);

    Optional<OrderId> cut = run.core.modify(stop.id(), 1, Double.NaN, Double.NaN);

    assertThat(cut).isPresent();
    VenueOrderStatus working = run.core.venue().openOrders().get(0);
    assertThat(working.id()).isEqualTo(cut.get());
    assertThat(working.request().quantity()).isEqualTo(1);
    assertThat(working.request().stopPrice()).isEqualTo(101);
    BacktestResult r = run.finish();
    assertThat(r.fills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(r.fills()).extracting(Fill::quantity).containsExactly(2.0, 1.0);
    assertThat(r.fills()).extracting(Fill::price).containsExactly(100.0, 101.0);
    assertThat(r.fills().get(1).tag()).isEqualTo("TrailingStop");
  }

  // ---------------------------------------------------------------- cancel

  @Test
  void aCanceledOrderIsConfirmedAsRequestedAndNeverFills() {
    BarSeries bars =
        Bars.of("TEST")
            .flat(100) // b0: buy limit 95
            .bar(100, 101, 96, 100) // b1: not reached; canceled
            .bar(95, 96, 90, 91) // b2: would have filled at the open 95
            .build();
    List<OrderId> ids = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.submit(buyLimit(1, 95))))
            .at(
                1,
                c -> {
                  seen.add(c.cancel(ids.get(0)));
                  seen.add(c.orderState(ids.get(0))); // confirmed synchronously by the venue
                });

    BacktestResult r = run(bars, s);

    assertThat(seen).containsExactly(true, OrderState.CANCELED);
    assertThat(r.fills()).isEmpty();
    OrderCanceled e = s.eventsOf(OrderCanceled.class).get(0);
    assertThat(e.orderId()).isEqualTo(ids.get(0));
    assertThat(e.reason()).isEqualTo(CancelReason.REQUESTED);
    assertThat(e.symbol()).isEqualTo("TEST");
    assertThat(e.tsEvent()).isEqualTo(Bars.START + Bars.DAY); // the bar it was canceled on
    assertThat(r.orders().cancelled()).isEqualTo(1);
  }

  @Test
  void cancelingAFilledOrderReturnsFalseAndSendsNothing() {
    BarSeries bars = Bars.of("TEST").flat(100).flat(101).flat(102).build();
    List<OrderId> ids = new ArrayList<>();
    List<Boolean> canceled = new ArrayList<>();
    Recorder s =
        record()
            .at(0, c -> ids.add(c.buy(1, "E")))
            .at(1, c -> canceled.add(c.cancel(ids.get(0)))); // filled at b1's open
    CoreRun run = new CoreRun(base(), EQ, bars, s).start();

    BacktestResult r = run.finish();

    assertThat(canceled).containsExactly(false);
    // Had a cancel been sent, the venue would have answered "not working" (OrderCancelRejected),
    // an anomaly for a filled order.
    assertThat(s.eventLog()).containsExactly("OrderAccepted #1", "OrderFilled #1 BUY 1.0@101.0");
    assertThat(run.core.orders().anomalyCount()).isZero();
    assertThat(r.orders().cancelled()).isZero();
    assertThat(r.orders().filled()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- reduce-only

  @Test
  void aReduceOnlyOrderIsClippedToThePositionAndNeverReversesIt() {
    BarSeries bars = Bars.of("TEST").flat(100).flat(100).flat(102).flat(103).build();
    OrderRequest sell25 = OrderRequest.market("TEST", Side.SELL, 25, "R").withReduceOnly(true);
    Recorder s =
        record()
            .at(0, c -> c.buy(10, "E")) // long 10 @100 at b1
            .at(1, c -> c.submit(sell25)); // sells only the 10 held, at b2's open 102

    BacktestResult r = run(bars, s);

    assertThat(r.fills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(r.fills()).extracting(Fill::quantity).containsExactly(10.0, 10.0);
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).grossPnl()).isEqualTo(20); // (102 - 100) x 10
    assertThat(r.openPositionsAtEnd()).isEmpty(); // flat, not short 15
  }

  @Test
  void aReduceOnlyOrderFindingNothingToReduceIsCanceled() {
    BarSeries bars = Bars.of("TEST").flat(100).flat(100).flat(101).flat(102).build();
    OrderRequest sell5 = OrderRequest.market("TEST", Side.SELL, 5, "R").withReduceOnly(true);
    OrderRequest buy5 = OrderRequest.market("TEST", Side.BUY, 5, "R").withReduceOnly(true);
    Recorder s =
        record()
            .at(0, c -> c.submit(sell5)) // flat at b1: nothing to close
            .at(1, c -> c.buy(10, "E")) // long 10 at b2
            .at(2, c -> c.submit(buy5)); // a buy cannot reduce a long: canceled at b3

    BacktestResult r = run(bars, s);

    assertThat(s.eventsOf(OrderCanceled.class))
        .extracting(OrderCanceled::reason)
        .containsExactly(CancelReason.NOTHING_TO_CLOSE, CancelReason.NOTHING_TO_CLOSE);
    assertThat(s.eventsOf(OrderCanceled.class))
        .extracting(OrderCanceled::orderId)
        .containsExactly(new OrderId(1), new OrderId(3));
    assertThat(r.fills()).hasSize(1); // only the entry
    assertThat(r.fills().get(0).quantity()).isEqualTo(10);
  }

  // ---------------------------------------------------------------- DAY orders

  private static long newYork(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK)
        .toInstant()
        .toEpochMilli();
  }

  private static BacktestResult runMnqGlobex(BarSeries bars, OrderRequest atBar0, Recorder s) {
    return new BacktestEngine(base().withSizing(new SizingModel.Fixed(1)))
        .run(new SymbolData(bars, MNQ_GLOBEX), s.at(0, c -> c.submit(atBar0)));
  }

  private static final OrderRequest DAY_BUY_16990 =
      OrderRequest.limit("MNQ", Side.BUY, 1, 16_990, "E").withTimeInForce(TimeInForce.DAY);

  @Test
  void onAnOvernightSessionTheEveningBelongsToTheNextDaysSession() {
    // Placed Monday 16:30. Its first bar is Monday 18:00, the open of TUESDAY's session, so it
    // works through Tuesday morning and fills at 10:00. By the calendar date of its first bar
    // (Monday) it would have expired before Tuesday 10:00.
    BarSeries bars =
        Bars.of("MNQ")
            .barAt(newYork("2024-01-08T16:30"), 17_000, 17_000, 17_000, 17_000)
            .barAt(newYork("2024-01-08T18:00"), 17_000, 17_005, 16_995, 17_000)
            .barAt(newYork("2024-01-09T10:00"), 16_995, 16_998, 16_985, 16_990)
            .build();
    Recorder s = record();

    BacktestResult r = runMnqGlobex(bars, DAY_BUY_16990, s);

    assertThat(r.orders().expired()).isZero();
    assertThat(r.fills()).extracting(Fill::price).containsExactly(16_990.0);
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(2);
  }

  @Test
  void onAnOvernightSessionADayOrderExpiresAtTheEveningSessionOpen() {
    // Placed Monday 10:00; its first bar (Monday 11:00) is in Monday's session. Monday 18:00
    // opens Tuesday's session: the order expires there, although the calendar date is still
    // Monday (the calendar rule would have let it fill at 16,990 on that bar).
    BarSeries bars =
        Bars.of("MNQ")
            .barAt(newYork("2024-01-08T10:00"), 17_000, 17_000, 17_000, 17_000)
            .barAt(newYork("2024-01-08T11:00"), 17_000, 17_005, 16_995, 17_000)
            .barAt(newYork("2024-01-08T18:00"), 16_995, 16_998, 16_985, 16_990)
            .build();
    Recorder s = record();

    BacktestResult r = runMnqGlobex(bars, DAY_BUY_16990, s);

    assertThat(r.fills()).isEmpty();
    assertThat(r.orders().expired()).isEqualTo(1);
    OrderExpired e = s.eventsOf(OrderExpired.class).get(0);
    assertThat(e.orderId()).isEqualTo(new OrderId(1));
    assertThat(e.tsEvent()).isEqualTo(newYork("2024-01-08T18:00"));

    // The same order good-till-canceled fills on that bar: the expiry is what stopped it.
    BacktestResult gtc =
        runMnqGlobex(bars, DAY_BUY_16990.withTimeInForce(TimeInForce.GTC), record());
    assertThat(gtc.fills()).extracting(Fill::price).containsExactly(16_990.0);
  }

  @Test
  void withoutAnOvernightSessionADayOrderLivesForTheCalendarDayOfItsFirstBar() {
    // The catalog's MNQ (09:30-16:00): the Monday 18:00 bar is still Monday.
    BarSeries bars =
        Bars.of("MNQ")
            .barAt(newYork("2024-01-08T10:00"), 17_000, 17_000, 17_000, 17_000)
            .barAt(newYork("2024-01-08T11:00"), 17_000, 17_005, 16_995, 17_000)
            .barAt(newYork("2024-01-08T18:00"), 16_995, 16_998, 16_985, 16_990)
            .build();

    BacktestResult r =
        new BacktestEngine(base().withSizing(new SizingModel.Fixed(1)))
            .run(new SymbolData(bars, MNQ), record().at(0, c -> c.submit(DAY_BUY_16990)));

    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(2);
    assertThat(r.orders().expired()).isZero();
  }

  // ---------------------------------------------------------------- the tick grid

  /**
   * MNQ bars for an entry signalled at b1 and filled at b2's open (20,002). ATR(2) at b1 is the
   * mean of the true ranges of b0 (20,003 - 19,999 = 4) and b1 (max(20,004.5 - 20,000, |20,004.5 -
   * 20,001|, |20,000 - 20,001|) = 4.5): 4.25. b2 is too narrow to trigger any exit.
   */
  private static BarSeries mnqBars() {
    return Bars.of("MNQ")
        .bar(20_000, 20_003, 19_999, 20_001)
        .bar(20_001, 20_004.5, 20_000, 20_002.25)
        .bar(20_002, 20_003, 20_001, 20_002.5)
        .bar(20_002.5, 20_003, 20_002, 20_002.5)
        .build();
  }

  /** 1.3 x ATR = 5.525 for the stop and the target, 1.1 x ATR = 4.675 for the trail: off-grid. */
  private static final Exits ATR_EXITS =
      new Exits(Offset.atr(1.3, 2), Offset.atr(1.3, 2), Offset.atr(1.1, 2));

  /** The protective orders working after b2, by tag: the venue's view (current levels). */
  private static Map<String, OrderRequest> protectiveAfterEntry(boolean longEntry) {
    Recorder s =
        record()
            .at(
                1,
                c -> {
                  if (longEntry) {
                    c.enterLong("L", ATR_EXITS);
                  } else {
                    c.enterShort("S", ATR_EXITS);
                  }
                });
    CoreRun run =
        new CoreRun(base().withSizing(new SizingModel.Fixed(1)), MNQ, mnqBars(), s)
            .start()
            .steps(3);
    Map<String, OrderRequest> out = new HashMap<>();
    for (VenueOrderStatus v : run.core.venue().openOrders()) {
      out.put(v.request().tag(), v.request());
    }
    for (OrderManager.Order o : run.core.orders().openOrders()) {
      out.put("initial " + o.request().tag(), o.request());
    }
    return out;
  }

  @Test
  void longProtectiveLevelsAreRoundedDownToTheTick() {
    Map<String, OrderRequest> p = protectiveAfterEntry(true);

    // stop 20,002 - 5.525 = 19,996.475 -> down to 19,996.25 (not up to 19,996.5)
    assertThat(p.get("StopLoss").stopPrice()).isEqualTo(19_996.25);
    // target 20,002 + 5.525 = 20,007.525 -> down to 20,007.5
    assertThat(p.get("TakeProfit").limitPrice()).isEqualTo(20_007.5);
    // trail 20,002 - 4.675 = 19,997.325 -> down to 19,997.25
    assertThat(p.get("initial TrailingStop").stopPrice()).isEqualTo(19_997.25);
    // after b2 (high 20,003): 20,003 - 4.675 = 19,998.325 -> down to 19,998.25
    assertThat(p.get("TrailingStop").stopPrice()).isEqualTo(19_998.25);
  }

  @Test
  void shortProtectiveLevelsAreRoundedUpToTheTick() {
    Map<String, OrderRequest> p = protectiveAfterEntry(false);

    // stop 20,002 + 5.525 = 20,007.525 -> up to 20,007.75
    assertThat(p.get("StopLoss").stopPrice()).isEqualTo(20_007.75);
    // target 20,002 - 5.525 = 19,996.475 -> up to 19,996.5
    assertThat(p.get("TakeProfit").limitPrice()).isEqualTo(19_996.5);
    // trail 20,002 + 4.675 = 20,006.675 -> up to 20,006.75
    assertThat(p.get("initial TrailingStop").stopPrice()).isEqualTo(20_006.75);
    // after b2 (low 20,001): 20,001 + 4.675 = 20,005.675 -> up to 20,005.75
    assertThat(p.get("TrailingStop").stopPrice()).isEqualTo(20_005.75);
  }

  @Test
  void aProtectiveStopFillsAtItsRoundedLevel() {
    // Long from 20,002 with a 5.525 stop at 19,996.25; b3 trades down through it.
    BarSeries bars =
        Bars.of("MNQ")
            .bar(20_000, 20_003, 19_999, 20_001)
            .bar(20_001, 20_004.5, 20_000, 20_002.25)
            .bar(20_002, 20_003, 20_001, 20_002.5)
            .bar(20_002, 20_002, 19_990, 19_991)
            .build();
    Recorder s = record().at(1, c -> c.enterLong("L", Exits.NONE.withStopLoss(Offset.atr(1.3, 2))));

    BacktestResult r =
        new BacktestEngine(base().withSizing(new SizingModel.Fixed(1)))
            .run(new SymbolData(bars, MNQ), s);

    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(19_996.25);
    assertThat(r.trades().get(0).exitReason()).isEqualTo("StopLoss");
    // (19,996.25 - 20,002) x $2
    assertThat(r.trades().get(0).grossPnl()).isEqualTo(-11.5);
    assertThat(s.eventsOf(OrderFilled.class)).hasSize(2);
  }
}
