package io.quantzoo.core.risk;

/** What a {@link RiskGate} may read about the account when it checks an order. */
public interface RiskView {

  /** Signed position of a symbol. */
  double position(String symbol);

  /** Signed quantity of the symbol's working orders (buys positive), estimated for sized ones. */
  double workingQuantity(String symbol);

  /** Latest price of a symbol (its latest close), NaN before its first bar. */
  double lastPrice(String symbol);

  /** Account equity at the latest marks. */
  double equity();

  /** Cash balance. */
  double cash();

  /**
   * The trading clock: the latest bar's open time in backtests, wall-clock time live (epoch ms).
   */
  long clockMillis();
}
