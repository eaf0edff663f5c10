package io.quantzoo.core.indicator;

import java.util.Locale;

/** Standard-deviation divisor. */
public enum Deviation {
  /** Divide by n (TA-Lib, Bollinger's own definition). Default for Bollinger Bands. */
  POPULATION,
  /** Divide by n − 1 (pandas {@code rolling().std()}). */
  SAMPLE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Deviation parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
