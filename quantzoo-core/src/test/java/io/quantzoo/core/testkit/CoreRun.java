package io.quantzoo.core.testkit;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.TradingCore;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.feed.HistoricalBarFeed;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.strategy.Strategy;
import java.util.List;

/**
 * A {@link TradingCore} over a simulated venue and one symbol's bars, driven bar by bar, so a test
 * can look at the order book, the venue and the ledger between bars (what {@code BacktestEngine}
 * does in one go).
 */
public final class CoreRun {
  public final TradingCore core;
  private final BarHistory history;
  private final HistoricalBarFeed feed;
  private final BarGroup group;

  public CoreRun(
      EngineConfig cfg, Instrument instrument, BarSeries bars, Strategy strategy, RiskGate gate) {
    history = BarHistory.of(List.of(instrument), List.of(bars));
    core = TradingCore.simulated(cfg, history, strategy, gate, "t");
    feed = new HistoricalBarFeed(history);
    group = new BarGroup(1);
  }

  public CoreRun(EngineConfig cfg, Instrument instrument, BarSeries bars, Strategy strategy) {
    this(cfg, instrument, bars, strategy, RiskGate.ALLOW_ALL);
  }

  /** Calls the strategy's onStart. */
  public CoreRun start() {
    core.start();
    return this;
  }

  /** Handles the next bar; false when there is none. */
  public boolean step() {
    if (!feed.next(history, group)) {
      return false;
    }
    core.onBars(group);
    return true;
  }

  /** Handles {@code n} more bars. */
  public CoreRun steps(int n) {
    for (int j = 0; j < n; j++) {
      if (!step()) {
        throw new IllegalStateException("no bar left after " + j + " of " + n);
      }
    }
    return this;
  }

  /** Handles every remaining bar, then ends the run. */
  public BacktestResult finish() {
    while (step()) {
      // every bar
    }
    return core.finish();
  }
}
