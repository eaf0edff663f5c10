package io.quantzoo.cli;

import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.util.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns {@code --param k=v} options into raw values typed by the declared parameters. */
final class ParamArgs {
  private ParamArgs() {}

  static Map<String, Object> parse(String owner, List<ParamSpec> specs, List<String> args) {
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    for (ParamSpec s : specs) {
      byName.put(s.name(), s);
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    if (args == null) {
      return raw;
    }
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--param must be written NAME=VALUE, was '" + a + "'");
      }
      String key = a.substring(0, eq).trim().replace('-', '_');
      String value = a.substring(eq + 1).trim();
      ParamSpec s = byName.get(key);
      if (s == null) {
        throw new ConfigException(
            "params." + key,
            "unknown parameter '"
                + key
                + "' for "
                + owner
                + "; known: "
                + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
      }
      raw.put(key, typed(s, value));
    }
    return raw;
  }

  /** The value as the declared type, or the text itself (refused with the rule by Params). */
  private static Object typed(ParamSpec s, String v) {
    try {
      return switch (s.type()) {
        case INT -> Integer.parseInt(v);
        case DOUBLE -> Double.parseDouble(v);
        case BOOLEAN -> {
          String b = v.toLowerCase(Locale.ROOT);
          yield b.equals("true") || b.equals("false") ? (Object) Boolean.parseBoolean(b) : v;
        }
        case CHOICE, TEXT -> v;
      };
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** "name (default, range): description" lines for help listings. */
  static String describe(ParamSpec s) {
    return String.format(
        Locale.ROOT,
        "    %-20s default %-12s %s; %s",
        s.name(),
        String.valueOf(s.defaultValue()),
        s.rangeText(),
        s.description());
  }
}
