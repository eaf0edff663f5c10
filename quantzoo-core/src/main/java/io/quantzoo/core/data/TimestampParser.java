package io.quantzoo.core.data;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * Reads the timestamps of data files as epoch milliseconds in UTC.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>ISO-8601 date-time with {@code Z} or an offset ({@code +02:00}, {@code +0200}, {@code
 *       +02}): {@code 2016-05-18T04:00:00Z}, {@code 2016-05-18T06:00:00+02:00}; a zone region in
 *       brackets after the offset is accepted too.
 *   <li>Naive date-time with {@code T} or a space, seconds and fraction optional: {@code 2016-05-18
 *       04:00}, {@code 2016-05-18T04:00:00.250}; read in the parser's zone.
 *   <li>Date only, {@code yyyy-MM-dd}: midnight in the parser's zone.
 *   <li>Epoch numbers, integer or decimal: epoch seconds if the absolute value is below {@code
 *       1e11} (before the year 5138), else epoch milliseconds.
 * </ul>
 *
 * <p>Digits below the millisecond are dropped (truncated). A naive time that a daylight-saving
 * change skips is moved forward by the length of the gap, and one that it repeats takes the earlier
 * offset (the {@code java.time} rules). The common forms are read straight from bytes with the last
 * day's epoch value cached, so sorted files cost no date arithmetic per row.
 *
 * <p>Not thread-safe: use one parser per load.
 */
public final class TimestampParser {
  /** Returned for text that is not a timestamp; no valid timestamp has this value. */
  public static final long INVALID = Long.MIN_VALUE;

  private static final long DAY_MS = 86_400_000L;
  private static final long SECONDS_LIMIT = 100_000_000_000L;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final boolean fixedOffset;
  private final long fixedOffsetMillis;

  private int cachedDateKey = -1;
  private long cachedDayMillis;

  private long offsetDay = Long.MIN_VALUE;
  private long offsetDayMillis;
  private boolean offsetDayHasTransition;

