package io.quantzoo.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Number, time and escaping helpers. Locale-independent ({@link Locale#ROOT}) and always UTC, so a
 * report is byte-identical on every machine.
 */
final class Fmt {
  static final String NA = "n/a";

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");

  private Fmt() {}

  /** {@code yyyy-MM-dd HH:mm} in UTC, with {@code :ss} added when the seconds are not zero. */
  static String time(long epochMillis) {
    Instant t = Instant.ofEpochMilli(epochMillis);
    return (Math.floorMod(epochMillis, 60_000L) >= 1000 ? SECONDS : MINUTES).format(t);
  }

  /** {@code yyyy-MM-dd HH:mm:ss UTC}, or "n/a" for null. */
  static String instant(Instant t) {
    return t == null ? NA : SECONDS.format(t) + " UTC";
  }

  /** Fixed decimals with thousands separators; "n/a" for NaN; no "-0.00". */
  static String grouped(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    return noNegativeZero(String.format(Locale.ROOT, "%,." + decimals + "f", v));
  }

  /** Fixed decimals without grouping; "n/a" for NaN; no "-0.00". */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    return noNegativeZero(String.format(Locale.ROOT, "%." + decimals + "f", v));
  }

  /** A percent value (12.5 means 12.5 %) as {@code 12.50%}. */
  static String percent(double v) {
    return Double.isFinite(v) ? fixed(v, 2) + "%" : nonFinite(v);
  }

  /** A fraction (0.125) as a percent {@code 12.50%}. */
  static String fractionAsPercent(double fraction) {
    return percent(fraction * 100);
  }

  /**
   * A price or quantity: up to 10 significant digits, trailing zeros removed but at least {@code
   * minDecimals} decimals, no grouping. 101.5 → "101.50" (min 2), 1.08543 → "1.08543".
   */
  static String plain(double v, int minDecimals) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    if (v == 0) {
      return minDecimals == 0 ? "0" : "0." + "0".repeat(minDecimals);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
    if (d.scale() < minDecimals) {
      d = d.setScale(minDecimals);
    }
    return d.toPlainString();
  }

  private static String nonFinite(double v) {
    if (Double.isNaN(v)) {
      return NA;
    }
    return v > 0 ? "inf" : "-inf";
  }

  private static String noNegativeZero(String s) {
    if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
      return s.substring(1);
    }
    return s;
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  static String html(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Escapes text for inline Markdown (headings, table cells): {@code <} and {@code >} become
   * entities (so raw HTML is never interpreted), so does an {@code &} that would start an entity
   * reference, Markdown punctuation is backslash-escaped, and line breaks become spaces (a table
   * row is one line).
   */
  static String md(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append(ENTITY.matcher(s).region(i, s.length()).lookingAt() ? "&amp;" : "&");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> b.append('\\').append(c);
        case '\r', '\n' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A code fence longer than any run of backticks in {@code text} (at least three). */
  static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
