package io.quantzoo.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.order.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's books on hand-made fills; every expected number is worked out in the comments. */
class LedgerTest {
  private static final Instrument AAA = Instrument.equity("AAA"); // cash style, point value 1
  private static final Instrument MNQ = InstrumentCatalog.find("MNQ").orElseThrow(); // $2/pt
  private static final Instrument BTC = Instrument.crypto("BTC-USD");
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
  private static final double EPS = 1e-9;

  private long orderSeq;

  /** Applies a fill to symbol 0 at bar {@code bar}, which filled at that bar's open. */
  private Fill fill(
      Ledger l, Side side, double qty, double price, double comm, String tag, int bar) {
    return fill(l, 0, side, qty, price, comm, 0, tag, bar, true);
  }

  private Fill fill(
      Ledger l,
      int s,
      Side side,
      double qty,
      double price,
      double comm,
      double slip,
      String tag,
      int bar,
      boolean atOpen) {
    return l.apply(s, ++orderSeq, side, qty, price, comm, slip, tag, bar, T0 + bar * DAY, atOpen);
  }

  @Test
  void aFreshLedgerHoldsOnlyCashAndKnowsNoPrices() {
    Ledger l = new Ledger(List.of(AAA), 10_000);

    assertThat(l.cash()).isEqualTo(10_000);
    assertThat(l.equity()).isEqualTo(10_000);
    assertThat(l.position(0)).isZero();
    assertThat(l.averagePrice(0)).isNaN();
    assertThat(l.mark(0)).isNaN();
    assertThat(l.grossExposure()).isZero();
    assertThat(l.fills()).isEmpty();
    assertThat(l.trades()).isEmpty();
    assertThat(l.lastFill()).isNull();
  }

  @Test
  void openingALongPaysTheNotionalAndTheCommissionFromCash() {
    Ledger l = new Ledger(List.of(AAA), 10_000);

    Fill f = fill(l, Side.BUY, 10, 100, 1, "E", 3);

    assertThat(l.position(0)).isEqualTo(10);
    assertThat(l.averagePrice(0)).isEqualTo(100);
    assertThat(l.openBar(0)).isEqualTo(3);
    assertThat(l.openTime(0)).isEqualTo(T0 + 3 * DAY);
    // 10,000 - 10 x 100 - 1
    assertThat(l.cash()).isCloseTo(8_999, within(EPS));
    l.mark(0, 102);
    // 8,999 + 10 x 102
    assertThat(l.equity()).isCloseTo(10_019, within(EPS));
    assertThat(l.grossExposure()).isCloseTo(1_020, within(EPS));
    assertThat(f.fillId()).isEqualTo(1);
    assertThat(f.orderId()).isEqualTo(1);
    assertThat(f.symbol()).isEqualTo("AAA");
    assertThat(f.side()).isEqualTo(Side.BUY);
    assertThat(f.quantity()).isEqualTo(10);
    assertThat(f.price()).isEqualTo(100);
    assertThat(f.commission()).isEqualTo(1);
    assertThat(f.barIndex()).isEqualTo(3);
    assertThat(f.timeMillis()).isEqualTo(T0 + 3 * DAY);
    assertThat(l.lastFill()).isSameAs(f);
    assertThat(l.trades()).isEmpty();
  }

  @Test
  void addingToAPositionAveragesTheEntryAtTheVolumeWeightedPrice() {
    Ledger l = new Ledger(List.of(AAA), 10_000);
    fill(l, Side.BUY, 10, 100, 0, "E1", 1);

    fill(l, Side.BUY, 30, 104, 0, "E2", 2);

    // (10 x 100 + 30 x 104) / 40 = (1,000 + 3,120) / 40 = 103
    assertThat(l.position(0)).isEqualTo(40);
    assertThat(l.averagePrice(0)).isCloseTo(103, within(EPS));
    assertThat(l.cash()).isCloseTo(10_000 - 1_000 - 3_120, within(EPS));
    // The position's entry is still the first fill.
    assertThat(l.openBar(0)).isEqualTo(1);
    assertThat(l.openTime(0)).isEqualTo(T0 + DAY);

    fill(l, Side.SELL, 40, 105, 0, "X", 3);
    Trade t = l.trades().get(0);
    assertThat(t.entryPrice()).isCloseTo(103, within(EPS));
    assertThat(t.grossPnl()).isCloseTo(80, within(EPS)); // (105 - 103) x 40
    assertThat(t.entryReason()).isEqualTo("E1");
    assertThat(t.barsHeld()).isEqualTo(2);
  }

