package io.quantzoo.core.instrument;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A tradable instrument's contract specification.
 *
 * <p>P&amp;L of a position is {@code price change × pointValue × quantity}. For futures, {@code
 * pointValue = tickValue / tickSize}: MNQ has tick 0.25 worth $0.50, so $2 per point. For cash
 * instruments the point value is 1.
 *
 * @param symbol the symbol, e.g. "MNQ" or "BTC-USD"
 * @param assetClass asset class
 * @param tickSize minimum price increment (&gt; 0)
 * @param pointValue currency value of a one-point move per unit (&gt; 0)
 * @param currency ISO currency of prices and P&amp;L, e.g. "USD"
 * @param lotStep quantity increment (1 for contracts and shares, e.g. 0.0001 for crypto)
 * @param exchangeZone exchange timezone, used for sessions and DAY orders
 * @param sessionOpen regular session open in the exchange timezone, or null for 24h markets
 * @param sessionClose regular session close in the exchange timezone, or null for 24h markets
 */
public record Instrument(
    String symbol,
    AssetClass assetClass,
    double tickSize,
    double pointValue,
    String currency,
    double lotStep,
    ZoneId exchangeZone,
    LocalTime sessionOpen,
    LocalTime sessionClose) {

  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(assetClass, "assetClass");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(exchangeZone, "exchangeZone");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    if (!(tickSize > 0) || !Double.isFinite(tickSize)) {
      throw new IllegalArgumentException("tick_size must be > 0, was " + tickSize);
    }
    if (!(pointValue > 0) || !Double.isFinite(pointValue)) {
      throw new IllegalArgumentException("point_value must be > 0, was " + pointValue);
    }
    if (!(lotStep > 0) || !Double.isFinite(lotStep)) {
      throw new IllegalArgumentException("lot_step must be > 0, was " + lotStep);
    }
    if ((sessionOpen == null) != (sessionClose == null)) {
      throw new IllegalArgumentException("session open and close must both be set or both absent");
    }
  }

  /** A generic US cash equity: tick 0.01, whole shares, New York session 09:30-16:00. */
  public static Instrument equity(String symbol) {
    return new Instrument(
        symbol,
        AssetClass.EQUITY,
        0.01,
        1.0,
        "USD",
        1.0,
        ZoneId.of("America/New_York"),
        LocalTime.of(9, 30),
        LocalTime.of(16, 0));
  }

  /** A generic spot crypto pair quoted in USD: tick 0.01, lot 0.00000001, 24/7, UTC. */
  public static Instrument crypto(String symbol) {
    return new Instrument(
        symbol, AssetClass.CRYPTO, 0.01, 1.0, "USD", 1e-8, ZoneId.of("UTC"), null, null);
  }

  /** Tick value: the currency value of one tick per unit. */
  public double tickValue() {
    return tickSize * pointValue;
  }

  /** Rounds a quantity magnitude down to a whole number of lot steps (never up). */
  public double roundLotDown(double qty) {
    if (!(qty > 0)) {
      return 0;
    }
    double steps = Math.floor(qty / lotStep + 1e-9);
    return steps * lotStep;
  }

  /**
   * The highest price on this instrument's tick grid at or below {@code price} (a level rounded to
   * the tick in the direction of a worse fill for a sell). Exact for ticks whose inverse is a whole
   * number (0.01, 0.25, 1): the result is the double nearest the decimal grid price.
   */
  public double floorToTick(double price) {
    double inv = 1.0 / tickSize;
    double x = price * inv;
    double n = Math.floor(x + gridTolerance(x));
    double r = Math.rint(inv);
    return Math.abs(inv - r) < 1e-9 * r ? n / r : n * tickSize;
  }

  /** The lowest price on the tick grid at or above {@code price} (worse for a buy). */
  public double ceilToTick(double price) {
    double inv = 1.0 / tickSize;
    double x = price * inv;
    double n = Math.ceil(x - gridTolerance(x));
    double r = Math.rint(inv);
    return Math.abs(inv - r) < 1e-9 * r ? n / r : n * tickSize;
  }

  /**
   * How far a price in ticks may sit from a whole number and still count as on the grid: the
   * rounding error of {@code price × (1 / tick)} grows with the number of ticks (about 1e-16 of
   * it), so the tolerance does too, with a floor of 1e-9 ticks.
   */
  private static double gridTolerance(double ticks) {
    return Math.max(1e-9, Math.abs(ticks) * 1e-14);
  }

  public boolean hasSession() {
    return sessionOpen != null;
  }
}
