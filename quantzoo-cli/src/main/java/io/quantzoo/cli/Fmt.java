package io.quantzoo.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Human formatting for terminal output. */
final class Fmt {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Fmt() {}

  static String num(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  static String timeMillis(long t) {
    return TIME.format(Instant.ofEpochMilli(t));
  }
}
