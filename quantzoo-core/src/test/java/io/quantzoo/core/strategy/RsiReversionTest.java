package io.quantzoo.core.strategy;

import static io.quantzoo.core.strategy.StrategyRuns.flat;
import static io.quantzoo.core.strategy.StrategyRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestResult;
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
 * rsi_reversion on hand-built bars; every expected number is worked out in the comments.
 *
 * <p>RSI(2), Wilder: changes d from b1; first averages at b2 = mean of the first two gains and
 * losses, then avg[t] = (avg[t-1] + x[t]) / 2; RSI = 100 AG / (AG + AL). Levels 30 / 70 / 50.
 */
class RsiReversionTest {
  private static final double EPS = 1e-9;

  private static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    m.put("period", 2);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Flat bars (open = close):
   *
   * <pre>
   * bar  close  d      AG        AL        RSI     signal / decision
   *  0   100
   *  1    98    -2
   *  2    96    -2     0         2         0
   *  3    97    +1     0.5       1         33.33   up through 30: long (s=3) -> b4 open 96.5
   *  4    96.5  -0.5   0.25      0.75      25      long, 25 < 50: hold
   *  5    97.5  +1     0.625     0.375     62.5    long, 62.5 >= 50: exit -> b6 open 99
   *  6    99    +1.5   1.0625    0.1875    85      flat; no cross down (62.5 < 70 before)
   *  7    98.5  -0.5   0.53125   0.34375   60.71   down through 70: short (s=7) -> b8 open 98
   *  8    98    -0.5   0.265625  0.421875  38.64   short, 38.64 <= 50: exit -> b9 open 97
   *  9    97    -1     0.1328125 0.7109375 15.74   flat; no cross up (38.64 > 30 before)
   * </pre>
   */
  private static BarSeries story() {
    return flat(100, 98, 96, 97, 96.5, 97.5, 99, 98.5, 98, 97);
  }

  @Test
  void entersOnCrossesAndExitsAtTheExitLevel() {
    BacktestResult r = run("rsi_reversion", params(), story());
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(4, 6, 8, 9);
    Trade a = r.trades().get(0);
    Trade b = r.trades().get(1);
    assertThat(a.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(a.entryPrice()).isEqualTo(96.5);
    assertThat(a.exitPrice()).isEqualTo(99);
    assertThat(a.entryReason()).isEqualTo("RsiLong");
    assertThat(a.exitReason()).isEqualTo("RsiExit");
    assertThat(b.direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(b.grossPnl()).isCloseTo(1, within(EPS)); // 98 -> 97
    assertThat(b.entryReason()).isEqualTo("RsiShort");
    assertThat(b.exitReason()).isEqualTo("RsiExit");
  }

  @Test
  void theExitLevelIsInclusive() {
    // As the story to b4 (long since b4's open 96.5; AG 0.25, AL 0.75), then b5 closes at 97:
    // d = +0.5, AG = (0.25 + 0.5)/2 = 0.375, AL = 0.75/2 = 0.375: RSI exactly 50 >= 50: exit at
    // b6's open 97.5 (+1). (b5 is also a cross up through 30, ignored while long.) Were the test
    // strict, b6 (RSI 70) would exit only after the data ends (reason EndOfData).
    BacktestResult r = run("rsi_reversion", params(), flat(100, 98, 96, 97, 96.5, 97, 97.5));
    assertThat(r.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.exitReason()).isEqualTo("RsiExit");
          assertThat(t.exitPrice()).isEqualTo(97.5);
          assertThat(t.grossPnl()).isCloseTo(1, within(EPS));
        });
  }

  @Test
  void directionLimitsTheSides() {
    assertThat(run("rsi_reversion", params("direction", "long_only"), story()).trades())
        .singleElement()
        .extracting(Trade::direction)
        .isEqualTo(Trade.Direction.LONG);
    assertThat(run("rsi_reversion", params("direction", "short_only"), story()).fills())
        .extracting(Fill::barIndex)
        .containsExactly(8, 9);
  }

  @Test
  void maxHoldingBarsExitsAndAFreshCrossReenters() {
    // max_holding_bars 1: long from b3's signal; b4: RSI 25 < 50 but 4 - 3 = 1 >= 1: time exit
    // at b5's open 97.5 (+1). b5: RSI 25 -> 62.5 crosses up through 30 again: long (s=5) at b6's
    // open 99; b6: RSI 85 >= 50: exit at b7's open 98.5 (-0.5). b7: short as before, b8 exits
    // (the RSI exit is checked before the time exit) at b9's open 97 (+1).
    BacktestResult r = run("rsi_reversion", params("max_holding_bars", 1), story());
    assertThat(r.trades()).extracting(Trade::grossPnl).containsExactly(1.0, -0.5, 1.0);
    assertThat(r.trades())
        .extracting(Trade::exitReason)
        .containsExactly("MaxHolding", "RsiExit", "RsiExit");
    assertThat(r.trades().get(0).barsHeld()).isEqualTo(1);
  }

