package io.quantzoo.core.strategy;

import static io.quantzoo.core.strategy.StrategyRuns.flat;
import static io.quantzoo.core.strategy.StrategyRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.ParamRecords;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.RandomBars;
import io.quantzoo.core.util.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** momentum on hand-built bars; every expected trade is worked out in the comments. */
class MomentumTest {
  private static final double EPS = 1e-9;

  /**
   * Flat bars (open = close). With lookback 2 and threshold 0.05, r[t] = c[t]/c[t-2] - 1:
   *
   * <pre>
   * bar  close  r                       decision (holding_period 3, no filter)
   *  0   100    -
   *  1   100    -
   *  2   106    106/100-1 = +0.060  up  flat: long (s = 2)          -> fills b3 open 107
   *  3   107    107/100-1 = +0.070      long, 3-2 = 1 < 3
   *  4   108    108/106-1 = +0.019      long, 4-2 = 2 < 3
   *  5   109    109/107-1 = +0.019      long, 5-2 = 3 >= 3: time exit -> fills b6 open 110
   *  6   110    110/108-1 = +0.019      flat, no signal
   *  7   111    111/109-1 = +0.018      flat, no signal
   *  8   117    117/110-1 = +0.064  up  flat: long (s = 8)          -> fills b9 open 110
   *  9   110    110/111-1 = -0.009      long, 9-8 = 1
   * 10   104    104/117-1 = -0.111  dn  long + down: reverse (s=10) -> fills b11 open 100 (x2)
   * 11   100    100/110-1 = -0.091  dn  short already: 11-10 = 1
   * 12    98     98/104-1 = -0.058  dn  short, 12-10 = 2
   * 13    96     96/100-1 = -0.040      short, 13-10 = 3: time exit -> fills b14 open 95
   * 14    95     95/98-1  = -0.031      flat, no signal
   * </pre>
   */
  private static BarSeries story() {
    return flat(100, 100, 106, 107, 108, 109, 110, 111, 117, 110, 104, 100, 98, 96, 95);
  }

  private static Map<String, Object> params(String direction) {
    return Map.of(
        "lookback",
        2,
        "threshold",
        0.05,
        "use_trend_filter",
        false,
        "holding_period",
        3,
        "direction",
        direction);
  }

  @Test
  void longShortHoldsForTheHoldingPeriodAndReversesOnAnOppositeSignal() {
    BacktestResult r = run("momentum", params("long_short"), story());
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(3, 6, 9, 11, 11, 14);
    List<Trade> t = r.trades();
    assertThat(t).hasSize(3);
    // Long 107 -> 110 after exactly 3 bars (b3, b4, b5).
    assertThat(t.get(0).direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(t.get(0).entryPrice()).isEqualTo(107);
    assertThat(t.get(0).exitPrice()).isEqualTo(110);
    assertThat(t.get(0).barsHeld()).isEqualTo(3);
    assertThat(t.get(0).entryReason()).isEqualTo("MomentumLong");
    assertThat(t.get(0).exitReason()).isEqualTo("HoldingPeriod");
    // Long 110 -> 100, closed by the reversal at b11's open.
    assertThat(t.get(1).grossPnl()).isCloseTo(-10, within(EPS));
    assertThat(t.get(1).exitReason()).isEqualTo("MomentumShort");
    assertThat(t.get(1).barsHeld()).isEqualTo(2);
    // Short 100 -> 95: its clock starts at the reversal bar b10; out after b11, b12, b13.
    assertThat(t.get(2).direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(t.get(2).grossPnl()).isCloseTo(5, within(EPS));
    assertThat(t.get(2).entryReason()).isEqualTo("MomentumShort");
    assertThat(t.get(2).exitReason()).isEqualTo("HoldingPeriod");
    assertThat(t.get(2).barsHeld()).isEqualTo(3);
    assertThat(r.openPositionsAtEnd()).isEmpty();
  }

  @Test
  void longOnlyExitsOnTheDownSignalInsteadOfShorting() {
    BacktestResult r = run("momentum", params("long_only"), story());
    // As above until b10: down momentum closes the long at b11's open 100; no short follows.
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(3, 6, 9, 11);
    assertThat(r.trades()).hasSize(2);
    assertThat(r.trades().get(1).exitReason()).isEqualTo("MomentumExit");
    assertThat(r.trades().get(1).exitPrice()).isEqualTo(100);
  }

  @Test
  void shortOnlyIgnoresUpMomentum() {
    BacktestResult r = run("momentum", params("short_only"), story());
    // The up signals at b2 and b8 are ignored; b10 opens a short from flat (fills b11 at 100),
    // time exit at b13 fills at b14's open 95.
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(11, 14);
    assertThat(r.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.direction()).isEqualTo(Trade.Direction.SHORT);
          assertThat(t.grossPnl()).isCloseTo(5, within(EPS));
        });
  }

