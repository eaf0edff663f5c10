package io.quantzoo.core.param;

import java.util.List;
import java.util.Objects;

/**
 * A declared strategy parameter: name, type, default and allowed range (used for validation, help
 * text and, later, parameter sweeps).
 *
 * @param name snake_case name as written in configs
 * @param type value type
 * @param defaultValue default (Integer, Double, Boolean or String)
 * @param min inclusive minimum for numbers, or NaN
 * @param max inclusive maximum for numbers, or NaN
 * @param choices allowed values for CHOICE, else empty
 * @param description one line of help
 */
public record ParamSpec(
    String name,
    Type type,
    Object defaultValue,
    double min,
    double max,
    List<String> choices,
    String description) {

  /** Parameter value types. */
  public enum Type {
    INT,
    DOUBLE,
    BOOLEAN,
    CHOICE,
    /** Free text (e.g. a session time "08:00"), checked by the owner. */
    TEXT
  }

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    choices = List.copyOf(choices);
    Objects.requireNonNull(description, "description");
  }

  public static ParamSpec integer(String name, int def, int min, int max, String description) {
    return new ParamSpec(name, Type.INT, def, min, max, List.of(), description);
  }

  public static ParamSpec decimal(
      String name, double def, double min, double max, String description) {
    return new ParamSpec(name, Type.DOUBLE, def, min, max, List.of(), description);
  }

  public static ParamSpec bool(String name, boolean def, String description) {
    return new ParamSpec(name, Type.BOOLEAN, def, Double.NaN, Double.NaN, List.of(), description);
  }

  public static ParamSpec choice(
      String name, String def, List<String> choices, String description) {
    return new ParamSpec(name, Type.CHOICE, def, Double.NaN, Double.NaN, choices, description);
  }

  public static ParamSpec text(String name, String def, String description) {
    return new ParamSpec(name, Type.TEXT, def, Double.NaN, Double.NaN, List.of(), description);
  }

  /** A human description of the allowed values, e.g. "integer in [1, 500]". */
  public String rangeText() {
    return switch (type) {
      case INT -> "integer in [" + fmt(min) + ", " + fmt(max) + "]";
      case DOUBLE -> "number in [" + fmt(min) + ", " + fmt(max) + "]";
      case BOOLEAN -> "true or false";
      case CHOICE -> "one of " + String.join(", ", choices);
      case TEXT -> "text";
    };
  }

  private static String fmt(double d) {
    if (d == Double.POSITIVE_INFINITY || d >= Integer.MAX_VALUE) {
      return "inf";
    }
    if (d == Double.NEGATIVE_INFINITY || d <= Integer.MIN_VALUE) {
      return "-inf";
    }
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
