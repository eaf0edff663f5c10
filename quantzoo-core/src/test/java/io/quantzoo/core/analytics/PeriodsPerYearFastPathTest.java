package io.quantzoo.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The O(n) median and per-date counting agree with the obvious sort / TreeMap definitions. */
class PeriodsPerYearFastPathTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void medianSpacingEqualsTheSortedMedian(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 2 + r.nextInt(5000);
    long[] t = new long[n];
    long now = 0;
    for (int i = 0; i < n; i++) {
      // few distinct spacings, like real data: lots of ties around the median
      now += 60_000L * (1 + r.nextInt(seed % 2 == 0 ? 3 : 500));
      t[i] = now;
    }
    long[] d = new long[n - 1];
    for (int i = 1; i < n; i++) {
      d[i - 1] = t[i] - t[i - 1];
    }
    Arrays.sort(d);
    int m = d.length;
    double expected = m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + (double) d[m / 2]) / 2.0;
    assertThat(PeriodsPerYear.medianSpacingMillis(t)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Europe/London", "Australia/Sydney"})
  void barsPerDateMatchesCalendarDatesAcrossDaylightSavingChanges(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    SplittableRandom r = new SplittableRandom(zoneId.hashCode());
    long[] t = new long[20_000];
    long now = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < t.length; i++) {
      now += 60_000L * (1 + r.nextInt(120));
      t[i] = now;
    }
    TreeMap<LocalDate, Integer> counts = new TreeMap<>();
    for (long x : t) {
      counts.merge(LocalDate.ofInstant(Instant.ofEpochMilli(x), zone), 1, Integer::sum);
    }
    int[] c = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    int m = c.length;
    double expected = m % 2 == 1 ? c[m / 2] : (c[m / 2 - 1] + c[m / 2]) / 2.0;
    assertThat(PeriodsPerYear.medianBarsPerDate(t, zone)).isEqualTo(expected);
  }
}
