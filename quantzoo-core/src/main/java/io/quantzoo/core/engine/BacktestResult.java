package io.quantzoo.core.engine;

import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import java.util.List;
import java.util.Objects;

/**
 * Everything a backtest produced. Deterministic: the same config, data and seed give an equal
 * result (no wall-clock timings in here).
 *
 * @param instruments the traded instruments, in config order (the first is the benchmark)
 * @param equity the equity curve, one point per timestamp of the merged clock
 * @param trades closed trades in the order they closed
 * @param fills every fill in execution order
 * @param initialCash starting cash
 * @param seed the random seed used (stored with the run)
 * @param fillModel the fill model used
 * @param orders counts of orders by final state
 * @param buyAndHoldReturnPct return of holding the first instrument from its first to its last
 *     close, in percent
 * @param openPositionsAtEnd symbols still open at the end (when close_at_end is false)
 */
public record BacktestResult(
    List<Instrument> instruments,
    EquityCurve equity,
    List<Trade> trades,
    List<Fill> fills,
    double initialCash,
    long seed,
    FillModel fillModel,
    OrderStats orders,
    double buyAndHoldReturnPct,
    List<String> openPositionsAtEnd) {

  public BacktestResult {
    instruments = List.copyOf(instruments);
    Objects.requireNonNull(equity, "equity");
    trades = List.copyOf(trades);
    fills = List.copyOf(fills);
    Objects.requireNonNull(fillModel, "fillModel");
    Objects.requireNonNull(orders, "orders");
    openPositionsAtEnd = List.copyOf(openPositionsAtEnd);
  }

  /**
   * Order counts by final state.
   *
   * @param submitted every order accepted into the book
   * @param filled orders that filled
   * @param cancelled orders cancelled (by the strategy, OCO, or a closed position)
   * @param expired DAY orders that expired
   * @param rejected orders refused (e.g. sized to zero, or risk sizing without a stop)
   */
  public record OrderStats(int submitted, int filled, int cancelled, int expired, int rejected) {}
}
