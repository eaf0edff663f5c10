package io.quantzoo.core.data;

import java.util.List;

/**
 * Bad input data: the file was refused. Carries every problem found (up to the loader's limit),
 * each with file, line, column, rule and value. A user mistake, reported without a stack trace.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<DataProblem> problems;

  public DataException(String message, List<DataProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public DataException(DataProblem problem) {
    this(problem.describe(), List.of(problem));
  }

  public List<DataProblem> problems() {
    return problems;
  }
}
