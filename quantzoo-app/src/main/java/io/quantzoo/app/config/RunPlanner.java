package io.quantzoo.app.config;

import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.IntrabarPolicy;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.AssetClass;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.strategy.StrategyFactory;
import io.quantzoo.core.strategy.StrategyRegistry;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.live.safety.TradingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates a {@link RunConfigFile}, fills every default (in one place: here) and produces a {@link
 * RunPlan}. Relative data paths are resolved against the working directory, then the config file's
 * directory, then the QuantZoo home (the repository root, set by the launcher).
 */
public final class RunPlanner {
  /** Default starting cash. */
  public static final double DEFAULT_CASH = 100_000;

  /** Default seed. */
  public static final long DEFAULT_SEED = 42;

  private final StrategyRegistry registry;
  private final Path configDir;
  private final Path home;

  /**
   * @param registry strategies
   * @param configDir directory of the config file, or null for the bundled default
   * @param home QuantZoo home directory, or null
   */
  public RunPlanner(StrategyRegistry registry, Path configDir, Path home) {
    this.registry = registry;
    this.configDir = configDir;
    this.home = home;
  }

  /** Validates and plans. */
  public RunPlan plan(RunConfigFile f) {
    if (f.strategy() == null || f.strategy().isBlank()) {
      throw new ConfigException("strategy", "key 'strategy' is required (e.g. sma_cross)");
    }
    StrategyFactory factory = registry.get(f.strategy());
    Params params =
        Params.resolve(f.strategy(), factory.params(), f.params() == null ? Map.of() : f.params());
    factory.create(params); // surfaces cross-parameter rules (e.g. fast < slow) before any work

    if (f.data() == null || f.data().isEmpty()) {
      throw new ConfigException("data", "key 'data' is required: data: {path: FILE.csv}");
    }
    List<RunPlan.Source> sources = new ArrayList<>();
    for (int i = 0; i < f.data().size(); i++) {
      sources.add(source(f.data().get(i), f.data().size() == 1 ? "data" : "data[" + i + "]"));
    }

    Instrument single = null;
    Map<String, Instrument> bySymbol = new LinkedHashMap<>();
    if (f.instrument() != null) {
      if (sources.size() > 1) {
        throw new ConfigException(
            "instrument",
            "key 'instrument' is for one data source; with several use 'instruments: {SYMBOL:"
                + " spec}'");
      }
      single = instrument(f.instrument(), "instrument", null);
    }
    if (f.instruments() != null) {
      for (Map.Entry<String, Object> e : f.instruments().entrySet()) {
        bySymbol.put(e.getKey(), instrument(e.getValue(), "instruments." + e.getKey(), e.getKey()));
      }
    }

    EngineConfig engine =
        new EngineConfig(
            atMost(positive(f.initialCash(), DEFAULT_CASH, "initial_cash"), "initial_cash"),
            fill(f.execution()),
            commission(f.execution() == null ? null : f.execution().commission()),
            slippage(f.execution() == null ? null : f.execution().slippage()),
            sizing(f.sizing()),
            intrabar(f.execution()),
            f.closeAtEnd() == null || f.closeAtEnd(),
            f.seed() == null ? DEFAULT_SEED : f.seed());

    MetricsOptions metrics = MetricsOptions.defaults();
    if (f.metrics() != null) {
      if (f.metrics().riskFreeRatePct() != null) {
        double rf = f.metrics().riskFreeRatePct();
        if (!Double.isFinite(rf) || !(rf > -100) || rf > 1_000) {
          throw new ConfigException(
              "metrics.risk_free_rate_pct",
              "key 'metrics.risk_free_rate_pct' must be a finite percent above -100 and at most"
                  + " 1000, was "
                  + rf);
        }
        metrics = metrics.withRiskFreeRatePct(rf);
      }
      if (f.metrics().periodsPerYear() != null) {
        metrics =
            metrics.withPeriodsPerYear(
                positive(f.metrics().periodsPerYear(), Double.NaN, "metrics.periods_per_year"));
      }
    }
    if (f.risk() != null) {
      riskLimits(f.risk(), RiskLimits.none()); // surfaces a bad value before any work
    }
    return new RunPlan(
        factory,
        params,
        sources,
        bySymbol,
        single,
        engine,
        metrics,
        effectiveYaml(f, params, engine),
        f.sweep(),
        f.walkforward(),
        f.risk(),
        mode(f.mode()));
  }

