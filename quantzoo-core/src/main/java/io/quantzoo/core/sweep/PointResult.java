package io.quantzoo.core.sweep;

import io.quantzoo.core.analytics.Metrics;
import java.util.Objects;

/**
 * The outcome of one sweep point.
 *
 * @param point the point
 * @param status how it ended
 * @param objective the objective's value (NaN when undefined or not run)
 * @param score the ranking score, larger is better ({@link Objective#score})
 * @param metrics the run's metrics, null unless the backtest ran
 * @param returns return statistics, null unless the backtest ran
 * @param message why a point was invalid or failed, else empty
 */
public record PointResult(
    SweepPoint point,
    Status status,
    double objective,
    double score,
    Metrics metrics,
    ReturnStats returns,
    String message) {

  /** How a point ended. */
  public enum Status {
    /** Ran; ranked. */
    OK,
    /** Ran, with fewer trades than {@code min_trades}; stored but not ranked. */
    FEW_TRADES,
    /** The strategy refused the parameter combination (a rule between its parameters). */
    INVALID,
    /** The backtest threw; the message says why. */
    FAILED
  }

  public PointResult {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  public long index() {
    return point.index();
  }

  /** Whether the point takes part in the ranking. */
  public boolean ranked() {
    return status == Status.OK;
  }
}
