package io.quantzoo.live;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.CsvBarLoader;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyFactory;
import io.quantzoo.core.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Bundled data, strategies and one-call sessions for the live tests. */
final class Fixtures {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  private Fixtures() {}

  static SymbolData load(String file, String symbol, String zone) {
    BarSeries b =
        CsvBarLoader.load(
                DATA.resolve(file),
                LoadOptions.defaults().withZone(ZoneId.of(zone)).withSymbol(symbol))
            .single();
    Instrument in = InstrumentCatalog.find(symbol).orElseThrow();
    return new SymbolData(b.withSymbol(in.symbol()), in);
  }

  static SymbolData btc() {
    return load("btc-usd-4h-2016-2025.csv", "BTC-USD", "UTC");
  }

  static SymbolData eth() {
    return load("eth-usd-4h-2016-2025.csv", "ETH-USD", "UTC");
  }

  /** The first {@code n} bars. */
  static SymbolData head(SymbolData d, int n) {
    return new SymbolData(d.bars().slice(0, Math.min(n, d.bars().size())), d.instrument());
  }

  static Strategy strategy(String name, Map<String, ?> params) {
    StrategyFactory f = StrategyRegistry.builtIn().get(name);
    return f.create(Params.resolve(name, f.params(), params));
  }

  static BacktestResult backtest(EngineConfig cfg, List<SymbolData> data, Strategy s) {
    return new BacktestEngine(cfg).run(data, s);
  }

  static SessionSpec spec(String fingerprint, String strategy, List<SymbolData> data) {
    return new SessionSpec(
        fingerprint,
        strategy,
        String.join(",", data.stream().map(d -> d.instrument().symbol()).toList()),
        42,
        "strategy: " + strategy + "\n",
        "fp",
        "data.csv",
        "replay",
        "paper");
  }

  /** Runs one paper session to its end at max speed. */
  static PaperTrader.Outcome trade(
      TradingDirectory dir,
      SessionSpec spec,
      EngineConfig cfg,
      List<SymbolData> data,
      Strategy s,
      Durability durability) {
    try (PaperTrader t = PaperTrader.open(dir, spec, durability, Clock.systemUTC())) {
      return t.run(cfg, s, new ReplayFeed(data, ReplayFeed.MAX, Pacer.SYSTEM));
    }
  }
}
