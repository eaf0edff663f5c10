package io.quantzoo.core.strategy;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.CsvBarLoader;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.Params;
import java.nio.file.Path;
import java.util.Map;

/** Runs a registered strategy on a bundled data file the way a configs/*.yaml file does. */
final class RealDataRuns {
  private RealDataRuns() {}

  /**
   * {@code strategy} with {@code params} on {@code ../data/file} as {@code symbol} (a catalog
   * instrument), next-open fills, percent-of-notional commission and bps slippage, the given
   * sizing, 100,000 initial cash, seed 42, closed at the end.
   */
  static BacktestResult run(
      String strategy,
      Map<String, Object> params,
      String file,
      String symbol,
      double commissionPct,
      double slippageBps,
      SizingModel sizing) {
    BarSeries bars =
        CsvBarLoader.load(Path.of("../data", file), LoadOptions.defaults().withSymbol(symbol))
            .single();
    StrategyFactory f = StrategyRegistry.builtIn().get(strategy);
    Strategy s = f.create(Params.resolve(strategy, f.params(), params));
    EngineConfig cfg =
        EngineConfig.defaults()
            .withCommission(new CommissionModel.PercentOfNotional(commissionPct))
            .withSlippage(new SlippageModel.BasisPoints(slippageBps))
            .withSizing(sizing);
    return new BacktestEngine(cfg)
        .run(new SymbolData(bars, InstrumentCatalog.find(symbol).orElseThrow()), s);
  }

  static double netPnl(BacktestResult r) {
    double sum = 0;
    for (Trade t : r.trades()) {
      sum += t.netPnl();
    }
    return sum;
  }
}