  /** A parser that reads naive times and plain dates in {@code zone}. */
  public TimestampParser(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rules = zone.getRules();
    this.fixedOffset = rules.isFixedOffset();
    this.fixedOffsetMillis =
        fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Parses {@code text} (surrounding white space ignored).
   *
   * @return epoch milliseconds (UTC), or {@link #INVALID}
   */
  public long parse(CharSequence text) {
    byte[] b = text.toString().strip().getBytes(StandardCharsets.ISO_8859_1);
    return parse(b, 0, b.length);
  }

  /**
   * Parses the ASCII text in bytes {@code [from, to)} of {@code b}, without white space around it.
   *
   * @return epoch milliseconds (UTC), or {@link #INVALID}
   */
  public long parse(byte[] b, int from, int to) {
    int len = to - from;
    if (len >= 10 && b[from + 4] == '-' && b[from + 7] == '-') {
      long t = parseIso(b, from, to);
      return t != INVALID ? t : parseSlow(b, from, to);
    }
    if (len > 0) {
      long t = parseEpoch(b, from, to);
      if (t != INVALID) {
        return t;
      }
    }
    return parseSlow(b, from, to);
  }

  /**
   * Converts an epoch number to milliseconds: seconds if {@code |value| < 1e11}, else milliseconds.
   */
  public static long epochToMillis(long value) {
    return value > -SECONDS_LIMIT && value < SECONDS_LIMIT ? value * 1000 : value;
  }

  /**
   * Converts a decimal epoch number to milliseconds: seconds if {@code |value| < 1e11}, else
   * milliseconds, rounded to the nearest millisecond (a binary double holds no exact decimal
   * fraction).
   *
   * @return epoch milliseconds, or {@link #INVALID} if the value is not finite or out of range
   */
  public static long epochToMillis(double value) {
    if (!Double.isFinite(value)) {
      return INVALID;
    }
    double ms = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
    if (Math.abs(ms) >= 9.2e18) {
      return INVALID;
    }
    return Math.round(ms);
  }

  /**
   * Converts a wall-clock time in this parser's zone, given as epoch milliseconds of that
   * wall-clock time read as if in UTC, to epoch milliseconds (UTC).
   */
  public long localToUtcMillis(long localMillis) {
    if (fixedOffset) {
      return localMillis - fixedOffsetMillis;
    }
    long day = Math.floorDiv(localMillis, DAY_MS);
    if (day != offsetDay) {
      loadOffsetDay(day);
    }
    if (!offsetDayHasTransition) {
      return localMillis - offsetDayMillis;
    }
    LocalDateTime ldt =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(localMillis, 1000L),
            (int) Math.floorMod(localMillis, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    return ldt.atZone(zone).toInstant().toEpochMilli();
  }

  /** Caches the offset of a local day, and whether an offset change falls near it. */
  private void loadOffsetDay(long day) {
    // A local day lies within one day either side of the same UTC day (offsets are at most 18 h).
    long fromSecond = (day - 1) * 86_400L;
    long toSecond = (day + 2) * 86_400L;
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(fromSecond));
    offsetDay = day;
    offsetDayHasTransition = next != null && next.toEpochSecond() < toSecond;
    offsetDayMillis =
        rules.getOffset(Instant.ofEpochSecond(day * 86_400L)).getTotalSeconds() * 1000L;
  }

  /** yyyy-MM-dd[(T| )HH:mm[:ss[.f*]][Z|(+|-)HH[[:]mm]]]; INVALID sends to the slow path. */
  private long parseIso(byte[] b, int from, int to) {
    int y = digits(b, from, 4);
    int mo = digits(b, from + 5, 2);
    int d = digits(b, from + 8, 2);
    if (y < 0 || mo < 0 || d < 0) {
      return INVALID;
    }
    int key = y * 10000 + mo * 100 + d;
    if (key != cachedDateKey) {
      try {
        cachedDayMillis = LocalDate.of(y, mo, d).toEpochDay() * DAY_MS;
      } catch (DateTimeException e) {
        return INVALID;
      }
      cachedDateKey = key;
    }
    long day = cachedDayMillis;
    int p = from + 10;
    if (p == to) {
      return localToUtcMillis(day);
    }
    byte sep = b[p];
    if ((sep != 'T' && sep != ' ') || to - p < 6 || b[p + 3] != ':') {
      return INVALID;
    }
    int hh = digits(b, p + 1, 2);
    int mm = digits(b, p + 4, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59) {
      return INVALID;
    }
    long tod = hh * 3_600_000L + mm * 60_000L;
    p += 6;
    if (p < to && b[p] == ':') {
      int ss = p + 3 <= to ? digits(b, p + 1, 2) : -1;
      if (ss < 0 || ss > 59) {
        return INVALID;
      }
      tod += ss * 1000L;
      p += 3;
      if (p < to && b[p] == '.') {
        p++;
        int start = p;
        int millis = 0;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
          if (p - start < 3) {
            millis = millis * 10 + (b[p] - '0');
          }
          p++;
        }
        int n = p - start;
        if (n == 0 || n > 9) {
          return INVALID;
        }
        for (int k = n; k < 3; k++) {
          millis *= 10;
        }
        tod += millis;
      }
    }
    if (p == to) {
      return localToUtcMillis(day + tod);
    }
    byte z = b[p];
    if ((z == 'Z' || z == 'z') && p + 1 == to) {
      return day + tod;
    }
    if (z != '+' && z != '-') {
      return INVALID;
    }
    int oh = p + 3 <= to ? digits(b, p + 1, 2) : -1;
    int om = 0;
    int q = p + 3;
    if (q < to && b[q] == ':') {
      q++;
    }
    if (q < to) {
      om = q + 2 == to ? digits(b, q, 2) : -1;
    }
    if (oh < 0 || oh > 18 || om < 0 || om > 59) {
      return INVALID;
    }
    long offset = (oh * 3_600_000L + om * 60_000L) * (z == '-' ? -1 : 1);
    return day + tod - offset;
  }

  /** [+-]digits[.digits]: epoch seconds or milliseconds; sub-millisecond digits dropped. */
  private static long parseEpoch(byte[] b, int from, int to) {
    int p = from;
    boolean negative = false;
    if (b[p] == '-' || b[p] == '+') {
      negative = b[p] == '-';
      p++;
    }
    long whole = 0;
    int wholeDigits = 0;
    while (p < to && b[p] >= '0' && b[p] <= '9') {
      if (wholeDigits == 18) {
        return INVALID;
      }
      whole = whole * 10 + (b[p] - '0');
      wholeDigits++;
      p++;
    }
    int fraction = 0;
    int fractionDigits = 0;
    if (p < to && b[p] == '.') {
      p++;
      while (p < to && b[p] >= '0' && b[p] <= '9') {
        if (fractionDigits < 3) {
          fraction = fraction * 10 + (b[p] - '0');
        }
        fractionDigits++;
        p++;
      }
    }
    if (p != to || wholeDigits + fractionDigits == 0) {
      return INVALID;
    }
    long ms;
    if (whole < SECONDS_LIMIT) {
      for (int k = fractionDigits; k < 3; k++) {
        fraction *= 10;
      }
      ms = whole * 1000 + fraction;
    } else {
      ms = whole;
    }
    return negative ? -ms : ms;
  }

  private long parseSlow(byte[] b, int from, int to) {
    String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1).strip();
    if (text.isEmpty()) {
      return INVALID;
    }
    try {
      String iso =
          text.length() > 10 && text.charAt(10) == ' '
              ? text.substring(0, 10) + 'T' + text.substring(11)
              : text;
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return zoned.toInstant().toEpochMilli();
      }
      return ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      // not a date-time; try the other forms
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      // not a date
    }
    char first = text.charAt(0);
    if (first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9')) {
      try {
        char last = text.charAt(text.length() - 1);
        if (last >= '0' && last <= '9') {
          return epochToMillis(Double.parseDouble(text));
        }
      } catch (NumberFormatException e) {
        // not a number either
      }
    }
    return INVALID;
  }

  /** The value of {@code n} ASCII digits at {@code p}, or -1 if any is not a digit. */
  private static int digits(byte[] b, int p, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = b[p + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
