package io.quantzoo.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RebalanceScheduleTest {
  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void everyNBarsAtTheCloseOfBarsN2N() {
    RebalanceSchedule s = new RebalanceSchedule.EveryBars(3);
    StringBuilder due = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      if (s.due(i, i, i - 1)) {
        due.append(i).append(' ');
      }
    }
    assertThat(due.toString()).isEqualTo("3 6 9 ");
  }

  @Test
  void monthlyOnTheFirstBarOfANewUtcMonth() {
    RebalanceSchedule s = new RebalanceSchedule.Calendar(RebalanceSchedule.Period.MONTHLY);
    assertThat(s.due(5, t("2024-01-31T20:00:00Z"), t("2024-01-31T16:00:00Z"))).isFalse();
    assertThat(s.due(6, t("2024-02-01T00:00:00Z"), t("2024-01-31T20:00:00Z"))).isTrue();
    assertThat(s.due(7, t("2024-02-01T04:00:00Z"), t("2024-02-01T00:00:00Z"))).isFalse();
    // a gap over a whole month still triggers once; a new year too
    assertThat(s.due(8, t("2024-04-03T00:00:00Z"), t("2024-02-01T04:00:00Z"))).isTrue();
    assertThat(s.due(9, t("2025-01-01T00:00:00Z"), t("2024-12-31T20:00:00Z"))).isTrue();
    assertThat(s.due(0, t("2025-01-01T00:00:00Z"), t("2024-12-31T20:00:00Z"))).isFalse();
  }

  @Test
  void weeklyOnTheFirstBarOfAnIsoWeekAndDailyOnANewDay() {
    RebalanceSchedule w = new RebalanceSchedule.Calendar(RebalanceSchedule.Period.WEEKLY);
    // 2024-01-07 is a Sunday, 2024-01-08 a Monday
    assertThat(w.due(1, t("2024-01-07T00:00:00Z"), t("2024-01-06T00:00:00Z"))).isFalse();
    assertThat(w.due(2, t("2024-01-08T00:00:00Z"), t("2024-01-07T00:00:00Z"))).isTrue();
    assertThat(w.due(3, t("2024-01-09T00:00:00Z"), t("2024-01-08T00:00:00Z"))).isFalse();
    // before 1970 (S&P 500 data starts in 1950): 1969-12-29 was a Monday
    assertThat(w.due(4, t("1969-12-29T00:00:00Z"), t("1969-12-28T00:00:00Z"))).isTrue();
    RebalanceSchedule d = new RebalanceSchedule.Calendar(RebalanceSchedule.Period.DAILY);
    assertThat(d.due(1, t("2024-01-07T20:00:00Z"), t("2024-01-07T16:00:00Z"))).isFalse();
    assertThat(d.due(2, t("2024-01-08T00:00:00Z"), t("2024-01-07T20:00:00Z"))).isTrue();
  }
}
