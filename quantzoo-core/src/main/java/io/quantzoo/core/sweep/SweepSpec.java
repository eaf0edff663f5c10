package io.quantzoo.core.sweep;

import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.util.ConfigException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated sweep configuration (the {@code sweep:} section of a run config).
 *
 * @param space the points
 * @param objective what to optimise
 * @param minTrades points with fewer closed trades are stored but not ranked
 * @param topK how many best points are kept in memory and shown
 * @param threads worker threads; 0 means one per available core
 * @param blocks CSCV blocks for the Probability of Backtest Overfitting (even, 2..20)
 * @param heatmap two swept parameters for the report's heatmap, or empty
 */
public record SweepSpec(
    ParamSpace space,
    Objective objective,
    int minTrades,
    int topK,
    int threads,
    int blocks,
    List<String> heatmap) {

  /** Keys allowed in the {@code sweep:} section. */
  public static final Set<String> KEYS =
      Set.of(
          "method",
          "samples",
          "seed",
          "params",
          "constraints",
          "objective",
          "direction",
          "min_trades",
          "top_k",
          "threads",
          "blocks",
          "heatmap");

  /** Largest number of values one axis may have. */
  public static final int MAX_AXIS_VALUES = 100_000;

  public SweepSpec {
    heatmap = List.copyOf(heatmap);
  }

  /** Worker threads to use: {@link #threads()} or, when 0, the available processors. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Validates a {@code sweep:} section as parsed from YAML (maps, lists, numbers, strings).
   *
   * @param raw the section
   * @param specs the strategy's declared parameters
   * @param base the run's resolved parameters (fixed values of parameters not swept)
   * @throws ConfigException naming the key ({@code sweep.params.fast}), the rule and the value
   */
  public static SweepSpec fromMap(
      Map<String, ?> raw, List<ParamSpec> specs, Map<String, Object> base) {
    if (raw == null) {
      throw new ConfigException("sweep", "the config has no 'sweep:' section");
    }
    for (String k : raw.keySet()) {
      if (!KEYS.contains(k)) {
        throw new ConfigException(
            "sweep." + k,
            "unknown key 'sweep." + k + "'; allowed: " + String.join(", ", sorted(KEYS)));
      }
    }
    String method = text(raw, "method", "grid");
    ParamSpace.Method m =
        switch (method) {
          case "grid" -> ParamSpace.Method.GRID;
          case "random" -> ParamSpace.Method.RANDOM;
          default ->
              throw new ConfigException(
                  "sweep.method", "method must be grid or random, was " + method);
        };
    int samples = integer(raw, "samples", m == ParamSpace.Method.RANDOM ? 100 : 0, 0);
    if (m == ParamSpace.Method.GRID && raw.containsKey("samples")) {
      throw new ConfigException("sweep.samples", "samples is for method: random");
    }
    long seed = raw.get("seed") == null ? 42 : ((Number) number(raw, "seed")).longValue();
    Object rawParams = raw.get("params");
    if (!(rawParams instanceof Map<?, ?> pm) || pm.isEmpty()) {
      throw new ConfigException(
          "sweep.params",
          "give the parameters to sweep, e.g. params: {fast: {min: 5, max: 50, step: 5}}");
    }
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    specs.forEach(s -> byName.put(s.name(), s));
    List<Axis> axes = new ArrayList<>();
    for (Map.Entry<?, ?> e : pm.entrySet()) {
      String name = String.valueOf(e.getKey());
      ParamSpec spec = byName.get(name);
      if (spec == null) {
        throw new ConfigException(
            "sweep.params." + name,
            "unknown parameter '"
                + name
                + "'; the strategy has: "
                + String.join(", ", byName.keySet()));
      }
      axes.add(axis(spec, e.getValue(), m));
    }
    List<Expr> constraints = new ArrayList<>();
    Object rc = raw.get("constraints");
    List<?> cl = rc == null ? List.of() : rc instanceof List<?> l ? l : List.of(rc);
    for (int i = 0; i < cl.size(); i++) {
      String key = "sweep.constraints[" + i + "]";
      Expr x;
      try {
        x = Expr.parse(String.valueOf(cl.get(i)));
      } catch (IllegalArgumentException ex) {
        throw new ConfigException(key, ex.getMessage());
      }
      for (String n : x.names()) {
        if (!byName.containsKey(n)) {
          throw new ConfigException(
              key,
              "constraint '"
                  + x.text()
                  + "' reads unknown parameter '"
                  + n
                  + "'; the strategy has: "
                  + String.join(", ", byName.keySet()));
        }
      }
      constraints.add(x);
    }
    String dir = text(raw, "direction", "max");
    if (!dir.equals("max") && !dir.equals("min")) {
      throw new ConfigException("sweep.direction", "direction must be max or min, was " + dir);
    }
    Objective obj = Objective.parse(text(raw, "objective", "sharpe"), dir.equals("max"));
    int minTrades = integer(raw, "min_trades", 1, 0);
    int topK = integer(raw, "top_k", 20, 1);
    int threads = integer(raw, "threads", 0, 0);
    int blocks = integer(raw, "blocks", 16, 2);
    if (blocks % 2 != 0 || blocks > 20) {
      throw new ConfigException(
          "sweep.blocks", "blocks must be even and between 2 and 20, was " + blocks);
    }
    List<String> heatmap = new ArrayList<>();
    Object hm = raw.get("heatmap");
    if (hm != null) {
      if (!(hm instanceof List<?> hl) || hl.size() != 2) {
        throw new ConfigException(
            "sweep.heatmap", "heatmap must name two swept parameters, was " + hm);
      }
      for (Object o : hl) {
        String n = String.valueOf(o);
        if (axes.stream().noneMatch(a -> a.name().equals(n))) {
          throw new ConfigException("sweep.heatmap", "heatmap parameter '" + n + "' is not swept");
        }
        heatmap.add(n);
      }
    } else {
      for (Axis a : axes) {
        if (heatmap.size() < 2 && a.isDiscrete() && a.size() > 1) {
          heatmap.add(a.name());
        }
      }
      if (heatmap.size() < 2) {
        heatmap.clear();
      }
    }
    ParamSpace space = new ParamSpace(axes, constraints, base, m, samples, seed);
    return new SweepSpec(space, obj, minTrades, topK, threads, blocks, heatmap);
  }

  private static Axis axis(ParamSpec spec, Object v, ParamSpace.Method method) {
    String key = "sweep.params." + spec.name();
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new ConfigException(key, "the list of values is empty");
      }
      List<Object> vals = new ArrayList<>();
      for (Object o : list) {
        vals.add(coerce(spec, o, key));
      }
      return Axis.of(spec.name(), vals);
    }
    if (v instanceof String s && s.equals("all")) {
      return switch (spec.type()) {
        case BOOLEAN -> Axis.of(spec.name(), List.of(false, true));
        case CHOICE -> Axis.of(spec.name(), new ArrayList<Object>(spec.choices()));
        default ->
            throw new ConfigException(
                key, "'all' is for true/false and choice parameters; give min, max and step");
      };
    }
    if (v instanceof Map<?, ?> map) {
      for (Object k : map.keySet()) {
        if (!Set.of("min", "max", "step", "values").contains(String.valueOf(k))) {
          throw new ConfigException(
              key + "." + k, "unknown key '" + k + "'; allowed: min, max, step, values");
        }
      }
      if (map.containsKey("values")) {
        if (map.size() > 1) {
          throw new ConfigException(key, "give either values or min/max/step, not both");
        }
        return axis(spec, map.get("values"), method);
      }
      if (spec.type() != ParamSpec.Type.INT && spec.type() != ParamSpec.Type.DOUBLE) {
        throw new ConfigException(
            key, "min/max/step needs a number parameter; '" + spec.name() + "' is " + spec.type());
      }
      double min = bound(map, "min", spec.min(), key, spec);
      double max = bound(map, "max", spec.max(), key, spec);
      if (!(min <= max)) {
        throw new ConfigException(key, "min must be <= max, was " + min + " > " + max);
      }
      boolean integer = spec.type() == ParamSpec.Type.INT;
      if (!map.containsKey("step")) {
        if (method == ParamSpace.Method.GRID) {
          throw new ConfigException(key + ".step", "a grid needs a step for '" + spec.name() + "'");
        }
        return Axis.interval(spec.name(), min, max, integer);
      }
      Object so = map.get("step");
      if (!(so instanceof Number sn) || !(sn.doubleValue() > 0)) {
        throw new ConfigException(key + ".step", "step must be a number > 0, was " + so);
      }
      double step = sn.doubleValue();
      if (integer && step != Math.rint(step)) {
        throw new ConfigException(
            key + ".step", "step of integer parameter must be a whole number, was " + so);
      }
      double n = Math.floor((max - min) / step + 1e-9) + 1;
      if (n > MAX_AXIS_VALUES) {
        throw new ConfigException(
            key, "min/max/step give " + (long) n + " values (at most " + MAX_AXIS_VALUES + ")");
      }
      List<Object> vals = new ArrayList<>();
      for (int i = 0; i < (int) n; i++) {
        double x = min + i * step;
        if (integer) {
          vals.add((int) Math.round(x));
        } else {
          // 12 significant digits: 0.1 + 2 * 0.1 is 0.3, not 0.30000000000000004.
          vals.add(new BigDecimal(x).round(new MathContext(12)).doubleValue());
        }
      }
      return Axis.of(spec.name(), vals);
    }
    return Axis.of(spec.name(), List.of(coerce(spec, v, key)));
  }

  private static double bound(
      Map<?, ?> map, String which, double declared, String key, ParamSpec spec) {
    Object o = map.get(which);
    if (o == null) {
      if (!Double.isFinite(declared) || Math.abs(declared) >= 1e9) {
        throw new ConfigException(
            key + "." + which,
            "give " + which + " for '" + spec.name() + "' (its declared range is open)");
      }
      return declared;
    }
    if (!(o instanceof Number num)) {
      throw new ConfigException(key + "." + which, which + " must be a number, was " + o);
    }
    double d = num.doubleValue();
    if (d < spec.min() || d > spec.max()) {
      throw new ConfigException(
          key + "." + which,
          which + " must lie in the parameter's range " + spec.rangeText() + ", was " + o);
    }
    return d;
  }

  private static Object coerce(ParamSpec spec, Object o, String key) {
    String where = "value of '" + spec.name() + "' must be " + spec.rangeText() + ", was " + o;
    switch (spec.type()) {
      case INT -> {
        if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new ConfigException(key, where);
        }
        double d = n.doubleValue();
        if (d < spec.min() || d > spec.max()) {
          throw new ConfigException(key, where);
        }
        return (int) d;
      }
      case DOUBLE -> {
        if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          throw new ConfigException(key, where);
        }
        double d = n.doubleValue();
        if (d < spec.min() || d > spec.max()) {
          throw new ConfigException(key, where);
        }
        return d;
      }
      case BOOLEAN -> {
        if (!(o instanceof Boolean b)) {
          throw new ConfigException(
              key, "value of '" + spec.name() + "' must be true or false, was " + o);
        }
        return b;
      }
      case CHOICE -> {
        String s = String.valueOf(o).toLowerCase(Locale.ROOT);
        if (!spec.choices().contains(s)) {
          throw new ConfigException(key, where);
        }
        return s;
      }
      case TEXT -> {
        return String.valueOf(o);
      }
    }
    throw new IllegalStateException("unhandled " + spec.type());
  }

  private static String text(Map<String, ?> raw, String key, String def) {
    Object o = raw.get(key);
    return o == null ? def : String.valueOf(o).strip().toLowerCase(Locale.ROOT);
  }

  private static Object number(Map<String, ?> raw, String key) {
    Object o = raw.get(key);
    if (!(o instanceof Number)) {
      throw new ConfigException("sweep." + key, key + " must be a number, was " + o);
    }
    return o;
  }

  private static int integer(Map<String, ?> raw, String key, int def, int min) {
    Object o = raw.get(key);
    if (o == null) {
      return def;
    }
    if (!(o instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > Integer.MAX_VALUE) {
      throw new ConfigException(
          "sweep." + key, key + " must be a whole number >= " + min + ", was " + o);
    }
    return n.intValue();
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }
}
