package io.quantzoo.core.indicator;

import java.util.List;

/**
 * A technical indicator fed one bar at a time.
 *
 * <p>Contract, shared by every implementation:
 *
 * <ul>
 *   <li>{@link #update} is O(1) per bar (amortised), uses primitive doubles and allocates nothing.
 *   <li>The value after bar {@code t} depends only on bars {@code 0..t}: no look-ahead.
 *   <li>{@link #warmup()} is the number of leading bars whose value is NaN on a gap-free series;
 *       the first defined value is at bar index {@code warmup()}.
 *   <li>Several outputs (MACD, Bollinger Bands, ADX, ...) are read with {@link #value(int)}, in the
 *       order of {@link #outputs()}; {@link #value()} is the first one.
 * </ul>
 *
 * <p>To compute a whole column over a bar series use {@link Indicators#compute}.
 */
public interface Indicator {

  /** Feeds the next bar. {@code timeMillis} is the bar's open time, epoch ms UTC. */
  void update(long timeMillis, double open, double high, double low, double close, double volume);

  /** Output column names, e.g. {@code [macd, signal, histogram]}; one entry for most. */
  List<String> outputs();

  /** Latest value of output {@code k}; NaN during warm-up. */
  double value(int k);

  /** Latest value of the first output; NaN during warm-up. */
  default double value() {
    return value(0);
  }

  /** Number of leading bars whose value is NaN (index of the first defined value). */
  int warmup();

  /** Whether the first output has a value. */
  default boolean isReady() {
    return !Double.isNaN(value(0));
  }
}
