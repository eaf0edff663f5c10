package io.quantzoo.app.config;

import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.portfolio.Allocator;
import io.quantzoo.core.portfolio.Covariance;
import io.quantzoo.core.portfolio.PortfolioConfig;
import io.quantzoo.core.portfolio.RebalanceSchedule;
import io.quantzoo.core.strategy.StrategyRegistry;
import io.quantzoo.core.util.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Validates a {@link PortfolioConfigFile}, fills every default (here, in one place) and plans each
 * sleeve with {@link RunPlanner}: the portfolio's {@code initial_cash}, {@code execution}, {@code
 * close_at_end} and {@code seed} replace a sleeve's own. Every error names its key, e.g. {@code
 * sleeves[1].params.fast} or {@code allocation.target_vol_pct}.
 */
public final class PortfolioPlanner {
  /** Default rolling window of the covariance. */
  public static final int DEFAULT_LOOKBACK = 120;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final List<String> METHODS =
      List.of("fixed", "equal", "inverse_vol", "risk_parity", "min_variance", "vol_target");

  private final StrategyRegistry registry;
  private final Path configDir;
  private final Path home;

  /**
   * @param registry strategies
   * @param configDir directory of the portfolio file (sleeve configs and data are found from it)
   * @param home QuantZoo home, or null
   */
  public PortfolioPlanner(StrategyRegistry registry, Path configDir, Path home) {
    this.registry = registry;
    this.configDir = configDir;
    this.home = home;
  }

