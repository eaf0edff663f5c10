package io.quantzoo.core.order;

/**
 * Our identifier of an order: a positive sequence number, unique within one run or trading session
 * and assigned by the {@link OrderManager} before the order reaches any venue. A venue that needs a
 * string (a broker's {@code client_order_id}) gets {@link #clientOrderId(String)}.
 *
 * @param value the sequence number (&gt;= 1)
 */
public record OrderId(long value) implements Comparable<OrderId> {

  public OrderId {
    if (value < 1) {
      throw new IllegalArgumentException("order id must be >= 1, was " + value);
    }
  }

  /**
   * The client order id sent to a venue: {@code prefix-value}, e.g. {@code qz7f3a-42}. The prefix
   * identifies the trading session, so ids of two sessions never collide at one broker.
   */
  public String clientOrderId(String prefix) {
    return prefix + "-" + value;
  }

  @Override
  public int compareTo(OrderId o) {
    return Long.compare(value, o.value);
  }

  @Override
  public String toString() {
    return "#" + value;
  }
}
