package io.quantzoo.core.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Trading hours of CME Globex equity-index futures (ES, NQ, MES, MNQ, ...), by rule, in New York
 * time.
 *
 * <p>A <em>trading day</em> {@code D} is a weekday whose session runs from 18:00 on the calendar
 * day before {@code D} (Sunday for a Monday) to {@link #sessionClose(LocalDate)} on {@code D}:
 * normally 17:00, which leaves the daily 17:00-18:00 maintenance break and no trading from Friday
 * 17:00 to Sunday 18:00. Holidays, computed per year:
 *
 * <ul>
 *   <li><b>closed</b> (no session ends on that day): New Year's Day, Good Friday (Easter by the
 *       Gregorian computus), Christmas Day;
 *   <li><b>early close 13:00</b>: Martin Luther King Jr. Day (3rd Monday of January), Presidents'
 *       Day (3rd Monday of February), Memorial Day (last Monday of May), Juneteenth (from 2022),
 *       Independence Day, Labor Day (1st Monday of September), Thanksgiving (4th Thursday of
 *       November);
 *   <li><b>early close 13:15</b>: the Friday after Thanksgiving and Christmas Eve.
 * </ul>
 *
 * <p>Fixed-date holidays on a Saturday are observed on the Friday before, on a Sunday on the Monday
 * after, except New Year's Day on a Saturday, which is not observed (as NYSE); Christmas Eve is an
 * early close only when it is a weekday that is not itself the observed Christmas. Not modelled:
 * one-off closures (e.g. the national day of mourning of 9 January 2025), the short Good Friday
 * sessions CME held in some years when the jobs report fell on it, and early closes before
 * Independence Day. Stateless and thread-safe.
 */
public final class CmeEquityCalendar {
  /** The exchange time zone of every time here. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** Sessions open at 18:00 on the calendar day before the trading day. */
  public static final LocalTime SESSION_OPEN = LocalTime.of(18, 0);

  /** Regular session close. */
  public static final LocalTime REGULAR_CLOSE = LocalTime.of(17, 0);

  /** Early close on the US holidays that do not close the exchange. */
  public static final LocalTime HOLIDAY_CLOSE = LocalTime.of(13, 0);

  /** Early close on the day after Thanksgiving and Christmas Eve. */
  public static final LocalTime HALF_DAY_CLOSE = LocalTime.of(13, 15);

  private CmeEquityCalendar() {}

  /**
   * The close of the session that ends on {@code day}, or null when no session ends on it (weekends
   * and full closures).
   */
  public static LocalTime sessionClose(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY || isClosed(day)) {
      return null;
    }
    if (isHoliday(day)) {
      return HOLIDAY_CLOSE;
    }
    int year = day.getYear();
    if (day.equals(thanksgiving(year).plusDays(1))) {
      return HALF_DAY_CLOSE;
    }
    if (day.getMonth() == Month.DECEMBER
        && day.getDayOfMonth() == 24
        && !day.equals(observed(LocalDate.of(year, 12, 25)))) {
      return HALF_DAY_CLOSE;
    }
    return REGULAR_CLOSE;
  }

  /** Whether a session ends on {@code day}. */
  public static boolean isTradingDay(LocalDate day) {
    return sessionClose(day) != null;
  }

  /** Full closures: New Year's Day (observed), Good Friday, Christmas Day (observed). */
  public static boolean isClosed(LocalDate day) {
    int year = day.getYear();
    return day.equals(goodFriday(year))
        || day.equals(observed(LocalDate.of(year, 12, 25)))
        || day.equals(newYearObserved(year));
  }

  /** The 13:00 early-close holidays. */
  private static boolean isHoliday(LocalDate day) {
    int year = day.getYear();
    return day.equals(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3))
        || day.equals(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
        || day.equals(
            LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
        || (year >= 2022 && day.equals(observed(LocalDate.of(year, 6, 19))))
        || day.equals(observed(LocalDate.of(year, 7, 4)))
        || day.equals(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
        || day.equals(thanksgiving(year));
  }

  /** Thanksgiving: the 4th Thursday of November. */
  public static LocalDate thanksgiving(int year) {
    return nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
  }

  /** Good Friday: two days before Easter Sunday. */
  public static LocalDate goodFriday(int year) {
    return easterSunday(year).minusDays(2);
  }

  /**
   * Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, "Meeus/Jones/
   * Butcher").
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  /** The n-th given weekday of a month (n from 1). */
  static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  /** Saturday → the Friday before, Sunday → the Monday after. */
  private static LocalDate observed(LocalDate d) {
    return switch (d.getDayOfWeek()) {
      case SATURDAY -> d.minusDays(1);
      case SUNDAY -> d.plusDays(1);
      default -> d;
    };
  }

  /** New Year's Day of {@code year} as closed: on a Sunday the Monday; on a Saturday none. */
  private static LocalDate newYearObserved(int year) {
    LocalDate d = LocalDate.of(year, 1, 1);
    return switch (d.getDayOfWeek()) {
      case SATURDAY -> LocalDate.MIN;
      case SUNDAY -> d.plusDays(1);
      default -> d;
    };
  }
}
