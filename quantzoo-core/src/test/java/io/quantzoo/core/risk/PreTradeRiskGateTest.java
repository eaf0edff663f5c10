package io.quantzoo.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.instrument.AssetClass;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Each pre-trade control denies with its rule, limit and value, and lets through what is just
 * within the limit; reducing orders and protective exits pass what they are documented to pass.
 */
class PreTradeRiskGateTest {
  private static final Instrument EQ = Instrument.equity("AAA");
  private static final long HOUR = 3_600_000L;

  private final FakeView view = new FakeView(EQ);

  private static PreTradeRiskGate gate(RiskLimits.Builder b) {
    return new PreTradeRiskGate(b.build());
  }

  private RiskDecision buy(PreTradeRiskGate g, double qty) {
    return g.check(OrderRequest.market("AAA", Side.BUY, qty, "E"), qty, false, view);
  }

  private RiskDecision sell(PreTradeRiskGate g, double qty) {
    return g.check(OrderRequest.market("AAA", Side.SELL, qty, "X"), qty, false, view);
  }

  private static void assertDenied(RiskDecision d, DenialRule rule, double limit, double value) {
    assertThat(d.allowed()).as("allowed").isFalse();
    assertThat(d.rule()).isEqualTo(rule);
    if (Double.isNaN(limit)) {
      assertThat(d.limit()).as("limit").isNaN();
    } else {
      assertThat(d.limit()).as("limit").isEqualTo(limit);
    }
    if (Double.isNaN(value)) {
      assertThat(d.value()).as("value").isNaN();
    } else {
      assertThat(d.value()).as("value").isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  // ---------------------------------------------------------------- size limits

  @Test
  void maxOrderQuantityDeniesAboveTheLimitAndPassesAtIt() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxOrderQuantity(10));

    assertThat(buy(g, 10).allowed()).isTrue();
    RiskDecision d = buy(g, 11);

    assertDenied(d, DenialRule.MAX_ORDER_QUANTITY, 10, 11);
    assertThat(d.detail()).isEqualTo("order quantity 11.00 > max_order_quantity 10.00");
    assertThat(g.denials(DenialRule.MAX_ORDER_QUANTITY)).isEqualTo(1);
  }

