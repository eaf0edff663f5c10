package io.quantzoo.core.portfolio;

import java.util.List;
import java.util.Objects;

/**
 * One rebalance: decided at the close of bar {@code index}, traded at each symbol's next open.
 *
 * @param index bar of the merged clock whose close decided it ({@code -1}: the initial allocation)
 * @param timeMillis that bar's time (the first bar's time for the initial allocation)
 * @param reason what triggered it
 * @param targets the new target weights, in sleeve order
 * @param turnover traded notional of its fills over the portfolio equity at the decision
 * @param cost commission plus slippage cost of its fills
 */
public record RebalanceEvent(
    int index, long timeMillis, Reason reason, List<Double> targets, double turnover, double cost) {

  /** What triggered a rebalance. */
  public enum Reason {
    INITIAL,
    SCHEDULE,
    DRIFT;

    public String dbName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RebalanceEvent {
    Objects.requireNonNull(reason, "reason");
    targets = List.copyOf(targets);
  }
}
