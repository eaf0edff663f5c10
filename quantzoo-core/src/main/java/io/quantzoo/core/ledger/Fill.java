package io.quantzoo.core.ledger;

import io.quantzoo.core.order.Side;
import java.util.Objects;

/**
 * One execution.
 *
 * @param fillId sequence number within the run, from 1
 * @param orderId the order it filled
 * @param symbol instrument symbol
 * @param timeMillis time of the bar on which it filled (epoch ms, UTC)
 * @param barIndex index of that bar in the symbol's series
 * @param side buy or sell
 * @param quantity filled quantity (&gt; 0)
 * @param price fill price, slippage included
 * @param commission commission charged (&gt;= 0, in account currency)
 * @param slippageCost cost of slippage versus the unslipped reference price (&gt;= 0)
 * @param tag the order's reason tag
 */
public record Fill(
    long fillId,
    long orderId,
    String symbol,
    long timeMillis,
    int barIndex,
    Side side,
    double quantity,
    double price,
    double commission,
    double slippageCost,
    String tag) {
  public Fill {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(tag, "tag");
  }
}
