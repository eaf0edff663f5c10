package io.quantzoo.core.walkforward;

import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderRequest;

/**
 * The context of a strategy instance that is warming up: it reads the real bars, account equity and
 * cash, but sees itself flat, and every order it places is dropped (ids are -1, cancels return
 * false). Warming up thus updates indicators and internal state exactly as trading would, without
 * touching the account.
 */
final class MutedContext extends ForwardingContext {
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
  public long submit(OrderRequest request) {
    return -1;
  }

  @Override
  public long enterLong(String tag, Exits exits) {
    return -1;
  }

  @Override
  public long enterShort(String tag, Exits exits) {
    return -1;
  }

  @Override
  public long exitPosition(String tag) {
    return -1;
  }

  @Override
  public long exitPosition(String symbol, String tag) {
    return -1;
  }

  @Override
  public boolean cancel(long orderId) {
    return false;
  }

  @Override
  public void cancelAll() {}
}