  @Test
  void maxOrderNotionalValuesAMarketOrderAtTheLastPriceAndALimitOrderAtItsLimit() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxOrderNotional(100_000));

    assertThat(buy(g, 1_000).allowed()).isTrue(); // 1,000 × 100 = 100,000
    assertDenied(buy(g, 1_001), DenialRule.MAX_ORDER_NOTIONAL, 100_000, 100_100);
    RiskDecision limit =
        g.check(OrderRequest.limit("AAA", Side.BUY, 1_000, 101, "E"), 1_000, false, view);
    assertDenied(limit, DenialRule.MAX_ORDER_NOTIONAL, 100_000, 101_000);
    assertThat(limit.detail())
        .isEqualTo("order notional 101,000.00 > max_order_notional 100,000.00");
  }

  @Test
  void maxOrderNotionalCountsThePointValue() {
    Instrument fut =
        new Instrument("FUT", AssetClass.FUTURE, 0.25, 2.0, "USD", 1, ZoneId.of("UTC"), null, null);
    FakeView v = new FakeView(fut);
    PreTradeRiskGate g = gate(RiskLimits.builder().maxOrderNotional(1_000));

    assertThat(g.check(OrderRequest.market("FUT", Side.BUY, 5, "E"), 5, false, v).allowed())
        .isTrue(); // 5 × 100 × 2 = 1,000
    assertDenied(
        g.check(OrderRequest.market("FUT", Side.BUY, 6, "E"), 6, false, v),
        DenialRule.MAX_ORDER_NOTIONAL,
        1_000,
        1_200);
  }

  @Test
  void maxPositionQuantityCountsThePositionAndWorkingOrders() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxPositionQuantity(100));
    view.positions.put("AAA", 60.0);
    view.opening.put("AAA", 30.0);

    assertThat(buy(g, 10).allowed()).isTrue(); // 60 + 30 + 10 = 100
    assertDenied(buy(g, 11), DenialRule.MAX_POSITION_QUANTITY, 100, 101);
    // a short of the same size the other way is new exposure too
    view.positions.put("AAA", -60.0);
    view.opening.put("AAA", -30.0);
    assertDenied(sell(g, 11), DenialRule.MAX_POSITION_QUANTITY, 100, 101);
  }

  @Test
  void maxPositionNotionalValuesThePositionAtTheLastPrice() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxPositionNotional(10_000));
    view.positions.put("AAA", 50.0);

    assertThat(buy(g, 50).allowed()).isTrue();
    assertDenied(buy(g, 51), DenialRule.MAX_POSITION_NOTIONAL, 10_000, 10_100);
  }

  @Test
  void maxGrossExposureCountsEverySymbolAndTheWorkingOrders() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxGrossExposure(50_000));
    view.gross = 30_000; // another symbol's position
    view.openingNotional = 10_000; // a working entry

    assertThat(buy(g, 100).allowed()).isTrue(); // + 10,000 = 50,000
    assertDenied(buy(g, 101), DenialRule.MAX_GROSS_EXPOSURE, 50_000, 50_100);
  }

  @Test
  void buyingPowerIsEquityTimesLeverage() {
    PreTradeRiskGate g = gate(RiskLimits.builder().leverage(2));
    view.equity = 10_000;

    assertThat(buy(g, 200).allowed()).isTrue(); // 20,000 = 10,000 × 2
    RiskDecision d = buy(g, 201);
    assertDenied(d, DenialRule.BUYING_POWER, 20_000, 20_100);
    assertThat(d.detail()).contains("buying power 20,000.00").contains("leverage 2.00");
  }

  @Test
  void maxOpenOrdersCountsTheWorkingOrdersAndThisOne() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxOpenOrders(3));
    view.openOrders = 2;
    assertThat(buy(g, 1).allowed()).isTrue();

    view.openOrders = 3;
    assertDenied(buy(g, 1), DenialRule.MAX_OPEN_ORDERS, 3, 4);
  }

  // ---------------------------------------------------------------- throttle, collar, duplicates

  @Test
  void theThrottleDeniesThe101stOrderInOneSecondOfTheEngineClockAndPassesItASecondLater() {
    PreTradeRiskGate g = gate(RiskLimits.builder().maxOrdersPerSecond(100));
    for (int i = 0; i < 100; i++) {
      view.at(FakeView.T0 + i * 5); // 100 orders within 0.5 s
      assertThat(buy(g, 1).allowed()).as("order %d", i + 1).isTrue();
    }

    view.at(FakeView.T0 + 999);
    assertDenied(buy(g, 1), DenialRule.ORDER_RATE, 100, 101);
    view.at(FakeView.T0 + 1_000); // the first order has left the sliding second
    assertThat(buy(g, 1).allowed()).isTrue();
    view.at(FakeView.T0 + 1_004); // the second has not
    assertDenied(buy(g, 1), DenialRule.ORDER_RATE, 100, 101);
  }

  @Test
  void thePriceCollarHoldsLimitAndStopPricesWithinAPercentOfTheLastPrice() {
    PreTradeRiskGate g = gate(RiskLimits.builder().priceCollarPct(10));

    assertThat(g.check(OrderRequest.limit("AAA", Side.BUY, 1, 90, "E"), 1, false, view).allowed())
        .isTrue();
    assertDenied(
        g.check(OrderRequest.limit("AAA", Side.BUY, 1, 89, "E"), 1, false, view),
        DenialRule.PRICE_COLLAR,
        10,
        11);
    assertDenied(
        g.check(OrderRequest.stop("AAA", Side.BUY, 1, 112, "E"), 1, false, view),
        DenialRule.PRICE_COLLAR,
        10,
        12);
    assertThat(buy(g, 1).allowed()).as("a market order has no price to collar").isTrue();
  }

  @Test
  void theDuplicateGuardDeniesTheSameOrderWithinTheWindowUnlessMarkedIntended() {
    PreTradeRiskGate g = gate(RiskLimits.builder().duplicateWindowMillis(5_000));
    OrderRequest order = OrderRequest.limit("AAA", Side.BUY, 10, 99, "E");

    assertThat(g.check(order, 10, false, view).allowed()).isTrue();
    view.at(FakeView.T0 + 4_999);
    RiskDecision d = g.check(order, 10, false, view);
    assertDenied(d, DenialRule.DUPLICATE_ORDER, 5_000, 4_999);
    assertThat(d.detail()).contains("4999 ms ago").contains("duplicate_window 5s");
    assertThat(g.check(order.withAllowDuplicate(true), 10, false, view).allowed())
        .as("marked intended")
        .isTrue();
    assertThat(g.check(OrderRequest.limit("AAA", Side.BUY, 10, 98, "E"), 10, false, view).allowed())
        .as("another price")
        .isTrue();
    assertThat(
            g.check(OrderRequest.limit("AAA", Side.SELL, 10, 99, "E"), 10, false, view).allowed())
        .as("another side")
        .isTrue();
    view.at(FakeView.T0 + 4_999 + 5_000); // the intended duplicate was the last one seen
    assertThat(g.check(order, 10, false, view).allowed()).as("outside the window").isTrue();
  }

  // ---------------------------------------------------------------- data and session

  @Test
  void staleDataDeniesNewExposureWhenTheNewestBarIsOlderThanNIntervals() {
    PreTradeRiskGate g = gate(RiskLimits.builder().staleBars(3));
    view.barTime = FakeView.T0;
    view.clock = FakeView.T0 + 3 * 60_000;
    assertThat(buy(g, 1).allowed()).isTrue();

    view.clock = FakeView.T0 + 3 * 60_000 + 30_000;
    assertDenied(buy(g, 1), DenialRule.STALE_DATA, 3, 3.5);
    view.positions.put("AAA", 5.0);
    assertThat(sell(g, 5).allowed()).as("closing on stale data").isTrue();
  }

  @Test
  void sessionHoursDenyNewExposureOutsideTheRegularSession() {
    PreTradeRiskGate g = gate(RiskLimits.builder().sessionHours(true));
    long nyOpen = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli(); // 09:30 New York

    assertThat(buy(g, 1).allowed()).isTrue(); // 10:00
    view.at(nyOpen);
    assertThat(buy(g, 1).allowed()).as("at the open").isTrue();
    view.at(nyOpen - 60_000);
    RiskDecision d = buy(g, 1);
    assertDenied(d, DenialRule.OUTSIDE_SESSION, Double.NaN, Double.NaN);
    assertThat(d.detail()).contains("2024-01-02T09:29").contains("09:30-16:00");
    view.at(Instant.parse("2024-01-02T21:00:00Z").toEpochMilli()); // 16:00, the close
    assertThat(buy(g, 1).allowed()).isFalse();
    view.positions.put("AAA", 5.0);
    assertThat(sell(g, 5).allowed()).as("closing after the close").isTrue();
  }

  @Test
  void anOvernightSessionWrapsPastMidnight() {
    Instrument fut =
        new Instrument(
            "NQ",
            AssetClass.FUTURE,
            0.25,
            20,
            "USD",
            1,
            ZoneId.of("America/Chicago"),
            LocalTime.of(17, 0),
            LocalTime.of(16, 0));
    FakeView v = new FakeView(fut);
    PreTradeRiskGate g = gate(RiskLimits.builder().sessionHours(true));
    OrderRequest buy = OrderRequest.market("NQ", Side.BUY, 1, "E");

    v.at(Instant.parse("2024-01-02T08:00:00Z").toEpochMilli()); // 02:00 Chicago
    assertThat(g.check(buy, 1, false, v).allowed()).isTrue();
    v.at(Instant.parse("2024-01-02T22:30:00Z").toEpochMilli()); // 16:30, the daily break
    assertThat(g.check(buy, 1, false, v).rule()).isEqualTo(DenialRule.OUTSIDE_SESSION);
    v.at(Instant.parse("2024-01-02T23:00:00Z").toEpochMilli()); // 17:00, the reopen
    assertThat(g.check(buy, 1, false, v).allowed()).isTrue();
  }

  @Test
  void sessionHoursDoNotApplyToDailyBarsNorTo24hInstruments() {
    PreTradeRiskGate g = gate(RiskLimits.builder().sessionHours(true));
    view.at(Instant.parse("2024-01-02T05:00:00Z").toEpochMilli()); // midnight New York
    view.interval = 86_400_000L;
    assertThat(buy(g, 1).allowed()).as("daily bars").isTrue();

    FakeView v = new FakeView(Instrument.crypto("BTC-USD")).at(view.clock);
    assertThat(g.check(OrderRequest.market("BTC-USD", Side.BUY, 1, "E"), 1, false, v).allowed())
        .isTrue();
  }

  // ---------------------------------------------------------------- trading state

  @Test
  void reducingAndHaltedPassOnlyOrdersThatReduceAPosition() {
    AtomicReference<TradingState> state = new AtomicReference<>(TradingState.REDUCING);
    PreTradeRiskGate g =
        new PreTradeRiskGate(RiskLimits.none(), state::get, RiskOverrides.NONE, RiskListener.NONE);
    view.positions.put("AAA", 10.0);

    assertDenied(buy(g, 1), DenialRule.TRADING_REDUCING, Double.NaN, Double.NaN);
    assertThat(sell(g, 4).allowed()).as("partial reduce").isTrue();
    assertThat(sell(g, 10).allowed()).as("close").isTrue();
    assertDenied(sell(g, 11), DenialRule.TRADING_REDUCING, Double.NaN, Double.NaN); // flips
    state.set(TradingState.HALTED);
    assertDenied(buy(g, 1), DenialRule.TRADING_HALTED, Double.NaN, Double.NaN);
    assertThat(
            g.check(OrderRequest.closePosition("AAA", Side.SELL, "X"), 10, false, view).allowed())
        .isTrue();
    assertThat(
            g.check(
                    OrderRequest.limit("AAA", Side.SELL, 50, 101, "X").withReduceOnly(true),
                    50,
                    false,
                    view)
                .allowed())
        .as("reduce-only is cut to the position when it fills")
        .isTrue();
    state.set(TradingState.ACTIVE);
    assertThat(buy(g, 1).allowed()).isTrue();
  }

  @Test
  void reducingOrdersPassTheExposureLimitsButNotTheRunawayGuards() {
    PreTradeRiskGate g =
        gate(
            RiskLimits.builder()
                .maxOrderQuantity(1)
                .maxPositionQuantity(1)
                .leverage(0.01)
                .maxOrdersPerSecond(1)
                .duplicateWindowMillis(1_000));
    view.positions.put("AAA", 10.0);

    assertThat(sell(g, 10).allowed()).isTrue();
    RiskDecision again = sell(g, 10);
    assertThat(again.rule()).isEqualTo(DenialRule.ORDER_RATE);
  }

  @Test
  void protectiveExitsAndReducingStopsPassEverything() {
    PreTradeRiskGate g =
        new PreTradeRiskGate(
            RiskLimits.builder()
                .maxOrdersPerSecond(1)
                .priceCollarPct(1)
                .maxOrderQuantity(1)
                .build(),
            () -> TradingState.HALTED,
            RiskOverrides.NONE,
            RiskListener.NONE);
    view.positions.put("AAA", 10.0);
    OrderRequest farStop =
        OrderRequest.closePosition("AAA", Side.SELL, "StopLoss")
            .withType(io.quantzoo.core.order.OrderType.STOP, Double.NaN, 50);

    assertThat(g.check(farStop, 10, true, view).allowed()).isTrue();
    assertThat(g.check(farStop, 10, true, view).allowed()).as("throttle full").isTrue();
    OrderRequest strategyStop = OrderRequest.stop("AAA", Side.SELL, 10, 50, "MyStop");
    assertThat(g.check(strategyStop, 10, false, view).allowed())
        .as("a strategy's stop that protects its position")
        .isTrue();
  }

  // ---------------------------------------------------------------- daily loss and drawdown

  private static final class Transitions implements RiskListener {
    final List<String> log = new ArrayList<>();

    @Override
    public void onAutomaticTransition(
        TradingState to, DenialRule cause, double limit, double value, long at, long until) {
      log.add(to + " " + cause + " " + limit + " " + value + " " + Instant.ofEpochMilli(until));
    }

    @Override
    public void onOverride(
        RiskOverride o, OrderRequest request, double limit, double value, long clockMillis) {
      log.add("override " + o.rule() + " " + request.tag() + " by " + o.operator() + " " + value);
    }
  }

  @Test
  void theDailyLossHaltsTheRestOfTheSessionDayOnceAndClearsTheNextDay() {
    Transitions heard = new Transitions();
    PreTradeRiskGate g =
        new PreTradeRiskGate(
            RiskLimits.builder().maxDailyLoss(1_000).build(),
            TradingStateSource.ALWAYS_ACTIVE,
            RiskOverrides.NONE,
            heard);
    view.equity = 100_000;
    g.onBars(view); // the day starts at 100,000
    view.at(FakeView.T0 + HOUR);
    view.equity = 99_000; // lost exactly the limit
    g.onBars(view);
    assertThat(buy(g, 1).allowed()).isTrue();

    view.at(FakeView.T0 + 2 * HOUR);
    view.equity = 98_999.5;
    g.onBars(view);
    view.equity = 99_500; // recovering within the day does not lift the halt
    view.at(FakeView.T0 + 3 * HOUR);
    g.onBars(view);

    assertThat(g.latchedState()).isEqualTo(TradingState.HALTED);
    RiskDecision d = buy(g, 1);
    assertDenied(d, DenialRule.DAILY_LOSS, 1_000, 1_000.5);
    assertThat(d.detail()).contains("until the next session day");
    view.positions.put("AAA", 10.0);
    assertThat(sell(g, 10).allowed()).as("closing while halted").isTrue();
    // once, until the start of the next New York day
    assertThat(heard.log).containsExactly("HALTED DAILY_LOSS 1000.0 1000.5 2024-01-03T05:00:00Z");

    view.at(Instant.parse("2024-01-03T14:30:00Z").toEpochMilli());
    g.onBars(view);
    assertThat(g.latchedState()).isEqualTo(TradingState.ACTIVE);
    assertThat(buy(g, 1).allowed()).isTrue();
  }

  @Test
  void theDrawdownFromPeakLatchesReducing() {
    Transitions heard = new Transitions();
    PreTradeRiskGate g =
        new PreTradeRiskGate(
            RiskLimits.builder().maxDrawdownPct(10).build(),
            TradingStateSource.ALWAYS_ACTIVE,
            RiskOverrides.NONE,
            heard);
    view.equity = 100_000;
    g.onBars(view);
    view.equity = 120_000; // the peak
    g.onBars(view);
    view.equity = 108_000; // exactly 10 %
    g.onBars(view);
    assertThat(g.latchedState()).isEqualTo(TradingState.ACTIVE);

    view.equity = 107_000;
    g.onBars(view);

    assertThat(g.state()).isEqualTo(TradingState.REDUCING);
    assertDenied(buy(g, 1), DenialRule.MAX_DRAWDOWN, 10, 100.0 * 13_000 / 120_000);
    assertThat(heard.log).hasSize(1).first().asString().startsWith("REDUCING MAX_DRAWDOWN 10.0");
  }

  @Test
  void theOperatorsStricterStateNamesTheDenial() {
    PreTradeRiskGate g =
        new PreTradeRiskGate(
            RiskLimits.builder().maxDrawdownPct(10).build(),
            () -> TradingState.HALTED,
            RiskOverrides.NONE,
            RiskListener.NONE);
    view.equity = 100;
    g.onBars(view);
    view.equity = 50;
    g.onBars(view);

    assertThat(buy(g, 1).rule()).isEqualTo(DenialRule.TRADING_HALTED);
  }

  // ---------------------------------------------------------------- overrides

  @Test
  void anOverrideLiftsOneRuleForOneNamedOrderOnceAndIsReported() {
    InMemoryRiskOverrides ov = new InMemoryRiskOverrides();
    Transitions heard = new Transitions();
    PreTradeRiskGate g =
        new PreTradeRiskGate(
            RiskLimits.builder().maxOrderQuantity(10).maxOrderNotional(1_500).build(),
            TradingStateSource.ALWAYS_ACTIVE,
            ov,
            heard);
    ov.grant(new RiskOverride(DenialRule.MAX_ORDER_QUANTITY, "AAA", "E", "ops", "block trade"));

    assertThat(sell(g, 12).rule()).as("another tag").isEqualTo(DenialRule.MAX_ORDER_QUANTITY);
    assertThat(buy(g, 12).allowed()).isTrue();
    assertThat(buy(g, 12).rule()).as("used up").isEqualTo(DenialRule.MAX_ORDER_QUANTITY);
    assertThat(heard.log).containsExactly("override MAX_ORDER_QUANTITY E by ops 12.0");
    assertThat(g.overridesUsed()).isEqualTo(1);

    ov.grant(new RiskOverride(DenialRule.MAX_ORDER_QUANTITY, "AAA", "E", "ops", "again"));
    assertThat(buy(g, 16).rule())
        .as("the other rules are still checked")
        .isEqualTo(DenialRule.MAX_ORDER_NOTIONAL);
    assertThat(ov.pending()).isEmpty();
  }

  @Test
  void theOperatorsTradingStateCannotBeOverridden() {
    assertThatThrownBy(
            () -> new RiskOverride(DenialRule.TRADING_HALTED, "AAA", "E", "ops", "please"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRADING_HALTED");
  }

  // ---------------------------------------------------------------- limits

  @Test
  void noneSetsNothingAndTheTradingDefaultsLeaveOnlyTheQuantitiesUnset() {
    assertThat(RiskLimits.none().unsetLimits()).hasSize(14);
    assertThat(RiskLimits.none().isNone()).isTrue();
    RiskLimits d = RiskLimits.defaultsForTrading(100_000);
    assertThat(d.unsetLimits()).containsExactly("max_order_quantity", "max_position_quantity");
    assertThat(d.maxOrdersPerSecond()).isEqualTo(100);
    assertThat(d.priceCollarPct()).isEqualTo(10);
    assertThat(d.maxOrderNotional()).isEqualTo(200_000);
    assertThat(d.maxDailyLoss()).isEqualTo(5_000);
    assertThat(d.asConfig()).containsEntry("duplicate_window", "1s").containsKey("session_hours");
  }

  @Test
  void badLimitsAreRefusedByTheirConfigKey() {
    assertThatThrownBy(() -> RiskLimits.builder().maxOrderNotional(-5).build())
        .hasMessage("max_order_notional must be > 0, was -5.0");
    assertThatThrownBy(() -> RiskLimits.builder().maxDrawdownPct(100).build())
        .hasMessageContaining("max_drawdown_pct");
    assertThatThrownBy(() -> RiskLimits.builder().maxOpenOrders(-1).build())
        .hasMessageContaining("max_open_orders");
    assertThat(RiskLimits.parseDuration("500ms")).isEqualTo(500);
    assertThat(RiskLimits.parseDuration("5s")).isEqualTo(5_000);
    assertThat(RiskLimits.parseDuration("2m")).isEqualTo(120_000);
    assertThatThrownBy(() -> RiskLimits.parseDuration("5 parsecs"))
        .hasMessageContaining("5 parsecs");
  }
}
