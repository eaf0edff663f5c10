package io.quantzoo.core.strategy;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import io.quantzoo.core.order.Side;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What a strategy sees and can do while handling one bar.
 *
 * <p>Series access is by bars-ago: {@code close(0)} is the bar just closed, {@code close(1)} the
 * one before. {@code barsAgo} must be in {@code [0, barIndex()]}; a negative value (a look into the
 * future) throws {@link IllegalArgumentException}. Values refer to the symbol of the current bar;
 * the {@code (String symbol, int barsAgo)} forms read another symbol of a multi-symbol run, counted
 * from that symbol's latest bar seen so far (never a bar later than the current time).
 *
 * <p>Session checks use the bar's open time in the instrument's exchange timezone.
 *
 * <p>Orders: {@link #submit} always creates an order and returns its {@link OrderId}. Our own rules
 * (sizing, a missing ATR, the risk gate) decide at once, so {@link #orderState} tells right after
 * the call whether it was {@link OrderState#DENIED}; what the venue does with it (accepted, filled,
 * canceled, ...) arrives later through {@link Strategy#onOrderEvent}. The convenience methods that
 * may place nothing (entering when already in that direction, exiting when flat) return an empty
 * {@link Optional}.
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

  /** Every symbol of the run, in data order. */
  List<String> symbols();

  /** Index of the latest bar seen for {@code symbol} (-1 before its first bar). */
  int barIndex(String symbol);

  /** Open time (epoch ms UTC) of {@code symbol}'s bar {@code barsAgo} bars before its latest. */
  long timeMillis(String symbol, int barsAgo);

  double open(String symbol, int barsAgo);

  double high(String symbol, int barsAgo);

  double low(String symbol, int barsAgo);

  double close(String symbol, int barsAgo);

  double volume(String symbol, int barsAgo);

  /**
   * Seconds since local midnight of the current bar's open time, in the exchange timezone
   * (daylight-saving aware).
   */
  int secondOfDay();

  /** The current bar's open time as exchange-local wall-clock time. */
  default LocalTime localTime() {
    return LocalTime.ofSecondOfDay(secondOfDay());
  }

  /**
   * Whether the current bar's open time, in the exchange timezone, lies in {@code [start, end]}
   * (both inclusive). When {@code end < start} the window wraps past midnight (e.g. 18:00-17:00).
   */
  default boolean inSession(LocalTime start, LocalTime end) {
    int t = secondOfDay();
    int a = start.toSecondOfDay();
    int b = end.toSecondOfDay();
    return a <= b ? t >= a && t <= b : t >= a || t <= b;
  }

  /**
   * Whether the current bar's open time lies in the instrument's regular session {@code [open,
   * close)}; always true for instruments without a session (24h markets).
   */
  default boolean inRegularSession() {
    Instrument i = instrument();
    if (!i.hasSession()) {
      return true;
    }
    int t = secondOfDay();
    int a = i.sessionOpen().toSecondOfDay();
    int b = i.sessionClose().toSecondOfDay();
    return a <= b ? t >= a && t < b : t >= a || t < b;
  }

  /** Signed position of the current symbol (&gt; 0 long, &lt; 0 short). */
  double position();

  /** Signed position of any traded symbol. */
  double position(String symbol);

  /** Average entry price of the current symbol's position, NaN if flat. */
  double averagePrice();

  /** Average entry price of any symbol's position, NaN if flat. */
  double averagePrice(String symbol);

  /**
   * Bars since the current symbol's position was opened: 0 on the bar whose open filled the entry,
   * 1 on the next, ...; -1 when flat.
   */
  int barsSinceEntry();

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

  /**
   * Submits an order; returns its id. Our own rules have decided when this returns: {@link
   * #orderState} is {@link OrderState#DENIED} if they refused it.
   */
  OrderId submit(OrderRequest request);

  /**
   * Where an order stands (as far as the events received so far tell).
   *
   * @throws IllegalArgumentException if this run never issued the id
   */
  OrderState orderState(OrderId id);

  /** Whether the order was refused by our own rules ({@link OrderState#DENIED}). */
  default boolean isDenied(OrderId id) {
    return orderState(id) == OrderState.DENIED;
  }

  /**
   * Goes long, sized by the run's sizing model: if short, first closes the short (a reversal); if
   * already long, does nothing. Returns the entry order's id, or empty if nothing was placed.
   */
  Optional<OrderId> enterLong(String tag, Exits exits);

  /** Goes short; the mirror of {@link #enterLong}. */
  Optional<OrderId> enterShort(String tag, Exits exits);

  default Optional<OrderId> enterLong(String tag) {
    return enterLong(tag, Exits.NONE);
  }

  default Optional<OrderId> enterShort(String tag) {
    return enterShort(tag, Exits.NONE);
  }

  /** Closes the current symbol's position at market; empty (nothing placed) if flat. */
  Optional<OrderId> exitPosition(String tag);

  /** Closes {@code symbol}'s position at market; empty (nothing placed) if flat. */
  Optional<OrderId> exitPosition(String symbol, String tag);

  /** Market order for a fixed quantity of the current symbol. */
  default OrderId buy(double quantity, String tag, Exits exits) {
    return submit(OrderRequest.market(symbol(), Side.BUY, quantity, tag).withExits(exits));
  }

  /** Market order for a fixed quantity of the current symbol. */
  default OrderId sell(double quantity, String tag, Exits exits) {
    return submit(OrderRequest.market(symbol(), Side.SELL, quantity, tag).withExits(exits));
  }

  default OrderId buy(double quantity, String tag) {
    return buy(quantity, tag, Exits.NONE);
  }

  default OrderId sell(double quantity, String tag) {
    return sell(quantity, tag, Exits.NONE);
  }

  /** Market order for a fixed quantity of any symbol of the run. */
  default OrderId order(String symbol, Side side, double quantity, String tag) {
    return submit(OrderRequest.market(symbol, side, quantity, tag));
  }

  /** Limit order (GTC) for the current symbol; {@code quantity} NaN = sized by the run. */
  default OrderId limit(Side side, double quantity, double price, String tag, Exits exits) {
    return submit(OrderRequest.limit(symbol(), side, quantity, price, tag).withExits(exits));
  }

  /** Stop order (GTC) for the current symbol; {@code quantity} NaN = sized by the run. */
  default OrderId stop(Side side, double quantity, double stopPrice, String tag, Exits exits) {
    return submit(OrderRequest.stop(symbol(), side, quantity, stopPrice, tag).withExits(exits));
  }

  /**
   * Asks to cancel a working order; returns whether it was working (the {@code OrderCanceled} event
   * confirms; a fill that happens first is applied, never lost).
   */
  boolean cancel(OrderId orderId);

  /**
   * Asks to replace a working order's terms (NaN keeps a term: quantity, limit price, stop price).
   * Returns the replacement's id, which carries on when the venue confirms ({@code OrderReplaced});
   * empty if the order is not working or a cancel or replace is pending.
   */
  Optional<OrderId> modify(OrderId orderId, double quantity, double limitPrice, double stopPrice);

  /** Cancels every working order of the current symbol, protective exits included. */
  void cancelAll();
}
