package io.quantzoo.core.walkforward;

import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import java.util.Optional;

/**
 * The context of a strategy instance that is warming up: it reads the real bars, account equity and
 * cash, but sees itself flat, and every order it places is dropped: {@link #submit} returns an id
 * of its own (never one of the run's) whose state is {@link OrderState#DENIED}, the convenience
 * methods place nothing (empty), and cancels return false. Warming up thus updates indicators and
 * internal state exactly as trading would, without touching the account.
 */
final class MutedContext extends ForwardingContext {
  /** Muted ids start far above any id a run issues, so they never name a real order. */
  private static final long FIRST_ID = 1L << 62;

  private long nextId = FIRST_ID;

  @Override
  public double position() {
    return 0;
  }

  @Override
  public double position(String symbol) {
    return 0;
  }

  @Override
  public double averagePrice() {
    return Double.NaN;
  }

  @Override
  public double averagePrice(String symbol) {
    return Double.NaN;
  }

  @Override
  public int barsSinceEntry() {
    return -1;
  }

  @Override
  public OrderId submit(OrderRequest request) {
    return new OrderId(nextId++);
  }

  @Override
  public OrderState orderState(OrderId id) {
    return id.value() >= FIRST_ID ? OrderState.DENIED : delegate.orderState(id);
  }

  @Override
  public Optional<OrderId> enterLong(String tag, Exits exits) {
    return Optional.empty();
  }

  @Override
  public Optional<OrderId> enterShort(String tag, Exits exits) {
    return Optional.empty();
  }

  @Override
  public Optional<OrderId> exitPosition(String tag) {
    return Optional.empty();
  }

  @Override
  public Optional<OrderId> exitPosition(String symbol, String tag) {
    return Optional.empty();
  }

  @Override
  public boolean cancel(OrderId orderId) {
    return false;
  }

  @Override
  public Optional<OrderId> modify(
      OrderId orderId, double quantity, double limitPrice, double stopPrice) {
    return Optional.empty();
  }

  @Override
  public void cancelAll() {}
}
