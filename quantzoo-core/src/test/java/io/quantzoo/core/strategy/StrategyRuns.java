package io.quantzoo.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.CsvBarLoader;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.Bars;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Shared helpers of the built-in strategy tests. */
final class StrategyRuns {
  static final Instrument EQ = Instrument.equity("TEST");

  private StrategyRuns() {}

  /** Builds a strategy through the registry, so parameter names and defaults are exercised. */
  static Strategy create(String name, Map<String, ?> params) {
    StrategyFactory f = StrategyRegistry.builtIn().get(name);
    return f.create(Params.resolve(name, f.params(), params));
  }

  /** One unit per entry, no costs, next-open fills. */
  static EngineConfig oneUnit() {
    return EngineConfig.defaults().withSizing(new SizingModel.Fixed(1));
  }

  static BacktestResult run(String name, Map<String, ?> params, BarSeries bars) {
    return run(oneUnit(), create(name, params), bars);
  }

  static BacktestResult run(EngineConfig cfg, Strategy s, BarSeries bars) {
    return new BacktestEngine(cfg).run(new SymbolData(bars, EQ), s);
  }

  /** Bars of flat days (open = high = low = close) at the given closes. */
  static BarSeries flat(double... closes) {
    Bars b = Bars.of("TEST");
    for (double c : closes) {
      b.flat(c);
    }
    return b.build();
  }

  /** The price mirror image {@code p -> 2m - p} of a series (high and low swap). */
  static BarSeries mirror(BarSeries s, double m) {
    Bars b = Bars.of(s.symbol());
    for (int i = 0; i < s.size(); i++) {
      b.bar(2 * m - s.open(i), 2 * m - s.low(i), 2 * m - s.high(i), 2 * m - s.close(i));
    }
    return b.build();
  }

  /** A bundled data file from the repository's data/ folder, loaded as the configs load it. */
  static BarSeries load(String file, String symbol, String zone) {
    return CsvBarLoader.load(
            Path.of("..", "data", file),
            LoadOptions.defaults().withZone(ZoneId.of(zone)).withSymbol(symbol))
        .single();
  }

  /**
   * {@code strategy} with {@code params} on the bundled {@code file} as {@code symbol} (a catalog
   * instrument, timestamps in UTC), the way a configs/*.yaml file runs it: next-open fills,
   * percent-of-notional commission, bps slippage, the given sizing, 100,000 initial cash, seed 42,
   * closed at the end.
   */
  static BacktestResult runBundled(
      String strategy,
      Map<String, ?> params,
      String file,
      String symbol,
      double commissionPct,
      double slippageBps,
      SizingModel sizing) {
    EngineConfig cfg =
        EngineConfig.defaults()
            .withCommission(new CommissionModel.PercentOfNotional(commissionPct))
            .withSlippage(new SlippageModel.BasisPoints(slippageBps))
            .withSizing(sizing);
    return new BacktestEngine(cfg)
        .run(new SymbolData(load(file, symbol, "UTC"), catalog(symbol)), create(strategy, params));
  }

  static Instrument catalog(String symbol) {
    return InstrumentCatalog.find(symbol).orElseThrow();
  }

  static double netPnl(BacktestResult r) {
    return r.trades().stream().mapToDouble(Trade::netPnl).sum();
  }

  /**
   * No look-ahead: for every cut, a run on the bars before the cut gives exactly the fills (other
   * than the forced end-of-data close) and equity points of the full run before the cut, under
   * every fill model.
   */
  static void assertNoLookAhead(Supplier<Strategy> strategy, BarSeries full, int minTrades) {
    for (FillModel fm : FillModel.values()) {
      EngineConfig cfg =
          EngineConfig.defaults()
              .withFillModel(fm)
              .withSizing(new SizingModel.PercentOfEquity(100));
      BacktestResult all = run(cfg, strategy.get(), full);
      assertThat(all.trades())
          .as("the property needs trades to mean anything (%s)", fm)
          .hasSizeGreaterThanOrEqualTo(minTrades);
      for (int cut = 30; cut <= full.size(); cut += 23) {
        BacktestResult part = run(cfg, strategy.get(), full.slice(0, cut));
        int lastBar = cut - 1;
        List<Fill> expected =
            all.fills().stream()
                .filter(f -> f.barIndex() <= lastBar && !f.tag().equals("EndOfData"))
                .toList();
        List<Fill> actual =
            part.fills().stream().filter(f -> !f.tag().equals("EndOfData")).toList();
        assertThat(actual).as("fills before cut %d (%s)", cut, fm).isEqualTo(expected);
        for (int i = 0; i < lastBar; i++) {
          assertThat(part.equity().equity(i))
              .as("equity at %d, cut %d (%s)", i, cut, fm)
              .isEqualTo(all.equity().equity(i));
        }
      }
    }
  }
}
