package io.quantzoo.core.portfolio;

import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.strategy.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * One sleeve: a strategy on its symbol(s) with its own parameters and sizing.
 *
 * @param name unique name within the portfolio
 * @param strategyName the strategy's registry name (for reports)
 * @param params the strategy's parameters as text (for reports)
 * @param data the sleeve's symbols, in order
 * @param strategy a fresh strategy instance
 * @param sizing how the sleeve sizes its orders inside its own account
 */
public record Sleeve(
    String name,
    String strategyName,
    String params,
    List<SymbolData> data,
    Strategy strategy,
    SizingModel sizing) {
  public Sleeve {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(strategyName, "strategyName");
    Objects.requireNonNull(params, "params");
    data = List.copyOf(data);
    if (data.isEmpty()) {
      throw new IllegalArgumentException("sleeve " + name + " has no data");
    }
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(sizing, "sizing");
  }
}
