package io.quantzoo.core.analytics;

import io.quantzoo.core.instrument.AssetClass;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Objects;

/**
 * Estimates the number of bar periods per year {@code P} of a bar series from its timestamps, for
 * annualising returns, volatility, Sharpe and Sortino.
 *
 * <p>The rule works on {@code Δ}, the median spacing of consecutive timestamps (the mean of the two
 * middle spacings when their count is even), so that weekends, holidays and missing bars do not
 * move it. Let {@code d = Δ / 1 day}.
 *
 * <ul>
 *   <li><b>Crypto</b> (24/7, 365-day calendar): {@code P = 365 × 86,400,000 / Δ} for any {@code Δ},
 *       unrounded (4-hour bars: 2190; daily: 365).
 *   <li><b>Equities, futures, FX</b> (252-day calendar), {@code Δ ≥ 20 h}, by calendar size:
 *       <ul>
 *         <li>{@code 20 h ≤ Δ < 1.5 days}: daily, {@code P = 252};
 *         <li>{@code 1.5 ≤ d < 5}: every few sessions, counted in trading days: {@code P =
 *             round(252 / d)} (2-day bars: 126);
 *         <li>{@code 5 ≤ d ≤ 10}: weekly, {@code P = 52};
 *         <li>{@code 25 ≤ d ≤ 35}: monthly, {@code P = 12};
 *         <li>{@code 80 ≤ d ≤ 100}: quarterly, {@code P = 4};
 *         <li>any other {@code d > 10}: such a gap spans weekends, so it is counted in calendar
 *             days: {@code x = 365.25 / d}, {@code P = round(x)} when {@code x ≥ 1} (14-day bars:
 *             26; 6-monthly: 2; yearly: 1), else {@code x} unrounded (2-yearly: 0.5).
 *       </ul>
 *   <li><b>Equities, futures, FX, intraday</b> ({@code Δ < 20 h}): {@code P = 252 × m}, where
 *       {@code m} is the median number of bars per calendar date, dates taken in the exchange
 *       timezone (15-minute bars 09:30-16:00 New York: 26 a day, {@code P = 6552}).
 * </ul>
 *
 * <p>Fewer than two timestamps give no spacing: {@code P} is then the calendar's days per year,
 * 252, or 365 for crypto ({@link AssetClass#tradingDaysPerYear()}). {@code round} is half-up.
 */
public final class PeriodsPerYear {

  static final long DAY_MILLIS = 86_400_000L;
  static final long HOUR_MILLIS = 3_600_000L;

  private PeriodsPerYear() {}

  /**
   * Estimates bar periods per year from bar timestamps; see the class documentation for the rule.
   *
   * @param timesMillis bar times in epoch milliseconds, strictly increasing (not modified)
   * @param assetClass the asset class deciding the calendar (365 days for crypto, else 252)
   * @param exchangeZone the exchange timezone, whose calendar dates count intraday bars per day
   * @return the estimated periods per year, finite and &gt; 0
   * @throws IllegalArgumentException if the times are not strictly increasing
   */
  public static double estimate(long[] timesMillis, AssetClass assetClass, ZoneId exchangeZone) {
    Objects.requireNonNull(timesMillis, "timesMillis");
    Objects.requireNonNull(assetClass, "assetClass");
    Objects.requireNonNull(exchangeZone, "exchangeZone");
    int n = timesMillis.length;
    for (int i = 1; i < n; i++) {
      if (timesMillis[i] <= timesMillis[i - 1]) {
        throw new IllegalArgumentException(
            "timesMillis must be strictly increasing, was "
                + timesMillis[i]
                + " after "
                + timesMillis[i - 1]
                + " at index "
                + i);
      }
    }
    if (n < 2) {
      return assetClass.tradingDaysPerYear();
    }
    double delta = medianSpacingMillis(timesMillis);
    if (assetClass == AssetClass.CRYPTO) {
      return 365.0 * DAY_MILLIS / delta;
    }
    if (delta < 20 * HOUR_MILLIS) {
      return 252.0 * medianBarsPerDate(timesMillis, exchangeZone);
    }
    double d = delta / DAY_MILLIS;
    if (d < 1.5) {
      return 252;
    }
    if (d < 5) {
      return Math.round(252.0 / d);
    }
    if (d <= 10) {
      return 52;
    }
    if (d >= 25 && d <= 35) {
      return 12;
    }
    if (d >= 80 && d <= 100) {
      return 4;
    }
    double x = 365.25 / d;
    return x >= 1 ? Math.round(x) : x;
  }

  /** Median of the consecutive differences of at least two increasing times. O(n). */
  static double medianSpacingMillis(long[] timesMillis) {
    long[] diffs = new long[timesMillis.length - 1];
    for (int i = 1; i < timesMillis.length; i++) {
      diffs[i - 1] = timesMillis[i] - timesMillis[i - 1];
    }
    int m = diffs.length;
    long upper = select(diffs, m / 2);
    if (m % 2 == 1) {
      return upper;
    }
    // After selection every element left of m/2 is <= upper: the lower middle is their maximum.
    long lower = Long.MIN_VALUE;
    for (int i = 0; i < m / 2; i++) {
      lower = Math.max(lower, diffs[i]);
    }
    return (lower + (double) upper) / 2.0;
  }

  /**
   * Median, over the calendar dates (in {@code zone}) that have bars, of the bars on each date.
   * Times must be increasing; the zone offset is looked up once per offset transition, not per bar.
   */
  static double medianBarsPerDate(long[] timesMillis, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    long[] counts = new long[16];
    int days = 0;
    long currentDay = Long.MIN_VALUE;
    long run = 0;
    long offsetMillis = 0;
    long offsetValidUntil = Long.MIN_VALUE;
    for (long t : timesMillis) {
      if (t >= offsetValidUntil) {
        Instant at = Instant.ofEpochMilli(t);
        offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
        ZoneOffsetTransition next = rules.nextTransition(at);
        offsetValidUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
      }
      long day = Math.floorDiv(t + offsetMillis, 86_400_000L);
      if (day != currentDay) {
        if (run > 0) {
          if (days == counts.length) {
            counts = Arrays.copyOf(counts, days * 2);
          }
          counts[days++] = run;
        }
        currentDay = day;
        run = 0;
      }
      run++;
    }
    if (days == counts.length) {
      counts = Arrays.copyOf(counts, days + 1);
    }
    counts[days++] = run;
    long[] c = Arrays.copyOf(counts, days);
    Arrays.sort(c);
    int m = c.length;
    return m % 2 == 1 ? c[m / 2] : (c[m / 2 - 1] + c[m / 2]) / 2.0;
  }

  /**
   * Rearranges {@code a} so that {@code a[k]} is the k-th smallest value, every element before it
   * is no larger and every element after it no smaller (Hoare's selection), and returns it.
   */
  static long select(long[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      // median of three as the pivot keeps sorted and reversed inputs linear
      long x = a[lo];
      long y = a[mid];
      long z = a[hi];
      long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long tmp = a[i];
          a[i] = a[j];
          a[j] = tmp;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }
}
