package io.quantzoo.report;

import static io.quantzoo.report.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyReturnsTest {
  private static final double EPS = 1e-12;

  @Test
  void handComputedAcrossThreeMonthsAndAYearBoundary() {
    // Initial cash 1000. Points (UTC) and the month each belongs to:
    //   2023-11-10 00:00          1010     Nov
    //   2023-11-30 23:59          1050     Nov  -> E_end(Nov 2023) = 1050
    //   2023-12-01 00:00          1040     Dec
    //   2023-12-31 23:59:59.999   1008     Dec  -> E_end(Dec 2023) = 1008
    //   2024-01-01 00:00          1020     Jan  (first instant of the new year)
    //   2024-01-31 16:00          1108.8   Jan  -> E_end(Jan 2024) = 1108.8
    //   (no point in February)
    //   2024-03-01 16:00          1150     Mar
    //   2024-03-15 16:00          1164.24  Mar  -> E_end(Mar 2024) = 1164.24
    //
    // Nov 2023 = 1050    / 1000   - 1 = +0.05   (first month: over the initial cash)
    // Dec 2023 = 1008    / 1050   - 1 = -0.04
    // 2023     = 1.05 * 0.96      - 1 = +0.008  (= 1008 / 1000 - 1)
    // Jan 2024 = 1108.8  / 1008   - 1 = +0.10
    // Feb 2024 = no data (NaN)
    // Mar 2024 = 1164.24 / 1108.8 - 1 = +0.05   (over the last month with data, January)
    // 2024     = 1.10 * 1.05      - 1 = +0.155  (= 1164.24 / 1008 - 1)
    MonthlyReturns m = MonthlyReturns.of(Fixtures.monthlyCurve(), 1000);

    assertThat(m.years()).hasSize(2);
    MonthlyReturns.YearRow y2023 = m.years().get(0);
    assertThat(y2023.year()).isEqualTo(2023);
    for (int month = 1; month <= 10; month++) {
      assertThat(y2023.month(month)).as("month %d", month).isNaN();
    }
    assertThat(y2023.month(11)).isCloseTo(0.05, within(EPS));
    assertThat(y2023.month(12)).isCloseTo(-0.04, within(EPS));
    assertThat(y2023.yearReturn()).isCloseTo(0.008, within(EPS));

    MonthlyReturns.YearRow y2024 = m.years().get(1);
    assertThat(y2024.year()).isEqualTo(2024);
    assertThat(y2024.month(1)).isCloseTo(0.10, within(EPS));
    assertThat(y2024.month(2)).isNaN();
    assertThat(y2024.month(3)).isCloseTo(0.05, within(EPS));
    for (int month = 4; month <= 12; month++) {
      assertThat(y2024.month(month)).as("month %d", month).isNaN();
    }
    assertThat(y2024.yearReturn()).isCloseTo(0.155, within(EPS));
  }

  @Test
  void emptyCurveHasNoRows() {
    assertThat(MonthlyReturns.compute(new long[0], new double[0], 1000).years()).isEmpty();
  }

  @Test
  void singlePointIsMeasuredAgainstInitialCash() {
    // 1 point: 1020 / 1000 - 1 = +0.02 in Jun 2024, and the year is the same.
    MonthlyReturns m =
        MonthlyReturns.compute(new long[] {t("2024-06-10T00:00:00Z")}, new double[] {1020}, 1000);
    assertThat(m.years()).hasSize(1);
    assertThat(m.years().get(0).month(6)).isCloseTo(0.02, within(EPS));
    assertThat(m.years().get(0).yearReturn()).isCloseTo(0.02, within(EPS));
  }

  @Test
  void monthAfterZeroEquityIsUndefined() {
    // Jan ends at 0 (-100 %), so Feb = x / 0 - 1 is undefined, and so is the year.
    MonthlyReturns m =
        MonthlyReturns.compute(
            new long[] {t("2024-01-31T00:00:00Z"), t("2024-02-29T00:00:00Z")},
            new double[] {0, 10},
            1000);
    MonthlyReturns.YearRow y = m.years().get(0);
    assertThat(y.month(1)).isCloseTo(-1.0, within(EPS));
    assertThat(y.month(2)).isNaN();
    assertThat(y.yearReturn()).isNaN();
  }

  @Test
  void rejectsDecreasingTimes() {
    assertThatThrownBy(() ->
            MonthlyReturns.compute(
                new long[] {t("2024-02-01T00:00:00Z"), t("2024-01-01T00:00:00Z")},
                new double[] {1, 2},
                1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void yearRowNeedsTwelveMonths() {
    assertThatThrownBy(() -> new MonthlyReturns.YearRow(2024, List.of(0.1), 0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
