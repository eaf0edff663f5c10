package io.quantzoo.core.execution;

/**
 * Paces requests to a venue within the broker's own rate limit: a token bucket of {@code burst}
 * requests refilled at {@code ratePerSecond} (kept as the theoretical arrival time of the generic
 * cell rate algorithm, so it needs no timer). It delays rather than denies: {@link #reserve} says
 * how long to wait before sending. Unlike the pre-trade throttle ({@code max_orders_per_second}),
 * which refuses a runaway strategy's orders on the engine clock, the pacer never drops a request;
 * it runs on the wall clock of the process that talks to the venue. Not thread-safe: one sender.
 */
public final class VenuePacer {
  private final long interval;
  private final long tolerance;
  private final double ratePerSecond;
  private final int burst;
  private long tat;
  private boolean started;

  /**
   * @param ratePerSecond the venue's sustained limit, requests per second (&gt; 0)
   * @param burst how many requests may go at once after a quiet spell (&ge; 1)
   */
  public VenuePacer(double ratePerSecond, int burst) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate per second must be > 0, was " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be >= 1, was " + burst);
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.interval = Math.max(1, Math.round(1e9 / ratePerSecond));
    this.tolerance = (burst - 1) * interval;
  }

  /**
   * Takes the next slot for one request wanted at {@code nowNanos} ({@link System#nanoTime()} or a
   * test clock) and returns the nanoseconds to wait before sending it (0: send now). Requests
   * reserved while others wait queue behind them, each one interval later.
   */
  public long reserve(long nowNanos) {
    if (!started) {
      started = true;
      tat = nowNanos;
    }
    long start = Math.max(nowNanos, tat - tolerance);
    tat = Math.max(tat, nowNanos) + interval;
    return start - nowNanos;
  }

  /** Requests that could be sent at {@code nowNanos} without waiting. */
  public int available(long nowNanos) {
    if (!started) {
      return burst;
    }
    long free = tolerance + interval - Math.max(0, tat - nowNanos);
    return (int) Math.max(0, Math.min(burst, free / interval));
  }

  /** The sustained rate, requests per second. */
  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** The burst. */
  public int burst() {
    return burst;
  }
}
