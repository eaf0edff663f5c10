package io.quantzoo.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.order.OrderManager.Order;
import io.quantzoo.core.order.OrderManager.Transition;
import org.junit.jupiter.api.Test;

/**
 * The order state machine, transition by transition (the table is on {@link OrderState}), driven by
 * hand-made venue events.
 */
class OrderManagerTest {
  private static final String SYM = "MNQ";
  private static final long T0 = 1_700_000_000_000L;
  private static final double EPS = 1e-9;

  private static OrderRequest buyLimit(double qty, double price) {
    return OrderRequest.limit(SYM, Side.BUY, qty, price, "E");
  }

  private static OrderRequest sellLimit(double qty, double price) {
    return OrderRequest.limit(SYM, Side.SELL, qty, price, "X");
  }

  /** A book with one buy limit of {@code qty} registered (#1). */
  private static Order registered(OrderManager m, double qty) {
    return m.register(buyLimit(qty, 100), qty, T0);
  }

  /** A book with one buy limit of {@code qty} registered and accepted (#1). */
  private static Order working(OrderManager m, double qty) {
    Order o = registered(m, qty);
    assertThat(m.apply(accepted(o.id()))).isEqualTo(Transition.APPLIED);
    return o;
  }

  private static OrderAccepted accepted(OrderId id) {
    return new OrderAccepted(id, SYM, T0 + 1, T0 + 2);
  }

  private static OrderFilled fill(
      OrderId id, String execId, double qty, double price, double leaves) {
    return new OrderFilled(
        id, SYM, execId, Side.BUY, qty, price, 0, 0, leaves, "E", 1, false, T0 + 3, T0 + 4);
  }

  private static OrderCanceled canceled(OrderId id) {
    return new OrderCanceled(id, SYM, CancelReason.REQUESTED, T0 + 5, T0 + 6);
  }

  private static OrderCancelRejected cancelRejected(OrderId id) {
    return new OrderCancelRejected(id, SYM, "too late", T0 + 5, T0 + 6);
  }

  // ---------------------------------------------------------------- submit, accept, refuse

  @Test
  void aRegisteredOrderIsSubmittedWithItsQuantityWorkingAndNothingFilled() {
    OrderManager m = new OrderManager();
    Order o = registered(m, 10);

    assertThat(o.id()).isEqualTo(new OrderId(1));
    assertThat(o.state()).isEqualTo(OrderState.SUBMITTED);
    assertThat(m.state(o.id())).isEqualTo(OrderState.SUBMITTED);
    assertThat(o.quantity()).isEqualTo(10);
    assertThat(o.leavesQuantity()).isEqualTo(10);
    assertThat(o.filledQuantity()).isZero();
    assertThat(o.averageFillPrice()).isNaN();
    assertThat(o.updatedAt()).isEqualTo(T0);
    assertThat(o.symbol()).isEqualTo(SYM);
    assertThat(m.submittedCount()).isEqualTo(1);
    assertThat(m.openOrders()).containsExactly(o);
    assertThat(m.hasOpenOrders()).isTrue();
  }

  @Test
  void acceptedMovesASubmittedOrderToAcceptedAndStampsTheReceiptTime() {
    OrderManager m = new OrderManager();
    Order o = registered(m, 10);

    assertThat(m.apply(accepted(o.id()))).isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(o.updatedAt()).isEqualTo(T0 + 2); // tsInit, when we learned of it
    assertThat(o.leavesQuantity()).isEqualTo(10);
  }