  @Test
  void atrStopIsPricedFromTheFillAtTheSignalBarsWilderAtr() {
    // As the story, but b4 is O 96.5 H 96.6 L 95 C 96.5 (closes unchanged, so RSI unchanged).
    // ATR(2) Wilder on flat bars: TR = |c - c_prev|: TR1 2, TR2 2 -> ATR2 2; TR3 1 -> ATR3 1.5.
    // stop_atr 0.2: the b3 long fills at 96.5 with a stop 0.2 x 1.5 = 0.3 below: 96.2; b4's low
    // 95 takes it on the entry bar: -0.3, StopLoss.
    // b4 flat at its close: RSI 33.3 -> 25, no cross. b5: 25 -> 62.5 crosses up: long (s=5).
    // TR4 = max(1.6, |96.6-97|, |95-97|) = 2 -> ATR4 = (1.5 + 2)/2 = 1.75; TR5 = 1 -> ATR5 =
    // 1.375: stop 0.275 below b6's open 99 = 98.725, untouched by the flat b6. b6: RSI 85: exit at
    // b7's open 98.5 (-0.5). b7: short; ATR6 = (1.375 + 1.5)/2 = 1.4375, ATR7 = (1.4375 + 0.5)/2
    // = 0.96875: stop 98 + 0.19375 = 98.19375, untouched; b8 exits at b9's open 97 (+1).
    Bars b = Bars.of("TEST");
    double[] closes = {100, 98, 96, 97, 96.5, 97.5, 99, 98.5, 98, 97};
    for (int i = 0; i < closes.length; i++) {
      if (i == 4) {
        b.bar(96.5, 96.6, 95, 96.5);
      } else {
        b.flat(closes[i]);
      }
    }
    BacktestResult r = run("rsi_reversion", params("stop_atr", 0.2, "atr_period", 2), b.build());
    assertThat(r.trades()).hasSize(3);
    assertThat(r.trades().get(0).exitPrice()).isCloseTo(96.2, within(EPS));
    assertThat(r.trades().get(0).exitReason()).isEqualTo("StopLoss");
    assertThat(r.trades())
        .extracting(Trade::grossPnl)
        .usingElementComparator((x, y) -> Math.abs(x - y) < EPS ? 0 : Double.compare(x, y))
        .containsExactly(-0.3, -0.5, 1.0);
  }

  @Test
  void trendFilterComparesTheCloseWithTheAverage() {
    // trend_period 2: b3 close 97 > SMA(96, 97) = 96.5 -> long allowed; b7 close 98.5 < SMA(99,
    // 98.5) = 98.75 -> short allowed: the story's two trades.
    // trend_period 3: b3 close 97 = SMA(98, 96, 97) = 97 is not above it: no long. So at b5
    // the strategy is flat, and b5 is a buy signal too (25 -> 62.5 crosses up through 30) with
    // 97.5 > SMA(97, 96.5, 97.5) = 97: long at b6's open 99, out at b7's open 98.5 (b6 RSI 85).
    // b7 close 98.5 > SMA(97.5, 99, 98.5) = 98.33 is not below it: no short.
    assertThat(
            run("rsi_reversion", params("use_trend_filter", true, "trend_period", 2), story())
                .trades())
        .hasSize(2);
    BacktestResult three =
        run("rsi_reversion", params("use_trend_filter", true, "trend_period", 3), story());
    assertThat(three.fills()).extracting(Fill::barIndex).containsExactly(6, 7);
    assertThat(three.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.direction()).isEqualTo(Trade.Direction.LONG);
          assertThat(t.grossPnl()).isCloseTo(-0.5, within(EPS));
        });
  }

  /**
   * An opposite signal while in a position reverses it:
   *
   * <pre>
   * bar  close  d    AG    AL    RSI    decision
   *  2    96    -2   0     2     0
   *  3   102    +6   3     1     75     up through 30: long (s=3) -> b4 open 101
   *  4   101    -1   1.5   1     60     long + down through 70: reverse -> b5 open 100 (x2)
   *  5   100    -1   0.75  1     42.86  short, 42.86 <= 50: exit -> b6 open 99.5
   *  6    99.5  -0.5 0.375 0.75  33.33  flat, no cross (42.86 > 30 before)
   * </pre>
   *
   * Without the reversal rule, b4 would only exit (60 >= 50). long_only: the sell signal exits.
   */
  @Test
  void anOppositeSignalReverses() {
    BarSeries bars = flat(100, 98, 96, 102, 101, 100, 99.5);
    BacktestResult r = run("rsi_reversion", params(), bars);
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(4, 5, 5, 6);
    assertThat(r.trades()).extracting(Trade::grossPnl).containsExactly(-1.0, 0.5);
    assertThat(r.trades()).extracting(Trade::exitReason).containsExactly("RsiShort", "RsiExit");
    BacktestResult longOnly = run("rsi_reversion", params("direction", "long_only"), bars);
    assertThat(longOnly.trades())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.exitReason()).isEqualTo("RsiExit");
          assertThat(t.exitPrice()).isEqualTo(100);
        });
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    StrategyFactory f = StrategyRegistry.builtIn().get("rsi_reversion");
    RsiReversion.Settings d =
        ParamRecords.bind(
            RsiReversion.Settings.class, Params.resolve("rsi_reversion", f.params(), Map.of()));
    assertThat(d)
        .isEqualTo(new RsiReversion.Settings(14, 30, 70, 50, 0, 0, 14, false, 200, "long_short"))
        .isEqualTo(RsiReversion.Settings.defaults());
  }

  @Test
  void levelsMustBeOrdered() {
    assertThatThrownBy(() ->
            StrategyRuns.create(
                "rsi_reversion", Map.of("oversold", 40, "exit_level", 35, "overbought", 70)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("oversold < exit_level < overbought, was 40.0 / 35.0 / 70.0");
    assertThatThrownBy(() -> StrategyRuns.create("rsi_reversion", Map.of("overbought", 50)))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> StrategyRuns.create("rsi_reversion", Map.of("period", 0)))
        .isInstanceOf(ConfigException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void truncatingFutureDataNeverChangesPastDecisions(long seed) {
    BarSeries full = RandomBars.walk("TEST", 400, seed);
    StrategyRuns.assertNoLookAhead(
        () ->
            new RsiReversion(
                new RsiReversion.Settings(14, 30, 70, 50, 10, 2, 14, false, 50, "long_short")),
        full,
        5);
  }
}
