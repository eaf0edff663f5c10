package io.quantzoo.core.engine;

import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.IntrabarPolicy;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import java.util.Objects;

/**
 * How the engine simulates execution and accounting. Defaults live in {@link #defaults()} only.
 *
 * @param initialCash starting cash (&gt; 0)
 * @param fillModel when market orders fill
 * @param commission commission per fill
 * @param slippage slippage on market and stop fills (always adverse)
 * @param sizing quantity of orders that ask to be sized
 * @param intrabarPolicy which exit wins when stop and target both trigger inside one bar
 * @param closeAtEnd close open positions at the last close (reason {@code EndOfData})
 * @param seed seed of the run's random source (random slippage only); stored with the run
 */
public record EngineConfig(
    double initialCash,
    FillModel fillModel,
    CommissionModel commission,
    SlippageModel slippage,
    SizingModel sizing,
    IntrabarPolicy intrabarPolicy,
    boolean closeAtEnd,
    long seed) {

  public EngineConfig {
    if (!(initialCash > 0) || !Double.isFinite(initialCash)) {
      throw new IllegalArgumentException("initial_cash must be > 0, was " + initialCash);
    }
    Objects.requireNonNull(fillModel, "fillModel");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(intrabarPolicy, "intrabarPolicy");
  }

  /**
   * 100,000 cash, next-open fills, no costs, 100 % of equity per entry, stop wins intrabar, close
   * at end, seed 42.
   */
  public static EngineConfig defaults() {
    return new EngineConfig(
        100_000,
        FillModel.NEXT_OPEN,
        new CommissionModel.None(),
        new SlippageModel.None(),
        new SizingModel.PercentOfEquity(100),
        IntrabarPolicy.STOP_FIRST,
        true,
        42);
  }

  public EngineConfig withInitialCash(double v) {
    return new EngineConfig(
        v, fillModel, commission, slippage, sizing, intrabarPolicy, closeAtEnd, seed);
  }

  public EngineConfig withFillModel(FillModel v) {
    return new EngineConfig(
        initialCash, v, commission, slippage, sizing, intrabarPolicy, closeAtEnd, seed);
  }

  public EngineConfig withCommission(CommissionModel v) {
    return new EngineConfig(
        initialCash, fillModel, v, slippage, sizing, intrabarPolicy, closeAtEnd, seed);
  }

  public EngineConfig withSlippage(SlippageModel v) {
    return new EngineConfig(
        initialCash, fillModel, commission, v, sizing, intrabarPolicy, closeAtEnd, seed);
  }

  public EngineConfig withSizing(SizingModel v) {
    return new EngineConfig(
        initialCash, fillModel, commission, slippage, v, intrabarPolicy, closeAtEnd, seed);
  }

  public EngineConfig withIntrabarPolicy(IntrabarPolicy v) {
    return new EngineConfig(
        initialCash, fillModel, commission, slippage, sizing, v, closeAtEnd, seed);
  }

  public EngineConfig withCloseAtEnd(boolean v) {
    return new EngineConfig(
        initialCash, fillModel, commission, slippage, sizing, intrabarPolicy, v, seed);
  }

  public EngineConfig withSeed(long v) {
    return new EngineConfig(
        initialCash, fillModel, commission, slippage, sizing, intrabarPolicy, closeAtEnd, v);
  }
}
