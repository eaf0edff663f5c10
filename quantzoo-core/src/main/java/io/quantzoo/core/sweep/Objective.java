package io.quantzoo.core.sweep;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.util.ConfigException;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep optimises: one metric by name ({@code sharpe}, {@code sortino}, {@code cagr_pct},
 * {@code profit_factor}, ... any name of {@link Metrics#NAMES}) or an {@link Expr expression} of
 * metric names, maximised (default) or minimised.
 *
 * @param text the objective as written
 * @param expr the parsed expression (a lone metric name parses to itself)
 * @param maximize true to maximise, false to minimise
 */
public record Objective(String text, Expr expr, boolean maximize) {

  public Objective {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expr, "expr");
  }

  /**
   * Parses an objective.
   *
   * @throws ConfigException (key {@code sweep.objective}) for a syntax error or an unknown metric
   */
  public static Objective parse(String text, boolean maximize) {
    Expr e;
    try {
      e = Expr.parse(text);
    } catch (IllegalArgumentException ex) {
      throw new ConfigException("sweep.objective", ex.getMessage());
    }
    for (String n : e.names()) {
      if (!Metrics.NAMES.contains(n)) {
        throw new ConfigException(
            "sweep.objective",
            "unknown metric '"
                + n
                + "' in objective '"
                + text
                + "'; known: "
                + String.join(", ", Metrics.NAMES));
      }
    }
    return new Objective(text, e, maximize);
  }

  /** The objective's raw value for a run's metrics (NaN when undefined). */
  public double value(Metrics m) {
    Map<String, Double> map = m.asMap();
    return expr.eval(map::get);
  }

  /**
   * A score where larger is better whatever the direction: the value, or its negation when
   * minimising; NaN becomes negative infinity so an undefined objective always ranks last.
   */
  public double score(double value) {
    if (Double.isNaN(value)) {
      return Double.NEGATIVE_INFINITY;
    }
    return maximize ? value : -value;
  }
}
