package io.quantzoo.core.testkit;

import io.quantzoo.core.order.OrderCanceled;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderReplaced;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A test strategy that runs given actions on given bar indexes (of any symbol) and at the stop, and
 * records every order event it receives and, in one log, every call the core made to it.
 */
public final class Recorder implements Strategy {
  /** Every order event received, in order. */
  public final List<OrderEvent> events = new ArrayList<>();

  /**
   * Every call in order: "start", "bar i", "stop", and one line per event, e.g. "OrderFilled #1 BUY
   * 10.0@101.0", "OrderCanceled #2 REQUESTED", "OrderDenied #3 SIZE_ZERO".
   */
  public final List<String> log = new ArrayList<>();

  private final Map<Integer, Consumer<StrategyContext>> actions = new HashMap<>();
  private Consumer<StrategyContext> atStop = c -> {};
  private BiConsumer<StrategyContext, OrderEvent> onEvent = (c, e) -> {};

  public static Recorder record() {
    return new Recorder();
  }

  /** Runs {@code action} when bar {@code index} is seen. */
  public Recorder at(int index, Consumer<StrategyContext> action) {
    actions.merge(index, action, Consumer::andThen);
    return this;
  }

  /** Runs {@code action} in {@code onStop}. */
  public Recorder atStop(Consumer<StrategyContext> action) {
    atStop = atStop.andThen(action);
    return this;
  }

  /** Runs {@code action} for every order event, after recording it. */
  public Recorder onEvent(BiConsumer<StrategyContext, OrderEvent> action) {
    onEvent = onEvent.andThen(action);
    return this;
  }

  /** The recorded events of one type, in order. */
  public <T extends OrderEvent> List<T> eventsOf(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (OrderEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** The log lines that describe events (everything but start, bar and stop). */
  public List<String> eventLog() {
    List<String> out = new ArrayList<>();
    for (String line : log) {
      if (line.startsWith("Order")) {
        out.add(line);
      }
    }
    return out;
  }

  @Override
  public void onStart(StrategyContext ctx) {
    log.add("start");
  }

  @Override
  public void onBar(StrategyContext ctx) {
    log.add("bar " + ctx.barIndex());
    Consumer<StrategyContext> a = actions.get(ctx.barIndex());
    if (a != null) {
      a.accept(ctx);
    }
  }

  @Override
  public void onOrderEvent(StrategyContext ctx, OrderEvent e) {
    events.add(e);
    log.add(describe(e));
    onEvent.accept(ctx, e);
  }

  @Override
  public void onStop(StrategyContext ctx) {
    log.add("stop");
    atStop.accept(ctx);
  }

  /** One line for an event: its type, order id and the detail that matters. */
  public static String describe(OrderEvent e) {
    String head = e.getClass().getSimpleName() + " " + e.orderId();
    return switch (e) {
      case OrderFilled f -> head + " " + f.side() + " " + f.quantity() + "@" + f.price();
      case OrderCanceled c -> head + " " + c.reason();
      case OrderDenied d -> head + " " + d.rule();
      case OrderReplaced r -> head + " -> " + r.replacementId();
      default -> head;
    };
  }
}
