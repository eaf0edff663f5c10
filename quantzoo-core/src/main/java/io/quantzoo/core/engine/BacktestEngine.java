package io.quantzoo.core.engine;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.IntrabarPolicy;
import io.quantzoo.core.execution.OrderEventListener;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.feed.HistoricalBarFeed;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The backtest engine: the {@link TradingCore} over a {@link HistoricalBarFeed} and a {@link
 * io.quantzoo.core.execution.SimulatedVenue}. Replays and paper trading run the same core with
 * another feed, so a backtest and a replay of the same bars give the same trades.
 *
 * <p>For each bar of each symbol, in time order (ties in config order):
 *
 * <ol>
 *   <li>expire DAY orders from an earlier trading day;
 *   <li>process working orders against this bar: market orders fill at the open; limit, stop and
 *       stop-limit orders trigger from the bar's high/low, a gap through the price fills at the
 *       open; if a stop-loss and a take-profit could both trigger inside the bar, the configured
 *       {@link IntrabarPolicy} decides (the stop by default);
 *   <li>ratchet trailing stops and update excursions (MAE/MFE) from the bar's range;
 *   <li>mark the symbol at the close, deliver the order events to the strategy and call {@link
 *       Strategy#onBar}, which sees this bar and earlier ones only; its orders queue for the next
 *       bar (or, with {@link FillModel#ON_CLOSE}, market orders fill at this close);
 *   <li>after every symbol with a bar at this timestamp is done, record one equity point.
 * </ol>
 *
 * <p>At the end of data open positions are closed at the last close with reason {@code EndOfData}
 * unless {@code closeAtEnd} is false. Deterministic: randomness comes only from a {@link
 * SplittableRandom} seeded with the config's seed. Not thread-safe; an engine may run many
 * backtests one after another.
 */
public final class BacktestEngine {
  private final EngineConfig config;
  private final RiskGate gate;

  public BacktestEngine(EngineConfig config) {
    this(config, RiskGate.ALLOW_ALL);
  }

  /** An engine whose orders pass {@code gate} (research runs use {@link RiskGate#ALLOW_ALL}). */
  public BacktestEngine(EngineConfig config, RiskGate gate) {
    this.config = Objects.requireNonNull(config, "config");
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  public EngineConfig config() {
    return config;
  }

  /** Runs one backtest of a single symbol. */
  public BacktestResult run(SymbolData data, Strategy strategy) {
    return run(List.of(data), strategy);
  }

  /**
   * Runs one backtest.
   *
   * @param data one or more symbols; the first is the benchmark for buy-and-hold
   * @param strategy a fresh strategy instance
   * @throws IllegalArgumentException if no data, an empty series, or a duplicate symbol
   */
  public BacktestResult run(List<SymbolData> data, Strategy strategy) {
    return run(data, strategy, null);
  }

  /**
   * Runs one backtest, telling {@code listener} of every order event (accepted, filled, denied by
   * our rules, rejected by the venue...) as it happens.
   *
   * @param listener told of every order event, or null
   */
  public BacktestResult run(List<SymbolData> data, Strategy strategy, OrderEventListener listener) {
    Objects.requireNonNull(strategy, "strategy");
    if (data.isEmpty()) {
      throw new IllegalArgumentException("at least one symbol's data is required");
    }
    List<Instrument> instruments = new ArrayList<>(data.size());
    List<BarSeries> series = new ArrayList<>(data.size());
    for (SymbolData d : data) {
      instruments.add(d.instrument());
      series.add(d.bars());
    }
    BarHistory history = BarHistory.of(instruments, series);
    TradingCore core = TradingCore.simulated(config, history, strategy, gate, "bt");
    if (listener != null) {
      core.addListener(listener);
    }
    HistoricalBarFeed feed = new HistoricalBarFeed(history);
    BarGroup group = new BarGroup(history.symbolCount());
    core.start();
    while (feed.next(history, group)) {
      core.onBars(group);
    }
    return core.finish();
  }
}
