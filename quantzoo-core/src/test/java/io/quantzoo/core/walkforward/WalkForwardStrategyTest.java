package io.quantzoo.core.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.strategy.SmaCross;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import io.quantzoo.core.testkit.RandomBars;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardStrategyTest {
  private static final Instrument EQ = Instrument.equity("TEST");
  private static final EngineConfig ONE =
      EngineConfig.defaults().withSizing(new SizingModel.Fixed(1));

  /** Buys on every bar it is called and records the bar indices it saw. */
  static final class Greedy implements Strategy {
    final List<Integer> seen = new ArrayList<>();
    final List<Double> positions = new ArrayList<>();

    @Override
    public void onBar(StrategyContext ctx) {
      seen.add(ctx.barIndex());
      positions.add(ctx.position());
      ctx.enterLong("Greedy");
    }
  }

  private static BacktestResult run(BarSeries bars, Strategy s) {
    return new BacktestEngine(ONE).run(new SymbolData(bars, EQ), s);
  }

  @Test
  void warmUpBarsReachTheInstanceButNeverTrade() {
    BarSeries bars = RandomBars.walk("TEST", 30, 3);
    Greedy g = new Greedy();
    long t = bars.timeMillis(0);
    long step = bars.timeMillis(1) - t;
    // Warm bars 5..9 muted, trade 10..19; bars 0..4 and 20..29 unseen.
    var seg = new WalkForwardStrategy.Segment(g, t + 5 * step, t + 10 * step, t + 19 * step);
    BacktestResult r = run(bars, new WalkForwardStrategy(List.of(seg), false));
    assertThat(g.seen).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    // Muted: flat during warm-up; the first real order (bar 10's close) fills at bar 11's open.
    assertThat(g.positions.subList(0, 6)).containsOnly(0.0);
    assertThat(g.positions.get(6)).isEqualTo(1.0);
    assertThat(r.fills()).isNotEmpty();
    assertThat(r.fills().get(0).barIndex()).isEqualTo(11);
  }

  @Test
  void positionsAreClosedAtTheWindowEndUnlessCarried() {
    BarSeries bars = RandomBars.walk("TEST", 40, 5);
    long t = bars.timeMillis(0);
    long step = bars.timeMillis(1) - t;
    Greedy a = new Greedy();
    Greedy b = new Greedy();
    List<WalkForwardStrategy.Segment> segs =
        List.of(
            new WalkForwardStrategy.Segment(a, t, t, t + 19 * step),
            new WalkForwardStrategy.Segment(b, t + 15 * step, t + 20 * step, t + 39 * step));
    BacktestResult closed = run(bars, new WalkForwardStrategy(segs, false));
    // a buys at bar 0's close (fills bar 1), is closed after bar 19 (fills at bar 20's open);
    // b's first order at bar 20's close fills at bar 21.
    List<Trade> trades = closed.trades();
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0).exitReason()).isEqualTo("WalkForwardWindowEnd");
    assertThat(trades.get(0).exitTimeMillis()).isEqualTo(bars.timeMillis(20));
    assertThat(trades.get(1).entryTimeMillis()).isEqualTo(bars.timeMillis(21));
    assertThat(b.positions.get(5)).isEqualTo(0.0); // b's first trading bar (20) sees flat

    Greedy a2 = new Greedy();
    Greedy b2 = new Greedy();
    List<WalkForwardStrategy.Segment> segs2 =
        List.of(
            new WalkForwardStrategy.Segment(a2, t, t, t + 19 * step),
            new WalkForwardStrategy.Segment(b2, t + 15 * step, t + 20 * step, t + 39 * step));
    BacktestResult carried = run(bars, new WalkForwardStrategy(segs2, true));
    // One position from bar 1 to the end of data; b2 sees it at its first trading bar.
    assertThat(carried.trades()).hasSize(1);
    assertThat(b2.positions.get(5)).isEqualTo(1.0);
  }

  @Test
  void warmedInstanceDecidesLikeAFreshRunFromTheWarmUpStart() {
    // sma_cross 3/8 warmed on bars 20..49 and trading 50..199 makes exactly the trades of a plain
    // run on bars 20..199 that are entered from bar 51 on (orders from bar 50's close).
    BarSeries bars = RandomBars.walk("TEST", 200, 9);
    long t0 = bars.timeMillis(0);
    long step = bars.timeMillis(1) - t0;
    Strategy s = new SmaCross(3, 8, "long_only", io.quantzoo.core.order.Exits.NONE);
    var seg = new WalkForwardStrategy.Segment(s, t0 + 20 * step, t0 + 50 * step, t0 + 199 * step);
    BacktestResult wf = run(bars, new WalkForwardStrategy(List.of(seg), false));
    BacktestResult plain =
        run(
            bars.slice(20, 200),
            new SmaCross(3, 8, "long_only", io.quantzoo.core.order.Exits.NONE));
    List<Long> expected =
        plain.trades().stream()
            .filter(tr -> tr.entryTimeMillis() >= bars.timeMillis(51))
            .map(Trade::entryTimeMillis)
            .toList();
    assertThat(expected).isNotEmpty();
    assertThat(wf.trades().stream().map(Trade::entryTimeMillis).toList()).isEqualTo(expected);
  }
}
