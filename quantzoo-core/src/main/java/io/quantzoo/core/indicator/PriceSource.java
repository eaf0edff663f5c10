package io.quantzoo.core.indicator;

import java.util.Locale;

/** Which number of a bar a single-input indicator reads. */
public enum PriceSource {
  OPEN,
  HIGH,
  LOW,
  CLOSE,
  VOLUME,
  /** (high + low) / 2. */
  HL2,
  /** Typical price (high + low + close) / 3. */
  HLC3,
  /** (open + high + low + close) / 4. */
  OHLC4;

  public double of(double open, double high, double low, double close, double volume) {
    return switch (this) {
      case OPEN -> open;
      case HIGH -> high;
      case LOW -> low;
      case CLOSE -> close;
      case VOLUME -> volume;
      case HL2 -> (high + low) / 2;
      case HLC3 -> (high + low + close) / 3;
      case OHLC4 -> (open + high + low + close) / 4;
    };
  }

  /** Config spelling, e.g. "hlc3". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the config spelling (case-insensitive). */
  public static PriceSource parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** Config choices, for parameter declarations. */
  public static final String[] KEYS = {
    "open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"
  };
}
