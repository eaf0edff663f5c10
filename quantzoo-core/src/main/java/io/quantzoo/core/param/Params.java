package io.quantzoo.core.param;

import io.quantzoo.core.util.ConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated strategy parameters: every declared parameter has a value (given or default), each
 * within its declared range; unknown names are refused.
 */
public final class Params {
  private final Map<String, Object> values;

  private Params(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates raw values (as parsed from YAML: numbers, booleans, strings) against the specs.
   *
   * @param strategy strategy name, for messages
   * @throws ConfigException naming the key, the rule and the value
   */
  public static Params resolve(String strategy, List<ParamSpec> specs, Map<String, ?> raw) {
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    for (ParamSpec s : specs) {
      byName.put(s.name(), s);
    }
    for (String key : raw.keySet()) {
      if (!byName.containsKey(key)) {
        throw new ConfigException(
            "params." + key,
            "unknown parameter '"
                + key
                + "' for strategy "
                + strategy
                + "; known: "
                + String.join(", ", byName.keySet()));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamSpec s : specs) {
      Object v = raw.containsKey(s.name()) ? raw.get(s.name()) : s.defaultValue();
      out.put(s.name(), coerce(strategy, s, v));
    }
    return new Params(out);
  }

  private static Object coerce(String strategy, ParamSpec s, Object v) {
    String key = "params." + s.name();
    String where = "parameter '" + s.name() + "' of " + strategy;
    if (v == null) {
      throw new ConfigException(key, where + " must be " + s.rangeText() + ", was empty");
    }
    switch (s.type()) {
      case INT -> {
        long l;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
          l = ((Number) v).longValue();
        } else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          l = (long) n.doubleValue();
        } else {
          throw new ConfigException(key, where + " must be " + s.rangeText() + ", was " + v);
        }
        if (l < s.min() || l > s.max()) {
          throw new ConfigException(key, where + " must be " + s.rangeText() + ", was " + v);
        }
        return (int) l;
      }
      case DOUBLE -> {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          throw new ConfigException(key, where + " must be " + s.rangeText() + ", was " + v);
        }
        double d = n.doubleValue();
        if (d < s.min() || d > s.max()) {
          throw new ConfigException(key, where + " must be " + s.rangeText() + ", was " + v);
        }
        return d;
      }
      case BOOLEAN -> {
        if (!(v instanceof Boolean b)) {
          throw new ConfigException(key, where + " must be true or false, was " + v);
        }
        return b;
      }
      case CHOICE -> {
        String str = String.valueOf(v).toLowerCase(Locale.ROOT);
        if (!s.choices().contains(str)) {
          throw new ConfigException(key, where + " must be " + s.rangeText() + ", was " + v);
        }
        return str;
      }
      case TEXT -> {
        if (v instanceof java.util.Map || v instanceof java.util.Collection) {
          throw new ConfigException(key, where + " must be text, was " + v);
        }
        return String.valueOf(v);
      }
    }
    throw new IllegalStateException("unhandled type " + s.type());
  }

  public int getInt(String name) {
    return (Integer) require(name);
  }

  public double getDouble(String name) {
    return (Double) require(name);
  }

  public boolean getBoolean(String name) {
    return (Boolean) require(name);
  }

  public String getString(String name) {
    return (String) require(name);
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter named " + name);
    }
    return v;
  }

  /** Every parameter with its resolved value, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
