package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.strategy.SmaCross;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the benchmark's 1M-bar sma_cross run (38,120 trades, 76,240 fills) once failed to
 * store because the driver's appender hid a spurious CHECK failure until the next appender was
 * created. The same seeded data as {@code bench/run.sh} must store and read back in full.
 */
class RunStoreLargeRunTest {
  @TempDir Path dir;

  /** The same generator as {@code io.quantzoo.bench.SyntheticBars}. */
  private static BarSeries bars(int n, long seed) {
    BarSeriesBuilder b = new BarSeriesBuilder("SYNTH", n);
    SplittableRandom rnd = new SplittableRandom(seed);
    double price = 1000;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = r2(open * Math.exp(rnd.nextGaussian() * 0.002));
      double high = r2(Math.max(open, close) * (1 + rnd.nextDouble() * 0.001));
      double low = r2(Math.min(open, close) * (1 - rnd.nextDouble() * 0.001));
      b.add(1_577_836_800_000L + i * 60_000L, open, high, low, close, 100 + rnd.nextInt(900));
      price = close;
    }
    return b.build();
  }

  private static double r2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  @Test
  void aMillionBarRunWithTensOfThousandsOfTradesStoresCompletely() {
    BacktestResult r =
        new BacktestEngine(EngineConfig.defaults())
            .run(
                new SymbolData(bars(1_000_000, 42), Instrument.equity("SYNTH")),
                new SmaCross(10, 30, "long_short", Exits.NONE));
    assertThat(r.trades().size()).isGreaterThan(30_000);
    try (RunStore store = RunStore.open(dir.resolve("big.duckdb"))) {
      String id = store.newRunId();
      store.startRun(
          new RunInfo(
              id,
              "backtest",
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
