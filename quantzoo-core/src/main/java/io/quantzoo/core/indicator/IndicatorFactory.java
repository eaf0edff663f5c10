package io.quantzoo.core.indicator;

import io.quantzoo.core.param.ParamRecords;
import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.param.Params;
import java.util.List;
import java.util.function.Function;

/**
 * Describes an indicator for {@code qz indicator} and builds instances from validated parameters.
 * Bar indicators ({@link Kind#BAR}) read OHLCV bars; pair indicators ({@link Kind#PAIR}) read two
 * aligned series.
 */
public interface IndicatorFactory {

  /** What an indicator reads. */
  enum Kind {
    BAR,
    PAIR
  }

  /** Lower-case name, e.g. "atr". */
  String name();

  /** One line of help, including the reference convention. */
  String description();

  List<ParamSpec> params();

  default Kind kind() {
    return Kind.BAR;
  }

  /** A fresh bar indicator; only for {@link Kind#BAR}. */
  Indicator create(Params params);

  /** A fresh pair indicator; only for {@link Kind#PAIR}. */
  default PairIndicator createPair(Params params) {
    throw new UnsupportedOperationException(name() + " is not a pair indicator");
  }

  /** A bar-indicator factory whose parameters are a typed record. */
  static <R extends Record> IndicatorFactory of(
      String name, String description, Class<R> paramsType, Function<R, Indicator> create) {
    List<ParamSpec> specs = ParamRecords.specs(paramsType);
    return new IndicatorFactory() {
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
      public Indicator create(Params params) {
        return create.apply(ParamRecords.bind(paramsType, params));
      }
    };
  }

  /** A pair-indicator factory whose parameters are a typed record. */
  static <R extends Record> IndicatorFactory pair(
      String name, String description, Class<R> paramsType, Function<R, PairIndicator> create) {
    List<ParamSpec> specs = ParamRecords.specs(paramsType);
    return new IndicatorFactory() {
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
      public Kind kind() {
        return Kind.PAIR;
      }

      @Override
      public Indicator create(Params params) {
        throw new UnsupportedOperationException(name + " reads two series: use createPair");
      }

      @Override
      public PairIndicator createPair(Params params) {
        return create.apply(ParamRecords.bind(paramsType, params));
      }
    };
  }
}
