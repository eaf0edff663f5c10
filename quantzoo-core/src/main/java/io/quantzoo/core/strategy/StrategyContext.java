package io.quantzoo.core.strategy;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderRequest;
import java.time.Instant;

/**
 * What a strategy sees and can do while handling one bar.
 *
 * <p>Series access is by bars-ago: {@code close(0)} is the bar just closed, {@code close(1)} the
 * one before. {@code barsAgo} must be in {@code [0, barIndex()]}; a negative value (a look into the
 * future) throws {@link IllegalArgumentException}. Values refer to the symbol of the current bar.
 */
public interface StrategyContext {

  /** Symbol of the current bar. */
  String symbol();

  /** The current symbol's instrument. */
  Instrument instrument();

  /** Index of the current bar in its symbol's series (0-based). */
  int barIndex();

  /** Open time of the current bar, epoch milliseconds UTC. */
  long timeMillis();

  default Instant time() {
    return Instant.ofEpochMilli(timeMillis());
  }

  double open(int barsAgo);

  double high(int barsAgo);

  double low(int barsAgo);

  double close(int barsAgo);

  double volume(int barsAgo);

  default double open() {
    return open(0);
  }

  default double high() {
    return high(0);
  }

  default double low() {
    return low(0);
  }

  default double close() {
    return close(0);
  }

  default double volume() {
    return volume(0);
  }

  /** Signed position of the current symbol (&gt; 0 long, &lt; 0 short). */
  double position();

  /** Signed position of any traded symbol. */
  double position(String symbol);

  /** Average entry price of the current symbol's position, NaN if flat. */
  double averagePrice();

  default boolean isFlat() {
    return position() == 0;
  }

  default boolean isLong() {
    return position() > 0;
  }

  default boolean isShort() {
    return position() < 0;
  }

  /** Account equity marked at the latest prices. */
  double equity();

  /** Cash balance. */
  double cash();

  /** Submits an order; returns its id. */
  long submit(OrderRequest request);

  /**
   * Goes long, sized by the run's sizing model: if short, first closes the short (a reversal); if
   * already long, does nothing. Returns the entry order id, or -1 if nothing was placed.
   */
  long enterLong(String tag, Exits exits);

  /** Goes short; the mirror of {@link #enterLong}. */
  long enterShort(String tag, Exits exits);

  default long enterLong(String tag) {
    return enterLong(tag, Exits.NONE);
  }

  default long enterShort(String tag) {
    return enterShort(tag, Exits.NONE);
  }

  /** Closes the current symbol's position at market (no-op if flat). Returns the order id or -1. */
  long exitPosition(String tag);

  /** Cancels a working order; returns whether it was working. */
  boolean cancel(long orderId);

  /** Cancels every working order of the current symbol, protective exits included. */
  void cancelAll();
}
