package io.quantzoo.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.app.PlanData;
import io.quantzoo.app.Plans;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.live.Durability;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.ReplayFeed;
import io.quantzoo.live.TradingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test that proves one code path: for every bundled run config, a paper session on the replay
 * of its data at max speed gives exactly the trades and final equity of {@code qz run}'s backtest
 * (same planning, same fill model, and the same pre-trade controls: {@code qz trade}'s defaults,
 * which the backtest gets through a {@code risk:}-equivalent gate).
 */
class TradeEquivalenceTest {
  @TempDir Path tmp;

  /** Every configs/*.yaml that {@code qz run} runs (portfolio configs run with qz portfolio). */
  static Stream<Path> runConfigs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "configs"))) {
      return s
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !read(p).contains("\nsleeves:"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runConfigs")
  void theReplayTradesExactlyAsTheBacktest(Path config) {
    RunPlan plan = Plans.load(config);
    BacktestResult bt =
        new BacktestEngine(plan.engine(), new PreTradeRiskGate(plan.tradingRiskLimits()))
            .run(PlanData.load(plan, new ArrayList<>()), plan.strategy().create(plan.params()));

    PaperTrader.Outcome out;
    try (TradeService.Session s =
        new TradeService(Clock.systemUTC())
            .open(
                plan,
                TradeService.REPLAY,
                TradeService.PAPER,
                ReplayFeed.MAX,
                Durability.OS,
                TradingDirectory.at(tmp.toAbsolutePath()),
                TradeSafety.unguarded())) {
      out = s.run();
    }
    assertThat(out.status()).isEqualTo(PaperTrader.Status.COMPLETED);
    assertThat(bt.trades()).isNotEmpty();
    assertThat(out.result().trades()).isEqualTo(bt.trades());
    assertThat(out.result().fills()).isEqualTo(bt.fills());
    assertThat(out.finalEquity()).isEqualTo(bt.equity().equity(bt.equity().size() - 1));
    assertThat(out.result().equity().size()).isEqualTo(bt.equity().size());
  }
}
