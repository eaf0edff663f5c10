package io.quantzoo.core.sweep;

import java.util.Map;
import java.util.Objects;

/**
 * One point of a parameter sweep.
 *
 * @param index stable index of the point in its space (grid: mixed-radix index over the axes in
 *     order, the last axis fastest; random: the draw number); a resumed sweep skips finished
 *     indices
 * @param values the swept parameters' values, in axis order
 */
public record SweepPoint(long index, Map<String, Object> values) {
  public SweepPoint {
    Objects.requireNonNull(values, "values");
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** The values as a compact JSON object, e.g. {@code {"fast":10,"slow":30}}. */
  public String toJson() {
    return Json.object(values);
  }
}
