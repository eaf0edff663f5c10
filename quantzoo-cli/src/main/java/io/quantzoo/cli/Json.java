package io.quantzoo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output: one object, snake_case keys, NaN as null and infinities as strings. */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A JSON-safe copy of a metrics map: NaN becomes null, ±Infinity "Infinity"/"-Infinity". */
  static Map<String, Object> metrics(Map<String, Double> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : m.entrySet()) {
      out.put(e.getKey(), number(e.getValue()));
    }
    return out;
  }

  static Object number(Double v) {
    if (v == null || v.isNaN()) {
      return null;
    }
    if (v.isInfinite()) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return v.longValue();
    }
    return v;
  }
}
