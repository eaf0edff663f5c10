package io.quantzoo.store;

import static io.quantzoo.core.testkit.Scripted.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.portfolio.Allocator;
import io.quantzoo.core.portfolio.Covariance;
import io.quantzoo.core.portfolio.PortfolioConfig;
import io.quantzoo.core.portfolio.PortfolioEngine;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.portfolio.RebalanceSchedule;
import io.quantzoo.core.portfolio.Sleeve;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunInfo.RunStatus;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.core.testkit.RandomBars;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioStoreTest {
  private static final Instant NOW = Instant.parse("2026-03-08T07:00:00Z");
  private static final List<String> TABLES =
      List.of(
          "trades",
          "fills",
          "equity",
          "metrics",
          "portfolio_sleeves",
          "portfolio_weights",
          "portfolio_covariance",
          "portfolio_rebalances");

  @TempDir Path dir;

  private static Sleeve sleeve(String name, long seed) {
    BarSeries bars = RandomBars.walk(name.toUpperCase(java.util.Locale.ROOT), 80, seed);
    return new Sleeve(
        name,
        "scripted",
        "buy",
        List.of(new SymbolData(bars, Instrument.equity(bars.symbol()))),
        script().at(0, c -> c.enterLong("Buy")),
        new SizingModel.PercentOfEquity(90));
  }

  private static PortfolioResult portfolio() {
    return new PortfolioEngine(
            new PortfolioConfig(
                EngineConfig.defaults().withCommission(new CommissionModel.PercentOfNotional(0.1)),
                new Allocator.InverseVol(),
                new Covariance.Shrinkage.LedoitWolf(),
                20,
                new RebalanceSchedule.EveryBars(15),
                0.1,
                252))
        .run(List.of(sleeve("x", 1), sleeve("y", 2), sleeve("z", 3)));
  }

  private static RunInfo info(String id) {
    return new RunInfo(
        id,
        RunKind.PORTFOLIO,
        "portfolio(inverse_vol)",
        "X,Y,Z",
        "a: 1\n",
        42,
        "fp",
        "test",
        RunStatus.RUNNING,
        NOW,
        null,
        -1,
        "");
  }

  @Test
  void aPortfolioRunIsStoredLikeARunPlusItsSleevesWeightsCovarianceAndRebalances()
      throws SQLException {
    PortfolioResult p = portfolio();
    Metrics m = MetricsCalculator.compute(p.portfolio());
    Path db = dir.resolve("q.duckdb");
    try (RunStore store = RunStore.open(db, TestData.fixedClock(NOW))) {
      store.startRun(info("p1"));
      store.completePortfolioRun("p1", p, () -> m, 5);
      StoredRun run = store.loadRun("p1");
      assertThat(run.info().kind()).isEqualTo(RunKind.PORTFOLIO);
      assertThat(run.info().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.equity()).isEqualTo(p.portfolio().equity());
      assertThat(run.fills()).isEqualTo(p.portfolio().fills());
      assertThat(run.trades()).isEqualTo(p.portfolio().trades());
      List<PortfolioRows.StoredSleeve> sleeves = store.portfolioSleeves("p1");
      assertThat(sleeves)
          .extracting(PortfolioRows.StoredSleeve::name)
          .containsExactly("x", "y", "z");
      for (int i = 0; i < 3; i++) {
        assertThat(sleeves.get(i).pnl()).isEqualTo(p.sleeves().get(i).pnl());
        assertThat(sleeves.get(i).contributionRisk())
            .isEqualTo(p.sleeves().get(i).contributionToRisk());
        assertThat(sleeves.get(i).symbols()).isEqualTo(p.sleeves().get(i).symbols().get(0));
      }
    }
    try (Connection c = TestData.raw(db)) {
      int bars = p.portfolio().equity().size();
      assertThat(TestData.countRows(c, "portfolio_weights", "p1")).isEqualTo(3L * bars);
      assertThat(TestData.countRows(c, "portfolio_covariance", "p1")).isEqualTo(9);
      assertThat(TestData.countRows(c, "portfolio_rebalances", "p1"))
          .isEqualTo(p.rebalances().size())
          .isGreaterThan(3);
    }
  }

  @Test
  void aFailureWritingThePortfolioTablesLeavesNothingAndTheRunRunning() throws SQLException {
    PortfolioResult p = portfolio();
    Path db = dir.resolve("q.duckdb");
    WriteHook failAtPortfolio =
        (runId, table) -> {
          if (table.equals("portfolio")) {
            throw new IllegalStateException("simulated failure after the portfolio tables");
          }
        };
    try (RunStore store =
        RunStore.open(
            db,
            TestData.fixedClock(NOW),
            RandomGenerator.of("L64X128MixRandom"),
            failAtPortfolio)) {
      store.startRun(info("doomed"));
      assertThatThrownBy(() ->
              store.completePortfolioRun(
                  "doomed", p, () -> MetricsCalculator.compute(p.portfolio()), 1))
          .hasMessage("simulated failure after the portfolio tables");
      assertThat(store.findRun("doomed").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      store.failRun("doomed", "simulated");
    }
    try (Connection c = TestData.raw(db)) {
      for (String table : TABLES) {
        assertThat(TestData.countRows(c, table, "doomed")).as(table).isZero();
      }
    }
  }
}