  @Test
  void rejectedEndsASubmittedOrderAndCountsIt() {
    OrderManager m = new OrderManager();
    Order o = registered(m, 10);

    Transition t = m.apply(new OrderRejected(o.id(), SYM, "201", "no margin", T0, T0));

    assertThat(t).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.REJECTED);
    assertThat(o.leavesQuantity()).isZero(); // terminal: nothing works any more
    assertThat(m.rejectedCount()).isEqualTo(1);
    assertThat(m.deniedCount()).isZero();
    assertThat(m.hasOpenOrders()).isFalse();
  }

  @Test
  void rejectedOfAnAcceptedOrderIsAnAnomaly() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    assertThat(m.apply(new OrderRejected(o.id(), SYM, "", "late reject", T0, T0)))
        .isEqualTo(Transition.ANOMALY);

    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(m.rejectedCount()).isZero();
    assertThat(m.anomalyCount()).isEqualTo(1);
  }

  @Test
  void deniedEndsASubmittedOrderBeforeItReachesTheVenue() {
    OrderManager m = new OrderManager();
    Order o = registered(m, 10);

    Transition t =
        m.apply(new OrderDenied(o.id(), SYM, DenialRule.RISK_GATE, "max_order_qty", T0, T0));

    assertThat(t).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.DENIED);
    assertThat(m.deniedCount()).isEqualTo(1);
    assertThat(m.rejectedCount()).isZero();
  }

  @Test
  void deniedEndsAnAcceptedOrderThatIsSizedAtFillTime() {
    // A simulated venue sizes SIZED orders when they come to fill; a size of 0 then denies the
    // order the venue had already accepted.
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    Transition t =
        m.apply(new OrderDenied(o.id(), SYM, DenialRule.SIZE_ZERO, "qty 0", T0 + 9, T0 + 9));

    assertThat(t).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.DENIED);
    assertThat(m.deniedCount()).isEqualTo(1);
  }

  @Test
  void deniedOfAPartlyFilledOrderIsAnAnomaly() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 4, 100, 6));

    assertThat(m.apply(new OrderDenied(o.id(), SYM, DenialRule.SIZE_ZERO, "", T0, T0)))
        .isEqualTo(Transition.ANOMALY);
    assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(m.deniedCount()).isZero();
  }

  // ---------------------------------------------------------------- fills

  @Test
  void partialFillsAccumulateQuantityAndAveragePriceUntilTheOrderIsFilled() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    assertThat(m.apply(fill(o.id(), "e1", 4, 100, 6))).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(o.filledQuantity()).isEqualTo(4);
    assertThat(o.leavesQuantity()).isEqualTo(6);
    assertThat(o.averageFillPrice()).isCloseTo(100, within(EPS));

    assertThat(m.apply(fill(o.id(), "e2", 2, 101, 4))).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    // 4 @100 + 2 @101 = 602 over 6
    assertThat(o.filledQuantity()).isEqualTo(6);
    assertThat(o.leavesQuantity()).isEqualTo(4);
    assertThat(o.averageFillPrice()).isCloseTo(602.0 / 6, within(EPS));
    assertThat(m.filledCount()).isZero(); // not filled yet

    assertThat(m.apply(fill(o.id(), "e3", 4, 104, 0))).isEqualTo(Transition.APPLIED);
    // 400 + 202 + 416 = 1018 over 10 = 101.8
    assertThat(o.state()).isEqualTo(OrderState.FILLED);
    assertThat(o.filledQuantity()).isEqualTo(10);
    assertThat(o.leavesQuantity()).isZero();
    assertThat(o.averageFillPrice()).isCloseTo(101.8, within(EPS));
    assertThat(m.filledCount()).isEqualTo(1);
    assertThat(m.hasOpenOrders()).isFalse();
  }

  @Test
  void aFillWithAnExecutionIdSeenBeforeIsADuplicateAndChangesNothing() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 4, 100, 6));

    assertThat(m.apply(fill(o.id(), "e1", 4, 100, 6))).isEqualTo(Transition.DUPLICATE);
    assertThat(o.filledQuantity()).isEqualTo(4);
    assertThat(o.leavesQuantity()).isEqualTo(6);

    // The check covers every execution of the order, not only the first one.
    m.apply(fill(o.id(), "e2", 3, 102, 3));
    assertThat(m.apply(fill(o.id(), "e2", 3, 102, 3))).isEqualTo(Transition.DUPLICATE);
    assertThat(m.apply(fill(o.id(), "e1", 4, 100, 6))).isEqualTo(Transition.DUPLICATE);
    assertThat(o.filledQuantity()).isEqualTo(7);
    assertThat(o.averageFillPrice()).isCloseTo((400 + 306) / 7.0, within(EPS));
    assertThat(m.anomalyCount()).isZero(); // a duplicate is expected traffic, not an anomaly
  }

  @Test
  void aSizedOrderEndsFilledWithTheQuantityTheVenueDecided() {
    // Registered with an estimate of 10; the venue sized it to 7 at the fill.
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    m.apply(fill(o.id(), "e1", 7, 100, 0));

    assertThat(o.state()).isEqualTo(OrderState.FILLED);
    assertThat(o.quantity()).isEqualTo(7);
    assertThat(o.filledQuantity()).isEqualTo(7);
  }

  // ---------------------------------------------------------------- cancel

  @Test
  void aCancelRequestMakesTheOrderPendingCancelUntilTheVenueConfirms() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    assertThat(m.requestCancel(o.id(), T0 + 10)).isTrue();
    assertThat(o.state()).isEqualTo(OrderState.PENDING_CANCEL);
    assertThat(o.state().isOpen()).isTrue(); // it may still fill
    assertThat(o.updatedAt()).isEqualTo(T0 + 10);
    assertThat(m.requestCancel(o.id(), T0 + 11)).isTrue(); // asking twice changes nothing
    assertThat(o.state()).isEqualTo(OrderState.PENDING_CANCEL);

    assertThat(m.apply(canceled(o.id()))).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.CANCELED);
    assertThat(m.canceledCount()).isEqualTo(1);
    assertThat(m.requestCancel(o.id(), T0 + 12)).isFalse(); // nothing left to cancel
  }

  @Test
  void aFillThatArrivesAfterTheCancelRequestIsAppliedAndTheOrderEndsFilled() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.requestCancel(o.id(), T0 + 10);

    assertThat(m.apply(fill(o.id(), "e1", 10, 99, 0))).isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.FILLED);
    assertThat(o.filledQuantity()).isEqualTo(10);
    assertThat(m.filledCount()).isEqualTo(1);
    // The venue's answer to the cancel comes too late to change anything.
    assertThat(m.apply(canceled(o.id()))).isEqualTo(Transition.ANOMALY);
    assertThat(o.state()).isEqualTo(OrderState.FILLED);
    assertThat(m.canceledCount()).isZero();
  }

  @Test
  void aPartialFillWhileACancelIsPendingIsCountedAndTheCancelStillPending() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.requestCancel(o.id(), T0 + 10);

    assertThat(m.apply(fill(o.id(), "e1", 3, 99, 7))).isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.PENDING_CANCEL);
    assertThat(o.filledQuantity()).isEqualTo(3);
    assertThat(o.leavesQuantity()).isEqualTo(7);
    // Refused: back to where it would have been without the request, partly filled.
    m.apply(cancelRejected(o.id()));
    assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
  }

  @Test
  void aFillThatArrivesAfterTheVenueReportedCanceledIsALateFillAndStillCounts() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.requestCancel(o.id(), T0 + 10);
    m.apply(canceled(o.id()));

    assertThat(m.apply(fill(o.id(), "e1", 4, 98, 6))).isEqualTo(Transition.LATE_FILL);

    assertThat(o.state()).isEqualTo(OrderState.CANCELED); // as the venue last reported it
    assertThat(o.filledQuantity()).isEqualTo(4);
    assertThat(o.averageFillPrice()).isCloseTo(98, within(EPS));
    assertThat(m.filledCount()).isZero();
    assertThat(m.anomalyCount()).isZero();
    // ... and a second copy of it is still a duplicate
    assertThat(m.apply(fill(o.id(), "e1", 4, 98, 6))).isEqualTo(Transition.DUPLICATE);
    assertThat(o.filledQuantity()).isEqualTo(4);
  }

  @Test
  void aRejectedCancelReturnsAnAcceptedOrderToAccepted() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.requestCancel(o.id(), T0 + 10);

    assertThat(m.apply(cancelRejected(o.id()))).isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(o.leavesQuantity()).isEqualTo(10);
    assertThat(m.canceledCount()).isZero();
  }

  @Test
  void aRejectedCancelReturnsAPartlyFilledOrderToPartiallyFilled() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 4, 100, 6));
    m.requestCancel(o.id(), T0 + 10);

    m.apply(cancelRejected(o.id()));

    assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(o.leavesQuantity()).isEqualTo(6);
  }

  @Test
  void aCancelRequestedBeforeTheVenueAcknowledgedSurvivesTheAcknowledgement() {
    OrderManager m = new OrderManager();
    Order o = registered(m, 10);
    m.requestCancel(o.id(), T0 + 1);

    assertThat(m.apply(accepted(o.id()))).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.PENDING_CANCEL);

    // The venue refuses the cancel: the order is working, so ACCEPTED (not SUBMITTED).
    m.apply(cancelRejected(o.id()));
    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
  }

  @Test
  void aCancelRejectedWithoutACancelRequestIsAnAnomaly() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    assertThat(m.apply(cancelRejected(o.id()))).isEqualTo(Transition.ANOMALY);
    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(m.anomalyCount()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- replace

  @Test
  void aReplaceRequestRegistersTheReplacementWithTheNewTermsAndLeavesTheOriginalPending() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);

    Order r = m.requestReplace(o.id(), Double.NaN, 99.5, Double.NaN, T0 + 20);

    assertThat(r).isNotNull();
    assertThat(r.id()).isEqualTo(new OrderId(2));
    assertThat(r.state()).isEqualTo(OrderState.SUBMITTED);
    assertThat(r.request().limitPrice()).isEqualTo(99.5);
    assertThat(r.request().quantity()).isEqualTo(10); // NaN kept the quantity
    assertThat(r.quantity()).isEqualTo(10);
    assertThat(o.state()).isEqualTo(OrderState.PENDING_REPLACE);
    assertThat(o.replacedBy()).isEqualTo(r.id());
    assertThat(m.submittedCount()).isEqualTo(1); // the same order carrying on
    assertThat(m.size()).isEqualTo(2);
    // One replace at a time.
    assertThat(m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0 + 21)).isNull();
  }

  @Test
  void onlyAWorkingOrderCanBeReplaced() {
    OrderManager m = new OrderManager();
    Order submitted = registered(m, 10);
    assertThat(m.requestReplace(submitted.id(), 5, Double.NaN, Double.NaN, T0)).isNull();

    Order filled = m.register(buyLimit(1, 100), 1, T0);
    m.apply(accepted(filled.id()));
    m.apply(fill(filled.id(), "f1", 1, 100, 0));
    assertThat(m.requestReplace(filled.id(), 5, Double.NaN, Double.NaN, T0)).isNull();

    Order canceling = m.register(buyLimit(1, 100), 1, T0);
    m.apply(accepted(canceling.id()));
    m.requestCancel(canceling.id(), T0);
    assertThat(m.requestReplace(canceling.id(), 5, Double.NaN, Double.NaN, T0)).isNull();

    assertThat(m.size()).isEqualTo(3); // no replacement was registered
  }

  @Test
  void replacedMakesTheOriginalReplacedAndTheReplacementAcceptedWithTheNewTerms() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    Order r = m.requestReplace(o.id(), 12, 99.5, Double.NaN, T0 + 20);

    Transition t =
        m.apply(new OrderReplaced(o.id(), r.id(), SYM, 12, 99.5, Double.NaN, T0 + 21, T0 + 21));

    assertThat(t).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.REPLACED);
    assertThat(o.leavesQuantity()).isZero();
    assertThat(r.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(r.request().quantity()).isEqualTo(12);
    assertThat(r.request().limitPrice()).isEqualTo(99.5);
    assertThat(r.leavesQuantity()).isEqualTo(12);
    assertThat(m.replacedCount()).isEqualTo(1);
    assertThat(m.openOrders()).containsExactly(r);
    assertThat(m.workingQuantity(SYM)).isEqualTo(12);
  }

  @Test
  void aReplacementOfAPartlyFilledOrderCarriesItsFills() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 4, 100, 6));
    Order r = m.requestReplace(o.id(), Double.NaN, 101, Double.NaN, T0 + 20);

    m.apply(new OrderReplaced(o.id(), r.id(), SYM, 10, 101, Double.NaN, T0 + 21, T0 + 21));

    assertThat(r.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(r.filledQuantity()).isEqualTo(4);
    assertThat(r.leavesQuantity()).isEqualTo(6); // 10 - 4
    assertThat(r.averageFillPrice()).isCloseTo(100, within(EPS));
  }

  @Test
  void aReplacedEventThatNamesAnotherReplacementIsAnAnomaly() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    Order r = m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0);

    Transition t =
        m.apply(new OrderReplaced(o.id(), new OrderId(7), SYM, 10, 99, Double.NaN, T0, T0));

    assertThat(t).isEqualTo(Transition.ANOMALY);
    assertThat(o.state()).isEqualTo(OrderState.PENDING_REPLACE);
    assertThat(r.state()).isEqualTo(OrderState.SUBMITTED);
  }

  @Test
  void aRefusedReplaceReturnsTheOriginalToItsStateAndRejectsTheReplacement() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    Order r = m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0 + 20);

    assertThat(m.apply(cancelRejected(o.id()))).isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(o.replacedBy()).isNull();
    assertThat(o.request().limitPrice()).isEqualTo(100); // the old terms still work
    assertThat(r.state()).isEqualTo(OrderState.REJECTED);
    assertThat(m.rejectedCount()).isEqualTo(1);
    assertThat(m.replacedCount()).isZero();
    assertThat(m.openOrders()).containsExactly(o);
    assertThat(m.workingQuantity(SYM)).isEqualTo(10);
    // ... and it may be replaced again
    assertThat(m.requestReplace(o.id(), Double.NaN, 98, Double.NaN, T0 + 30)).isNotNull();
  }

  @Test
  void aRefusedReplaceOfAPartlyFilledOrderReturnsItToPartiallyFilled() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 4, 100, 6));
    Order r = m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0 + 20);

    m.apply(cancelRejected(o.id()));

    assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(r.state()).isEqualTo(OrderState.REJECTED);
  }

  @Test
  void aFillWhileAReplaceIsPendingIsAppliedToTheOriginal() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    Order r = m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0 + 20);

    assertThat(m.apply(fill(o.id(), "e1", 4, 100, 6))).isEqualTo(Transition.APPLIED);
    assertThat(o.state()).isEqualTo(OrderState.PENDING_REPLACE);
    assertThat(o.filledQuantity()).isEqualTo(4);

    // The replace then goes through: the replacement carries the fill.
    m.apply(new OrderReplaced(o.id(), r.id(), SYM, 10, 99, Double.NaN, T0 + 21, T0 + 21));
    assertThat(r.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(r.filledQuantity()).isEqualTo(4);
  }

  @Test
  void anOrderThatFillsWhileItsReplaceIsPendingTakesItsReplacementWithIt() {
    // The venue filled the original before it saw the replace: the replacement never works, so
    // it must not stay SUBMITTED (open) for ever and count as working quantity.
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    Order r = m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0 + 20);

    assertThat(m.apply(fill(o.id(), "e1", 10, 100, 0))).isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.FILLED);
    assertThat(r.state()).isEqualTo(OrderState.REJECTED);
    assertThat(m.hasOpenOrders()).isFalse();
    assertThat(m.workingQuantity(SYM)).isZero();
    // The venue's refusal of the replace, arriving now, changes nothing.
    assertThat(m.apply(cancelRejected(o.id()))).isEqualTo(Transition.ANOMALY);
    assertThat(o.state()).isEqualTo(OrderState.FILLED);
  }

  @Test
  void anOrderCanceledOrExpiredByTheVenueWhileItsReplaceIsPendingTakesItsReplacementWithIt() {
    OrderManager m = new OrderManager();
    Order a = working(m, 10);
    Order ra = m.requestReplace(a.id(), Double.NaN, 99, Double.NaN, T0);
    Order b = m.register(buyLimit(5, 100), 5, T0);
    m.apply(accepted(b.id()));
    Order rb = m.requestReplace(b.id(), Double.NaN, 99, Double.NaN, T0);

    m.apply(new OrderCanceled(a.id(), SYM, CancelReason.VENUE, T0, T0));
    m.apply(new OrderExpired(b.id(), SYM, T0, T0));

    assertThat(a.state()).isEqualTo(OrderState.CANCELED);
    assertThat(ra.state()).isEqualTo(OrderState.REJECTED);
    assertThat(b.state()).isEqualTo(OrderState.EXPIRED);
    assertThat(rb.state()).isEqualTo(OrderState.REJECTED);
    assertThat(m.openOrders()).isEmpty();
  }

  // ---------------------------------------------------------------- expiry

  @Test
  void expiredEndsAWorkingOrderAndCountsIt() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 4, 100, 6));

    assertThat(m.apply(new OrderExpired(o.id(), SYM, T0 + 50, T0 + 50)))
        .isEqualTo(Transition.APPLIED);

    assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
    assertThat(o.filledQuantity()).isEqualTo(4); // what filled stays filled
    assertThat(o.leavesQuantity()).isZero();
    assertThat(m.expiredCount()).isEqualTo(1);
    assertThat(m.apply(new OrderExpired(o.id(), SYM, T0 + 51, T0 + 51)))
        .isEqualTo(Transition.ANOMALY);
    assertThat(m.expiredCount()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- anomalies

  @Test
  void anEventThatDoesNotFitTheOrdersStateChangesNothingAndIsCounted() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    m.apply(fill(o.id(), "e1", 10, 100, 0));
    long updated = o.updatedAt();

    assertThat(m.apply(new OrderAccepted(o.id(), SYM, T0 + 99, T0 + 99)))
        .isEqualTo(Transition.ANOMALY);
    assertThat(m.apply(canceled(o.id()))).isEqualTo(Transition.ANOMALY);
    assertThat(m.apply(new OrderDenied(o.id(), SYM, DenialRule.SIZE_ZERO, "", T0, T0)))
        .isEqualTo(Transition.ANOMALY);

    assertThat(o.state()).isEqualTo(OrderState.FILLED);
    assertThat(o.filledQuantity()).isEqualTo(10);
    assertThat(o.updatedAt()).isEqualTo(updated);
    assertThat(m.anomalyCount()).isEqualTo(3);
    assertThat(m.canceledCount()).isZero();
    assertThat(m.deniedCount()).isZero();
  }

  @Test
  void eventsForIdsThisBookNeverIssuedAreAnomalies() {
    OrderManager m = new OrderManager();
    Order o = working(m, 10);
    OrderId unknown = new OrderId(99);

    assertThat(m.apply(accepted(unknown))).isEqualTo(Transition.ANOMALY);
    assertThat(m.apply(fill(unknown, "x1", 1, 100, 0))).isEqualTo(Transition.ANOMALY);
    assertThat(m.apply(canceled(unknown))).isEqualTo(Transition.ANOMALY);

    assertThat(m.anomalyCount()).isEqualTo(3);
    assertThat(m.state(unknown)).isNull();
    assertThat(m.get(unknown)).isNull();
    assertThat(m.requestCancel(unknown, T0)).isFalse();
    assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(m.filledCount()).isZero();
  }

  // ---------------------------------------------------------------- ids and lookups

  @Test
  void idsAreDenseFromOneAndNeverBelowOne() {
    OrderManager m = new OrderManager();

    Order a = m.register(buyLimit(1, 100), 1, T0);
    Order b = m.register(sellLimit(1, 110), 1, T0);
    Order c = m.register(buyLimit(2, 90), 2, T0);

    assertThat(a.id().value()).isEqualTo(1);
    assertThat(b.id().value()).isEqualTo(2);
    assertThat(c.id().value()).isEqualTo(3);
    assertThat(m.get(new OrderId(2))).isSameAs(b);
    assertThat(m.state(new OrderId(4))).isNull();
    assertThat(m.all()).containsExactly(a, b, c);
    assertThatThrownBy(() -> new OrderId(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderId(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientOrderIdsRoundTripThroughTheBook() {
    OrderManager m = new OrderManager();
    m.register(buyLimit(1, 100), 1, T0);
    Order b = m.register(buyLimit(1, 100), 1, T0);

    assertThat(b.id().clientOrderId("qz7f")).isEqualTo("qz7f-2");
    assertThat(m.byClientOrderId("qz7f", "qz7f-2")).isSameAs(b);
    assertThat(m.byClientOrderId("qz7f", "other-2")).isNull();
    assertThat(m.byClientOrderId("qz7f", "qz7f-3")).isNull();
    assertThat(m.byClientOrderId("qz7f", "qz7f-0")).isNull();
    assertThat(m.byClientOrderId("qz7f", "qz7f--1")).isNull();
    assertThat(m.byClientOrderId("qz7f", "qz7f-x")).isNull();
  }

  @Test
  void workingQuantitySumsTheSignedLeavesOfTheSymbolsOpenOrders() {
    OrderManager m = new OrderManager();
    Order buy = m.register(buyLimit(10, 100), 10, T0); // +10, 4 fill: +6 leaves
    m.apply(accepted(buy.id()));
    m.apply(fill(buy.id(), "e1", 4, 100, 6));
    Order sell = m.register(sellLimit(3, 110), 3, T0); // -3, submitted only
    Order gone = m.register(buyLimit(50, 90), 50, T0); // canceled: counts nothing
    m.apply(accepted(gone.id()));
    m.apply(canceled(gone.id()));
    Order done = m.register(buyLimit(7, 90), 7, T0); // filled: counts nothing
    m.apply(fill(done.id(), "d1", 7, 90, 0));
    m.register(OrderRequest.limit("ES", Side.BUY, 5, 5000, "E"), 5, T0); // another symbol

    // +6 - 3
    assertThat(m.workingQuantity(SYM)).isEqualTo(3);
    assertThat(m.workingQuantity("ES")).isEqualTo(5);
    assertThat(m.workingQuantity("NQ")).isZero();
    assertThat(m.openOrders(SYM)).containsExactly(buy, sell);
    assertThat(sell.state()).isEqualTo(OrderState.SUBMITTED);
  }

  // ---------------------------------------------------------------- keepTerminal = false

  @Test
  void aBookThatDropsTerminalOrdersStillAnswersTheirState() {
    OrderManager m = new OrderManager(false);
    Order o = working(m, 10);
    Order live = m.register(buyLimit(1, 90), 1, T0);

    m.apply(fill(o.id(), "e1", 10, 100, 0));

    assertThat(m.get(o.id())).isNull(); // dropped
    assertThat(m.state(o.id())).isEqualTo(OrderState.FILLED);
    assertThat(m.get(live.id())).isSameAs(live); // still open: kept
    assertThat(m.state(live.id())).isEqualTo(OrderState.SUBMITTED);
    assertThat(m.requestCancel(o.id(), T0)).isFalse();
    assertThat(m.all()).containsExactly(live);
    assertThat(m.size()).isEqualTo(2);
    // An event for a dropped order: a fill still counts (LATE_FILL), anything else is anomalous.
    assertThat(m.apply(fill(o.id(), "e2", 1, 100, 0))).isEqualTo(Transition.LATE_FILL);
    assertThat(m.apply(accepted(o.id()))).isEqualTo(Transition.ANOMALY);
    assertThat(m.anomalyCount()).isEqualTo(1);
  }

  @Test
  void aBookThatDropsTerminalOrdersRemembersTheFinalStateOfEveryOneOfThem() {
    // 200 orders: past the initial capacity of the state array (64) and of the open list.
    OrderManager m = new OrderManager(false);
    for (int n = 1; n <= 200; n++) {
      Order o = m.register(buyLimit(1, 100), 1, T0 + n);
      switch (n % 4) {
        case 0 -> m.apply(fill(o.id(), "e" + n, 1, 100, 0));
        case 1 -> m.apply(new OrderRejected(o.id(), SYM, "", "no", T0, T0));
        case 2 -> m.apply(new OrderDenied(o.id(), SYM, DenialRule.RISK_GATE, "", T0, T0));
        default -> m.apply(accepted(o.id())); // stays open
      }
    }

    assertThat(m.state(new OrderId(4))).isEqualTo(OrderState.FILLED);
    assertThat(m.state(new OrderId(197))).isEqualTo(OrderState.REJECTED);
    assertThat(m.state(new OrderId(198))).isEqualTo(OrderState.DENIED);
    assertThat(m.state(new OrderId(199))).isEqualTo(OrderState.ACCEPTED);
    assertThat(m.state(new OrderId(200))).isEqualTo(OrderState.FILLED);
    assertThat(m.openOrders()).hasSize(50).allMatch(o -> o.state() == OrderState.ACCEPTED);
    assertThat(m.workingQuantity(SYM)).isEqualTo(50);
    assertThat(m.filledCount()).isEqualTo(50);
    assertThat(m.rejectedCount()).isEqualTo(50);
    assertThat(m.deniedCount()).isEqualTo(50);
  }

  @Test
  void aRefusedReplaceInABookThatDropsTerminalOrdersDropsTheReplacement() {
    OrderManager m = new OrderManager(false);
    Order o = working(m, 10);
    Order r = m.requestReplace(o.id(), Double.NaN, 99, Double.NaN, T0);

    m.apply(cancelRejected(o.id()));

    assertThat(m.get(r.id())).isNull();
    assertThat(m.state(r.id())).isEqualTo(OrderState.REJECTED);
    assertThat(m.get(o.id())).isSameAs(o);
    assertThat(m.state(o.id())).isEqualTo(OrderState.ACCEPTED);
  }

  // ---------------------------------------------------------------- counters

  @Test
  void countersCountEachFinalStateOnce() {
    OrderManager m = new OrderManager();
    Order filled = working(m, 1); // #1
    m.apply(fill(filled.id(), "a", 1, 100, 0));
    Order cxl = m.register(buyLimit(1, 100), 1, T0); // #2
    m.apply(accepted(cxl.id()));
    m.requestCancel(cxl.id(), T0);
    m.apply(canceled(cxl.id()));
    Order expired = m.register(buyLimit(1, 100), 1, T0); // #3
    m.apply(accepted(expired.id()));
    m.apply(new OrderExpired(expired.id(), SYM, T0, T0));
    Order rejected = m.register(buyLimit(1, 100), 1, T0); // #4
    m.apply(new OrderRejected(rejected.id(), SYM, "", "no", T0, T0));
    Order denied = m.register(buyLimit(1, 100), 1, T0); // #5
    m.apply(new OrderDenied(denied.id(), SYM, DenialRule.SIZE_ZERO, "", T0, T0));
    Order replaced = m.register(buyLimit(1, 100), 1, T0); // #6, replaced by #7
    m.apply(accepted(replaced.id()));
    Order r = m.requestReplace(replaced.id(), 2, Double.NaN, Double.NaN, T0);
    m.apply(new OrderReplaced(replaced.id(), r.id(), SYM, 2, Double.NaN, Double.NaN, T0, T0));

    assertThat(m.submittedCount()).isEqualTo(6); // #7 carries #6 on: not a new submission
    assertThat(m.size()).isEqualTo(7);
    assertThat(m.filledCount()).isEqualTo(1);
    assertThat(m.canceledCount()).isEqualTo(1);
    assertThat(m.expiredCount()).isEqualTo(1);
    assertThat(m.rejectedCount()).isEqualTo(1);
    assertThat(m.deniedCount()).isEqualTo(1);
    assertThat(m.replacedCount()).isEqualTo(1);
    assertThat(m.anomalyCount()).isZero();
    assertThat(m.openOrders()).containsExactly(r);
  }

  @Test
  void ocoGroupsAreFreshPositiveNumbersAndRegistrationKeepsTheOrdersAttributes() {
    OrderManager m = new OrderManager();
    long g1 = m.newOcoGroup();
    long g2 = m.newOcoGroup();
    assertThat(g1).isPositive();
    assertThat(g2).isNotEqualTo(g1);

    Order o = m.register(sellLimit(1, 110), true, g2, 4.25, Double.NaN, 3.5, 2, T0);

    assertThat(o.isProtective()).isTrue();
    assertThat(o.ocoGroup()).isEqualTo(g2);
    assertThat(o.atrAtSignal()).isEqualTo(4.25);
    assertThat(o.stopDistance()).isNaN();
    assertThat(o.trailDistance()).isEqualTo(3.5);
    assertThat(o.quantity()).isEqualTo(2);
    // A replacement inherits them.
    m.apply(accepted(o.id()));
    Order r = m.requestReplace(o.id(), Double.NaN, 111, Double.NaN, T0);
    assertThat(r.isProtective()).isTrue();
    assertThat(r.ocoGroup()).isEqualTo(g2);
    assertThat(r.trailDistance()).isEqualTo(3.5);
  }
}
