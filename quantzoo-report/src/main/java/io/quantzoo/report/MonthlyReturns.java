package io.quantzoo.report;

import io.quantzoo.core.engine.EquityCurve;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Calendar-month returns of an equity curve, grouped by year (months in UTC).
 *
 * <p>For every calendar month that has at least one equity point, {@code E_end(m)} is the equity of
 * the last point in that month. Then
 *
 * <pre>
 *   r(m)    = E_end(m) / E_end(previous month with data) − 1
 *   r(1st)  = E_end(first month) / initialCash − 1
 *   r(year) = Π (1 + r(m)) − 1   over that year's months with data
 * </pre>
 *
 * A month without any equity point has no return (NaN) and is skipped, so the next month is
 * measured against the last month that has data. A return whose base equity is not &gt; 0 is
 * undefined (NaN), and so is the year containing it. Runs in one pass, O(n).
 */
public final class MonthlyReturns {

  /**
   * One row of the table.
   *
   * @param year calendar year (UTC)
   * @param months twelve returns as fractions (0.01 = 1 %), January first; NaN where the month has
   *     no data or the return is undefined
   * @param yearReturn the compounded return of the year's months, as a fraction
   */
  public record YearRow(int year, List<Double> months, double yearReturn) {
    public YearRow {
      months = List.copyOf(months);
      if (months.size() != 12) {
        throw new IllegalArgumentException("months must have 12 entries, had " + months.size());
      }
    }

    /** The return of month {@code monthOfYear} (1 = January .. 12 = December), NaN if none. */
    public double month(int monthOfYear) {
      return months.get(monthOfYear - 1);
    }
  }

  private final List<YearRow> years;

  private MonthlyReturns(List<YearRow> years) {
    this.years = Collections.unmodifiableList(years);
  }

  /**
   * The rows, one per calendar year that has data, in ascending order. Empty for an empty curve.
   */
  public List<YearRow> years() {
    return years;
  }

  /** Computes the table of {@code curve}; see the class comment for the formulas. */
  public static MonthlyReturns of(EquityCurve curve, double initialCash) {
    return compute(curve.timesArray(), curve.equityArray(), initialCash);
  }

  /**
   * Computes the table from parallel arrays.
   *
   * @param timesMillis epoch milliseconds, non-decreasing
   * @param equity equity at each time
   * @param initialCash the base of the first month's return
   */
  public static MonthlyReturns compute(long[] timesMillis, double[] equity, double initialCash) {
    Objects.requireNonNull(timesMillis, "timesMillis");
    Objects.requireNonNull(equity, "equity");
    if (timesMillis.length != equity.length) {
      throw new IllegalArgumentException("times and equity must have the same length");
    }
    List<YearRow> rows = new ArrayList<>();
    if (timesMillis.length == 0) {
      return new MonthlyReturns(rows);
    }
    double previousEnd = initialCash;
    YearMonth month = null;
    long nextMonthStart = Long.MIN_VALUE;
    double monthEnd = Double.NaN;
    int rowYear = Integer.MIN_VALUE;
    double[] rowMonths = null;
    boolean rowUndefined = false;
    for (int i = 0; i <= timesMillis.length; i++) {
      boolean last = i == timesMillis.length;
      if (!last && i > 0 && timesMillis[i] < timesMillis[i - 1]) {
        throw new IllegalArgumentException("timestamps must be non-decreasing (index " + i + ")");
      }
      if (last || timesMillis[i] >= nextMonthStart) {
        if (month != null) {
          // Close the current month.
          double r = previousEnd > 0 ? monthEnd / previousEnd - 1 : Double.NaN;
          if (month.getYear() != rowYear) {
            if (rowMonths != null) {
              rows.add(row(rowYear, rowMonths, rowUndefined));
            }
            rowYear = month.getYear();
            rowMonths = new double[12];
            Arrays.fill(rowMonths, Double.NaN);
            rowUndefined = false;
          }
          rowMonths[month.getMonthValue() - 1] = r;
          rowUndefined |= Double.isNaN(r);
          previousEnd = monthEnd;
        }
        if (last) {
          break;
        }
        OffsetDateTime t = Instant.ofEpochMilli(timesMillis[i]).atOffset(ZoneOffset.UTC);
        month = YearMonth.of(t.getYear(), t.getMonthValue());
        nextMonthStart =
            month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      monthEnd = equity[i];
    }
    rows.add(row(rowYear, rowMonths, rowUndefined));
    return new MonthlyReturns(rows);
  }

  private static YearRow row(int year, double[] months, boolean undefined) {
    double growth = 1;
    List<Double> list = new ArrayList<>(12);
    for (double r : months) {
      list.add(r);
      if (!Double.isNaN(r)) {
        growth *= 1 + r;
      }
    }
    return new YearRow(year, list, undefined ? Double.NaN : growth - 1);
  }
}
