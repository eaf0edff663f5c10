package io.quantzoo.app.config;

import io.quantzoo.core.util.ConfigException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds plain YAML values (maps, lists, scalars) to records by their component names in snake_case.
 * Unknown keys are refused by name with the keys allowed there; wrong types are refused with the
 * key and the value. Line numbers come from the {@link YamlDocument} when known.
 *
 * <p>Supported component types: {@code String}, {@code Double}, {@code Long}, {@code Integer},
 * {@code Boolean}, {@code Object} (kept as parsed), {@code Map<String, Object>}, lists of records
 * (a single value is accepted as a one-element list) and nested records.
 */
final class YamlBinder {
  private final YamlDocument doc;

  YamlBinder(YamlDocument doc) {
    this.doc = doc;
  }

  <T extends Record> T bind(Object value, Class<T> type, String path) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error(path, "must be a mapping (key: value lines), was " + describe(value));
    }
    RecordComponent[] comps = type.getRecordComponents();
    Map<String, RecordComponent> byKey = new LinkedHashMap<>();
    for (RecordComponent c : comps) {
      byKey.put(snake(c.getName()), c);
    }
    for (Object k : map.keySet()) {
      String key = String.valueOf(k);
      if (!byKey.containsKey(key)) {
        String full = join(path, key);
        throw new ConfigException(
            full,
            doc.where(full)
                + "unknown key '"
                + full
                + "'; allowed here: "
                + String.join(", ", new TreeSet<>(byKey.keySet())));
      }
    }
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      RecordComponent c = comps[i];
      String key = snake(c.getName());
      types[i] = c.getType();
      args[i] = convert(map.get(key), c.getGenericType(), join(path, key));
    }
    try {
      Constructor<T> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Object convert(Object v, Type type, String path) {
    if (v == null) {
      return null;
    }
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == Object.class) {
      return v;
    }
    if (raw == String.class) {
      if (v instanceof Map || v instanceof List) {
        throw error(path, "must be a single value, was " + describe(v));
      }
      return String.valueOf(v);
    }
    if (raw == Double.class) {
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      throw error(path, "must be a number, was " + describe(v));
    }
    if (raw == Long.class || raw == Integer.class) {
      if (v instanceof Integer || v instanceof Long) {
        long l = ((Number) v).longValue();
        if (raw == Integer.class) {
          if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw error(path, "must be a whole number in the int range, was " + v);
          }
          return (int) l;
        }
        return l;
      }
      throw error(path, "must be a whole number, was " + describe(v));
    }
    if (raw == Boolean.class) {
      if (v instanceof Boolean b) {
        return b;
      }
      throw error(path, "must be true or false, was " + describe(v));
    }
    if (raw == Map.class) {
      if (!(v instanceof Map<?, ?> m)) {
        throw error(path, "must be a mapping (key: value lines), was " + describe(v));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), val));
      return out;
    }
    if (raw == List.class) {
      Type elem = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> items = v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String p = v instanceof List ? path + "[" + i + "]" : path;
        out.add(convert(items.get(i), elem, p));
      }
      return out;
    }
    if (raw.isRecord()) {
      return bind(v, (Class<? extends Record>) raw, path);
    }
    throw new IllegalStateException("unsupported config type " + type + " at " + path);
  }

  private ConfigException error(String path, String rule) {
    return new ConfigException(path, doc.where(path) + "key '" + path + "' " + rule);
  }

  private static String describe(Object v) {
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list";
    }
    return "'" + v + "'";
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** {@code initialCash} to {@code initial_cash}. */
  static String snake(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
