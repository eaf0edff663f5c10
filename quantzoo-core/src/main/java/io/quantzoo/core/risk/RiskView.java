package io.quantzoo.core.risk;

import io.quantzoo.core.instrument.Instrument;
import java.util.List;

/**
 * What a {@link RiskGate} may read about the account when it checks an order. Every read is cheap
 * (no I/O; at most a pass over the working orders). The order being checked is not among the
 * working orders counted here.
 */
public interface RiskView {

  /** Signed position of a symbol. */
  double position(String symbol);

  /** Signed quantity of the symbol's working orders (buys positive), estimated for sized ones. */
  double workingQuantity(String symbol);

  /**
   * Signed quantity of the symbol's working orders that may add exposure (buys positive): neither
   * protective exits, nor reduce-only, nor close-position orders.
   */
  double openingQuantity(String symbol);

  /**
   * Notional of every working order that may add exposure, all symbols: the sum of leaves quantity
   * × price (limit or stop price, else the latest price) × point value.
   */
  double openingNotional();

  /** Number of working orders (protective exits included). */
  int openOrderCount();

  /** Latest price of a symbol (its latest close), NaN before its first bar. */
  double lastPrice(String symbol);

  /** Account equity at the latest marks. */
  double equity();

  /** Cash balance. */
  double cash();

  /** Gross exposure of the positions: the sum of |position| × mark × point value. */
  double grossExposure();

  /** The traded symbols, in the order of the run (the first one sets the risk day's timezone). */
  List<String> symbols();

  /** A traded symbol's instrument (point value, tick, exchange timezone, session hours). */
  Instrument instrument(String symbol);

  /** Open time of the symbol's newest bar (epoch ms), {@link Long#MIN_VALUE} before its first. */
  long barTimeMillis(String symbol);

  /**
   * The symbol's bar interval in ms: the smallest spacing between consecutive bars seen so far
   * (gaps such as weekends do not widen it), 0 before its second bar.
   */
  long barIntervalMillis(String symbol);

  /**
   * The trading clock: the latest bar's open time in backtests, wall-clock time live (epoch ms).
   */
  long clockMillis();
}
