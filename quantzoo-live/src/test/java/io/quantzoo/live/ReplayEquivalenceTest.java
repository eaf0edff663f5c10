package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.strategy.StrategyFactory;
import io.quantzoo.core.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One code path: a paper session on a replayed feed at max speed gives exactly the trades, fills
 * and equity curve of the backtest of the same bars, for every built-in strategy, with costs, with
 * brackets and trailing stops, on one symbol and on two.
 */
class ReplayEquivalenceTest {
  @TempDir Path tmp;

  static final EngineConfig COSTS =
      EngineConfig.defaults()
          .withCommission(new CommissionModel.PercentOfNotional(0.1))
          .withSlippage(new SlippageModel.BasisPoints(2))
          .withSizing(new SizingModel.PercentOfEquity(95));

  static Stream<Arguments> everyStrategy() {
    return StrategyRegistry.builtIn().all().stream()
        .map(StrategyFactory::name)
        .map(name -> Arguments.of(name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStrategy")
  void everyBuiltInStrategyTradesTheSameOnTheReplayAsInTheBacktest(String name) {
    List<SymbolData> data;
    Map<String, Object> params = Map.of();
    EngineConfig cfg = COSTS;
    switch (name) {
      case "pairs" -> {
        data = List.of(Fixtures.head(Fixtures.btc(), 6000), Fixtures.head(Fixtures.eth(), 6000));
        params = Map.of("leg_a", "BTC-USD", "leg_b", "ETH-USD");
      }
      case "mnq808" -> {
        data = List.of(Fixtures.load("mnq-15m-synthetic-2025q1.csv", "MNQ", "America/New_York"));
        cfg =
            EngineConfig.defaults()
                .withCommission(new CommissionModel.PerUnit(0.62, 0))
                .withSlippage(new SlippageModel.Ticks(1))
                .withSizing(new SizingModel.Fixed(1));
      }
      default -> data = List.of(Fixtures.head(Fixtures.btc(), 6000));
    }
    assertSame(name, params, cfg, data);
  }

  @Test
  void bracketsAndOnCloseFillsAndRandomSlippageToo() {
    List<SymbolData> data = List.of(Fixtures.head(Fixtures.btc(), 8000));
    EngineConfig cfg =
        COSTS
            .withSlippage(new SlippageModel.RandomTicks(5))
            .withSizing(new SizingModel.Risk(1))
            .withSeed(7);
    Map<String, Object> bracket =
        Map.of("fast", 10, "slow", 40, "stop_atr", 2.0, "take_profit_atr", 3.0);
    assertSame("sma_cross", bracket, cfg, data);
    assertSame("sma_cross", bracket, cfg.withFillModel(FillModel.ON_CLOSE), data);
    assertSame("sma_cross", bracket, cfg.withCloseAtEnd(false), data);
  }

  @Test
  void twoSymbolsOnOneMergedClockWithGaps() {
    List<SymbolData> data =
        List.of(Fixtures.head(Fixtures.btc(), 9000), Fixtures.head(Fixtures.eth(), 9000));
    assertSame(
        "buy_and_hold",
        Map.of(),
        EngineConfig.defaults().withSizing(new SizingModel.PercentOfEquity(49)),
        data);
  }

  private void assertSame(
      String name, Map<String, ?> params, EngineConfig cfg, List<SymbolData> data) {
    BacktestResult bt = Fixtures.backtest(cfg, data, Fixtures.strategy(name, params));
    TradingDirectory dir = TradingDirectory.at(tmp.resolve(name + "-" + cfg.hashCode()));
    PaperTrader.Outcome out =
        Fixtures.trade(
            dir,
            Fixtures.spec("fp-" + name + cfg.hashCode(), name, data),
            cfg,
            data,
            Fixtures.strategy(name, params),
            Durability.OS);
    assertThat(out.status()).isEqualTo(PaperTrader.Status.COMPLETED);
    BacktestResult paper = out.result();
    assertThat(bt.trades()).as("the backtest trades at all").isNotEmpty();
    assertThat(paper.trades()).isEqualTo(bt.trades());
    assertThat(paper.fills()).isEqualTo(bt.fills());
    assertThat(paper.orders()).isEqualTo(bt.orders());
    assertThat(paper.openPositionsAtEnd()).isEqualTo(bt.openPositionsAtEnd());
    assertThat(paper.buyAndHoldReturnPct()).isEqualTo(bt.buyAndHoldReturnPct());
    assertThat(paper.equity().size()).isEqualTo(bt.equity().size());
    for (int i = 0; i < bt.equity().size(); i++) {
      assertThat(paper.equity().timeMillis(i)).isEqualTo(bt.equity().timeMillis(i));
      assertThat(paper.equity().equity(i)).isEqualTo(bt.equity().equity(i));
      assertThat(paper.equity().cash(i)).isEqualTo(bt.equity().cash(i));
      assertThat(paper.equity().exposure(i)).isEqualTo(bt.equity().exposure(i));
    }
    assertThat(out.finalEquity()).isEqualTo(bt.equity().equity(bt.equity().size() - 1));
    assertThat(out.trades()).isEqualTo(bt.trades().size());
    assertThat(out.fills()).isEqualTo(bt.fills().size());
  }
}
