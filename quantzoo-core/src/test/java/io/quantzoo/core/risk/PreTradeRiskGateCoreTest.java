package io.quantzoo.core.risk;

import static io.quantzoo.core.testkit.Recorder.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.RandomBars;
import io.quantzoo.core.testkit.Recorder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-trade gate inside the trading core: what the strategy sees, bar by bar. */
class PreTradeRiskGateCoreTest {
  private static final Instrument BTC = Instrument.crypto("BTC-USD"); // 24h, UTC days

  private static EngineConfig cfg() {
    return EngineConfig.defaults()
        .withInitialCash(10_000)
        .withSizing(new SizingModel.Fixed(1))
        .withCloseAtEnd(false);
  }

  @Test
  void aDailyLossSeenAtTheBarsMarksHaltsNewOrdersOfThatBarAndLiftsTheNextDay() {
    BarSeries bars =
        Bars.of("BTC-USD")
            .flat(100) // b0: buy 100
            .bar(100, 100, 80, 80) // b1: filled at 100, marked at 80: -2,000 today
            .flat(80) // b2: the next UTC day
            .build();
    Recorder s =
        record()
            .at(0, c -> c.buy(100, "E"))
            .at(1, c -> c.buy(1, "More"))
            .at(2, c -> c.buy(1, "Again"));
    PreTradeRiskGate gate = new PreTradeRiskGate(RiskLimits.builder().maxDailyLoss(1_000).build());

    new BacktestEngine(cfg(), gate).run(new SymbolData(bars, BTC), s);

    List<OrderDenied> denied = s.eventsOf(OrderDenied.class);
    assertThat(denied).hasSize(1);
    OrderDenied d = denied.get(0);
    assertThat(d.rule()).isEqualTo(DenialRule.DAILY_LOSS);
    assertThat(d.limit()).isEqualTo(1_000);
    assertThat(d.value()).isEqualTo(2_000);
    assertThat(d.tsEvent()).isEqualTo(bars.timeMillis(1));
    assertThat(s.eventLog()).contains("OrderDenied #2 DAILY_LOSS");
    assertThat(gate.denials(DenialRule.DAILY_LOSS)).isEqualTo(1);
  }

  @Test
  void theOrderBeingCheckedIsNotAmongTheWorkingOrdersTheGateCounts() {
    BarSeries bars = Bars.of("BTC-USD").flat(100).flat(100).flat(100).build();
    Recorder s =
        record()
            .at(0, c -> c.submit(OrderRequest.limit("BTC-USD", Side.BUY, 1, 95, "A")))
            .at(1, c -> c.submit(OrderRequest.limit("BTC-USD", Side.BUY, 1, 94, "B")));
    PreTradeRiskGate gate =
        new PreTradeRiskGate(RiskLimits.builder().maxOpenOrders(1).maxPositionQuantity(1).build());

    new BacktestEngine(cfg(), gate).run(new SymbolData(bars, BTC), s);

    // A passes (nothing else works); B finds A working: one order over the limit
    assertThat(s.eventsOf(OrderDenied.class))
        .extracting(OrderDenied::rule)
        .containsExactly(DenialRule.MAX_OPEN_ORDERS);
  }

  /** Buys 3 at every bar, sells 5 every fourth bar, with limits that bind now and then. */
  private static final class Churn implements Strategy {
    final List<String> decisions = new ArrayList<>();

    @Override
    public void onBar(StrategyContext c) {
      c.buy(3, "E");
      if (c.barIndex() % 4 == 3) {
        c.sell(5, "X");
      }
    }

    @Override
    public void onOrderEvent(StrategyContext c, io.quantzoo.core.order.OrderEvent e) {
      if (e instanceof OrderDenied d) {
        decisions.add(d.tsEvent() + " " + d.rule() + " " + d.limit() + " " + d.value());
      }
    }
  }

  private static List<String> decisions(BarSeries bars) {
    RiskLimits limits =
        RiskLimits.builder()
            .maxPositionQuantity(20)
            .maxDailyLoss(150)
            .maxDrawdownPct(3)
            .leverage(1)
            .duplicateWindowMillis(1)
            .build();
    Churn s = new Churn();
    new BacktestEngine(cfg(), new PreTradeRiskGate(limits)).run(new SymbolData(bars, BTC), s);
    return s.decisions;
  }

  @Test
  void aDecisionAtBarTIsTheSameWithoutTheBarsAfterT() {
    BarSeries all = RandomBars.walk("BTC-USD", 400, 7);
    List<String> full = decisions(all);
    assertThat(full).as("the limits bind in this run").hasSizeGreaterThan(10);

    for (int t : new int[] {50, 173, 299}) {
      List<String> cut = decisions(all.slice(0, t + 1));
      long tEnd = all.timeMillis(t);
      List<String> fullUpToT =
          full.stream().filter(x -> Long.parseLong(x.split(" ")[0]) <= tEnd).toList();
      assertThat(cut).as("decisions up to bar %d", t).isEqualTo(fullUpToT);
    }
    assertThat(decisions(all)).as("a replay decides the same").isEqualTo(full);
  }
}
