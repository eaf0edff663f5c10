package io.quantzoo.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.data.DataException;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.store.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunServiceTest {
  @TempDir Path dir;

  @Test
  void runsAndStoresABacktestAndReportsEveryPhaseInOrder() {
    List<String> phases = new ArrayList<>();
    try (RunStore store = RunStore.open(dir.resolve("q.duckdb"))) {
      RunService.Outcome o =
          new RunService(Clock.systemUTC(), phases::add).run(Tiny.plan(), () -> store);

      assertThat(phases)
          .containsExactly(
              "load data",
              "wait for database",
              "start run",
              "backtest",
              "metrics and store results");
      assertThat(o.info().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(o.info().kind()).isEqualTo(RunKind.BACKTEST);
      assertThat(o.info().strategy()).isEqualTo("buy_and_hold");
      assertThat(o.info().symbols()).isEqualTo("TINY");
      assertThat(o.info().message()).isEmpty();
      assertThat(o.bars()).isEqualTo(6);
      // Buy 10 at the second bar's open 102 (commission 1); the end of data sells 10 at the last
      // close 110 (commission 1): final equity = 10000 + 10 x (110 - 102) - 2 = 10078.
      assertThat(o.metrics().finalEquity()).isEqualTo(10_078.0);
      assertThat(store.loadRun(o.info().runId()).metrics().get("final_equity")).isEqualTo(10_078.0);
    }
  }

  @Test
  void theStoreIsNotAskedForWhenTheDataCannotBeLoaded() {
    AtomicInteger asked = new AtomicInteger();
    var plan = Tiny.plan(dir.resolve("missing.csv"));
    assertThatThrownBy(() ->
            new RunService(Clock.systemUTC(), phase -> {})
                .run(
                    plan,
                    () -> {
                      asked.incrementAndGet();
                      throw new AssertionError("the store must not be opened");
                    }))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("missing.csv");
    assertThat(asked).hasValue(0);
  }
}
