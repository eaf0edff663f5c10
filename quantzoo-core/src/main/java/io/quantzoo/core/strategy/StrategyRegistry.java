package io.quantzoo.core.strategy;

import io.quantzoo.core.util.ConfigException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Strategies by name. {@link #builtIn()} holds the strategies shipped with QuantZoo. */
public final class StrategyRegistry {
  private final Map<String, StrategyFactory> factories = new LinkedHashMap<>();

  public static StrategyRegistry builtIn() {
    StrategyRegistry r = new StrategyRegistry();
    r.register(new SmaCross.Factory());
    r.register(new BuyAndHold.Factory());
    r.register(BollingerReversion.factory());
    r.register(DonchianBreakout.factory());
    r.register(MacdTrend.factory());
    r.register(Pairs.factory());
    r.register(Mnq808.factory());
    r.register(Momentum.factory());
    r.register(VolBreakout.factory());
    r.register(RsiReversion.factory());
    return r;
  }

  public StrategyRegistry register(StrategyFactory f) {
    if (factories.putIfAbsent(f.name(), f) != null) {
      throw new IllegalArgumentException("strategy " + f.name() + " is already registered");
    }
    return this;
  }

  /**
   * The factory for a name.
   *
   * @throws ConfigException if unknown, listing the known names
   */
  public StrategyFactory get(String name) {
    StrategyFactory f = factories.get(name);
    if (f == null) {
      throw new ConfigException(
          "strategy",
          "unknown strategy '" + name + "'; known: " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  public Collection<StrategyFactory> all() {
    return Collections.unmodifiableCollection(factories.values());
  }
}
