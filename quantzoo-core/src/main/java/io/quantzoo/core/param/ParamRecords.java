package io.quantzoo.core.param;

import io.quantzoo.core.util.ConfigException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Typed parameter records: derives {@link ParamSpec}s from a record whose components carry {@link
 * Param}, and binds validated {@link Params} back into an instance of that record.
 *
 * <p>Cross-parameter rules (for example {@code fast < slow}) belong in the record's compact
 * constructor, which should throw {@link ConfigException} naming the parameter.
 */
public final class ParamRecords {
  private ParamRecords() {}

  /** The declared parameters of a record type, in component order. */
  public static List<ParamSpec> specs(Class<? extends Record> type) {
    List<ParamSpec> out = new ArrayList<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      Param p = rc.getAnnotation(Param.class);
      if (p == null) {
        throw new IllegalArgumentException(
            type.getName() + "." + rc.getName() + " has no @Param annotation");
      }
      String name = snakeCase(rc.getName());
      Class<?> t = rc.getType();
      ParamSpec spec;
      if (t == int.class) {
        spec =
            ParamSpec.integer(
                name,
                Integer.parseInt(p.def()),
                (int) Math.max(Integer.MIN_VALUE, p.min()),
                (int) Math.min(Integer.MAX_VALUE, p.max()),
                p.value());
      } else if (t == double.class) {
        spec = ParamSpec.decimal(name, Double.parseDouble(p.def()), p.min(), p.max(), p.value());
      } else if (t == boolean.class) {
        spec = ParamSpec.bool(name, Boolean.parseBoolean(p.def()), p.value());
      } else if (t == String.class && p.choices().length > 0) {
        spec = ParamSpec.choice(name, p.def(), Arrays.asList(p.choices()), p.value());
      } else if (t == String.class) {
        spec = ParamSpec.text(name, p.def(), p.value());
      } else {
        throw new IllegalArgumentException(
            type.getName() + "." + rc.getName() + " has unsupported type " + t.getSimpleName());
      }
      out.add(spec);
    }
    return List.copyOf(out);
  }

  /**
   * Builds the record from validated parameters.
   *
   * @throws ConfigException from the record's constructor when parameters contradict each other
   */
  public static <R extends Record> R bind(Class<R> type, Params params) {
    RecordComponent[] rcs = type.getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      types[i] = rcs[i].getType();
      args[i] = params.asMap().get(snakeCase(rcs[i].getName()));
      if (args[i] == null) {
        throw new IllegalArgumentException("no value for parameter " + rcs[i].getName());
      }
    }
    try {
      Constructor<R> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  /** Resolves raw config values against the record's specs, then binds. */
  public static <R extends Record> R resolve(
      String owner, Class<R> type, java.util.Map<String, ?> raw) {
    return bind(type, Params.resolve(owner, specs(type), raw));
  }

  /** {@code holdingPeriod} → {@code holding_period}. */
  public static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
