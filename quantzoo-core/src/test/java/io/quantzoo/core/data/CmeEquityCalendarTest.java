package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Holiday rules checked against dates looked up in published calendars. */
class CmeEquityCalendarTest {

  @ParameterizedTest
  @CsvSource({
    "1818, 1818-03-22", // the earliest possible Easter
    "1943, 1943-04-25", // the latest possible Easter
    "2000, 2000-04-23",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2038, 2038-04-25"
  })
  void easterByTheGregorianComputus(int year, LocalDate easter) {
    assertThat(CmeEquityCalendar.easterSunday(year)).isEqualTo(easter);
    assertThat(CmeEquityCalendar.goodFriday(year)).isEqualTo(easter.minusDays(2));
  }

  @ParameterizedTest
  @CsvSource({"2023, 2023-11-23", "2024, 2024-11-28", "2025, 2025-11-27", "2026, 2026-11-26"})
  void thanksgivingIsTheFourthThursdayOfNovember(int year, LocalDate day) {
    assertThat(CmeEquityCalendar.thanksgiving(year)).isEqualTo(day);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2025-01-01, closed", // New Year's Day (Wednesday)
    "2025-01-02, 17:00",
    "2025-01-04, closed", // Saturday
    "2025-01-05, closed", // Sunday: its 18:00 open belongs to Monday's session
    "2025-01-20, 13:00", // Martin Luther King Jr. Day
    "2025-02-17, 13:00", // Presidents' Day
    "2025-04-17, 17:00", // Thursday before Good Friday
    "2025-04-18, closed", // Good Friday
    "2025-05-26, 13:00", // Memorial Day
    "2025-06-19, 13:00", // Juneteenth
    "2025-07-04, 13:00", // Independence Day
    "2025-09-01, 13:00", // Labor Day
    "2025-11-27, 13:00", // Thanksgiving
    "2025-11-28, 13:15", // the day after
    "2025-12-24, 13:15", // Christmas Eve
    "2025-12-25, closed", // Christmas
    "2025-12-31, 17:00",
    "2024-03-29, closed", // Good Friday 2024
    "2021-06-18, 17:00", // Juneteenth is observed only from 2022
    "2022-06-20, 13:00", // Juneteenth 2022 on a Sunday: observed Monday
    "2026-07-03, 13:00", // Independence Day 2026 on a Saturday: observed Friday
    "2021-07-05, 13:00", // Independence Day 2021 on a Sunday: observed Monday
    "2021-12-24, closed", // Christmas 2021 on a Saturday: closed Friday 24th, no half day
    "2022-12-26, closed", // Christmas 2022 on a Sunday: closed Monday
    "2023-01-02, closed", // New Year's Day 2023 on a Sunday: closed Monday
    "2021-12-31, 17:00" // New Year's Day 2022 on a Saturday: not observed
  })
  void sessionCloses(LocalDate day, String expected) {
    LocalTime close = CmeEquityCalendar.sessionClose(day);
    if (expected.equals("closed")) {
      assertThat(close).isNull();
      assertThat(CmeEquityCalendar.isTradingDay(day)).isFalse();
    } else {
      assertThat(close).isEqualTo(LocalTime.parse(expected));
      assertThat(CmeEquityCalendar.isTradingDay(day)).isTrue();
    }
  }

  @Test
  void tradingDaysOf2025() {
    // 2025: 261 weekdays − New Year's Day, Good Friday and Christmas = 258 (early closes still
    // trade).
    int n = 0;
    for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
      n += CmeEquityCalendar.isTradingDay(d) ? 1 : 0;
    }
    assertThat(n).isEqualTo(258);
  }
}
