package io.quantzoo.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.instrument.AssetClass;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodsPerYearTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private static long at(LocalDate date, LocalTime time, ZoneId zone) {
    return LocalDateTime.of(date, time).atZone(zone).toInstant().toEpochMilli();
  }

  private static long[] toArray(List<Long> times) {
    return times.stream().mapToLong(Long::longValue).toArray();
  }

  /** Times t0, t0 + step, ..., count of them. */
  private static long[] evenly(long t0, long step, int count) {
    long[] t = new long[count];
    for (int i = 0; i < count; i++) {
      t[i] = t0 + i * step;
    }
    return t;
  }

  private static final long T0 = at(LocalDate.of(2024, 1, 2), LocalTime.MIDNIGHT, UTC);

  @Test
  void dailyEquityBarsLikeAaplGive252() {
    // NYSE-like sessions 2024-01-02 .. 2024-03-28 at the 16:00 New York close: weekends and the
    // holidays Jan 15 and Feb 19 skipped; the DST change on Mar 10 makes one gap 3 days - 1 hour.
    // Most spacings are 1 day (Mon->Tue ... Thu->Fri), so the median is 1 day -> daily -> 252.
    Set<LocalDate> holidays = Set.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 19));
    List<Long> times = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 2);
        d.isBefore(LocalDate.of(2024, 3, 29));
        d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !holidays.contains(d)) {
        times.add(at(d, LocalTime.of(16, 0), NEW_YORK));
      }
    }
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.EQUITY, NEW_YORK))
        .isEqualTo(252.0);
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.FUTURE, NEW_YORK))
        .isEqualTo(252.0);
  }

  @Test
  void weeklyBarsAcrossDstGive52() {
    // Fridays 16:00 New York, 2024-01-05 + 7k days, 30 weeks: 29 spacings, all 7 days except
    // one of 7 days - 1 hour (DST starts Mar 10). Median 7 days, in the weekly band [5, 10] -> 52.
    List<Long> times = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      times.add(at(LocalDate.of(2024, 1, 5).plusWeeks(k), LocalTime.of(16, 0), NEW_YORK));
    }
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.EQUITY, NEW_YORK))
        .isEqualTo(52.0);
  }

  @Test
  void monthEndBarsGive12() {
    // Last day of each month of 2023, 00:00 UTC: 11 spacings, sorted 28, 30 x4, 31 x6; the median
    // (6th) is 31 days, within the monthly band [25, 35] days -> 12.
    List<Long> times = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      LocalDate first = LocalDate.of(2023, m, 1);
      times.add(at(first.withDayOfMonth(first.lengthOfMonth()), LocalTime.MIDNIGHT, UTC));
    }
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.EQUITY, UTC)).isEqualTo(12.0);
  }

  @Test
  void quarterEndBarsGive4() {
    // 2022-03-31, 06-30, 09-30, 12-31, 2023-03-31: spacings 91, 92, 92, 90 days; median 91.5 days,
    // within the quarterly band [80, 100] -> 4.
    long[] times = {
      at(LocalDate.of(2022, 3, 31), LocalTime.MIDNIGHT, UTC),
      at(LocalDate.of(2022, 6, 30), LocalTime.MIDNIGHT, UTC),
      at(LocalDate.of(2022, 9, 30), LocalTime.MIDNIGHT, UTC),
      at(LocalDate.of(2022, 12, 31), LocalTime.MIDNIGHT, UTC),
      at(LocalDate.of(2023, 3, 31), LocalTime.MIDNIGHT, UTC)
    };
    assertThat(PeriodsPerYear.estimate(times, AssetClass.FX, UTC)).isEqualTo(4.0);
  }

  @Test
  void betweenDailyAndWeeklyCountsTradingDays() {
    // 2-day spacing: d = 2 in [1.5, 5) -> round(252 / 2) = 126.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 2 * DAY, 10), AssetClass.EQUITY, UTC))
        .isEqualTo(126.0);
    // 3-day spacing: round(252 / 3) = 84.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 3 * DAY, 10), AssetClass.EQUITY, UTC))
        .isEqualTo(84.0);
  }

  @Test
  void otherLongSpacingsCountCalendarDays() {
    // 14 days: 365.25 / 14 = 26.089... -> round -> 26.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 14 * DAY, 10), AssetClass.EQUITY, UTC))
        .isEqualTo(26.0);
    // 182 days: 365.25 / 182 = 2.0069 -> 2.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 182 * DAY, 5), AssetClass.EQUITY, UTC))
        .isEqualTo(2.0);
    // 365 days: 365.25 / 365 = 1.0007 -> 1.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 365 * DAY, 5), AssetClass.EQUITY, UTC))
        .isEqualTo(1.0);
    // 730 days: 365.25 / 730 = 0.50034... < 1 -> kept unrounded.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 730 * DAY, 3), AssetClass.EQUITY, UTC))
        .isCloseTo(365.25 / 730, within(1e-15));
  }

  @Test
  void twentyHourSpacingIsAlreadyDaily() {
    // Spacing exactly 20 h is not intraday: d = 0.833 < 1.5 -> 252. (As intraday the UTC dates
    // would hold 2, 1, ... bars and give a different number.)
    assertThat(PeriodsPerYear.estimate(evenly(T0, 20 * HOUR, 6), AssetClass.EQUITY, UTC))
        .isEqualTo(252.0);
  }

  @Test
  void cryptoUsesA365DayCalendarAtAnySpacing() {
    // 4-hour bars: 365 × 86,400,000 / 14,400,000 = 365 × 6 = 2190.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 4 * HOUR, 50), AssetClass.CRYPTO, UTC))
        .isEqualTo(2190.0);
    // Daily: 365 × 1 = 365.
    assertThat(PeriodsPerYear.estimate(evenly(T0, DAY, 50), AssetClass.CRYPTO, UTC))
        .isEqualTo(365.0);
    // 1-minute: 365 × 1440 = 525,600.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 60_000L, 50), AssetClass.CRYPTO, UTC))
        .isEqualTo(525_600.0);
    // 4-hour bars with a missing candle: spacings 4 h (x48) and 8 h (x1), median still 4 h.
    long[] gappy = evenly(T0, 4 * HOUR, 50);
    long[] withGap = new long[49];
    System.arraycopy(gappy, 0, withGap, 0, 20);
    System.arraycopy(gappy, 21, withGap, 20, 29);
    assertThat(PeriodsPerYear.estimate(withGap, AssetClass.CRYPTO, UTC)).isEqualTo(2190.0);
  }

  @Test
  void fifteenMinuteSessionBarsGive252Times26() {
    // 09:30, 09:45, ..., 15:45 New York = (16:00 - 09:30) / 15 min = 26 bars a date, on
    // Fri 2024-03-08 and Mon 2024-03-11 (DST starts in between) and Tue 2024-03-12.
    // Median spacing 15 min < 20 h -> intraday: 252 × 26 = 6552.
    List<Long> times = new ArrayList<>();
    for (LocalDate d :
        List.of(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12))) {
      for (int k = 0; k < 26; k++) {
        times.add(at(d, LocalTime.of(9, 30).plusMinutes(15L * k), NEW_YORK));
      }
    }
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.EQUITY, NEW_YORK))
        .isEqualTo(6552.0);
  }

  @Test
  void intradayBarsAreCountedPerDateOfTheExchangeZone() {
    // Hourly bars 10:00..15:00 Sydney (6 a day) on Mon 2024-01-15 and Tue 2024-01-16; AEDT is
    // UTC+11. In Sydney dates: 6 and 6 -> median 6 -> 252 × 6 = 1512.
    // The same instants on UTC dates: 10:00 AEDT = 23:00 UTC the day before, 11:00-15:00 AEDT =
    // 00:00-04:00 UTC, so Jan 14: 1, Jan 15: 5 + 1 = 6, Jan 16: 5 -> median 5 -> 252 × 5 = 1260.
    ZoneId sydney = ZoneId.of("Australia/Sydney");
    List<Long> times = new ArrayList<>();
    for (LocalDate d : List.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 16))) {
      for (int h = 10; h <= 15; h++) {
        times.add(at(d, LocalTime.of(h, 0), sydney));
      }
    }
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.EQUITY, sydney))
        .isEqualTo(1512.0);
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.EQUITY, UTC)).isEqualTo(1260.0);
  }

  @Test
  void evenNumberOfDatesTakesTheMeanOfTheTwoMiddleCounts() {
    // Hourly bars: 4 on 2024-01-02 (10..13 h), 5 on 2024-01-03 (10..14 h), UTC. Spacings: 1 h x7,
    // one overnight gap -> median 1 h -> intraday. Counts {4, 5} -> median 4.5 -> 252 × 4.5 = 1134.
    List<Long> times = new ArrayList<>();
    for (int h = 10; h <= 13; h++) {
      times.add(at(LocalDate.of(2024, 1, 2), LocalTime.of(h, 0), UTC));
    }
    for (int h = 10; h <= 14; h++) {
      times.add(at(LocalDate.of(2024, 1, 3), LocalTime.of(h, 0), UTC));
    }
    assertThat(PeriodsPerYear.estimate(toArray(times), AssetClass.FUTURE, UTC)).isEqualTo(1134.0);
  }

  @Test
  void twelveHourFxBarsAreIntraday() {
    // 00:00 and 12:00 UTC each day: spacing 12 h < 20 h, 2 bars a date -> 252 × 2 = 504.
    assertThat(PeriodsPerYear.estimate(evenly(T0, 12 * HOUR, 20), AssetClass.FX, UTC))
        .isEqualTo(504.0);
  }

  @Test
  void fewerThanTwoTimesGiveTheCalendarDays() {
    assertThat(PeriodsPerYear.estimate(new long[0], AssetClass.EQUITY, UTC)).isEqualTo(252.0);
    assertThat(PeriodsPerYear.estimate(new long[] {T0}, AssetClass.FUTURE, UTC)).isEqualTo(252.0);
    assertThat(PeriodsPerYear.estimate(new long[] {T0}, AssetClass.CRYPTO, UTC)).isEqualTo(365.0);
  }

  @Test
  void timesMustIncreaseStrictly() {
    assertThatThrownBy(() -> PeriodsPerYear.estimate(new long[] {T0, T0}, AssetClass.EQUITY, UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timesMillis must be strictly increasing");
  }
}
