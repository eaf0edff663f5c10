package io.quantzoo.core.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DataInspector} found in a data file: per symbol its span, bar spacing and gaps, plus
 * the problems and dropped rows of loading it with bad rows dropped.
 *
 * @param file the file as the user named it
 * @param symbols one entry per symbol with at least one good bar, in order of first appearance
 * @param rowsRead data rows read
 * @param rowsDropped bad rows skipped
 * @param problems the first problems found
 * @param problemCount all problems found
 * @param notes remarks from loading (assumed volume, symbol, ignored columns ...)
 */
public record DataInspection(
    String file,
    List<SymbolStats> symbols,
    long rowsRead,
    long rowsDropped,
    List<DataProblem> problems,
    long problemCount,
    List<String> notes) {

  public DataInspection {
    Objects.requireNonNull(file, "file");
    symbols = List.copyOf(symbols);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /**
   * One symbol's bars.
   *
   * @param symbol the symbol
   * @param rows number of good bars
   * @param first time of the first bar
   * @param last time of the last bar
   * @param medianSpacing median time between consecutive bars ({@link Duration#ZERO} for one bar)
   * @param gapThreshold spacing above which two bars form a gap (1.5 x the median)
   * @param weekendsIgnored whether gaps spanning only Saturdays and Sundays were ignored (daily or
   *     longer bars)
   * @param gapCount number of gaps
   * @param largestGaps the largest gaps, longest first (ties: earliest first)
   */
  public record SymbolStats(
      String symbol,
      int rows,
      Instant first,
      Instant last,
      Duration medianSpacing,
      Duration gapThreshold,
      boolean weekendsIgnored,
      int gapCount,
      List<Gap> largestGaps) {
    public SymbolStats {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      Objects.requireNonNull(medianSpacing, "medianSpacing");
      Objects.requireNonNull(gapThreshold, "gapThreshold");
      largestGaps = List.copyOf(largestGaps);
      if (rows < 1) {
        throw new IllegalArgumentException("rows must be >= 1, was " + rows);
      }
      if (gapCount < largestGaps.size()) {
        throw new IllegalArgumentException(
            "gapCount must be >= the " + largestGaps.size() + " gaps listed, was " + gapCount);
      }
    }
  }

  /**
   * A gap between two consecutive bars.
   *
   * @param from time of the bar before the gap
   * @param to time of the bar after the gap
   * @param missingBars about how many bars are missing: the spacing over the median spacing, less
   *     one, rounded
   */
  public record Gap(Instant from, Instant to, long missingBars) {
    public Gap {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("to must be after from " + from + ", was " + to);
      }
    }

    public Duration length() {
      return Duration.between(from, to);
    }
  }

  /** A readable multi-line report, as {@code qz data inspect} prints it. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append("file: ").append(file).append('\n');
    sb.append("rows read: ")
        .append(rowsRead)
        .append(", dropped: ")
        .append(rowsDropped)
        .append(", problems: ")
        .append(problemCount)
        .append('\n');
    if (symbols.isEmpty()) {
      sb.append("no good bars\n");
    }
    for (SymbolStats s : symbols) {
      sb.append('\n').append(s.symbol()).append('\n');
      sb.append("  bars:           ").append(s.rows()).append('\n');
      sb.append("  first:          ").append(s.first()).append('\n');
      sb.append("  last:           ").append(s.last()).append('\n');
      if (s.rows() < 2) {
        continue;
      }
      sb.append("  median spacing: ").append(human(s.medianSpacing())).append('\n');
      sb.append("  gaps:           ")
          .append(s.gapCount())
          .append(" (spacing > ")
          .append(human(s.gapThreshold()))
          .append(s.weekendsIgnored() ? ", weekend-only gaps ignored" : "")
          .append(")\n");
      if (!s.largestGaps().isEmpty()) {
        sb.append("  largest gaps:\n");
        for (Gap g : s.largestGaps()) {
          sb.append("    ")
              .append(g.from())
              .append(" -> ")
              .append(g.to())
              .append("  ")
              .append(human(g.length()))
              .append(" (~")
              .append(g.missingBars())
              .append(g.missingBars() == 1 ? " bar" : " bars")
              .append(" missing)\n");
        }
      }
    }
    if (problemCount > 0) {
      sb.append("\nproblems");
      if (problemCount > problems.size()) {
        sb.append(" (first ")
            .append(problems.size())
            .append(" of ")
            .append(problemCount)
            .append(')');
      }
      sb.append(":\n");
      for (DataProblem p : problems) {
        sb.append("  ").append(p.describe()).append('\n');
      }
    }
    if (!notes.isEmpty()) {
      sb.append("\nnotes:\n");
      for (String n : notes) {
        sb.append("  ").append(n).append('\n');
      }
    }
    return sb.toString();
  }

  /** A duration as days, hours, minutes, seconds and milliseconds: "1d 12h", "4h", "90ms". */
  static String human(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long[] parts = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] != 0) {
        sb.append(sb.isEmpty() ? "" : " ").append(parts[i]).append(units[i]);
      }
    }
    if (d.toMillisPart() != 0) {
      sb.append(sb.isEmpty() ? "" : " ").append(d.toMillisPart()).append("ms");
    }
    return sb.toString();
  }
}
