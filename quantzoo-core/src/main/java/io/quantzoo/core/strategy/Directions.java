package io.quantzoo.core.strategy;

import io.quantzoo.core.util.ConfigException;
import java.util.List;

/** The {@code direction} parameter shared by the built-in strategies. */
final class Directions {
  static final List<String> ALL = List.of("long_short", "long_only", "short_only");

  private Directions() {}

  /** Refuses anything but long_short, long_only or short_only. */
  static void check(String direction) {
    if (!ALL.contains(direction)) {
      throw new ConfigException(
          "params.direction",
          "parameter 'direction' must be one of " + String.join(", ", ALL) + ", was " + direction);
    }
  }

  static boolean allowsLong(String direction) {
    return !direction.equals("short_only");
  }

  static boolean allowsShort(String direction) {
    return !direction.equals("long_only");
  }
}
