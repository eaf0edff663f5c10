package io.quantzoo.core.ledger;

import java.util.Objects;

/**
 * One closed trade: a position (or the part of it) from entry to exit.
 *
 * <p>A partial close produces a trade for the closed quantity; the rest stays open with the same
 * average entry price. Scaling in averages the entry price. {@code grossPnl} is computed from the
 * actual fill prices, so slippage is already inside it; {@code slippage} says how much of it was
 * slippage (it is not subtracted twice). {@code netPnl = grossPnl - commission}.
 *
 * @param tradeId sequence number within the run, from 1
 * @param symbol instrument symbol
 * @param direction LONG or SHORT
 * @param quantity closed quantity (&gt; 0)
 * @param entryTimeMillis time of the bar of the first entry fill
 * @param exitTimeMillis time of the bar of the exit fill
 * @param entryPrice average entry fill price
 * @param exitPrice exit fill price
 * @param grossPnl {@code (exit - entry) × quantity × pointValue}, sign-adjusted for shorts
 * @param commission entry commission (pro rata) plus exit commission
 * @param slippage entry slippage cost (pro rata) plus exit slippage cost
 * @param netPnl gross minus commission
 * @param returnPct net P&amp;L as a percent of the entry notional ({@code entry × qty ×
 *     pointValue})
 * @param barsHeld number of bars between the entry fill bar and the exit fill bar
 * @param mae maximum adverse excursion in currency (&lt;= 0), from bar extremes while open
 * @param mfe maximum favourable excursion in currency (&gt;= 0), from bar extremes while open
 * @param entryReason tag of the entry order
 * @param exitReason tag of the exit order (e.g. "StopLoss", "TakeProfit", "EndOfData")
 */
public record Trade(
    long tradeId,
    String symbol,
    Direction direction,
    double quantity,
    long entryTimeMillis,
    long exitTimeMillis,
    double entryPrice,
    double exitPrice,
    double grossPnl,
    double commission,
    double slippage,
    double netPnl,
    double returnPct,
    int barsHeld,
    double mae,
    double mfe,
    String entryReason,
    String exitReason) {

  /** Trade direction. */
  public enum Direction {
    LONG,
    SHORT
  }

  public Trade {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(entryReason, "entryReason");
    Objects.requireNonNull(exitReason, "exitReason");
  }
}
