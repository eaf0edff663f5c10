package io.quantzoo.core.data;

import java.util.Objects;

/**
 * One problem found in a data file: where (file, 1-based line, column), which rule, which value.
 *
 * @param file the file as the user named it
 * @param line 1-based line number in the file (the header is line 1), or 0 if not line-specific
 * @param column the column name, or an empty string if not column-specific
 * @param rule the rule broken, e.g. "high must be >= low"
 * @param value the offending value as text, or an empty string
 */
public record DataProblem(String file, long line, String column, String rule, String value) {
  public DataProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(value, "value");
  }

  /** One line of text: {@code file:line: column 'x': rule, was value}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (!column.isEmpty()) {
      sb.append("column '").append(column).append("': ");
    }
    sb.append(rule);
    if (!value.isEmpty()) {
      sb.append(", was '").append(value).append('\'');
    }
    return sb.toString();
  }
}
