package io.quantzoo.core.testkit;

import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A test strategy that runs a given action on given bar indexes of a symbol. */
public final class Scripted implements Strategy {
  private final Map<String, Consumer<StrategyContext>> actions = new HashMap<>();

  public static Scripted script() {
    return new Scripted();
  }

  /** Runs {@code action} when bar {@code index} of any symbol is seen. */
  public Scripted at(int index, Consumer<StrategyContext> action) {
    return at("*", index, action);
  }

  /** Runs {@code action} when bar {@code index} of {@code symbol} is seen. */
  public Scripted at(String symbol, int index, Consumer<StrategyContext> action) {
    actions.merge(symbol + "@" + index, action, Consumer::andThen);
    return this;
  }

  @Override
  public void onBar(StrategyContext ctx) {
    Consumer<StrategyContext> a = actions.get(ctx.symbol() + "@" + ctx.barIndex());
    if (a == null) {
      a = actions.get("*@" + ctx.barIndex());
    }
    if (a != null) {
      a.accept(ctx);
    }
  }
}
