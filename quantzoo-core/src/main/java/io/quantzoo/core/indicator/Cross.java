package io.quantzoo.core.indicator;

/**
 * Cross tests between two series from their previous and current values, as in Pine Script's {@code
 * ta.crossover}: {@code a} crosses above {@code b} when {@code a[1] <= b[1]} and {@code a[0] >
 * b[0]}. Any NaN makes the answer false.
 */
public final class Cross {
  private Cross() {}

  /** {@code a} crossed above {@code b}: {@code aPrev <= bPrev && aNow > bNow}. */
  public static boolean above(double aPrev, double aNow, double bPrev, double bNow) {
    return aPrev <= bPrev && aNow > bNow;
  }

  /** {@code a} crossed below {@code b}: {@code aPrev >= bPrev && aNow < bNow}. */
  public static boolean below(double aPrev, double aNow, double bPrev, double bNow) {
    return aPrev >= bPrev && aNow < bNow;
  }
}
