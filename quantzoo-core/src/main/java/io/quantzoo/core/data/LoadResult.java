package io.quantzoo.core.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a loader read: one series per symbol, in order of first appearance, plus what it found.
 *
 * @param series one non-empty series per symbol, in order of first appearance in the file
 * @param rowsRead data rows read (the header and blank lines are not rows)
 * @param rowsDropped bad rows skipped (only with {@link LoadOptions#dropBadRows()}; else 0)
 * @param problems the first problems found, at most {@link LoadOptions#maxProblems()}
 * @param problemCount all problems found, kept or not
 * @param notes remarks that are not problems, e.g. a missing volume column read as 0
 */
public record LoadResult(
    List<BarSeries> series,
    long rowsRead,
    long rowsDropped,
    List<DataProblem> problems,
    long problemCount,
    List<String> notes) {
  public LoadResult {
    series = List.copyOf(series);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
    if (rowsRead < 0) {
      throw new IllegalArgumentException("rowsRead must be >= 0, was " + rowsRead);
    }
    if (rowsDropped < 0 || rowsDropped > rowsRead) {
      throw new IllegalArgumentException(
          "rowsDropped must be in [0, rowsRead=" + rowsRead + "], was " + rowsDropped);
    }
    if (problemCount < problems.size()) {
      throw new IllegalArgumentException(
          "problemCount must be >= the " + problems.size() + " problems kept, was " + problemCount);
    }
  }

  /**
   * The only series.
   *
   * @throws DataException if the data held no symbol or more than one
   */
  public BarSeries single() {
    if (series.size() != 1) {
      throw new DataException(
          "data must hold exactly one symbol, was "
              + series.size()
              + (series.isEmpty() ? "" : " (" + symbols() + ")"),
          List.of());
    }
    return series.get(0);
  }

  /** The series of {@code symbol}, if the data held it. */
  public Optional<BarSeries> find(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return series.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
  }

  private String symbols() {
    return series.stream().map(BarSeries::symbol).collect(Collectors.joining(", "));
  }
}
