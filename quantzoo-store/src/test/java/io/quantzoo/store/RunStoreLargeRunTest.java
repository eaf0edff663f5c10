package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.core.strategy.SmaCross;
import io.quantzoo.core.testkit.RandomBars;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the benchmark's 1M-bar sma_cross run (38,120 trades, 76,240 fills) once failed to
 * store because the driver's appender hid a spurious CHECK failure until the next appender was
 * created. The same seeded bars as {@code bench/run.sh} must store and read back in full.
 */
class RunStoreLargeRunTest {
  @TempDir Path dir;

  @Test
  void aMillionBarRunWithTensOfThousandsOfTradesStoresCompletely() {
    BacktestResult r =
        new BacktestEngine(EngineConfig.defaults())
            .run(
                new SymbolData(
                    RandomBars.benchmarkMinutes("SYNTH", 1_000_000, 42),
                    Instrument.equity("SYNTH")),
                new SmaCross(10, 30, "long_short", Exits.NONE));
    assertThat(r.trades().size()).isGreaterThan(30_000);
    try (RunStore store = RunStore.open(dir.resolve("big.duckdb"))) {
      String id = store.newRunId();
      store.startRun(
          new RunInfo(
              id,
              RunKind.BACKTEST,
              "sma_cross",
              "SYNTH",
              "strategy: sma_cross",
              42,
              "f",
              "test",
              RunInfo.RunStatus.RUNNING,
              Instant.parse("2026-01-01T00:00:00Z"),
              null,
              -1,
              ""));
      store.completeRun(id, r, MetricsCalculator.compute(r), 1);
      StoredRun back = store.loadRun(id);
      assertThat(back.info().status()).isEqualTo(RunInfo.RunStatus.COMPLETED);
      assertThat(back.trades()).isEqualTo(r.trades());
      assertThat(back.fills()).hasSize(r.fills().size());
      assertThat(back.equity().size()).isEqualTo(1_000_000);
    }
  }
}
