package io.quantzoo.core.order;

import java.util.Objects;

/**
 * A price distance for protective exits, measured from the entry fill price.
 *
 * @param unit what {@code value} counts
 * @param value the distance in that unit (&gt; 0)
 * @param atrPeriod ATR look-back when {@code unit} is ATR (&gt;= 1), else 0
 */
public record Offset(Unit unit, double value, int atrPeriod) {

  /** Units of an offset. */
  public enum Unit {
    /** Price units. */
    PRICE,
    /** Ticks of the instrument ({@code value × tickSize}). */
    TICKS,
    /**
     * Multiples of the average true range at the signal bar: the simple mean of the last {@code
     * atrPeriod} true ranges up to and including the bar on which the order was placed.
     */
    ATR
  }

  public Offset {
    Objects.requireNonNull(unit, "unit");
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("offset must be > 0, was " + value);
    }
    if (unit == Unit.ATR && atrPeriod < 1) {
      throw new IllegalArgumentException("atr period must be >= 1, was " + atrPeriod);
    }
  }

  public static Offset price(double distance) {
    return new Offset(Unit.PRICE, distance, 0);
  }

  public static Offset ticks(double ticks) {
    return new Offset(Unit.TICKS, ticks, 0);
  }

  public static Offset atr(double multiple, int period) {
    return new Offset(Unit.ATR, multiple, period);
  }

  /** The distance in price units, given the instrument's tick size and the ATR at the signal. */
  public double toPrice(double tickSize, double atr) {
    return switch (unit) {
      case PRICE -> value;
      case TICKS -> value * tickSize;
      case ATR -> value * atr;
    };
  }
}
