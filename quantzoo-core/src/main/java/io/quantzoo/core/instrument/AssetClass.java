package io.quantzoo.core.instrument;

/** Asset classes, which decide cash treatment and the annualisation calendar. */
public enum AssetClass {
  /** Cash equity: buying pays the full notional; 252 trading days a year. */
  EQUITY,
  /** Futures: marked to market, no notional paid; 252 session days a year. */
  FUTURE,
  /** Spot crypto: full notional, trades 24/7; 365 days a year. */
  CRYPTO,
  /** Spot FX: full notional; 252 trading days a year (24/5 market). */
  FX;

  /** Trading days per year of this asset's calendar. */
  public int tradingDaysPerYear() {
    return this == CRYPTO ? 365 : 252;
  }

  /** Whether positions are margined (futures): only P&amp;L and fees move cash. */
  public boolean marginStyle() {
    return this == FUTURE;
  }
}
