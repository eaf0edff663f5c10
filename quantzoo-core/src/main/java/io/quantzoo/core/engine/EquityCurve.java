package io.quantzoo.core.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The account marked at every bar's close, one point per distinct timestamp of the merged clock.
 *
 * <p>{@code equity = cash + Σ position value}, where a cash instrument's position value is {@code
 * quantity × close × pointValue} and a futures position's is its open P&amp;L. {@code exposure} is
 * the gross notional of open positions ({@code Σ |quantity| × close × pointValue}), used for the
 * exposure metric and leverage. Arrays are internal: do not modify.
 */
public final class EquityCurve {
  private final long[] times;
  private final double[] equity;
  private final double[] cash;
  private final double[] exposure;

  public EquityCurve(long[] timesMillis, double[] equity, double[] cash, double[] exposure) {
    this.times = Objects.requireNonNull(timesMillis, "timesMillis");
    this.equity = Objects.requireNonNull(equity, "equity");
    this.cash = Objects.requireNonNull(cash, "cash");
    this.exposure = Objects.requireNonNull(exposure, "exposure");
    int n = times.length;
    if (equity.length != n || cash.length != n || exposure.length != n) {
      throw new IllegalArgumentException("equity curve columns must all have length " + n);
    }
  }

  public int size() {
    return times.length;
  }

  public long timeMillis(int i) {
    return times[i];
  }

  public double equity(int i) {
    return equity[i];
  }

  public double cash(int i) {
    return cash[i];
  }

  public double exposure(int i) {
    return exposure[i];
  }

  /** Internal timestamps array; do not modify. */
  public long[] timesArray() {
    return times;
  }

  /** Internal equity array; do not modify. */
  public double[] equityArray() {
    return equity;
  }

  /** Internal cash array; do not modify. */
  public double[] cashArray() {
    return cash;
  }

  /** Internal exposure array; do not modify. */
  public double[] exposureArray() {
    return exposure;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EquityCurve e
        && Arrays.equals(times, e.times)
        && Arrays.equals(equity, e.equity)
        && Arrays.equals(cash, e.cash)
        && Arrays.equals(exposure, e.exposure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(times),
        Arrays.hashCode(equity),
        Arrays.hashCode(cash),
        Arrays.hashCode(exposure));
  }

  @Override
  public String toString() {
    return "EquityCurve[" + size() + " points, final " + finalEquity() + "]";
  }

  /** The last equity value, or NaN if empty. */
  public double finalEquity() {
    return equity.length == 0 ? Double.NaN : equity[equity.length - 1];
  }
}
