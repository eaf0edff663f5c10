package io.quantzoo.core.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/** Minimal JSON for flat parameter maps (numbers, booleans, strings); core has no JSON library. */
public final class Json {
  private Json() {}

  /**
   * Writes a flat map as a JSON object; doubles use {@link Double#toString}, so they round-trip.
   */
  public static String object(Map<String, ?> values) {
    StringBuilder b = new StringBuilder(32 + 24 * values.size()).append('{');
    boolean first = true;
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, e.getKey());
      b.append(':');
      Object v = e.getValue();
      if (v instanceof Double d) {
        if (Double.isFinite(d)) {
          b.append(d);
        } else {
          b.append("null");
        }
      } else if (v instanceof Number || v instanceof Boolean) {
        b.append(v);
      } else if (v == null) {
        b.append("null");
      } else {
        string(b, v.toString());
      }
    }
    return b.append('}').toString();
  }

  /**
   * Reads a flat JSON object written by {@link #object}: integers as Integer (Long when large),
   * other numbers as Double, true/false as Boolean, strings as String, null as null.
   *
   * @throws IllegalArgumentException on anything else
   */
  public static Map<String, Object> parseObject(String json) {
    Map<String, Object> out = new LinkedHashMap<>();
    int[] pos = {0};
    String s = json.strip();
    expect(s, pos, '{');
    skip(s, pos);
    if (peek(s, pos) == '}') {
      pos[0]++;
      return out;
    }
    while (true) {
      skip(s, pos);
      String key = readString(s, pos);
      skip(s, pos);
      expect(s, pos, ':');
      skip(s, pos);
      out.put(key, readValue(s, pos));
      skip(s, pos);
      char c = peek(s, pos);
      pos[0]++;
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw new IllegalArgumentException("bad JSON object: " + json);
      }
    }
  }

  private static Object readValue(String s, int[] pos) {
    char c = peek(s, pos);
    if (c == '"') {
      return readString(s, pos);
    }
    int start = pos[0];
    while (pos[0] < s.length() && ",}".indexOf(s.charAt(pos[0])) < 0) {
      pos[0]++;
    }
    String tok = s.substring(start, pos[0]).strip();
    switch (tok) {
      case "true" -> {
        return true;
      }
      case "false" -> {
        return false;
      }
      case "null" -> {
        return null;
      }
      default -> {}
    }
    if (tok.matches("-?[0-9]+")) {
      long l = Long.parseLong(tok);
      if (l == (int) l) {
        return Integer.valueOf((int) l);
      }
      return Long.valueOf(l);
    }
    try {
      return Double.parseDouble(tok);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad JSON value '" + tok + "'", e);
    }
  }

  private static String readString(String s, int[] pos) {
    expect(s, pos, '"');
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos[0] >= s.length()) {
        throw new IllegalArgumentException("unterminated JSON string");
      }
      char c = s.charAt(pos[0]++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = s.charAt(pos[0]++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
            pos[0] += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    int plain = 0; // start of the run of characters that need no escape
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '"' && c != '\\' && c >= 0x20) {
        continue;
      }
      b.append(s, plain, i);
      plain = i + 1;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    b.append(s, plain, s.length()).append('"');
  }

  private static void expect(String s, int[] pos, char c) {
    if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
      throw new IllegalArgumentException("bad JSON: expected '" + c + "' at " + pos[0]);
    }
    pos[0]++;
  }

  private static char peek(String s, int[] pos) {
    if (pos[0] >= s.length()) {
      throw new IllegalArgumentException("bad JSON: unexpected end");
    }
    return s.charAt(pos[0]);
  }

  private static void skip(String s, int[] pos) {
    while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
      pos[0]++;
    }
  }
}
