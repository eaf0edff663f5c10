package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticMnqBarsTest {
  private static final ZoneId NY = ZoneId.of("America/New_York");

  /** The bundled file and the exact spec it was generated with (data/README.md). */
  static final Path BUNDLED = Path.of("../data/mnq-15m-synthetic-2025q1.csv");

  static final SyntheticMnqBars.Spec BUNDLED_SPEC =
      new SyntheticMnqBars.Spec(
          808, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 3, 31), 21_000, 0.22);

  private static BarSeries year2025(long seed) {
    return SyntheticMnqBars.generate(
        SyntheticMnqBars.Spec.mnq2025(seed, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
  }

  private static ZonedDateTime local(BarSeries s, int i) {
    return Instant.ofEpochMilli(s.timeMillis(i)).atZone(NY);
  }

  /** The trading day a bar belongs to: bars from 18:00 on belong to the next day's session. */
  private static LocalDate tradingDay(ZonedDateTime t) {
    return t.getHour() >= 18 ? t.toLocalDate().plusDays(1) : t.toLocalDate();
  }

  @Test
  void barsOnlyInsideGlobexHoursOf2025() {
    BarSeries s = year2025(1);
    // Dates from CME's 2025 holiday calendar, written out here rather than computed.
    Set<LocalDate> closed =
        Set.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 12, 25));
    Map<LocalDate, LocalTime> early = new HashMap<>();
    for (String d :
        new String[] {
          "2025-01-20",
          "2025-02-17",
          "2025-05-26",
          "2025-06-19",
          "2025-07-04",
          "2025-09-01",
          "2025-11-27"
        }) {
      early.put(LocalDate.parse(d), LocalTime.of(12, 45)); // 13:00 close: last bar opens 12:45
    }
    early.put(LocalDate.of(2025, 11, 28), LocalTime.of(13, 0)); // 13:15 close
    early.put(LocalDate.of(2025, 12, 24), LocalTime.of(13, 0));
    Map<LocalDate, Integer> perDay = new HashMap<>();
    Map<LocalDate, LocalTime> lastBar = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      ZonedDateTime t = local(s, i);
      LocalTime lt = t.toLocalTime();
      DayOfWeek dow = t.getDayOfWeek();
      assertThat(lt.getMinute() % 15).as("%s on the 15-minute grid", t).isZero();
      assertThat(lt.getSecond()).isZero();
      assertThat(lt.isBefore(LocalTime.of(17, 0)) || !lt.isBefore(LocalTime.of(18, 0)))
          .as("%s is not in the 17:00-18:00 break", t)
          .isTrue();
      assertThat(dow).as("%s", t).isNotEqualTo(DayOfWeek.SATURDAY);
      if (dow == DayOfWeek.SUNDAY) {
        assertThat(lt).as("Sunday bar %s", t).isAfterOrEqualTo(LocalTime.of(18, 0));
      }
      if (dow == DayOfWeek.FRIDAY) {
        assertThat(lt).as("Friday bar %s", t).isBefore(LocalTime.of(17, 0));
      }
      LocalDate day = tradingDay(t);
      assertThat(closed).as("bar %s in a closed session", t).doesNotContain(day);
      perDay.merge(day, 1, Integer::sum);
      if (lt.isBefore(LocalTime.of(18, 0))) {
        lastBar.put(day, lt); // bars come in time order
      }
    }
    assertThat(perDay).hasSize(258); // 261 weekdays − 3 closures
    for (Map.Entry<LocalDate, Integer> e : perDay.entrySet()) {
      LocalTime last = early.get(e.getKey());
      if (last == null) {
        // 18:00 to 17:00 = 23 hours = 92 bars, the last opening at 16:45
        assertThat(e.getValue()).as("bars of %s", e.getKey()).isEqualTo(92);
        assertThat(lastBar.get(e.getKey())).isEqualTo(LocalTime.of(16, 45));
      } else {
        assertThat(lastBar.get(e.getKey())).as("last bar of %s", e.getKey()).isEqualTo(last);
      }
    }
    // 13:00 closes lose 16 bars (13:00-17:00), 13:15 closes 15: 258 × 92 − 7 × 16 − 2 × 15
    assertThat(s.size()).isEqualTo(258 * 92 - 7 * 16 - 2 * 15);
  }

  @Test
  void barTimesFollowDaylightSavingTime() {
    // 2025: EDT (UTC−4) from Sunday 9 March, EST (UTC−5) again from Sunday 2 November.
    BarSeries march =
        SyntheticMnqBars.generate(
            SyntheticMnqBars.Spec.mnq2025(3, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14)));
    assertThat(times(march))
        .contains(
            Instant.parse("2025-03-07T14:30:00Z"), // Friday 09:30 EST
            Instant.parse("2025-03-07T21:45:00Z"), // Friday 16:45 EST, the week's last bar
            Instant.parse("2025-03-09T22:00:00Z"), // Sunday 18:00 EDT, the week's first bar
            Instant.parse("2025-03-10T13:30:00Z")) // Monday 09:30 EDT
        .doesNotContain(
            Instant.parse("2025-03-07T22:00:00Z"), // Friday 17:00 EST
            Instant.parse("2025-03-09T21:45:00Z")); // Sunday 17:45 EDT
    BarSeries november =
        SyntheticMnqBars.generate(
            SyntheticMnqBars.Spec.mnq2025(
                3, LocalDate.of(2025, 10, 27), LocalDate.of(2025, 11, 7)));
    assertThat(times(november))
        .contains(
            Instant.parse("2025-10-31T13:30:00Z"), // Friday 09:30 EDT
            Instant.parse("2025-10-31T20:45:00Z"), // Friday 16:45 EDT
            Instant.parse("2025-11-02T23:00:00Z"), // Sunday 18:00 EST
            Instant.parse("2025-11-03T14:30:00Z")) // Monday 09:30 EST
        .doesNotContain(
            Instant.parse("2025-10-31T21:00:00Z"), // Friday 17:00 EDT
            Instant.parse("2025-11-02T22:45:00Z")); // Sunday 17:45 EST
    // Inside a session bars are 15 minutes apart; every gap is a break, a weekend or a holiday.
    for (BarSeries s : new BarSeries[] {march, november}) {
      for (int i = 1; i < s.size(); i++) {
        long gap = s.timeMillis(i) - s.timeMillis(i - 1);
        if (gap != 15 * 60_000L) {
          assertThat(local(s, i).toLocalTime())
              .as("bar after a gap")
              .isEqualTo(LocalTime.of(18, 0));
        }
      }
    }
  }

  private static java.util.List<Instant> times(BarSeries s) {
    java.util.List<Instant> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.time(i));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 808})
  void pricesOnTheTickWithConsistentOhlcAndWholePositiveVolumes(long seed) {
    BarSeries s = year2025(seed);
    for (int i = 0; i < s.size(); i++) {
      double o = s.open(i);
      double h = s.high(i);
      double l = s.low(i);
      double c = s.close(i);
      for (double p : new double[] {o, h, l, c}) {
        assertThat(p * 4).as("bar %d price %s on the 0.25 tick", i, p).isEqualTo(Math.rint(p * 4));
      }
      assertThat(l).isLessThanOrEqualTo(Math.min(o, c));
      assertThat(h).isGreaterThanOrEqualTo(Math.max(o, c));
      assertThat(s.volume(i)).isGreaterThanOrEqualTo(1).isEqualTo(Math.rint(s.volume(i)));
      if (i > 0 && s.timeMillis(i) - s.timeMillis(i - 1) == 15 * 60_000L) {
        assertThat(o)
            .as("bar %d opens at the previous close inside a session", i)
            .isEqualTo(s.close(i - 1));
      }
    }
  }

  @Test
  void sameSeedSameBarsOtherSeedOtherBars() {
    BarSeries a = year2025(5);
    BarSeries b = year2025(5);
    BarSeries c = year2025(6);
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(a.closeArray()).isEqualTo(b.closeArray());
    assertThat(a.volumeArray()).isEqualTo(b.volumeArray());
    assertThat(c.timesArray()).isEqualTo(a.timesArray()); // the calendar does not depend on it
    assertThat(c.closeArray()).isNotEqualTo(a.closeArray());
  }

  /**
   * Annualised volatility of daily (session close to session close) log returns over a year, {@code
   * sqrt(252) × sample sd}. The generator aims at the target in expectation; a year of returns with
   * a wandering volatility level scatters around it by roughly ±8 %, so ±25 % is a wide band that
   * still catches a wrong scaling (for example annualising by the number of bars).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void realisedVolatilityNearTheTarget(long seed) {
    for (double target : new double[] {0.22, 0.40}) {
      BarSeries s =
          SyntheticMnqBars.generate(
              new SyntheticMnqBars.Spec(
                  seed, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 21_000, target));
      java.util.List<Double> closes = new java.util.ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        boolean lastOfSession =
            i == s.size() - 1 || !tradingDay(local(s, i + 1)).equals(tradingDay(local(s, i)));
        if (lastOfSession) {
          closes.add(s.close(i));
        }
      }
      int n = closes.size() - 1;
      double mean = 0;
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = Math.log(closes.get(i + 1) / closes.get(i));
        mean += r[i] / n;
      }
      double var = 0;
      for (double x : r) {
        var += (x - mean) * (x - mean) / (n - 1);
      }
      double annual = Math.sqrt(252 * var);
      assertThat(annual)
          .as("seed %d target %s", seed, target)
          .isBetween(0.75 * target, 1.25 * target);
    }
  }

  @Test
  void volatilityAndVolumeAreUShapedAndQuietOvernight() {
    BarSeries s = year2025(7);
    double[] absRet = new double[24 * 4];
    double[] vol = new double[24 * 4];
    int[] n = new int[24 * 4];
    for (int i = 0; i < s.size(); i++) {
      ZonedDateTime t = local(s, i);
      int slot = t.getHour() * 4 + t.getMinute() / 15;
      absRet[slot] += Math.abs(Math.log(s.close(i) / s.open(i)));
      vol[slot] += s.volume(i);
      n[slot]++;
    }
    int open = 9 * 4 + 2; // 09:30
    int midday = 12 * 4; // 12:00
    int lastCash = 15 * 4 + 3; // 15:45
    int night = 2 * 4; // 02:00
    double ro = absRet[open] / n[open];
    double rm = absRet[midday] / n[midday];
    double rl = absRet[lastCash] / n[lastCash];
    double rn = absRet[night] / n[night];
    assertThat(ro).isGreaterThan(2 * rm);
    assertThat(rl).isGreaterThan(1.2 * rm);
    assertThat(rm).isGreaterThan(2 * rn);
    assertThat(vol[open] / n[open]).isGreaterThan(3 * vol[midday] / n[midday]);
    assertThat(vol[lastCash] / n[lastCash]).isGreaterThan(vol[midday] / n[midday]);
    assertThat(vol[midday] / n[midday]).isGreaterThan(3 * vol[night] / n[night]);
    // MNQ-like sizes: tens of thousands of contracts in the opening cash bar, thousands overnight
    assertThat(vol[open] / n[open]).isBetween(15_000.0, 80_000.0);
    assertThat(vol[night] / n[night]).isBetween(500.0, 5_000.0);
  }

  @Test
  void priceLevelPlausibleForMnqIn2025() {
    BarSeries s = SyntheticMnqBars.generate(BUNDLED_SPEC);
    assertThat(s.symbol()).isEqualTo("MNQ");
    assertThat(s.open(0)).isEqualTo(21_000);
    for (int i = 0; i < s.size(); i++) {
      assertThat(s.low(i)).isGreaterThan(15_000);
      assertThat(s.high(i)).isLessThan(28_000);
      // a 15-minute MNQ bar spans at most a few hundred points, never thousands
      assertThat(s.high(i) - s.low(i)).isLessThan(600);
    }
  }

  @Test
  void bundledFileIsExactlyWhatTheGeneratorWrites() throws IOException {
    BarSeries s = SyntheticMnqBars.generate(BUNDLED_SPEC);
    // Jan 2 .. Mar 31 2025: 63 trading days (22 + 20 + 21), two 13:00 closes (MLK, Presidents').
    assertThat(s.size()).isEqualTo(63 * 92 - 2 * 16);
    String csv = SyntheticMnqBars.toCsv(s);
    assertThat(csv).startsWith("timestamp,open,high,low,close,volume\n2025-01-01T18:00:00-05:00,");
    assertThat(Files.readString(BUNDLED, StandardCharsets.UTF_8))
        .as("data/mnq-15m-synthetic-2025q1.csv must be regenerated only with its documented spec")
        .isEqualTo(csv);
    BarSeries loaded =
        CsvBarLoader.load(BUNDLED, LoadOptions.defaults().withSymbol("MNQ")).single();
    assertThat(loaded.timesArray()).isEqualTo(s.timesArray());
    assertThat(loaded.openArray()).isEqualTo(s.openArray());
    assertThat(loaded.highArray()).isEqualTo(s.highArray());
    assertThat(loaded.lowArray()).isEqualTo(s.lowArray());
    assertThat(loaded.closeArray()).isEqualTo(s.closeArray());
    assertThat(loaded.volumeArray()).isEqualTo(s.volumeArray());
  }

  @Test
  void specIsValidated() {
    LocalDate d = LocalDate.of(2025, 1, 2);
    assertThatThrownBy(() -> new SyntheticMnqBars.Spec(1, d, d.minusDays(1), 21_000, 0.2))
        .hasMessageContaining("lastDay must not be before firstDay 2025-01-02, was 2025-01-01");
    assertThatThrownBy(() -> new SyntheticMnqBars.Spec(1, d, d, 0, 0.2))
        .hasMessageContaining("startPrice must be > 0, was 0.0");
    assertThatThrownBy(() -> new SyntheticMnqBars.Spec(1, d, d, 21_000, 0))
        .hasMessageContaining("annualVolatility must be in (0, 5], was 0.0");
    // a range without trading days gives an empty series
    assertThat(
            SyntheticMnqBars.generate(
                    SyntheticMnqBars.Spec.mnq2025(
                        1, LocalDate.of(2025, 1, 4), LocalDate.of(2025, 1, 5)))
                .size())
        .isZero();
  }
}
