package io.quantzoo.core.walkforward;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import io.quantzoo.core.strategy.StrategyContext;
import java.util.List;
import java.util.Optional;

/** A {@link StrategyContext} that forwards every call to a delegate set before each use. */
class ForwardingContext implements StrategyContext {
  StrategyContext delegate;

  @Override
  public String symbol() {
    return delegate.symbol();
  }

  @Override
  public Instrument instrument() {
    return delegate.instrument();
  }

  @Override
  public int barIndex() {
    return delegate.barIndex();
  }

  @Override
  public long timeMillis() {
    return delegate.timeMillis();
  }

  @Override
  public double open(int barsAgo) {
    return delegate.open(barsAgo);
  }

  @Override
  public double high(int barsAgo) {
    return delegate.high(barsAgo);
  }

  @Override
  public double low(int barsAgo) {
    return delegate.low(barsAgo);
  }

  @Override
  public double close(int barsAgo) {
    return delegate.close(barsAgo);
  }

  @Override
  public double volume(int barsAgo) {
    return delegate.volume(barsAgo);
  }

  @Override
  public List<String> symbols() {
    return delegate.symbols();
  }

  @Override
  public int barIndex(String symbol) {
    return delegate.barIndex(symbol);
  }

  @Override
  public long timeMillis(String symbol, int barsAgo) {
    return delegate.timeMillis(symbol, barsAgo);
  }

  @Override
  public double open(String symbol, int barsAgo) {
    return delegate.open(symbol, barsAgo);
  }

  @Override
  public double high(String symbol, int barsAgo) {
    return delegate.high(symbol, barsAgo);
  }

  @Override
  public double low(String symbol, int barsAgo) {
    return delegate.low(symbol, barsAgo);
  }

  @Override
  public double close(String symbol, int barsAgo) {
    return delegate.close(symbol, barsAgo);
  }

  @Override
  public double volume(String symbol, int barsAgo) {
    return delegate.volume(symbol, barsAgo);
  }

  @Override
  public int secondOfDay() {
    return delegate.secondOfDay();
  }

  @Override
  public double position() {
    return delegate.position();
  }

  @Override
  public double position(String symbol) {
    return delegate.position(symbol);
  }

  @Override
  public double averagePrice() {
    return delegate.averagePrice();
  }

  @Override
  public double averagePrice(String symbol) {
    return delegate.averagePrice(symbol);
  }

  @Override
  public int barsSinceEntry() {
    return delegate.barsSinceEntry();
  }

  @Override
  public double equity() {
    return delegate.equity();
  }

  @Override
  public double cash() {
    return delegate.cash();
  }

  @Override
  public OrderId submit(OrderRequest request) {
    return delegate.submit(request);
  }

  @Override
  public Optional<OrderId> enterLong(String tag, Exits exits) {
    return delegate.enterLong(tag, exits);
  }

  @Override
  public Optional<OrderId> enterShort(String tag, Exits exits) {
    return delegate.enterShort(tag, exits);
  }

  @Override
  public Optional<OrderId> exitPosition(String tag) {
    return delegate.exitPosition(tag);
  }

  @Override
  public Optional<OrderId> exitPosition(String symbol, String tag) {
    return delegate.exitPosition(symbol, tag);
  }

  @Override
  public boolean cancel(OrderId orderId) {
    return delegate.cancel(orderId);
  }

  @Override
  public OrderState orderState(OrderId id) {
    return delegate.orderState(id);
  }

  @Override
  public Optional<OrderId> modify(
      OrderId orderId, double quantity, double limitPrice, double stopPrice) {
    return delegate.modify(orderId, quantity, limitPrice, stopPrice);
  }

  @Override
  public void cancelAll() {
    delegate.cancelAll();
  }
}
