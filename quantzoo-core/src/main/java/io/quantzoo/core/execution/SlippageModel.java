package io.quantzoo.core.execution;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Side;
import java.util.random.RandomGenerator;

/**
 * Slippage on market and stop fills. Always adverse: buys fill higher, sells lower. Never random in
 * the trader's favour. Limit fills get no slippage (the limit price is a guarantee).
 */
public sealed interface SlippageModel {

  /**
   * The slipped fill price.
   *
   * @param price the reference price (open, close, or stop level)
   * @param side the fill's side
   * @param instrument the instrument (tick size)
   * @param random the run's seeded random source (only the random model draws from it)
   */
  double apply(double price, Side side, Instrument instrument, RandomGenerator random);

  /** No slippage. */
  record None() implements SlippageModel {
    @Override
    public double apply(double price, Side side, Instrument instrument, RandomGenerator random) {
      return price;
    }
  }

  /** A fixed number of ticks against the trader. */
  record Ticks(double ticks) implements SlippageModel {
    public Ticks {
      if (!(ticks >= 0)) {
        throw new IllegalArgumentException("slippage ticks must be >= 0, was " + ticks);
      }
    }

    @Override
    public double apply(double price, Side side, Instrument instrument, RandomGenerator random) {
      return price + side.sign() * ticks * instrument.tickSize();
    }
  }

  /** A fixed number of basis points of the price against the trader. */
  record BasisPoints(double bps) implements SlippageModel {
    public BasisPoints {
      if (!(bps >= 0)) {
        throw new IllegalArgumentException("slippage bps must be >= 0, was " + bps);
      }
    }

    @Override
    public double apply(double price, Side side, Instrument instrument, RandomGenerator random) {
      return price * (1 + side.sign() * bps / 10_000.0);
    }
  }

  /**
   * A whole number of ticks drawn uniformly from {@code [0, maxTicks]} by the run's seeded random
   * source, always against the trader. Deterministic for a given seed.
   */
  record RandomTicks(int maxTicks) implements SlippageModel {
    public RandomTicks {
      if (maxTicks < 0) {
        throw new IllegalArgumentException("slippage max_ticks must be >= 0, was " + maxTicks);
      }
    }

    @Override
    public double apply(double price, Side side, Instrument instrument, RandomGenerator random) {
      int ticks = random.nextInt(maxTicks + 1);
      return price + side.sign() * ticks * instrument.tickSize();
    }
  }
}
