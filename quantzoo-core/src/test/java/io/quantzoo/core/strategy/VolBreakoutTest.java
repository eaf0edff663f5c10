package io.quantzoo.core.strategy;

import static io.quantzoo.core.strategy.StrategyRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.ParamRecords;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.testkit.RandomBars;
import io.quantzoo.core.util.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vol_breakout on hand-built bars; every expected number is worked out in the comments.
 *
 * <p>Parameters unless stated: range_bars 3, atr_period 3 (Wilder), breakout_mult 0.5, stop_mult 1,
 * target_mult 2, no filter. Wilder ATR(3): true ranges from b1; first ATR at b3 = mean(TR1..3);
 * then ATR[t] = (2 ATR[t-1] + TR[t]) / 3.
 */
class VolBreakoutTest {
  private static final double EPS = 1e-9;

  private static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    m.put("range_bars", 3);
    m.put("atr_period", 3);
    m.put("breakout_mult", 0.5);
    m.put("stop_mult", 1.0);
    m.put("target_mult", 2.0);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * The first five bars, then a breakout at b5.
   *
   * <pre>
   * bar  O    H    L    C      TR                          ATR(3)
   *  0   100  101  99   100    -                           -
   *  1   100  101  99   100    2                           -
   *  2   100  101  99   100    2                           -
   *  3   100  101  99   100    2                           2 (mean of 2, 2, 2)
   *  4   100  101  99   100    2                           2
   *  5   100  103  100  c5     max(3, |103-100|, 0) = 3    (2*2 + 3)/3 = 7/3 = 2.3333
   * </pre>
   *
   * At b5 the prior range b2..b4 has high 101 and low 99: long when c5 > 101 + 0.5 * 7/3 =
   * 102.1667. (Including b5's own high, 103, the breakout could never fire.) The entry fills at
   * b6's open 103 with stop 103 - 7/3 = 100.6667 and target 103 + 14/3 = 107.6667.
   */
  private static Bars base(double c5) {
    Bars b = Bars.of("TEST");
    for (int i = 0; i < 5; i++) {
      b.bar(100, 101, 99, 100);
    }
    return b.bar(100, 103, 100, c5);
  }

  /**
   * b6: O 103 H 106.5 L 102 C 106 (TR = max(4.5, |106.5-102.5|, |102-102.5|) = 4.5, ATR = (2 * 7/3
   * + 4.5)/3 = 3.0556). While long, this is another breakout (106 > 103 + 1.53): ignored, one
   * position at a time. Neither exit is touched (102 > 100.67, 106.5 < 107.67).
   */
  private static Bars withB6(double c5) {
    return base(c5).bar(103, 106.5, 102, 106);
  }

  @Test
  void longBreakoutExitsAtTheAtrTarget() {
    // b7: O 106 H 108 L 105 C 107: high 108 >= target 103 + 14/3 = 107.6667, rounded to the tick
    // (0.01) in the direction of a worse fill for a sell: 107.66, a limit fill there.
    // At b7's close (flat again): prior high b4..b6 = 106.5; TR7 = max(3, 2, 1) = 3, ATR7 =
    // (2 * 3.0556 + 3)/3 = 3.037; 107 < 106.5 + 1.52: no new entry.
    BarSeries bars = withB6(102.5).bar(106, 108, 105, 107).build();
    BacktestResult r = run("vol_breakout", params(), bars);
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(6, 7);
    Trade t = r.trades().get(0);
    assertThat(t.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(t.entryPrice()).isEqualTo(103);
    assertThat(t.exitPrice()).isEqualTo(107.66);
    assertThat(t.grossPnl()).isCloseTo(4.66, within(EPS));
    assertThat(t.entryReason()).isEqualTo("BreakoutLong");
    assertThat(t.exitReason()).isEqualTo("TakeProfit");
  }

  @Test
  void longBreakoutExitsAtTheAtrStop() {
    // b7: O 105 H 105.5 L 100 C 100.5: low 100 <= stop 103 - 7/3 = 100.6667, rounded down to the
    // tick (worse for a sell): 100.66 (the open 105 is above it, so it fills at the stop). At b7's
    // close: prior low b4..b6 = 99, TR7 = max(5.5, 0.5, 6) = 6, ATR7 =
    // (2 * 3.0556 + 6)/3 = 4.037; 100.5 > 99 - 2.02 is no short breakout.
    BarSeries bars = withB6(102.5).bar(105, 105.5, 100, 100.5).build();
    BacktestResult r = run("vol_breakout", params(), bars);
    assertThat(r.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.exitPrice()).isEqualTo(100.66);
          assertThat(t.grossPnl()).isCloseTo(-2.34, within(EPS));
          assertThat(t.exitReason()).isEqualTo("StopLoss");
        });
  }

