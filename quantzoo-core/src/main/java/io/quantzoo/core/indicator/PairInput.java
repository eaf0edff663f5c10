package io.quantzoo.core.indicator;

import java.util.Locale;

/** What a two-series statistic (correlation, beta) is computed on. */
public enum PairInput {
  /**
   * Simple returns {@code x[t]/x[t−1] − 1} of each series (0 when the previous value is 0), from
   * the second value on. Default: prices themselves are trending and give spurious correlations.
   */
  RETURNS,
  /** The values as given. */
  LEVELS;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PairInput parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
