package io.quantzoo.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.testkit.RandomBars;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No look-ahead for bollinger_reversion, donchian_breakout and macd_trend: truncating the data at
 * any bar never changes a fill before the cut (other than the forced end-of-data close).
 */
class BandStrategiesNoLookAheadTest {
  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of("bollinger_reversion", Map.of("period", 10, "stop_atr", 2.0)),
        Arguments.of("bollinger_reversion", Map.of("period", 10, "exit", "opposite")),
        Arguments.of("donchian_breakout", Map.of("entry_period", 10, "exit_period", 5)),
        Arguments.of("macd_trend", Map.of("fast", 5, "slow", 13, "signal", 4, "trend_period", 30)),
        Arguments.of("macd_trend", Map.of("alignment", "talib", "zero_filter", true)));
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void truncatingFutureDataNeverChangesPastFills(String name, Map<String, Object> raw) {
    for (long seed = 1; seed <= 3; seed++) {
      BarSeries full = RandomBars.walk("TEST", 500, seed);
      BacktestResult all = StrategyRuns.run(name, raw, full);
      assertThat(all.trades())
          .as("the property needs trades to mean anything")
          .hasSizeGreaterThan(3);
      for (int cut = 40; cut <= 500; cut += 23) {
        int lastBar = cut - 1;
        List<Fill> expected =
            all.fills().stream()
                .filter(f -> f.barIndex() <= lastBar && !f.tag().equals("EndOfData"))
                .toList();
        List<Fill> actual =
            StrategyRuns.run(name, raw, full.slice(0, cut)).fills().stream()
                .filter(f -> !f.tag().equals("EndOfData"))
                .toList();
        assertThat(actual)
            .as("%s fills before cut %d (seed %d)", name, cut, seed)
            .isEqualTo(expected);
      }
    }
  }
}
