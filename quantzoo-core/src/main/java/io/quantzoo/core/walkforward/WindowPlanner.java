package io.quantzoo.core.walkforward;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a timeline into walk-forward windows.
 *
 * <p><b>Bars</b>: window {@code k} (sliding) has in-sample {@code [k·step, k·step + IS)} and
 * out-of-sample {@code [k·step + IS, k·step + IS + OOS)}; anchored windows start in-sample at 0 and
 * end it at {@code IS + k·step}. <b>Calendar units</b> (UTC): the same arithmetic on boundaries
 * {@code b(j) = anchor + j units}, where the anchor is the start of the first bar's UTC day (days,
 * weeks) or month (months); a range holds the bars whose open time lies in {@code [b(i), b(j))}.
 * Windows are made while the out-of-sample start lies inside the data; the last out-of-sample range
 * is cut at the end of the data (it may be shorter). Windows whose in-sample or out-of-sample range
 * holds no bar are skipped. The warm-up starts {@code warmupBars} before the out-of-sample start
 * (not before bar 0), or at the in-sample start when {@code warmupBars} is -1.
 */
public final class WindowPlanner {
  private WindowPlanner() {}

  /**
   * Plans the windows.
   *
   * @param timeline distinct bar open times, ascending (epoch millis)
   */
  public static List<Window> plan(long[] timeline, WalkForwardSpec spec) {
    int n = timeline.length;
    List<Window> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    for (int k = 0; ; k++) {
      long isStartUnit = spec.mode() == WalkForwardSpec.Mode.SLIDING ? (long) k * spec.step() : 0;
      long isEndUnit = (long) k * spec.step() + spec.inSample();
      long oosEndUnit = isEndUnit + spec.outOfSample();
      int isFrom;
      int isTo;
      int oosTo;
      if (spec.unit() == WalkForwardSpec.Unit.BARS) {
        if (isEndUnit >= n) {
          break;
        }
        isFrom = (int) isStartUnit;
        isTo = (int) isEndUnit;
        oosTo = (int) Math.min(n, oosEndUnit);
      } else {
        long isEndTime = boundary(timeline[0], spec.unit(), isEndUnit);
        if (isEndTime > timeline[n - 1]) {
          break;
        }
        isFrom = WindowData.lowerBound(timeline, boundary(timeline[0], spec.unit(), isStartUnit));
        isTo = WindowData.lowerBound(timeline, isEndTime);
        oosTo = WindowData.lowerBound(timeline, boundary(timeline[0], spec.unit(), oosEndUnit));
      }
      if (isFrom >= isTo || isTo >= oosTo) {
        continue;
      }
      int warm = spec.warmupBars() < 0 ? isFrom : Math.max(0, isTo - spec.warmupBars());
      out.add(new Window(out.size(), warm, isFrom, isTo, isTo, oosTo));
    }
    return out;
  }

  /** Epoch millis of boundary {@code j}: the anchor of {@code first} plus {@code j} units. */
  static long boundary(long first, WalkForwardSpec.Unit unit, long j) {
    LocalDate d = Instant.ofEpochMilli(first).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate b =
        switch (unit) {
          case DAYS -> d.plusDays(j);
          case WEEKS -> d.plusWeeks(j);
          case MONTHS -> d.withDayOfMonth(1).plusMonths(j);
          case BARS -> throw new IllegalArgumentException("bars have no calendar boundary");
        };
    return b.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
