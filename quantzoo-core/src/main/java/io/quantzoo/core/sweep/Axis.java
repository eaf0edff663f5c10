package io.quantzoo.core.sweep;

import java.util.List;
import java.util.Objects;

/**
 * The values one parameter takes in a sweep: a finite list (grid and random sampling), or a
 * continuous interval (random sampling only).
 *
 * @param name parameter name
 * @param values the discrete values in order (Integer, Double, Boolean or String); empty when
 *     continuous
 * @param min lower bound of a continuous axis (inclusive), NaN when discrete
 * @param max upper bound of a continuous axis (inclusive), NaN when discrete
 * @param integer whether a continuous axis draws integers
 */
public record Axis(String name, List<Object> values, double min, double max, boolean integer) {

  public Axis {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    if (values.isEmpty() && !(min <= max)) {
      throw new IllegalArgumentException("axis " + name + ": no values and no interval");
    }
  }

  /** A discrete axis. */
  public static Axis of(String name, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("axis " + name + " has no values");
    }
    return new Axis(name, List.copyOf(values), Double.NaN, Double.NaN, false);
  }

  /** A continuous axis for random sampling. */
  public static Axis interval(String name, double min, double max, boolean integer) {
    return new Axis(name, List.of(), min, max, integer);
  }

  public boolean isDiscrete() {
    return !values.isEmpty();
  }

  /** Number of discrete values (0 for a continuous axis). */
  public int size() {
    return values.size();
  }
}
