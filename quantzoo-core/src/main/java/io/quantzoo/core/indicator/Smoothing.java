package io.quantzoo.core.indicator;

import java.util.Locale;

/**
 * How a running average of a stream is formed (RSI gains/losses, ATR true ranges, ADX directional
 * movement, ...). Period {@code n} in every case.
 */
public enum Smoothing {
  /**
   * Wilder's smoothing (RMA, SMMA): {@code s = s + (x − s) / n}, i.e. an EMA with {@code α = 1/n},
   * seeded with the simple mean of the first {@code n} values. Default for RSI, ATR and ADX, as in
   * Wilder (1978) and TA-Lib.
   */
  WILDER,
  /** Simple rolling mean of the last {@code n} values (Cutler's RSI; AlphaTrend's ATR). */
  SIMPLE,
  /** Exponential, {@code α = 2/(n+1)}, seeded as {@link EmaSeed} says (default: SMA of n). */
  EXPONENTIAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Smoothing parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
