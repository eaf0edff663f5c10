package io.quantzoo.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * HALTED blocks every path that adds exposure, whatever the order's type, sizing or exits, flat or
 * holding a position, and lets every closing path through (docs/SAFETY.md).
 */
class KillSwitchPathsTest {
  private static final Instrument EQ = Instrument.equity("AAA");
  private final FakeView view = new FakeView(EQ);
  private final AtomicReference<TradingState> state = new AtomicReference<>(TradingState.HALTED);
  private final PreTradeRiskGate gate =
      new PreTradeRiskGate(
          RiskLimits.defaultsForTrading(100_000),
          state::get,
          RiskOverrides.NONE,
          RiskListener.NONE);

  /** Orders that would open or add to a long position of 10 (or open one when flat). */
  private static List<OrderRequest> addingBuys() {
    OrderRequest market = OrderRequest.market("AAA", Side.BUY, 5, "E");
    return List.of(
        market,
        OrderRequest.market("AAA", Side.BUY, "sized"),
        market.withType(OrderType.LIMIT, 99, Double.NaN),
        market.withType(OrderType.STOP, Double.NaN, 101),
        market.withType(OrderType.STOP_LIMIT, 101.5, 101),
        market.withExits(Exits.NONE.withStopLoss(Offset.price(2)).withTakeProfit(Offset.price(4))),
        market.withAllowDuplicate(true));
  }

  @Test
  void haltedDeniesEveryOrderThatAddsExposureFlatOrLong() {
    for (double pos : new double[] {0, 10}) {
      view.positions.put("AAA", pos);
      for (OrderRequest r : addingBuys()) {
        RiskDecision d = gate.check(r, 5, false, view);
        assertThat(d.allowed()).as("%s with position %s", r, pos).isFalse();
        assertThat(d.rule()).isEqualTo(DenialRule.TRADING_HALTED);
      }
    }
    // a short entry when flat, and a reversal that would flip a long into a short
    view.positions.put("AAA", 0.0);
    assertThat(gate.check(OrderRequest.market("AAA", Side.SELL, 5, "S"), 5, false, view).rule())
        .isEqualTo(DenialRule.TRADING_HALTED);
    view.positions.put("AAA", 10.0);
    assertThat(
            gate.check(OrderRequest.market("AAA", Side.SELL, 15, "Flip"), 15, false, view).rule())
        .isEqualTo(DenialRule.TRADING_HALTED);
  }

  @Test
  void haltedLetsEveryClosingPathThrough() {
    view.positions.put("AAA", 10.0);
    List<OrderRequest> closing =
        List.of(
            OrderRequest.closePosition("AAA", Side.SELL, "KillSwitch"),
            OrderRequest.market("AAA", Side.SELL, 10, "X"),
            OrderRequest.market("AAA", Side.SELL, 4, "Partial"),
            OrderRequest.market("AAA", Side.SELL, 10, "X").withReduceOnly(true),
            OrderRequest.market("AAA", Side.SELL, 10, "Stop")
                .withType(OrderType.STOP, Double.NaN, 95));
    for (OrderRequest r : closing) {
      // a fresh gate for each: the same quantity twice in a second is the duplicate guard's
      PreTradeRiskGate g =
          new PreTradeRiskGate(
              RiskLimits.defaultsForTrading(100_000),
              state::get,
              RiskOverrides.NONE,
              RiskListener.NONE);
      double q = Double.isNaN(r.quantity()) ? 10 : r.quantity();
      RiskDecision d = g.check(r, q, false, view);
      assertThat(d.allowed()).as("%s: %s", r, d).isTrue();
    }
    // protective exits (bracket children of an open position) always pass
    assertThat(
            gate.check(
                    OrderRequest.market("AAA", Side.SELL, 10, "SL")
                        .withType(OrderType.STOP, Double.NaN, 90),
                    10,
                    true,
                    view)
                .allowed())
        .isTrue();
    state.set(TradingState.ACTIVE);
    assertThat(gate.check(addingBuys().get(0), 5, false, view).allowed()).isTrue();
  }
}
