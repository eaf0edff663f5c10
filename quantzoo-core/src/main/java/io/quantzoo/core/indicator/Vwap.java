package io.quantzoo.core.indicator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Session-anchored volume-weighted average price: {@code Σ(p·v)/Σv} over the bars of the current
 * session, {@code p} read by a {@link PriceSource} (typical price {@code hlc3} by default), 0
 * volume so far → the bar's price itself. Warm-up 0.
 *
 * <p>Sessions: in time zone {@code zone}, a session starts at the local time {@code sessionStart}
 * of each local day (default 00:00, local midnight) and runs to the same local time of the next
 * day. The first bar at or after a session's start (by its open time) begins a new anchor; a bar
 * before {@code sessionStart} of its local day belongs to the previous day's session. A local start
 * time that does not exist on a day (daylight-saving gap) is moved forward by the gap, an ambiguous
 * one (overlap) takes the earlier instant, as {@link ZonedDateTime#of} does.
 *
 * <p>No allocation per bar: the zone offset is cached with the UTC interval over which it holds,
 * and the current session's UTC bounds are cached; both are recomputed only when a bar falls
 * outside them (java.time is called when the offset interval is left and for session starts within
 * two days of a daylight-saving change).
 */
public final class Vwap implements Indicator {
  private static final List<String> OUT = List.of("vwap");
  private static final long DAY = 86_400_000L;
  private static final Pattern HH_MM = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");
  private final ZoneId zone;
  private final ZoneRules rules;
  private final long startMs;
  private final PriceSource source;
  private long offFrom;
  private long offTo;
  private long offMs;
  private long sessionFrom;
  private long sessionTo;
  private double pv;
  private double vol;
  private double value = Double.NaN;

  /** VWAP of the typical price, sessions from midnight New York time. */
  public Vwap() {
    this(ZoneId.of("America/New_York"), LocalTime.MIDNIGHT, PriceSource.HLC3);
  }

  /**
   * @param timezone a time-zone id such as {@code America/New_York} or {@code UTC}
   * @param sessionStart local session start as {@code HH:MM}
   * @throws IllegalArgumentException naming the parameter if either cannot be read
   */
  public Vwap(String timezone, String sessionStart, PriceSource source) {
    this(parseZone(timezone), parseSessionStart(sessionStart), source);
  }

  public Vwap(ZoneId zone, LocalTime sessionStart, PriceSource source) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rules = zone.getRules();
    this.startMs = Objects.requireNonNull(sessionStart, "sessionStart").toNanoOfDay() / 1_000_000L;
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Reads a time-zone id, or throws naming parameter {@code timezone}. */
  public static ZoneId parseZone(String timezone) {
    try {
      return ZoneId.of(Objects.requireNonNull(timezone, "timezone").trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "timezone must be a time-zone id such as America/New_York or UTC, was '" + timezone + "'",
          e);
    }
  }

  /** Reads {@code HH:MM} (00:00 to 23:59), or throws naming parameter {@code session_start}. */
  public static LocalTime parseSessionStart(String hhmm) {
    String s = Objects.requireNonNull(hhmm, "session_start").trim();
    if (!HH_MM.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "session_start must be a local time HH:MM from 00:00 to 23:59, was '" + hhmm + "'");
    }
    int colon = s.indexOf(':');
    return LocalTime.of(
        Integer.parseInt(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    if (timeMillis < sessionFrom || timeMillis >= sessionTo) {
      locateSession(timeMillis);
      pv = 0;
      vol = 0;
    }
    double p = source.of(open, high, low, close, volume);
    pv += p * volume;
    vol += volume;
    value = vol == 0 ? p : pv / vol;
  }

  /** Sets {@code [sessionFrom, sessionTo)} to the session holding instant {@code t}. */
  private void locateSession(long t) {
    long local = t + offsetAt(t);
    long day = Math.floorDiv(local - startMs, DAY);
    long from = sessionStart(day);
    while (t < from) {
      day--;
      from = sessionStart(day);
    }
    long to = sessionStart(day + 1);
    while (t >= to) {
      day++;
      from = to;
      to = sessionStart(day + 1);
    }
    sessionFrom = from;
    sessionTo = to;
  }

  /** UTC offset at instant {@code t}, in ms, from the cache when {@code t} lies in its interval. */
  private long offsetAt(long t) {
    if (t < offFrom || t >= offTo) {
      Instant at = Instant.ofEpochMilli(t);
      offMs = rules.getOffset(at).getTotalSeconds() * 1000L;
      ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
      ZoneOffsetTransition next = rules.nextTransition(at);
      offFrom = prev == null ? Long.MIN_VALUE : prev.toEpochSecond() * 1000L;
      offTo = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
    }
    return offMs;
  }

  /** UTC instant of local time {@code sessionStart} on local day {@code day} (epoch days). */
  private long sessionStart(long day) {
    long local = day * DAY + startMs;
    long guess = local - offMs;
    // Offsets lie within ±18 h, so if the cached offset holds for two days either side of the
    // guess, the guess is the only instant with this local time: no gap, no overlap.
    if ((offFrom != Long.MIN_VALUE && guess - 2 * DAY < offFrom)
        || (offTo != Long.MAX_VALUE && guess + 2 * DAY >= offTo)) {
      LocalDateTime ldt =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(local, 1000L),
              (int) Math.floorMod(local, 1000L) * 1_000_000,
              ZoneOffset.UTC);
      return ZonedDateTime.of(ldt, zone).toInstant().toEpochMilli();
    }
    return guess;
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    if (k != 0) {
      throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    }
    return value;
  }

  @Override
  public int warmup() {
    return 0;
  }

  public ZoneId zone() {
    return zone;
  }
}
