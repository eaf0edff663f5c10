package io.quantzoo.core.indicator;

import java.util.Locale;

/** True range of a series' first bar, which has no previous close. */
public enum FirstTrueRange {
  /**
   * The first bar has no true range (NaN); true ranges start at bar 1, so a Wilder ATR(n) is first
   * defined at bar n (TA-Lib). Default.
   */
  SKIP,
  /** The first bar's true range is its high − low; ATR(n) is first defined at bar n − 1. */
  HIGH_LOW;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FirstTrueRange parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
