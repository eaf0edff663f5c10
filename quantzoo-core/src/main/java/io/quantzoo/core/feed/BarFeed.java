package io.quantzoo.core.feed;

/**
 * A source of closed bars, in time order. Each call to {@link #next} waits (a replay or live feed)
 * or not (a historical one) until the bars of the next open time have closed, makes them the latest
 * bars of the {@link BarHistory}, and names them in the {@link BarGroup}.
 */
public interface BarFeed extends AutoCloseable {

  /**
   * Delivers the next group of bars.
   *
   * @return false at the end of the feed (nothing delivered)
   * @throws InterruptedException if the waiting thread was interrupted (a stop request)
   */
  boolean next(BarHistory history, BarGroup group) throws InterruptedException;

  @Override
  default void close() {}
}
