package io.quantzoo.app;

import java.util.Collection;
import java.util.Map;

/**
 * JSON as {@code qz} prints it and as the services store summaries ({@code summary_json}):
 * snake_case keys, NaN as null and infinities as the strings "Infinity"/"-Infinity". A small writer
 * of maps, lists, strings, numbers, booleans and nulls, so that writing a result costs no
 * serialization framework at startup. Other values are written as their {@code toString()}.
 */
public final class Json {
  private Json() {}

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(256);
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case Map<?, ?> m -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          string(sb, String.valueOf(e.getKey()));
          sb.append(':');
          write(sb, e.getValue());
        }
        sb.append('}');
      }
      case Collection<?> c -> {
        sb.append('[');
        boolean first = true;
        for (Object x : c) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          write(sb, x);
        }
        sb.append(']');
      }
      case Boolean b -> sb.append(b);
      case Double d -> number(sb, d);
      case Float f -> number(sb, f.doubleValue());
      case Number n -> sb.append(n.longValue());
      default -> string(sb, v.toString());
    }
  }

  private static void number(StringBuilder sb, double d) {
    if (Double.isNaN(d)) {
      sb.append("null");
    } else if (Double.isInfinite(d)) {
      sb.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
    } else {
      sb.append(d);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
