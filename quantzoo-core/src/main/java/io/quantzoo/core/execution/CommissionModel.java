package io.quantzoo.core.execution;

import io.quantzoo.core.instrument.Instrument;

/** Commission charged on each fill, in account currency. Always &gt;= 0. */
public sealed interface CommissionModel {

  /**
   * Commission for one fill.
   *
   * @param quantity filled quantity (&gt; 0)
   * @param price fill price
   * @param instrument the instrument (point value for notional)
   */
  double commission(double quantity, double price, Instrument instrument);

  /** No commission. */
  record None() implements CommissionModel {
    @Override
    public double commission(double quantity, double price, Instrument instrument) {
      return 0;
    }
  }

  /**
   * A rate per share or contract, with a minimum per fill. Example: IB-style $0.005/share, min $1;
   * futures $0.62 per contract per side.
   */
  record PerUnit(double perUnit, double minimum) implements CommissionModel {
    public PerUnit {
      if (!(perUnit >= 0) || !(minimum >= 0)) {
        throw new IllegalArgumentException(
            "commission per_unit and minimum must be >= 0, was " + perUnit + ", " + minimum);
      }
    }

    @Override
    public double commission(double quantity, double price, Instrument instrument) {
      return Math.max(minimum, perUnit * quantity);
    }
  }

  /** A percentage of traded notional ({@code price × quantity × pointValue}). */
  record PercentOfNotional(double percent) implements CommissionModel {
    public PercentOfNotional {
      if (!(percent >= 0) || percent > 100) {
        throw new IllegalArgumentException(
            "commission percent must be in [0, 100], was " + percent);
      }
    }

    @Override
    public double commission(double quantity, double price, Instrument instrument) {
      return price * quantity * instrument.pointValue() * percent / 100.0;
    }
  }

  /** A fixed amount per fill. */
  record FixedPerOrder(double amount) implements CommissionModel {
    public FixedPerOrder {
      if (!(amount >= 0)) {
        throw new IllegalArgumentException("commission amount must be >= 0, was " + amount);
      }
    }

    @Override
    public double commission(double quantity, double price, Instrument instrument) {
      return amount;
    }
  }
}
