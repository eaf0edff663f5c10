package io.quantzoo.core.indicator;

import java.util.Locale;

/** How an exponential average gets its first value. */
public enum EmaSeed {
  /**
   * The simple mean of the first {@code n} values is the first value, at input {@code n − 1}
   * (TA-Lib's default, most charting packages). Default.
   */
  SMA,
  /**
   * The first input is the first value, defined from input 0 (pandas {@code ewm(adjust=False)},
   * many hand-rolled EMAs). Its early values are dominated by the seed.
   */
  FIRST_VALUE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EmaSeed parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