  @Test
  void onCloseFillsHoldTheSameNumberOfBars() {
    // Under on_close the entry placed at b2's close fills at 106 and the time exit placed at b5's
    // close fills at 109: still 3 bars held (b3, b4, b5), as documented.
    BacktestResult r =
        StrategyRuns.run(
            StrategyRuns.oneUnit().withFillModel(FillModel.ON_CLOSE),
            StrategyRuns.create("momentum", params("long_only")),
            story());
    Trade t = r.trades().get(0);
    assertThat(t.entryPrice()).isEqualTo(106);
    assertThat(t.exitPrice()).isEqualTo(109);
    assertThat(t.barsHeld()).isEqualTo(3);
  }

  /**
   * Trend filter with SMA(3), lookback 2, threshold 0.05, holding period 2 (flat bars):
   *
   * <pre>
   * bar  close  r        SMA(3) of the last 3 closes       decision
   *  2   106    +0.060   (100+100+106)/3 = 102.00  106 > 102: long (s=2), fills b3 open 120
   *  3   120    +0.200                             long, 3-2 = 1
   *  4   121    +0.142                             long, 4-2 = 2: time exit, fills b5 open 112
   *  5   112    -0.067   (120+121+112)/3 = 117.67  112 < 117.67: short (s=5), fills b6 open 110
   *  6   110    -0.091                             short, 6-5 = 1
   *  7   108    -0.036                             short, 7-5 = 2: time exit, fills b8 open 108
   *  8   108    -0.018                             flat, no signal
   * </pre>
   *
   * Trades: long 120 -> 112 = -8, short 110 -> 108 = +2. The short at b5 needs the SMA of the
   * closes b3..b5, all seen while long: an average fed only while flat (b0, b1, b2, b5 -> last
   * three 100, 106, 112 = 106) would block it (112 > 106).
   */
  @Test
  void trendFilterUsesTheAverageOfEveryBar() {
    Map<String, Object> p =
        Map.of(
            "lookback", 2,
            "threshold", 0.05,
            "use_trend_filter", true,
            "trend_period", 3,
            "holding_period", 2);
    BacktestResult r = run("momentum", p, flat(100, 100, 106, 120, 121, 112, 110, 108, 108));
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(3, 5, 6, 8);
    assertThat(r.trades())
        .extracting(Trade::direction)
        .containsExactly(Trade.Direction.LONG, Trade.Direction.SHORT);
    assertThat(r.trades()).extracting(Trade::grossPnl).containsExactly(-8.0, 2.0);
  }

  @Test
  void trendFilterBlocksAgainstTheAverage() {
    // b0..b2: 100, 130, 106. b2: r = 106/100 - 1 = +0.06 (up), but SMA(3) = (100+130+106)/3 =
    // 112 > 106: no long with the filter on. b3: 107, r = 107/130 - 1 < 0: nothing.
    // Without the filter the b2 signal fills at b3's open 107 and is closed at the end (107).
    BarSeries bars = flat(100, 130, 106, 107);
    Map<String, Object> on =
        Map.of("lookback", 2, "threshold", 0.05, "use_trend_filter", true, "trend_period", 3);
    Map<String, Object> off =
        Map.of("lookback", 2, "threshold", 0.05, "use_trend_filter", false, "trend_period", 3);
    assertThat(run("momentum", on, bars).fills()).isEmpty();
    assertThat(run("momentum", off, bars).fills()).extracting(Fill::barIndex).containsExactly(3, 3);
  }

