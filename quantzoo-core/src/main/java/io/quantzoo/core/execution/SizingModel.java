package io.quantzoo.core.execution;

import io.quantzoo.core.instrument.Instrument;

/**
 * Decides the quantity of orders that ask to be sized ({@code QuantityMode.SIZED}), at fill time,
 * from the fill price and the equity at that moment. Quantities are rounded down to the
 * instrument's lot step; a result of zero means the order is rejected as too small.
 */
public sealed interface SizingModel {

  /**
   * Quantity to trade.
   *
   * @param equity account equity at fill time
   * @param price the fill price
   * @param stopDistance distance to the attached stop-loss in price units, or NaN if none
   * @param instrument the instrument (point value, lot step)
   * @return the quantity (&gt;= 0), rounded down to the lot step
   */
  double quantity(double equity, double price, double stopDistance, Instrument instrument);

  /** A fixed quantity per entry. */
  record Fixed(double quantity) implements SizingModel {
    public Fixed {
      if (!(quantity > 0)) {
        throw new IllegalArgumentException("sizing quantity must be > 0, was " + quantity);
      }
    }

    @Override
    public double quantity(double equity, double price, double stopDistance, Instrument inst) {
      return inst.roundLotDown(quantity);
    }
  }

  /**
   * Notional equal to a percentage of equity: {@code qty = equity × percent/100 / (price ×
   * pointValue)}.
   */
  record PercentOfEquity(double percent) implements SizingModel {
    public PercentOfEquity {
      if (!(percent > 0) || percent > 1000) {
        throw new IllegalArgumentException("sizing percent must be in (0, 1000], was " + percent);
      }
    }

    @Override
    public double quantity(double equity, double price, double stopDistance, Instrument inst) {
      if (!(equity > 0)) {
        return 0;
      }
      return inst.roundLotDown(equity * percent / 100.0 / (price * inst.pointValue()));
    }
  }

  /**
   * Risk a percentage of equity over the stop distance: {@code qty = equity × percent/100 /
   * (stopDistance × pointValue)}. Needs an attached stop-loss; without one the order is rejected.
   */
  record Risk(double percent) implements SizingModel {
    public Risk {
      if (!(percent > 0) || percent > 100) {
        throw new IllegalArgumentException(
            "sizing risk percent must be in (0, 100], was " + percent);
      }
    }

    @Override
    public double quantity(double equity, double price, double stopDistance, Instrument inst) {
      if (!(equity > 0) || !(stopDistance > 0)) {
        return 0;
      }
      return inst.roundLotDown(equity * percent / 100.0 / (stopDistance * inst.pointValue()));
    }
  }
}