  /** Validates and plans. */
  public PortfolioPlan plan(PortfolioConfigFile f) {
    if (f.sleeves() == null || f.sleeves().isEmpty()) {
      throw new ConfigException(
          "sleeves",
          "key 'sleeves' is required: a list of {name, config} or {name, strategy, data}");
    }
    PortfolioConfigFile.AllocationSpec a =
        f.allocation() == null
            ? new PortfolioConfigFile.AllocationSpec(null, null, null, null, null, null, null)
            : f.allocation();
    String method = a.method() == null ? "equal" : a.method().toLowerCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new ConfigException(
          "allocation.method",
          "key 'allocation.method' must be one of "
              + String.join(", ", METHODS)
              + ", was "
              + a.method());
    }
    List<PortfolioPlan.SleevePlan> sleeves = new ArrayList<>();
    Set<String> names = new HashSet<>();
    double[] fixed = new double[f.sleeves().size()];
    double fixedSum = 0;
    for (int i = 0; i < f.sleeves().size(); i++) {
      PortfolioConfigFile.SleeveSpec s = f.sleeves().get(i);
      String key = "sleeves[" + i + "]";
      if (s == null || s.name() == null || !NAME.matcher(s.name()).matches()) {
        throw new ConfigException(
            key + ".name",
            "key '"
                + key
                + ".name' is required: letters, digits, '_', '.', '-' (at most 64), was "
                + (s == null ? null : s.name()));
      }
      if (!names.add(s.name())) {
        throw new ConfigException(
            key + ".name", "key '" + key + ".name': sleeve name " + s.name() + " is used twice");
      }
      if (method.equals("fixed")) {
        if (s.weight() == null) {
          throw new ConfigException(
              key + ".weight", "key '" + key + ".weight' is required with allocation.method fixed");
        }
        if (!(s.weight() >= 0) || !Double.isFinite(s.weight())) {
          throw new ConfigException(
              key + ".weight", "key '" + key + ".weight' must be >= 0, was " + s.weight());
        }
        fixed[i] = s.weight();
        fixedSum += s.weight();
      } else if (s.weight() != null) {
        throw new ConfigException(
            key + ".weight",
            "key '"
                + key
                + ".weight' applies to allocation.method fixed only (method is "
                + method
                + ")");
      }
      sleeves.add(new PortfolioPlan.SleevePlan(s.name(), sleevePlan(f, s, key)));
    }
    if (method.equals("fixed") && Math.abs(fixedSum - 1) > 1e-9) {
      throw new ConfigException(
          "sleeves[].weight",
          "key 'sleeves[].weight': the sleeves' weights must sum to 1, their sum was " + fixedSum);
    }
    Allocator allocator = allocator(method, a, fixed);
    int lookback = DEFAULT_LOOKBACK;
    if (a.lookbackBars() != null) {
      if (a.lookbackBars() < 2) {
        throw new ConfigException(
            "allocation.lookback_bars",
            "key 'allocation.lookback_bars' must be >= 2, was " + a.lookbackBars());
      }
      lookback = a.lookbackBars();
    }
    Covariance.Shrinkage shrinkage = shrinkage(a.shrinkage());
    PortfolioConfigFile.RebalanceSpec r = f.rebalance();
    RebalanceSchedule schedule = schedule(r == null ? null : r.every());
    double drift = 0;
    if (r != null && r.driftPct() != null) {
      if (!(r.driftPct() >= 0 && r.driftPct() < 100)) {
        throw new ConfigException(
            "rebalance.drift_pct",
            "key 'rebalance.drift_pct' must be in [0, 100), was " + r.driftPct());
      }
      drift = r.driftPct() / 100;
    }
    RunPlan first = sleeves.get(0).plan();
    EngineConfig engine = first.engine();
    PortfolioConfig cfg =
        new PortfolioConfig(
            engine,
            allocator,
            shrinkage,
            lookback,
            schedule,
            drift,
            first.metrics().periodsPerYear());
    Map<String, Object> eff = new LinkedHashMap<>();
    eff.put("initial_cash", engine.initialCash());
    Map<String, Object> al = new LinkedHashMap<>();
    al.put("method", method);
    al.put("lookback_bars", lookback);
    al.put("shrinkage", describe(shrinkage));
    if (allocator instanceof Allocator.VolTarget v) {
      al.put("base", v.base().name());
      al.put("target_vol_pct", v.targetVolPct());
      al.put("leverage_cap", v.leverageCap());
    }
    if (allocator instanceof Allocator.MinVariance mv) {
      al.put("long_only", mv.longOnly());
    }
    eff.put("allocation", al);
    Map<String, Object> rb = new LinkedHashMap<>();
    rb.put("every", schedule.describe());
    rb.put("drift_pct", drift * 100);
    eff.put("rebalance", rb);
    List<Object> sl = new ArrayList<>();
    Yaml yaml = new Yaml(new LoaderOptions());
    for (int i = 0; i < sleeves.size(); i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", sleeves.get(i).name());
      if (method.equals("fixed")) {
        m.put("weight", fixed[i]);
      }
      Object plan = yaml.load(sleeves.get(i).plan().effectiveYaml());
      m.put("run", plan);
      sl.add(m);
    }
    eff.put("sleeves", sl);
    return new PortfolioPlan(sleeves, cfg, first.metrics(), ConfigLoader.dump(eff));
  }

  private RunPlan sleevePlan(PortfolioConfigFile f, PortfolioConfigFile.SleeveSpec s, String key) {
    RunConfigFile run;
    Path dir = configDir;
    if (s.config() != null) {
      String[] inline = {"strategy", "params", "data", "instrument", "instruments", "sizing"};
      Object[] values = {
        s.strategy(), s.params(), s.data(), s.instrument(), s.instruments(), s.sizing()
      };
      for (int j = 0; j < inline.length; j++) {
        if (values[j] != null) {
          throw new ConfigException(
              key + "." + inline[j],
              "key '"
                  + key
                  + "."
                  + inline[j]
                  + "' cannot be combined with '"
                  + key
                  + ".config' (put it in "
                  + s.config()
                  + ")");
        }
      }
      Path file = new RunPlanner(registry, configDir, home).resolve(s.config());
      try {
        run = ConfigLoader.load(file);
      } catch (ConfigException e) {
        throw prefixed(e, key + ".config", s.name());
      }
      dir = file.toAbsolutePath().getParent();
    } else {
      run =
          new RunConfigFile(
              s.strategy(),
              s.params(),
              s.data(),
              s.instrument(),
              s.instruments(),
              null,
              null,
              s.sizing(),
              null,
              null,
              null,
              null,
              null,
              null,
              null);
    }
    if (run.risk() != null) {
      throw new ConfigException(
          key + ".risk",
          "key '"
              + key
              + ".risk' is not applied to portfolio sleeves yet; run the sleeve alone (qz run) to"
              + " check it against the pre-trade controls");
    }
    run =
        new RunConfigFile(
            run.strategy(),
            run.params(),
            run.data(),
            run.instrument(),
            run.instruments(),
            f.initialCash(),
            f.execution(),
            run.sizing(),
            f.closeAtEnd(),
            f.seed(),
            f.metrics(),
            null,
            null,
            null,
            null);
    try {
      return new RunPlanner(registry, dir, home).plan(run);
    } catch (ConfigException e) {
      boolean portfolioKey =
          e.key().startsWith("execution")
              || e.key().startsWith("initial_cash")
              || e.key().startsWith("metrics")
              || e.key().startsWith("seed");
      if (portfolioKey) {
        throw e;
      }
      throw prefixed(e, s.config() != null ? key + ".config" : key + "." + e.key(), s.name());
    }
  }

  private static ConfigException prefixed(ConfigException e, String key, String name) {
    String k = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    return new ConfigException(k, "sleeve " + name + " (" + k + "): " + e.getMessage());
  }

  private static Allocator allocator(
      String method, PortfolioConfigFile.AllocationSpec a, double[] fixed) {
    boolean vol = method.equals("vol_target");
    notFor(!vol && a.base() != null, "allocation.base", method);
    notFor(!vol && a.targetVolPct() != null, "allocation.target_vol_pct", method);
    notFor(!vol && a.leverageCap() != null, "allocation.leverage_cap", method);
    notFor(
        !method.equals("min_variance")
            && !(vol && "min_variance".equals(a.base()))
            && a.longOnly() != null,
        "allocation.long_only",
        method);
    return switch (method) {
      case "fixed" -> new Allocator.Fixed(fixed);
      case "equal" -> new Allocator.Equal();
      case "inverse_vol" -> new Allocator.InverseVol();
      case "risk_parity" -> new Allocator.RiskParity();
      case "min_variance" -> new Allocator.MinVariance(a.longOnly() == null || a.longOnly());
      default -> {
        String b = a.base() == null ? "equal" : a.base().toLowerCase(Locale.ROOT);
        Allocator base =
            switch (b) {
              case "equal" -> new Allocator.Equal();
              case "inverse_vol" -> new Allocator.InverseVol();
              case "risk_parity" -> new Allocator.RiskParity();
              case "min_variance" ->
                  new Allocator.MinVariance(a.longOnly() == null || a.longOnly());
              default ->
                  throw new ConfigException(
                      "allocation.base",
                      "key 'allocation.base' must be one of equal, inverse_vol, risk_parity,"
                          + " min_variance, was "
                          + a.base());
            };
        if (a.targetVolPct() == null) {
          throw new ConfigException(
              "allocation.target_vol_pct",
              "key 'allocation.target_vol_pct' is required with vol_target (e.g. 10)");
        }
        if (!(a.targetVolPct() > 0) || !Double.isFinite(a.targetVolPct())) {
          throw new ConfigException(
              "allocation.target_vol_pct",
              "key 'allocation.target_vol_pct' must be > 0, was " + a.targetVolPct());
        }
        double cap = a.leverageCap() == null ? 1.0 : a.leverageCap();
        if (!(cap > 0) || !Double.isFinite(cap)) {
          throw new ConfigException(
              "allocation.leverage_cap",
              "key 'allocation.leverage_cap' must be > 0, was " + a.leverageCap());
        }
        yield new Allocator.VolTarget(base, a.targetVolPct(), cap);
      }
    };
  }

  private static void notFor(boolean bad, String key, String method) {
    if (bad) {
      throw new ConfigException(
          key, "key '" + key + "' does not apply to allocation.method " + method);
    }
  }

  private static Covariance.Shrinkage shrinkage(Object raw) {
    String key = "allocation.shrinkage";
    if (raw == null) {
      return new Covariance.Shrinkage.LedoitWolf();
    }
    if (raw instanceof Number num) {
      double d = num.doubleValue();
      if (!(d >= 0 && d <= 1)) {
        throw new ConfigException(
            key, "key '" + key + "' must be none, ledoit_wolf or a number in [0, 1], was " + raw);
      }
      return new Covariance.Shrinkage.Constant(d);
    }
    return switch (String.valueOf(raw).toLowerCase(Locale.ROOT)) {
      case "none" -> new Covariance.Shrinkage.None();
      case "ledoit_wolf" -> new Covariance.Shrinkage.LedoitWolf();
      default ->
          throw new ConfigException(
              key, "key '" + key + "' must be none, ledoit_wolf or a number in [0, 1], was " + raw);
    };
  }

  private static Object describe(Covariance.Shrinkage s) {
    return switch (s) {
      case Covariance.Shrinkage.None n -> "none";
      case Covariance.Shrinkage.LedoitWolf lw -> "ledoit_wolf";
      case Covariance.Shrinkage.Constant c -> c.intensity();
    };
  }

  private static RebalanceSchedule schedule(Object every) {
    String key = "rebalance.every";
    if (every == null) {
      return new RebalanceSchedule.Calendar(RebalanceSchedule.Period.MONTHLY);
    }
    if (every instanceof Integer || every instanceof Long) {
      long v = ((Number) every).longValue();
      if (v < 1 || v > Integer.MAX_VALUE) {
        throw new ConfigException(key, "key '" + key + "' must be >= 1 bars, was " + every);
      }
      return new RebalanceSchedule.EveryBars((int) v);
    }
    return switch (String.valueOf(every).toLowerCase(Locale.ROOT)) {
      case "none" -> new RebalanceSchedule.Never();
      case "daily" -> new RebalanceSchedule.Calendar(RebalanceSchedule.Period.DAILY);
      case "weekly" -> new RebalanceSchedule.Calendar(RebalanceSchedule.Period.WEEKLY);
      case "monthly" -> new RebalanceSchedule.Calendar(RebalanceSchedule.Period.MONTHLY);
      default ->
          throw new ConfigException(
              key,
              "key '"
                  + key
                  + "' must be a number of bars or one of daily, weekly, monthly, none, was "
                  + every);
    };
  }
}
