package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Objects;

/**
 * An indicator computed over a whole series: one column per output, one row per input bar, NaN
 * during warm-up.
 *
 * @param names output names
 * @param columns {@code columns[k][i]} is output k after bar i
 */
public record IndicatorColumns(List<String> names, double[][] columns) {
  public IndicatorColumns {
    names = List.copyOf(names);
    Objects.requireNonNull(columns, "columns");
    if (columns.length != names.size()) {
      throw new IllegalArgumentException(
          names.size() + " names but " + columns.length + " columns");
    }
  }

  /** The column of the named output. */
  public double[] column(String name) {
    int k = names.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("output must be one of " + names + ", was " + name);
    }
    return columns[k];
  }

  public int rows() {
    return columns.length == 0 ? 0 : columns[0].length;
  }
}
