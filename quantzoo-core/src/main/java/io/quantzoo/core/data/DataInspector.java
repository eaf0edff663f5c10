package io.quantzoo.core.data;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Summarises a data file for a person: per symbol the span, the median bar spacing and the gaps,
 * plus the problems that loading found. This is what {@code qz data inspect PATH} prints (through
 * {@link DataInspection#format()}).
 *
 * <p>The file is loaded with {@link LoadOptions#dropBadRows()} on, so one bad row does not hide the
 * rest; a file that cannot be read at all (missing, no header, a required column missing) gives an
 * inspection without symbols listing why.
 *
 * <p>Gap rule: the spacing between two consecutive bars is a gap when it exceeds 1.5 times the
 * median spacing. When the median is a day or longer, a gap whose missing calendar days (strictly
 * between the two bars' dates, in the load zone) are all Saturdays and Sundays is ignored; exchange
 * holidays are still reported. Intraday bars get no weekend rule: markets that close at weekends
 * show them as gaps.
 */
public final class DataInspector {
  /** How many of the largest gaps are listed per symbol. */
  public static final int LARGEST_GAPS = 5;

  private static final long DAY_MS = 86_400_000L;

  private DataInspector() {}

  /** Loads the CSV {@code file} (dropping bad rows) and inspects it. */
  public static DataInspection inspect(Path file, LoadOptions opts) {
    return inspect(file.toString(), opts, o -> CsvBarLoader.load(file, o, true));
  }

  /**
   * Loads through {@code loader} with bad rows dropped and inspects the result; a {@link
   * DataException} from the loader gives an inspection without symbols that lists its problems
   * (counting only those listed: the exception carries no total).
   *
   * @param fileLabel the file as the user named it
   * @param loader loads the file with the options given (e.g. a Parquet loader)
   */
  public static DataInspection inspect(
      String fileLabel, LoadOptions opts, Function<LoadOptions, LoadResult> loader) {
    LoadOptions dropping = opts.withDropBadRows(true);
    LoadResult result;
    try {
      result = loader.apply(dropping);
    } catch (DataException e) {
      return new DataInspection(
          fileLabel, List.of(), 0, 0, e.problems(), e.problems().size(), List.of());
    }
    return inspect(fileLabel, result, opts.zone());
  }

  /** Inspects an already loaded result; weekdays for the gap rule are taken in UTC. */
  public static DataInspection inspect(String fileLabel, LoadResult result) {
    return inspect(fileLabel, result, ZoneOffset.UTC);
  }

  /** Inspects an already loaded result; weekdays for the gap rule are taken in {@code zone}. */
  public static DataInspection inspect(String fileLabel, LoadResult result, ZoneId zone) {
    List<DataInspection.SymbolStats> stats = new ArrayList<>();
    List<String> notes = new ArrayList<>(result.notes());
    for (BarSeries s : result.series()) {
      if (!s.isEmpty()) {
        stats.add(stats(s, zone));
        notes.addAll(suspiciousPrints(s));
      }
    }
    return new DataInspection(
        fileLabel,
        stats,
        result.rowsRead(),
        result.rowsDropped(),
        result.problems(),
        result.problemCount(),
        notes);
  }

  /** How many suspicious prints are listed per symbol. */
  public static final int LISTED_PRINTS = 5;

  /**
   * Bars with a price that valid OHLC rules accept but that is implausible: an open, high, low or
   * close at less than half or more than twice the previous close. Such prints (exchange glitches,
   * flash crashes, bad ticks) fill orders at absurd prices; they are reported as notes, not
   * problems, because some are real. At most {@link #LISTED_PRINTS} are listed, with the count.
   */
  static List<String> suspiciousPrints(BarSeries s) {
    List<String> out = new ArrayList<>();
    int count = 0;
    StringBuilder listed = new StringBuilder();
    for (int i = 1; i < s.size(); i++) {
      double pc = s.close(i - 1);
      if (!(pc > 0)) {
        continue;
      }
      double lo = pc / 2;
      double hi = pc * 2;
      double[] prices = {s.open(i), s.high(i), s.low(i), s.close(i)};
      String[] names = {"open", "high", "low", "close"};
      StringBuilder bad = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        if (prices[k] < lo || prices[k] > hi) {
          bad.append(bad.length() == 0 ? "" : ", ").append(names[k]).append(' ').append(prices[k]);
        }
      }
      if (bad.length() > 0) {
        count++;
        if (count <= LISTED_PRINTS) {
          listed
              .append("\n    ")
              .append(Instant.ofEpochMilli(s.timeMillis(i)))
              .append(": ")
              .append(bad)
              .append(" (previous close ")
              .append(pc)
              .append(')');
        }
      }
    }
    if (count > 0) {
      out.add(
          s.symbol()
              + ": "
              + count
              + " suspicious print(s), a price under half or over twice the previous close"
              + " (valid OHLC, so kept; check them before trusting fills near them):"
              + listed);
    }
    return out;
  }

  /** Span, median spacing and gaps of one non-empty series. */
  static DataInspection.SymbolStats stats(BarSeries s, ZoneId zone) {
    long[] t = s.timesArray();
    int n = t.length;
    Instant first = Instant.ofEpochMilli(t[0]);
    Instant last = Instant.ofEpochMilli(t[n - 1]);
    if (n < 2) {
      return new DataInspection.SymbolStats(
          s.symbol(), n, first, last, Duration.ZERO, Duration.ZERO, false, 0, List.of());
    }
    long[] spacing = new long[n - 1];
    for (int i = 1; i < n; i++) {
      spacing[i - 1] = t[i] - t[i - 1];
    }
    long[] sorted = spacing.clone();
    Arrays.sort(sorted);
    int m = sorted.length;
    long median =
        m % 2 == 1 ? sorted[m / 2] : sorted[m / 2 - 1] + (sorted[m / 2] - sorted[m / 2 - 1]) / 2;
    long threshold = median + median / 2;
    boolean weekends = median >= DAY_MS;
    List<Integer> gaps = new ArrayList<>();
    for (int i = 0; i < spacing.length; i++) {
      if (spacing[i] > threshold && !(weekends && onlyWeekendMissing(t[i], t[i + 1], zone))) {
        gaps.add(i);
      }
    }
    List<DataInspection.Gap> largest =
        gaps.stream()
            .sorted(
                Comparator.comparingLong((Integer i) -> spacing[i])
                    .reversed()
                    .thenComparingInt(i -> i))
            .limit(LARGEST_GAPS)
            .map(i ->
                new DataInspection.Gap(
                    Instant.ofEpochMilli(t[i]),
                    Instant.ofEpochMilli(t[i + 1]),
                    Math.round((double) spacing[i] / median) - 1))
            .toList();
    return new DataInspection.SymbolStats(
        s.symbol(),
        n,
        first,
        last,
        Duration.ofMillis(median),
        Duration.ofMillis(threshold),
        weekends,
        gaps.size(),
        largest);
  }

  /**
   * Whether there are one or two calendar days strictly between the two times' dates, each a
   * Saturday or Sunday.
   */
  private static boolean onlyWeekendMissing(long fromMillis, long toMillis, ZoneId zone) {
    LocalDate from = LocalDate.ofInstant(Instant.ofEpochMilli(fromMillis), zone);
    LocalDate to = LocalDate.ofInstant(Instant.ofEpochMilli(toMillis), zone);
    long missingDays = to.toEpochDay() - from.toEpochDay() - 1;
    // No missing day is not a weekend gap, and any three consecutive days hold a weekday.
    if (missingDays < 1 || missingDays > 2) {
      return false;
    }
    for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        return false;
      }
    }
    return true;
  }
}
