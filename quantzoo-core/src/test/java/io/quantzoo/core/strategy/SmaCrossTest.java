package io.quantzoo.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.RandomBars;
import io.quantzoo.core.util.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmaCrossTest {
  private static final Instrument EQ = Instrument.equity("TEST");

  /** Closes 10,10,10,13,16,10,4,4 on flat bars (open = close). */
  private static BarSeries crossingBars() {
    Bars b = Bars.of("TEST");
    for (double c : new double[] {10, 10, 10, 13, 16, 10, 4, 4}) {
      b.flat(c);
    }
    return b.build();
  }

  private static BacktestResult run(String direction, BarSeries bars) {
    StrategyFactory f = StrategyRegistry.builtIn().get("sma_cross");
    Strategy s =
        f.create(
            Params.resolve(
                "sma_cross", f.params(), Map.of("fast", 2, "slow", 3, "direction", direction)));
    EngineConfig cfg = EngineConfig.defaults().withSizing(new SizingModel.Fixed(1));
    return new BacktestEngine(cfg).run(new SymbolData(bars, EQ), s);
  }

  @Test
  void longShortReversesOnEachCross() {
    // fast SMA(2): i2 10, i3 11.5, i4 14.5, i5 13, i6 7. slow SMA(3): i2 10, i3 11, i4 13, i5 13,
    // i6 10. Cross above at i3 (10<=10, 11.5>11) -> long at i4's open 16. Cross below at i6
    // (13>=13, 7<10) -> reverse at i7's open 4. No cross at i5 (13 == 13 is not below).
    BacktestResult r = run("long_short", crossingBars());
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(4, 7, 7, 7);
    List<Trade> t = r.trades();
    assertThat(t).hasSize(2);
    assertThat(t.get(0).direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(t.get(0).grossPnl()).isEqualTo(4 - 16);
    assertThat(t.get(0).exitReason()).isEqualTo("SmaCrossDown");
    assertThat(t.get(1).direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(t.get(1).exitReason()).isEqualTo("EndOfData");
  }

  @Test
  void longOnlyExitsInsteadOfShorting() {
    BacktestResult r = run("long_only", crossingBars());
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitReason()).isEqualTo("SmaCrossDown");
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(4);
  }

  @Test
  void shortOnlyIgnoresTheUpCrossWhenFlat() {
    BacktestResult r = run("short_only", crossingBars());
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(7, 7);
    assertThat(r.trades().get(0).direction()).isEqualTo(Trade.Direction.SHORT);
  }

  @Test
  void parametersAreValidated() {
    StrategyFactory f = StrategyRegistry.builtIn().get("sma_cross");
    assertThatThrownBy(
            () -> f.create(Params.resolve("sma_cross", f.params(), Map.of("fast", 30, "slow", 10))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'fast' of sma_cross must be < slow (10), was 30");
    assertThatThrownBy(() -> Params.resolve("sma_cross", f.params(), Map.of("fsat", 3)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown parameter 'fsat'");
    assertThatThrownBy(() -> Params.resolve("sma_cross", f.params(), Map.of("fast", 0)))
        .hasMessageContaining("must be integer in [1, 10000], was 0");
    assertThatThrownBy(() -> Params.resolve("sma_cross", f.params(), Map.of("direction", "up")))
        .hasMessageContaining("one of long_short, long_only, short_only, was up");
  }

  /**
   * No look-ahead: truncating the data at any bar never changes a decision made before it. Every
   * fill before the cut (other than the forced end-of-data close) and every equity point before the
   * last are identical on the truncated and the full series.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void truncatingFutureDataNeverChangesPastDecisions(long seed) {
    BarSeries full = RandomBars.walk("TEST", 400, seed);
    for (FillModel fm : FillModel.values()) {
      EngineConfig cfg =
          EngineConfig.defaults()
              .withFillModel(fm)
              .withSizing(new SizingModel.PercentOfEquity(100));
      BacktestResult all = runSma(cfg, full);
      assertThat(all.trades())
          .as("the property needs trades to mean anything")
          .hasSizeGreaterThan(5);
      for (int cut = 40; cut <= 400; cut += 17) {
        BacktestResult part = runSma(cfg, full.slice(0, cut));
        int lastBar = cut - 1;
        List<Fill> expected = all.fills().stream().filter(f -> f.barIndex() <= lastBar).toList();
        List<Fill> actual =
            part.fills().stream().filter(f -> !f.tag().equals("EndOfData")).toList();
        assertThat(actual)
            .as("fills before cut %d (%s)", cut, fm)
            .isEqualTo(expected.stream().filter(f -> !f.tag().equals("EndOfData")).toList());
        for (int i = 0; i < lastBar; i++) {
          assertThat(part.equity().equity(i)).isEqualTo(all.equity().equity(i));
        }
      }
    }
  }

  private static BacktestResult runSma(EngineConfig cfg, BarSeries bars) {
    return new BacktestEngine(cfg)
        .run(
            new SymbolData(bars, EQ),
            new SmaCross(5, 20, "long_short", io.quantzoo.core.order.Exits.NONE));
  }
}
