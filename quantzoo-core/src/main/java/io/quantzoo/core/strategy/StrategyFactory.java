package io.quantzoo.core.strategy;

import java.util.List;

/** Describes a strategy and builds instances from validated parameters. */
public interface StrategyFactory {

  /** snake_case name used in configs, e.g. "sma_cross". */
  String name();

  /** One-line description. */
  String description();

  /** Declared parameters, in display order. */
  List<ParamSpec> params();

  /**
   * Builds a new strategy instance (strategies are stateful: one instance per run).
   *
   * @throws io.quantzoo.core.util.ConfigException if parameters contradict each other
   */
  Strategy create(Params params);
}