  @Test
  void shortBreakoutIsTheMirrorImage() {
    // Mirrored around 100: b5 closes at 97.5 < prior low 99 - 7/6 = 97.8333; short at b6's open
    // 97, stop 99.3333 -> 99.34, target 92.3333 -> 92.34 (buy levels round up to the tick: worse
    // for a buy); b7's low 92 reaches the target.
    BarSeries bars = StrategyRuns.mirror(withB6(102.5).bar(106, 108, 105, 107).build(), 100);
    BacktestResult r = run("vol_breakout", params(), bars);
    assertThat(r.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.direction()).isEqualTo(Trade.Direction.SHORT);
          assertThat(t.entryPrice()).isEqualTo(97);
          assertThat(t.exitPrice()).isEqualTo(92.34);
          assertThat(t.grossPnl()).isCloseTo(4.66, within(EPS));
          assertThat(t.entryReason()).isEqualTo("BreakoutShort");
        });
    assertThat(run("vol_breakout", params("direction", "long_only"), bars).fills()).isEmpty();
  }

  @Test
  void theCloseMustClearThePriorHighByMoreThanTheAtrBand() {
    // c5 = 102: 102 > 101 (the prior high) but not > 102.1667: no entry. With breakout_mult 0
    // the same close is a breakout (102 > 101) and fills at b6's open.
    BarSeries bars = withB6(102).build();
    assertThat(run("vol_breakout", params(), bars).fills()).isEmpty();
    BacktestResult zero = run("vol_breakout", params("breakout_mult", 0.0), bars);
    assertThat(zero.fills()).extracting(Fill::barIndex).containsExactly(6, 6);
    assertThat(run("vol_breakout", params("direction", "short_only"), bars).fills()).isEmpty();
  }

  @Test
  void atrBoundsGateEntries() {
    // ATR at b5 is 7/3 = 2.3333; at b6 3.0556 (b6 is itself a breakout when flat: prior high
    // b3..b5 = 103, 106 > 103 + 1.5278); at b7 (TR 3) (2 * 3.0556 + 3)/3 = 3.0370.
    BarSeries bars = withB6(102.5).bar(106, 108, 105, 107).build();
    // min_atr 2.3: b5 passes (2.3333 >= 2.3): entry at b6, target at b7.
    assertThat(run("vol_breakout", params("min_atr", 2.3), bars).fills())
        .extracting(Fill::barIndex)
        .containsExactly(6, 7);
    // min_atr 2.5: b5 blocked (2.3333 < 2.5), b6 passes: entry at b7's open 106, closed at the
    // end of data (its bracket 102.94 / 112.11 is not touched by b7).
    BacktestResult minBlocked = run("vol_breakout", params("min_atr", 2.5), bars);
    assertThat(minBlocked.fills()).extracting(Fill::barIndex).containsExactly(7, 7);
    assertThat(minBlocked.fills().get(0).price()).isEqualTo(106);
    // max_atr 2.3: every bar blocked (2.3333, 3.0556, 3.0370 > 2.3).
    assertThat(run("vol_breakout", params("max_atr", 2.3), bars).fills()).isEmpty();
    // max_atr 2.4: b5 passes.
    assertThat(run("vol_breakout", params("max_atr", 2.4), bars).fills())
        .extracting(Fill::barIndex)
        .containsExactly(6, 7);
  }

  @Test
  void trendFilterNeedsADefinedAverageOnTheRightSide() {
    // trend_period 7 is first defined at b6: the b5 breakout is not taken. b6 (flat) is a
    // breakout: prior high b3..b5 = 103, ATR 3.0556, 106 > 104.53, and SMA(7) of b0..b6 =
    // (500 + 102.5 + 106)/7 = 101.21 < 106: long at b7's open 106, stop 106 - 3.0556 = 102.94,
    // target 106 + 6.1111 = 112.11; b7 (H 108, L 105) touches neither: closed at the end, 107.
    BarSeries bars = withB6(102.5).bar(106, 108, 105, 107).build();
    BacktestResult r =
        run("vol_breakout", params("use_trend_filter", true, "trend_period", 7), bars);
    assertThat(r.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.entryPrice()).isEqualTo(106);
          assertThat(t.exitReason()).isEqualTo("EndOfData");
          assertThat(t.grossPnl()).isCloseTo(1, within(EPS));
        });
    // trend_period 6 is defined at b5: SMA = (500 + 102.5)/6 = 100.42 < 102.5, so b5 is taken.
    assertThat(
            run("vol_breakout", params("use_trend_filter", true, "trend_period", 6), bars)
                .fills()
                .get(0)
                .barIndex())
        .isEqualTo(6);
    // Symmetric for shorts: on the bars mirrored around 100 the b5 short needs close < SMA(6):
    // 97.5 < (500 + 97.5)/6 = 99.58, so it is taken.
    BarSeries mirrored = StrategyRuns.mirror(bars, 100);
    assertThat(
            run("vol_breakout", params("use_trend_filter", true, "trend_period", 6), mirrored)
                .trades()
                .get(0)
                .direction())
        .isEqualTo(Trade.Direction.SHORT);
  }

  @Test
  void riskSizingUsesTheAtrStopDistance() {
    // Risk 1 % of 100,000 = 1,000 over the stop distance 7/3: 428.57 -> 428 shares.
    BarSeries bars = withB6(102.5).bar(106, 108, 105, 107).build();
    BacktestResult r =
        StrategyRuns.run(
            StrategyRuns.oneUnit().withSizing(new SizingModel.Risk(1)),
            StrategyRuns.create("vol_breakout", params()),
            bars);
    assertThat(r.fills().get(0).quantity()).isEqualTo(428);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    StrategyFactory f = StrategyRegistry.builtIn().get("vol_breakout");
    VolBreakout.Settings d =
        ParamRecords.bind(
            VolBreakout.Settings.class, Params.resolve("vol_breakout", f.params(), Map.of()));
    assertThat(d)
        .isEqualTo(new VolBreakout.Settings(10, 14, 0.5, 0, 0, false, 50, 1.5, 3.0, "long_short"))
        .isEqualTo(VolBreakout.Settings.defaults());
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(
            () -> StrategyRuns.create("vol_breakout", Map.of("min_atr", 5, "max_atr", 2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'min_atr' of vol_breakout must be <= max_atr (2.0), was 5.0");
    assertThatThrownBy(
            () -> StrategyRuns.create("vol_breakout", Map.of("stop_mult", 0, "target_mult", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot both be 0");
    assertThatThrownBy(() -> StrategyRuns.create("vol_breakout", Map.of("range_bars", 0)))
        .isInstanceOf(ConfigException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void truncatingFutureDataNeverChangesPastDecisions(long seed) {
    BarSeries full = RandomBars.walk("TEST", 400, seed);
    StrategyRuns.assertNoLookAhead(() -> new VolBreakout(VolBreakout.Settings.defaults()), full, 3);
  }
}
