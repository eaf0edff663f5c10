package io.quantzoo.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.app.Plans;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.store.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioServiceTest {
  @TempDir Path dir;

  @Test
  void aPortfolioIsStoredAsOneRunOfKindPortfolio() {
    try (RunStore store = RunStore.open(dir.resolve("p.duckdb"))) {
      var plan = Plans.loadPortfolio(Path.of("..", "configs", "portfolio_crypto.yaml"));
      PortfolioService.Outcome o = new PortfolioService(Clock.systemUTC()).run(plan, () -> store);

      assertThat(o.info().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(o.info().kind()).isEqualTo(RunKind.PORTFOLIO);
      assertThat(o.info().strategy())
          .isEqualTo("portfolio(" + plan.config().allocator().name() + ")");
      assertThat(o.result().sleeves()).hasSize(plan.sleeves().size());
      assertThat(store.listRuns(10)).containsExactly(o.info());
    }
  }
}
