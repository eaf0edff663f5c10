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
 * <p>Sessions: times are read in time zone {@code zone}; the session start of local date D is the
 * instant of local time {@code sessionStart} on D (default 00:00, local midnight; a time that does
 * not exist on D because of a daylight-saving gap is moved forward by the gap, an ambiguous one
 * takes the earlier instant, as {@link ZonedDateTime#of} does). A bar (by its open time) starts a
 * new anchor when it is at or after the session start of its own local date and that date is later
 * than the anchor's session date. Bars before the session start of their date continue the current
 * anchor, even across days without bars: with {@code sessionStart = 09:30}, Monday's pre-market
 * bars continue Friday's VWAP and Monday 09:30 resets it. The first bar's session date is its local
 * date, or the day before when it lies before that date's session start. A bar earlier than the
 * current anchor's session (unsorted input) also starts a new anchor.
 *
 * <p>No allocation per bar: the zone offset is cached with the UTC interval over which it holds,
 * and the current local day's UTC bounds and session start are cached; they are recomputed only
 * when a bar falls outside that day (java.time is called only when the offset interval is left and
 * for days within two days of a daylight-saving change).
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
  private long dayFrom;
  private long dayTo;
  private long day;
  private long dayStart;
  private boolean anchored;
  private long anchorDay;
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
    if (timeMillis < dayFrom || timeMillis >= dayTo) {
      locateDay(timeMillis);
    }
    boolean afterStart = timeMillis >= dayStart;
    long sessionDay = afterStart ? day : day - 1;
    if (!anchored || sessionDay < anchorDay || (sessionDay > anchorDay && afterStart)) {
      anchored = true;
      anchorDay = sessionDay;
      pv = 0;
      vol = 0;
    }
    double p = source.of(open, high, low, close, volume);
    pv += p * volume;
    vol += volume;
    value = vol == 0 ? p : pv / vol;
  }

  /** Caches the local day holding instant {@code t}: its UTC bounds and its session start. */
  private void locateDay(long t) {
    long d = Math.floorDiv(t + offsetAt(t), DAY);
    long from = toUtc(d, 0);
    while (t < from) {
      d--;
      from = toUtc(d, 0);
    }
    long to = toUtc(d + 1, 0);
    while (t >= to) {
      d++;
      from = to;
      to = toUtc(d + 1, 0);
    }
    dayFrom = from;
    dayTo = to;
    day = d;
    dayStart = toUtc(d, startMs);
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

  /** UTC instant of local time {@code msOfDay} on local date {@code d} (epoch days). */
  private long toUtc(long d, long msOfDay) {
    long local = d * DAY + msOfDay;
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
