package io.quantzoo.core.strategy;

import io.quantzoo.core.param.ParamRecords;
import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.param.Params;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

  /**
   * A factory whose parameters are a typed record annotated with {@link
   * io.quantzoo.core.param.Param}: the specs come from the record, and {@code create} receives a
   * validated record instance.
   */
  static <R extends Record> StrategyFactory of(
      String name, String description, Class<R> paramsType, Function<R, Strategy> create) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(create, "create");
    List<ParamSpec> specs = ParamRecords.specs(paramsType);
    return new StrategyFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public List<ParamSpec> params() {
        return specs;
      }

      @Override
      public Strategy create(Params params) {
        return create.apply(ParamRecords.bind(paramsType, params));
      }
    };
  }
}