  private static TradingMode mode(String m) {
    if (m == null) {
      return TradingMode.PAPER;
    }
    return switch (m.strip().toLowerCase(Locale.ROOT)) {
      case "paper" -> TradingMode.PAPER;
      case "live" -> TradingMode.LIVE;
      default ->
          throw new ConfigException(
              "mode", "key 'mode' must be paper or live, was '" + m.strip() + "'");
    };
  }

  /**
   * The limits of a {@code risk:} section over {@code base}: each key given replaces the base's
   * value; a null section gives the base.
   *
   * @throws ConfigException naming the key and the value when one is out of range
   */
  public static RiskLimits riskLimits(RunConfigFile.RiskSpec r, RiskLimits base) {
    if (r == null) {
      return base;
    }
    RiskLimits.Builder b = base.toBuilder();
    if (r.maxOrderQuantity() != null) {
      b.maxOrderQuantity(riskPositive(r.maxOrderQuantity(), "max_order_quantity"));
    }
    if (r.maxOrderNotional() != null) {
      b.maxOrderNotional(riskPositive(r.maxOrderNotional(), "max_order_notional"));
    }
    if (r.maxPositionQuantity() != null) {
      b.maxPositionQuantity(riskPositive(r.maxPositionQuantity(), "max_position_quantity"));
    }
    if (r.maxPositionNotional() != null) {
      b.maxPositionNotional(riskPositive(r.maxPositionNotional(), "max_position_notional"));
    }
    if (r.maxGrossExposure() != null) {
      b.maxGrossExposure(riskPositive(r.maxGrossExposure(), "max_gross_exposure"));
    }
    if (r.maxOpenOrders() != null) {
      b.maxOpenOrders(riskPositive(r.maxOpenOrders(), "max_open_orders"));
    }
    if (r.maxOrdersPerSecond() != null) {
      b.maxOrdersPerSecond(riskPositive(r.maxOrdersPerSecond(), "max_orders_per_second"));
    }
    if (r.priceCollarPct() != null) {
      b.priceCollarPct(riskPositive(r.priceCollarPct(), "price_collar_pct"));
    }
    if (r.duplicateWindow() != null) {
      try {
        b.duplicateWindowMillis(RiskLimits.parseDuration(r.duplicateWindow()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "risk.duplicate_window", "key 'risk.duplicate_window' " + e.getMessage());
      }
    }
    if (r.leverage() != null) {
      b.leverage(riskPositive(r.leverage(), "leverage"));
    }
    if (r.maxDailyLoss() != null) {
      b.maxDailyLoss(riskPositive(r.maxDailyLoss(), "max_daily_loss"));
    }
    if (r.maxDrawdownPct() != null) {
      double v = riskPositive(r.maxDrawdownPct(), "max_drawdown_pct");
      if (v >= 100) {
        throw new ConfigException(
            "risk.max_drawdown_pct", "key 'risk.max_drawdown_pct' must be < 100, was " + v);
      }
      b.maxDrawdownPct(v);
    }
    if (r.staleBars() != null) {
      b.staleBars(riskPositive(r.staleBars(), "stale_bars"));
    }
    if (r.sessionHours() != null) {
      b.sessionHours(r.sessionHours());
    }
    return b.build();
  }

  private static double riskPositive(double v, String key) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new ConfigException("risk." + key, "key 'risk." + key + "' must be > 0, was " + v);
    }
    return v;
  }

  private static int riskPositive(int v, String key) {
    if (v <= 0) {
      throw new ConfigException("risk." + key, "key 'risk." + key + "' must be > 0, was " + v);
    }
    return v;
  }

  /** The {@code risk:} keys given, as written (a window in its normal form, e.g. 5s). */
  private static Map<String, Object> givenRisk(RunConfigFile.RiskSpec r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_order_quantity", r.maxOrderQuantity());
    m.put("max_order_notional", r.maxOrderNotional());
    m.put("max_position_quantity", r.maxPositionQuantity());
    m.put("max_position_notional", r.maxPositionNotional());
    m.put("max_gross_exposure", r.maxGrossExposure());
    m.put("max_open_orders", r.maxOpenOrders());
    m.put("max_orders_per_second", r.maxOrdersPerSecond());
    m.put("price_collar_pct", r.priceCollarPct());
    m.put(
        "duplicate_window",
        r.duplicateWindow() == null
            ? null
            : RiskLimits.formatDuration(RiskLimits.parseDuration(r.duplicateWindow())));
    m.put("leverage", r.leverage());
    m.put("max_daily_loss", r.maxDailyLoss());
    m.put("max_drawdown_pct", r.maxDrawdownPct());
    m.put("stale_bars", r.staleBars());
    m.put("session_hours", r.sessionHours());
    m.values().removeIf(java.util.Objects::isNull);
    return m;
  }

  private RunPlan.Source source(RunConfigFile.DataSpec d, String key) {
    if (d == null || d.path() == null || d.path().isBlank()) {
      throw new ConfigException(key + ".path", "key '" + key + ".path' is required");
    }
    Path p;
    try {
      p = resolve(d.path());
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(
          key + ".path", "key '" + key + ".path' is not a valid file path (" + e.getReason() + ")");
    }
    if (d.symbol() != null && d.symbol().isBlank()) {
      throw new ConfigException(
          key + ".symbol",
          "key '" + key + ".symbol' must not be blank; leave it out to use the file's symbol");
    }
    ZoneId zone;
    try {
      zone = d.timezone() == null ? ZoneId.of("UTC") : ZoneId.of(d.timezone());
    } catch (DateTimeException e) {
      throw new ConfigException(
          key + ".timezone",
          "key '"
              + key
              + ".timezone' must be a timezone id such as UTC or America/New_York, was "
              + d.timezone());
    }
    String format = d.format() == null ? "auto" : d.format().toLowerCase(Locale.ROOT);
    boolean parquet =
        switch (format) {
          case "auto" -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
          case "csv" -> false;
          case "parquet" -> true;
          default ->
              throw new ConfigException(
                  key + ".format",
                  "key '" + key + ".format' must be one of auto, csv, parquet, was " + d.format());
        };
    return new RunPlan.Source(
        p, d.symbol(), zone, parquet, d.dropBadRows() != null && d.dropBadRows());
  }

  /** Resolves a data path: as given, else beside the config, else under the QuantZoo home. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    if (p.isAbsolute() || Files.exists(p)) {
      return p;
    }
    if (configDir != null && Files.exists(configDir.resolve(p))) {
      return configDir.resolve(p);
    }
    if (home != null && Files.exists(home.resolve(p))) {
      return home.resolve(p);
    }
    return p; // the loader reports it as not found, naming the path
  }

  private static Instrument instrument(Object raw, String key, String symbolHint) {
    if (raw instanceof String s) {
      return InstrumentCatalog.find(s)
          .orElseThrow(() ->
              new ConfigException(
                  key,
                  "key '"
                      + key
                      + "' names no catalog instrument: "
                      + s
                      + "; known: "
                      + String.join(", ", InstrumentCatalog.all().keySet())
                      + " (or give a full spec)"));
    }
    RunConfigFile.InstrumentSpec spec =
        ConfigLoader.bind(raw, RunConfigFile.InstrumentSpec.class, key);
    if (spec == null) {
      throw new ConfigException(key, "key '" + key + "' must be a catalog symbol or a spec");
    }
    String symbol = spec.symbol() != null ? spec.symbol() : symbolHint;
    if (symbol == null) {
      throw new ConfigException(key + ".symbol", "key '" + key + ".symbol' is required");
    }
    Instrument template = InstrumentCatalog.find(symbol).orElse(null);
    AssetClass ac;
    if (spec.assetClass() != null) {
      try {
        ac = AssetClass.valueOf(spec.assetClass().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            key + ".asset_class",
            "key '"
                + key
                + ".asset_class' must be one of equity, future, crypto, fx, was "
                + spec.assetClass());
      }
    } else if (template != null) {
      ac = template.assetClass();
    } else {
      throw new ConfigException(
          key + ".asset_class",
          "key '" + key + ".asset_class' is required for " + symbol + " (not in the catalog)");
    }
    double tick =
        spec.tickSize() != null ? spec.tickSize() : template != null ? template.tickSize() : 0.01;
    double pointValue;
    if (spec.pointValue() != null && spec.tickValue() != null) {
      throw new ConfigException(
          key, "key '" + key + "' must give point_value or tick_value, not both");
    } else if (spec.pointValue() != null) {
      pointValue = spec.pointValue();
    } else if (spec.tickValue() != null) {
      pointValue = spec.tickValue() / tick;
    } else {
      pointValue = template != null ? template.pointValue() : 1.0;
    }
    double lot =
        spec.lotStep() != null
            ? spec.lotStep()
            : template != null ? template.lotStep() : ac == AssetClass.CRYPTO ? 1e-8 : 1.0;
    ZoneId zone;
    try {
      zone =
          spec.exchangeTimezone() != null
              ? ZoneId.of(spec.exchangeTimezone())
              : template != null ? template.exchangeZone() : ZoneId.of("UTC");
    } catch (DateTimeException e) {
      throw new ConfigException(
          key + ".exchange_timezone",
          "key '"
              + key
              + ".exchange_timezone' must be a timezone id, was "
              + spec.exchangeTimezone());
    }
    LocalTime open = time(spec.sessionOpen(), key + ".session_open");
    LocalTime close = time(spec.sessionClose(), key + ".session_close");
    if (open == null && close == null && template != null) {
      open = template.sessionOpen();
      close = template.sessionClose();
    }
    try {
      return new Instrument(
          symbol,
          ac,
          tick,
          pointValue,
          spec.currency() != null ? spec.currency() : "USD",
          lot,
          zone,
          open,
          close);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "key '" + key + "': " + e.getMessage());
    }
  }

  private static LocalTime time(String s, String key) {
    if (s == null) {
      return null;
    }
    try {
      return LocalTime.parse(s);
    } catch (DateTimeException e) {
      throw new ConfigException(key, "key '" + key + "' must be a time HH:MM, was " + s);
    }
  }

  private static FillModel fill(RunConfigFile.ExecutionSpec e) {
    String v = e == null || e.fill() == null ? "next_open" : e.fill().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "next_open" -> FillModel.NEXT_OPEN;
      case "on_close" -> FillModel.ON_CLOSE;
      default ->
          throw new ConfigException(
              "execution.fill",
              "key 'execution.fill' must be one of next_open, on_close, was " + e.fill());
    };
  }

  private static IntrabarPolicy intrabar(RunConfigFile.ExecutionSpec e) {
    String v =
        e == null || e.intrabar() == null ? "stop_first" : e.intrabar().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "stop_first" -> IntrabarPolicy.STOP_FIRST;
      case "target_first" -> IntrabarPolicy.TARGET_FIRST;
      default ->
          throw new ConfigException(
              "execution.intrabar",
              "key 'execution.intrabar' must be one of stop_first, target_first, was "
                  + e.intrabar());
    };
  }

  private static CommissionModel commission(RunConfigFile.CommissionSpec c) {
    String k = "execution.commission";
    if (c == null || c.type() == null || c.type().equalsIgnoreCase("none")) {
      if (c != null && (c.perUnit() != null || c.percent() != null || c.amount() != null)) {
        throw new ConfigException(k + ".type", "key '" + k + ".type' is required");
      }
      return new CommissionModel.None();
    }
    try {
      return switch (c.type().toLowerCase(Locale.ROOT)) {
        case "per_unit" -> {
          only(k, c.percent() == null && c.amount() == null, "per_unit, minimum");
          yield new CommissionModel.PerUnit(
              atMost(required(c.perUnit(), k + ".per_unit"), k + ".per_unit"),
              c.minimum() == null ? 0 : atMost(c.minimum(), k + ".minimum"));
        }
        case "percent" -> {
          only(k, c.perUnit() == null && c.amount() == null && c.minimum() == null, "percent");
          yield new CommissionModel.PercentOfNotional(required(c.percent(), k + ".percent"));
        }
        case "fixed" -> {
          only(k, c.perUnit() == null && c.percent() == null && c.minimum() == null, "amount");
          yield new CommissionModel.FixedPerOrder(
              atMost(required(c.amount(), k + ".amount"), k + ".amount"));
        }
        default ->
            throw new ConfigException(
                k + ".type",
                "key '"
                    + k
                    + ".type' must be one of none, per_unit, percent, fixed, was "
                    + c.type());
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigException(k, "key '" + k + "': " + e.getMessage());
    }
  }

  private static SlippageModel slippage(RunConfigFile.SlippageSpec s) {
    String k = "execution.slippage";
    if (s == null || s.type() == null || s.type().equalsIgnoreCase("none")) {
      if (s != null && (s.ticks() != null || s.bps() != null || s.maxTicks() != null)) {
        throw new ConfigException(
            k + ".type",
            "key '"
                + k
                + "' has settings but "
                + (s.type() == null ? "no type" : "type none")
                + "; give type: ticks, bps or random_ticks");
      }
      return new SlippageModel.None();
    }
    try {
      return switch (s.type().toLowerCase(Locale.ROOT)) {
        case "ticks" -> {
          only(k, s.bps() == null && s.maxTicks() == null, "ticks");
          yield new SlippageModel.Ticks(finite(required(s.ticks(), k + ".ticks"), k + ".ticks"));
        }
        case "bps" -> {
          only(k, s.ticks() == null && s.maxTicks() == null, "bps");
          double bps = required(s.bps(), k + ".bps");
          if (!(bps < 10_000)) {
            // a sell would fill at price x (1 - bps / 10,000) <= 0
            throw new ConfigException(
                k + ".bps",
                "key '"
                    + k
                    + ".bps' must be below 10000 (a sell's fill price must stay above 0), was "
                    + bps);
          }
          yield new SlippageModel.BasisPoints(bps);
        }
        case "random_ticks" -> {
          only(k, s.ticks() == null && s.bps() == null, "max_ticks");
          if (s.maxTicks() == null) {
            throw new ConfigException(k + ".max_ticks", "key '" + k + ".max_ticks' is required");
          }
          yield new SlippageModel.RandomTicks(s.maxTicks());
        }
        default ->
            throw new ConfigException(
                k + ".type",
                "key '"
                    + k
                    + ".type' must be one of none, ticks, bps, random_ticks, was "
                    + s.type());
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigException(k, "key '" + k + "': " + e.getMessage());
    }
  }

  private static SizingModel sizing(RunConfigFile.SizingSpec s) {
    String k = "sizing";
    if (s == null || s.type() == null) {
      if (s != null && (s.quantity() != null || s.percent() != null)) {
        throw new ConfigException("sizing.type", "key 'sizing.type' is required");
      }
      return new SizingModel.PercentOfEquity(100);
    }
    try {
      return switch (s.type().toLowerCase(Locale.ROOT)) {
        case "fixed" -> {
          only(k, s.percent() == null, "quantity");
          yield new SizingModel.Fixed(
              atMost(required(s.quantity(), "sizing.quantity"), "sizing.quantity"));
        }
        case "percent_equity" -> {
          only(k, s.quantity() == null, "percent");
          yield new SizingModel.PercentOfEquity(required(s.percent(), "sizing.percent"));
        }
        case "risk" -> {
          only(k, s.quantity() == null, "percent");
          yield new SizingModel.Risk(required(s.percent(), "sizing.percent"));
        }
        default ->
            throw new ConfigException(
                "sizing.type",
                "key 'sizing.type' must be one of fixed, percent_equity, risk, was " + s.type());
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigException(k, "key '" + k + "': " + e.getMessage());
    }
  }

  private static void only(String key, boolean ok, String allowed) {
    if (!ok) {
      throw new ConfigException(
          key, "key '" + key + "' has settings that do not apply to its type; use: " + allowed);
    }
  }

  private static double finite(double v, String key) {
    if (!Double.isFinite(v)) {
      throw new ConfigException(key, "key '" + key + "' must be a finite number, was " + v);
    }
    return v;
  }

  private static double required(Double v, String key) {
    if (v == null) {
      throw new ConfigException(key, "key '" + key + "' is required");
    }
    return v;
  }

  /**
   * The largest amount or quantity a config may give (10^15): beyond it sums of a run's cash, fills
   * and commissions lose every cent to rounding or overflow, and the metrics are garbage.
   */
  static final double MAX_AMOUNT = 1e15;

  private static double atMost(double v, String key) {
    if (!Double.isFinite(v) || v > MAX_AMOUNT) {
      throw new ConfigException(
          key,
          "key '"
              + key
              + "' must be a finite number at most 1e15 (larger amounts overflow a run's sums),"
              + " was "
              + v);
    }
    return v;
  }

  private static double positive(Double v, double def, String key) {
    if (v == null) {
      return def;
    }
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new ConfigException(key, "key '" + key + "' must be > 0, was " + v);
    }
    return v;
  }

  private static String effectiveYaml(RunConfigFile f, Params params, EngineConfig e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", f.strategy());
    m.put("params", params.asMap());
    m.put("data", f.data());
    if (f.instrument() != null) {
      m.put("instrument", f.instrument());
    }
    if (f.instruments() != null) {
      m.put("instruments", f.instruments());
    }
    m.put("initial_cash", e.initialCash());
    Map<String, Object> ex = new LinkedHashMap<>();
    ex.put("fill", e.fillModel().name().toLowerCase(Locale.ROOT));
    ex.put("commission", describe(e.commission()));
    ex.put("slippage", describe(e.slippage()));
    ex.put("intrabar", e.intrabarPolicy().name().toLowerCase(Locale.ROOT));
    m.put("execution", ex);
    m.put("sizing", describe(e.sizing()));
    m.put("close_at_end", e.closeAtEnd());
    m.put("seed", e.seed());
    if (f.metrics() != null) {
      m.put("metrics", f.metrics());
    }
    if (f.sweep() != null) {
      m.put("sweep", f.sweep());
    }
    if (f.walkforward() != null) {
      m.put("walkforward", f.walkforward());
    }
    if (f.mode() != null) {
      m.put("mode", mode(f.mode()).label());
    }
    if (f.risk() != null) {
      m.put("risk", givenRisk(f.risk()));
    }
    return ConfigLoader.dump(m);
  }

  /** One line for a cost or sizing model, e.g. {@code 0.1% of notional} or {@code none}. */
  public static String summary(Object model) {
    return switch (model) {
      case CommissionModel.None n -> "none";
      case CommissionModel.PerUnit p ->
          num(p.perUnit()) + " per unit (min " + num(p.minimum()) + ")";
      case CommissionModel.PercentOfNotional p -> num(p.percent()) + "% of notional";
      case CommissionModel.FixedPerOrder p -> num(p.amount()) + " per fill";
      case SlippageModel.None n -> "none";
      case SlippageModel.Ticks t -> num(t.ticks()) + " tick(s)";
      case SlippageModel.BasisPoints b -> num(b.bps()) + " bps";
      case SlippageModel.RandomTicks r -> "random 0.." + r.maxTicks() + " ticks";
      case SizingModel.Fixed f -> "fixed " + num(f.quantity());
      case SizingModel.PercentOfEquity p -> num(p.percent()) + "% of equity";
      case SizingModel.Risk r -> "risk " + num(r.percent()) + "% of equity";
      default -> String.valueOf(model);
    };
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static Map<String, Object> describe(Object model) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (model) {
      case CommissionModel.None n -> m.put("type", "none");
      case CommissionModel.PerUnit p -> {
        m.put("type", "per_unit");
        m.put("per_unit", p.perUnit());
        m.put("minimum", p.minimum());
      }
      case CommissionModel.PercentOfNotional p -> {
        m.put("type", "percent");
        m.put("percent", p.percent());
      }
      case CommissionModel.FixedPerOrder p -> {
        m.put("type", "fixed");
        m.put("amount", p.amount());
      }
      case SlippageModel.None n -> m.put("type", "none");
      case SlippageModel.Ticks t -> {
        m.put("type", "ticks");
        m.put("ticks", t.ticks());
      }
      case SlippageModel.BasisPoints b -> {
        m.put("type", "bps");
        m.put("bps", b.bps());
      }
      case SlippageModel.RandomTicks r -> {
        m.put("type", "random_ticks");
        m.put("max_ticks", r.maxTicks());
      }
      case SizingModel.Fixed fx -> {
        m.put("type", "fixed");
        m.put("quantity", fx.quantity());
      }
      case SizingModel.PercentOfEquity p -> {
        m.put("type", "percent_equity");
        m.put("percent", p.percent());
      }
      case SizingModel.Risk r -> {
        m.put("type", "risk");
        m.put("percent", r.percent());
      }
      default -> m.put("type", String.valueOf(model));
    }
    return m;
  }
}
