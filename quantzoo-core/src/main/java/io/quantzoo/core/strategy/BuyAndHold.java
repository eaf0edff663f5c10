package io.quantzoo.core.strategy;

import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.param.Params;
import java.util.List;

/**
 * The benchmark: goes long on the first bar of each symbol (filling under the run's fill model) and
 * holds until the end of data.
 */
public final class BuyAndHold implements Strategy {
  @Override
  public void onBar(StrategyContext ctx) {
    if (ctx.barIndex() == 0) {
      ctx.enterLong("BuyAndHold");
    }
  }

  /** Factory: no parameters. */
  public static final class Factory implements StrategyFactory {
    @Override
    public String name() {
      return "buy_and_hold";
    }

    @Override
    public String description() {
      return "Buy on the first bar and hold to the end of data (the benchmark).";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of();
    }

    @Override
    public Strategy create(Params p) {
      return new BuyAndHold();
    }
  }
}
