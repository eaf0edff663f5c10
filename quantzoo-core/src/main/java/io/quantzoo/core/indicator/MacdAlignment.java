package io.quantzoo.core.indicator;

import java.util.Locale;

/** Where the fast EMA of a MACD starts. */
public enum MacdAlignment {
  /**
   * Each EMA is seeded with the SMA of its own first {@code n} inputs: the fast EMA is defined from
   * input {@code fast − 1}, the slow one from {@code slow − 1} (most charting packages, pandas
   * {@code ewm} seeded by an SMA). Default.
   */
  INDEPENDENT,
  /**
   * TA-Lib's {@code TA_MACD}: the fast EMA starts at input {@code slow − fast}, seeded with the SMA
   * of inputs {@code slow − fast .. slow − 1}, so both EMAs get their first value on the same bar.
   */
  TALIB;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MacdAlignment parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