  @Test
  void noEntryWhileTheTrendAverageIsUndefined() {
    // trend_period 4 is first defined at b3: the b2 signal (r = +0.06) is not taken with the
    // filter on; b3 (r = 107/100 - 1 = +0.07, SMA(4) = 103.25 < 107) is, filling at b4's open 108.
    Map<String, Object> p =
        Map.of("lookback", 2, "threshold", 0.05, "use_trend_filter", true, "trend_period", 4);
    BacktestResult r = run("momentum", p, flat(100, 100, 106, 107, 108));
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(4, 4);
    assertThat(r.fills().get(0).price()).isEqualTo(108);
  }

  @Test
  void thresholdIsStrict() {
    // lookback 1, threshold 0.5: 150/100 - 1 = 0.5 exactly (all exact in binary) is not > 0.5;
    // 150.01/100 - 1 = 0.5001 is, and fills at b2's open.
    Map<String, Object> p = Map.of("lookback", 1, "threshold", 0.5, "use_trend_filter", false);
    assertThat(run("momentum", p, flat(100, 150, 150)).fills()).isEmpty();
    assertThat(run("momentum", p, flat(100, 150.01, 150)).fills()).isNotEmpty();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    StrategyFactory f = StrategyRegistry.builtIn().get("momentum");
    Momentum.Settings d =
        ParamRecords.bind(
            Momentum.Settings.class, Params.resolve("momentum", f.params(), Map.of()));
    assertThat(d).isEqualTo(new Momentum.Settings(20, 0.02, true, 50, 5, "long_short"));
    assertThat(d).isEqualTo(Momentum.Settings.defaults());
  }

  @Test
  void parametersAreValidated() {
    StrategyFactory f = StrategyRegistry.builtIn().get("momentum");
    assertThatThrownBy(() -> Params.resolve("momentum", f.params(), Map.of("lookback", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lookback");
    assertThatThrownBy(() -> Params.resolve("momentum", f.params(), Map.of("threshold", -0.1)))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> Params.resolve("momentum", f.params(), Map.of("direction", "up")))
        .hasMessageContaining("one of long_short, long_only, short_only, was up");
    assertThatThrownBy(() -> new Momentum.Settings(20, 0.02, true, 50, 5, "sideways"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("direction");
  }

  @Test
  void eachSymbolKeepsItsOwnState() {
    // Two symbols on one clock: each trades exactly as it would alone. B is the story delayed by
    // two bars, so the symbols' entry bars interleave (A: 2, 8, 10; B: 4, 10, 12): a holding
    // clock or an average shared between symbols would move A's b5 time exit.
    BarSeries a = story().withSymbol("A");
    BarSeries b =
        flat(100, 100, 100, 100, 106, 107, 108, 109, 110, 111, 117, 110, 104, 100, 98, 96, 95)
            .withSymbol("B");
    EngineConfig cfg = StrategyRuns.oneUnit();
    BacktestResult both =
        new BacktestEngine(cfg)
            .run(
                List.of(
                    new SymbolData(a, Instrument.equity("A")),
                    new SymbolData(b, Instrument.equity("B"))),
                StrategyRuns.create("momentum", params("long_short")));
    BacktestResult aloneA =
        StrategyRuns.run(cfg, StrategyRuns.create("momentum", params("long_short")), a);
    BacktestResult aloneB =
        StrategyRuns.run(cfg, StrategyRuns.create("momentum", params("long_short")), b);
    assertThat(both.trades().stream().filter(t -> t.symbol().equals("A")).map(Trade::grossPnl))
        .containsExactlyElementsOf(aloneA.trades().stream().map(Trade::grossPnl).toList());
    assertThat(both.trades().stream().filter(t -> t.symbol().equals("B")).map(Trade::grossPnl))
        .containsExactlyElementsOf(aloneB.trades().stream().map(Trade::grossPnl).toList());
    assertThat(aloneA.trades()).hasSize(3);
    assertThat(aloneB.trades()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void truncatingFutureDataNeverChangesPastDecisions(long seed) {
    BarSeries full = RandomBars.walk("TEST", 400, seed);
    StrategyRuns.assertNoLookAhead(() -> new Momentum(Momentum.Settings.defaults()), full, 10);
  }
}