  @Test
  void aPartialCloseBooksATradeForTheClosedPartWithItsShareOfTheEntryCommission() {
    Ledger l = new Ledger(List.of(AAA), 10_000);
    fill(l, Side.BUY, 10, 100, 1, "E", 1);
    fill(l, Side.BUY, 10, 110, 1, "E", 2); // 20 @ 105, entry commission 2

    fill(l, Side.SELL, 5, 120, 2, "Trim", 3);

    Trade part = l.trades().get(0);
    assertThat(part.tradeId()).isEqualTo(1);
    assertThat(part.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(part.quantity()).isEqualTo(5);
    assertThat(part.entryPrice()).isCloseTo(105, within(EPS));
    assertThat(part.exitPrice()).isEqualTo(120);
    assertThat(part.grossPnl()).isCloseTo(75, within(EPS)); // (120 - 105) x 5
    // 5 of 20 closed: 2 x 5/20 = 0.5 of the entry commission, plus the exit's 2.
    assertThat(part.commission()).isCloseTo(2.5, within(EPS));
    assertThat(part.netPnl()).isCloseTo(72.5, within(EPS));
    // net over the entry notional 105 x 5 = 525
    assertThat(part.returnPct()).isCloseTo(72.5 / 525 * 100, within(EPS));
    assertThat(part.barsHeld()).isEqualTo(2); // bar 3 - bar 1
    assertThat(part.entryTimeMillis()).isEqualTo(T0 + DAY);
    assertThat(part.exitTimeMillis()).isEqualTo(T0 + 3 * DAY);
    assertThat(part.exitReason()).isEqualTo("Trim");
    // The rest stays open at the same average.
    assertThat(l.position(0)).isEqualTo(15);
    assertThat(l.averagePrice(0)).isCloseTo(105, within(EPS));
    // 10,000 - 1,001 - 1,101 - 2 + 600
    assertThat(l.cash()).isCloseTo(8_496, within(EPS));

    fill(l, Side.SELL, 15, 100, 2, "X", 4);

    Trade rest = l.trades().get(1);
    assertThat(rest.quantity()).isEqualTo(15);
    assertThat(rest.grossPnl()).isCloseTo(-75, within(EPS)); // (100 - 105) x 15
    assertThat(rest.commission()).isCloseTo(3.5, within(EPS)); // remaining 1.5 + exit 2
    assertThat(rest.netPnl()).isCloseTo(-78.5, within(EPS));
    assertThat(l.position(0)).isZero();
    assertThat(l.averagePrice(0)).isNaN();
    // Cash conservation: 10,000 + 75 - 75 - commissions (1 + 1 + 2 + 2) = 9,994.
    assertThat(l.cash()).isCloseTo(9_994, within(EPS));
    assertThat(l.equity()).isCloseTo(9_994, within(EPS));
  }

  @Test
  void aFillLargerThanThePositionClosesItAndOpensTheOppositeWithTheRemainder() {
    Ledger l = new Ledger(List.of(AAA), 10_000);
    fill(l, Side.BUY, 10, 100, 2, "L", 1);

    fill(l, 0, Side.SELL, 25, 110, 5, 2.5, "S", 2, true);

    Trade longLeg = l.trades().get(0);
    assertThat(longLeg.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(longLeg.quantity()).isEqualTo(10);
    assertThat(longLeg.grossPnl()).isCloseTo(100, within(EPS)); // (110 - 100) x 10
    // entry 2 + the reversing fill's share 5 x 10/25 = 2
    assertThat(longLeg.commission()).isCloseTo(4, within(EPS));
    assertThat(longLeg.slippage()).isCloseTo(1, within(EPS)); // 2.5 x 10/25
    assertThat(longLeg.netPnl()).isCloseTo(96, within(EPS));
    assertThat(longLeg.exitReason()).isEqualTo("S");
    assertThat(l.trades()).hasSize(1);
    // The remaining 15 open a short at the fill price, entered by the reversing fill.
    assertThat(l.position(0)).isEqualTo(-15);
    assertThat(l.averagePrice(0)).isEqualTo(110);
    assertThat(l.openBar(0)).isEqualTo(2);
    // 10,000 - 1,000 - 2 (buy) - 5 (commission once) + 1,100 (sell 10) + 1,650 (short 15)
    assertThat(l.cash()).isCloseTo(11_743, within(EPS));
    l.mark(0, 110);
    assertThat(l.equity()).isCloseTo(10_093, within(EPS)); // 10,000 + 100 - 2 - 5

    fill(l, Side.BUY, 15, 100, 0, "C", 3);

    Trade shortLeg = l.trades().get(1);
    assertThat(shortLeg.direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(shortLeg.entryPrice()).isEqualTo(110);
    assertThat(shortLeg.grossPnl()).isCloseTo(150, within(EPS)); // (110 - 100) x 15
    assertThat(shortLeg.commission()).isCloseTo(3, within(EPS)); // 5 x 15/25 carried
    assertThat(shortLeg.slippage()).isCloseTo(1.5, within(EPS)); // 2.5 x 15/25 carried
    assertThat(shortLeg.netPnl()).isCloseTo(147, within(EPS));
    assertThat(shortLeg.entryReason()).isEqualTo("S");
    assertThat(l.position(0)).isZero();
    // 11,743 - 1,500 = 10,000 + 96 + 147
    assertThat(l.cash()).isCloseTo(10_243, within(EPS));
  }

  @Test
  void cashStyleMovesTheNotionalThroughCashMarginStyleOnlyTheProfitAndLoss() {
    Ledger l = new Ledger(List.of(MNQ, AAA), 10_000);
    int mnq = l.indexOf("MNQ");
    int aaa = l.indexOf("AAA");
    assertThat(mnq).isZero();
    assertThat(aaa).isEqualTo(1);
    assertThat(l.indexOf("ES")).isEqualTo(-1);

    fill(l, mnq, Side.BUY, 2, 20_000, 1.24, 0, "F", 1, true);
    fill(l, aaa, Side.BUY, 2, 200, 0, 0, "S", 1, true);

    // Futures: only the commission leaves cash. Equity: 2 x 200 left cash.
    assertThat(l.cash()).isCloseTo(10_000 - 1.24 - 400, within(EPS));
    l.mark(mnq, 20_010);
    l.mark(aaa, 210);
    // cash 9,598.76 + MNQ open P&L 2 x (20,010 - 20,000) x $2 = 40 + AAA value 2 x 210 = 420
    assertThat(l.equity()).isCloseTo(9_598.76 + 40 + 420, within(EPS));
    // |2| x 20,010 x 2 + 2 x 210
    assertThat(l.grossExposure()).isCloseTo(80_040 + 420, within(EPS));

    fill(l, mnq, Side.SELL, 2, 20_005, 1.24, 0, "X", 2, true);

    Trade t = l.trades().get(0);
    assertThat(t.grossPnl()).isCloseTo(20, within(EPS)); // 2 x 5 points x $2
    assertThat(t.commission()).isCloseTo(2.48, within(EPS));
    assertThat(t.netPnl()).isCloseTo(17.52, within(EPS));
    // over the entry notional 20,000 x 2 x $2 = 80,000
    assertThat(t.returnPct()).isCloseTo(17.52 / 80_000 * 100, within(EPS));
    // 9,598.76 + 20 - 1.24
    assertThat(l.cash()).isCloseTo(9_617.52, within(EPS));
  }

  @Test
  void aMarginStyleShortGainsWhenThePriceFalls() {
    Ledger l = new Ledger(List.of(MNQ), 10_000);

    fill(l, Side.SELL, 1, 20_000, 0, "S", 1);
    l.mark(0, 19_990);

    assertThat(l.cash()).isEqualTo(10_000); // no notional for futures
    // -1 x (19,990 - 20,000) x $2
    assertThat(l.equity()).isCloseTo(10_020, within(EPS));
    assertThat(l.grossExposure()).isCloseTo(39_980, within(EPS));
  }

  @Test
  void aCashStyleShortReceivesTheNotionalAndOwesTheValueAtTheMark() {
    Ledger l = new Ledger(List.of(AAA), 10_000);

    fill(l, Side.SELL, 10, 50, 0, "S", 1);
    l.mark(0, 45);

    assertThat(l.cash()).isCloseTo(10_500, within(EPS));
    assertThat(l.equity()).isCloseTo(10_050, within(EPS)); // 10,500 - 10 x 45
    assertThat(l.grossExposure()).isCloseTo(450, within(EPS));
  }

  @Test
  void theAveragePriceIsNaNWhenFlatAndANewPositionStartsFromItsOwnFill() {
    Ledger l = new Ledger(List.of(AAA), 10_000);
    fill(l, Side.BUY, 10, 100, 0, "E", 1);
    fill(l, Side.SELL, 10, 90, 0, "X", 2);
    assertThat(l.averagePrice(0)).isNaN();

    fill(l, Side.BUY, 5, 80, 0, "E2", 3);

    assertThat(l.averagePrice(0)).isEqualTo(80); // not blended with the old 100
    assertThat(l.openBar(0)).isEqualTo(3);
  }

  @Test
  void floatDustLeftByAClosingFillLeavesThePositionFlat() {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point; selling 0.3 leaves 5.6e-17,
    // below 1e-12 x max(1, |position|): that is dust, not a position.
    Ledger l = new Ledger(List.of(BTC), 10_000);
    fill(l, Side.BUY, 0.1, 100, 0, "E", 1);
    fill(l, Side.BUY, 0.2, 100, 0, "E", 1);
    assertThat(l.position(0)).isEqualTo(0.30000000000000004);

    fill(l, Side.SELL, 0.3, 110, 0, "X", 2);

    assertThat(l.position(0)).isEqualTo(0.0);
    assertThat(l.averagePrice(0)).isNaN();
    assertThat(l.trades()).hasSize(1);
    assertThat(l.trades().get(0).quantity()).isEqualTo(0.3);
  }

  @Test
  void aReversalRemainderBelowTheDustThresholdOpensNoPosition() {
    // Long 0.3; sell 0.1 + 0.2 = 0.30000000000000004. The remainder 5.6e-17 is below
    // 1e-12 x 0.30000000000000004 = 3e-13: no short of 5.6e-17 is opened.
    Ledger l = new Ledger(List.of(BTC), 10_000);
    fill(l, Side.BUY, 0.3, 100, 0, "E", 1);

    fill(l, Side.SELL, 0.1 + 0.2, 110, 0, "X", 2);

    assertThat(l.position(0)).isEqualTo(0.0);
    assertThat(l.averagePrice(0)).isNaN();
    assertThat(l.trades()).hasSize(1);
    assertThat(l.trades().get(0).quantity()).isEqualTo(0.3);
  }

  @Test
  void aReversalRemainderAboveTheDustThresholdOpensTheOppositePosition() {
    // Remainder 1e-9 > 1e-12 x 0.300000001: a real (tiny) short.
    Ledger l = new Ledger(List.of(BTC), 10_000);
    fill(l, Side.BUY, 0.3, 100, 0, "E", 1);

    fill(l, Side.SELL, 0.300000001, 110, 0, "X", 2);

    assertThat(l.position(0)).isCloseTo(-1e-9, within(1e-15));
    assertThat(l.averagePrice(0)).isEqualTo(110);
  }

  // ---------------------------------------------------------------- excursions

  /**
   * Long 1 @100 at bar 1, then bar 1's range 80-120 is observed, bar 2's 98-105, and the position
   * is sold at bar 3's open at 103.
   */
  private static Trade excursionTrade(boolean entryAtOpen) {
    Ledger l = new Ledger(List.of(AAA), 10_000);
    l.apply(0, 1, Side.BUY, 1, 100, 0, 0, "E", 1, T0 + DAY, entryAtOpen);
    l.observeBar(0, 1, 120, 80);
    l.observeBar(0, 2, 105, 98);
    l.apply(0, 2, Side.SELL, 1, 103, 0, 0, "X", 3, T0 + 3 * DAY, true);
    return l.trades().get(0);
  }

  @Test
  void excursionsOfAnIntrabarEntryCountFromTheFirstFullBarAfterIt() {
    // Filled inside bar 1: where bar 1 went after the fill is unknown, so its 80-120 range does
    // not count. Highest seen: max(entry 100, bar 2 high 105, exit 103) = 105; lowest: 98.
    Trade t = excursionTrade(false);

    assertThat(t.mfe()).isCloseTo(5, within(EPS)); // (105 - 100) x 1
    assertThat(t.mae()).isCloseTo(-2, within(EPS)); // (98 - 100) x 1
  }

  @Test
  void excursionsOfAnEntryAtTheOpenCountTheEntryBarsWholeRange() {
    // Filled at bar 1's open: all of bar 1 happened with the position open. 120 and 80 count.
    Trade t = excursionTrade(true);

    assertThat(t.mfe()).isCloseTo(20, within(EPS));
    assertThat(t.mae()).isCloseTo(-20, within(EPS));
  }

  @Test
  void excursionsOfAShortAreMirrored() {
    // Short 2 @100 at bar 1's open; bar 1 ranges 97-104; bought back at bar 2's open at 99.
    Ledger l = new Ledger(List.of(AAA), 10_000);
    l.apply(0, 1, Side.SELL, 2, 100, 0, 0, "S", 1, T0 + DAY, true);
    l.observeBar(0, 1, 104, 97);
    l.apply(0, 2, Side.BUY, 2, 99, 0, 0, "C", 2, T0 + 2 * DAY, true);

    Trade t = l.trades().get(0);
    assertThat(t.mfe()).isCloseTo(6, within(EPS)); // (100 - 97) x 2
    assertThat(t.mae()).isCloseTo(-8, within(EPS)); // (100 - 104) x 2
    assertThat(t.grossPnl()).isCloseTo(2, within(EPS)); // (100 - 99) x 2
  }

  @Test
  void excursionsOfAFuturesTradeAreInCurrencyAndBarsSeenWhileFlatDoNotCount() {
    Ledger l = new Ledger(List.of(MNQ), 10_000);
    l.observeBar(0, 0, 30_000, 10_000); // flat: ignored
    l.apply(0, 1, Side.BUY, 1, 20_000, 0, 0, "E", 1, T0 + DAY, true);
    l.observeBar(0, 1, 20_010, 19_995);
    l.apply(0, 2, Side.SELL, 1, 20_004, 0, 0, "X", 2, T0 + 2 * DAY, true);

    Trade t = l.trades().get(0);
    assertThat(t.mfe()).isCloseTo(20, within(EPS)); // 10 points x $2
    assertThat(t.mae()).isCloseTo(-10, within(EPS)); // -5 points x $2
  }

  @Test
  void theExitFillPriceItselfCountsInTheExcursions() {
    // No bar observed while open: the extremes are the entry and the exit prices.
    Ledger l = new Ledger(List.of(AAA), 10_000);
    l.apply(0, 1, Side.BUY, 1, 100, 0, 0, "E", 1, T0 + DAY, false);
    l.apply(0, 2, Side.SELL, 1, 96, 0, 0, "StopLoss", 1, T0 + DAY, false);

    Trade t = l.trades().get(0);
    assertThat(t.mae()).isCloseTo(-4, within(EPS));
    assertThat(t.mfe()).isZero();
    assertThat(t.barsHeld()).isZero();
  }

  // ---------------------------------------------------------------- transfers, validation

  @Test
  void transfersMoveCashInAndOutWithoutFillsOrTrades() {
    // A portfolio sleeve starts at 0 and is funded by transfers.
    Ledger l = new Ledger(List.of(AAA), 0);
    l.transfer(5_000);
    assertThat(l.cash()).isEqualTo(5_000);

    fill(l, Side.BUY, 10, 100, 0, "E", 1);
    l.transfer(-1_000);
    l.mark(0, 100);

    assertThat(l.cash()).isCloseTo(3_000, within(EPS)); // 5,000 - 1,000 - 1,000
    assertThat(l.equity()).isCloseTo(4_000, within(EPS)); // 3,000 + 10 x 100
    assertThat(l.fills()).hasSize(1);
    assertThat(l.trades()).isEmpty();
  }

  @Test
  void aLedgerNeedsInstrumentsWithUniqueSymbolsAndNonNegativeFiniteCash() {
    assertThatThrownBy(() -> new Ledger(List.of(), 1_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ledger(List.of(AAA, AAA), 1_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AAA");
    assertThatThrownBy(() -> new Ledger(List.of(AAA), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ledger(List.of(AAA), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ledger(List.of(AAA), Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Ledger(List.of(AAA), 0).cash()).isZero();
  }

  @Test
  void fillsAndTradesAreNumberedFromOneInTheOrderTheyHappened() {
    Ledger l = new Ledger(List.of(AAA), 10_000);
    fill(l, Side.BUY, 1, 100, 0, "E", 1);
    fill(l, Side.SELL, 1, 101, 0, "X", 2);
    fill(l, Side.SELL, 1, 102, 0, "E", 3);
    fill(l, Side.BUY, 1, 100, 0, "X", 4);

    assertThat(l.fills()).extracting(Fill::fillId).containsExactly(1L, 2L, 3L, 4L);
    assertThat(l.fills()).extracting(Fill::orderId).containsExactly(1L, 2L, 3L, 4L);
    assertThat(l.trades()).extracting(Trade::tradeId).containsExactly(1L, 2L);
    assertThat(l.trades())
        .extracting(Trade::direction)
        .containsExactly(Trade.Direction.LONG, Trade.Direction.SHORT);
    assertThatThrownBy(() -> l.fills().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
