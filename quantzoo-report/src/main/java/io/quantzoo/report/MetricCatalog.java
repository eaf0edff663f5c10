package io.quantzoo.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readable labels and units of the metric names of {@code Metrics.asMap()}. Unknown names still
 * print: the label is the name with underscores as spaces, and a {@code _pct} suffix means percent.
 */
final class MetricCatalog {

  /** How a metric's value is printed. */
  enum Unit {
    /** In percent already (12.5 means 12.5 %): {@code 12.50%}. */
    PERCENT,
    /** Account currency: {@code 12,345.67}. */
    CURRENCY,
    /** Dimensionless ratio: {@code 1.23}. */
    RATIO,
    /** A whole count: {@code 42}. */
    COUNT,
    /** A number of bars: {@code 12 bars}, {@code 12.5 bars}. */
    BARS,
    /** Calendar days: {@code 3.5 days}. */
    DAYS,
    /** A plain number, up to two decimals: {@code 252}, {@code 2190.5}. */
    NUMBER
  }

  /** A metric's display label and unit. */
  record Spec(String label, Unit unit) {}

  /** Shown first, in this order, in the summary table. */
  static final List<String> KEY_METRICS =
      List.of(
          "total_return_pct",
          "cagr_pct",
          "sharpe",
          "sortino",
          "max_drawdown_pct",
          "trades",
          "win_rate_pct",
          "profit_factor",
          "final_equity");

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    put("initial_equity", "Initial equity", Unit.CURRENCY);
    put("final_equity", "Final equity", Unit.CURRENCY);
    put("net_profit", "Net profit", Unit.CURRENCY);
    put("total_return_pct", "Total return", Unit.PERCENT);
    put("annual_return_pct", "Annual return (arithmetic)", Unit.PERCENT);
    put("cagr_pct", "CAGR", Unit.PERCENT);
    put("annual_volatility_pct", "Annual volatility", Unit.PERCENT);
    put("sharpe", "Sharpe ratio", Unit.RATIO);
    put("sortino", "Sortino ratio", Unit.RATIO);
    put("calmar", "Calmar ratio", Unit.RATIO);
    put("max_drawdown_pct", "Max drawdown", Unit.PERCENT);
    put("max_drawdown", "Max drawdown (amount)", Unit.CURRENCY);
    put("max_drawdown_duration_bars", "Max drawdown duration", Unit.BARS);
    put("max_drawdown_duration_days", "Max drawdown duration (calendar)", Unit.DAYS);
    put("recovery_bars", "Recovery from deepest drawdown", Unit.BARS);
    put("avg_drawdown_pct", "Average drawdown", Unit.PERCENT);
    put("trades", "Trades", Unit.COUNT);
    put("win_rate_pct", "Win rate", Unit.PERCENT);
    put("profit_factor", "Profit factor", Unit.RATIO);
    put("expectancy", "Expectancy per trade", Unit.CURRENCY);
    put("avg_win", "Average win", Unit.CURRENCY);
    put("avg_loss", "Average loss", Unit.CURRENCY);
    put("payoff_ratio", "Payoff ratio", Unit.RATIO);
    put("best_trade", "Best trade", Unit.CURRENCY);
    put("worst_trade", "Worst trade", Unit.CURRENCY);
    put("avg_bars_held", "Average bars held", Unit.BARS);
    put("exposure_pct", "Exposure (time in market)", Unit.PERCENT);
    put("sqn", "System Quality Number (SQN)", Unit.RATIO);
    put("kelly", "Kelly fraction", Unit.RATIO);
    put("var_95_pct", "VaR 95% (per bar)", Unit.PERCENT);
    put("var_99_pct", "VaR 99% (per bar)", Unit.PERCENT);
    put("es_95_pct", "Expected shortfall 95% (per bar)", Unit.PERCENT);
    put("es_99_pct", "Expected shortfall 99% (per bar)", Unit.PERCENT);
    put("total_commission", "Total commission", Unit.CURRENCY);
    put("total_slippage", "Total slippage", Unit.CURRENCY);
    put("buy_and_hold_return_pct", "Buy & hold return", Unit.PERCENT);
    put("periods_per_year", "Periods per year", Unit.NUMBER);
    put("bars", "Bars", Unit.COUNT);
  }

  private MetricCatalog() {}

  private static void put(String name, String label, Unit unit) {
    SPECS.put(name, new Spec(label, unit));
  }

  /** The label and unit of {@code name}, derived from the name when it is not known. */
  static Spec spec(String name) {
    Spec known = SPECS.get(name);
    if (known != null) {
      return known;
    }
    boolean pct = name.endsWith("_pct");
    String base = pct ? name.substring(0, name.length() - 4) : name;
    String words = base.replace('_', ' ').trim();
    String label =
        words.isEmpty()
            ? name
            : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    return new Spec(label, pct ? Unit.PERCENT : Unit.NUMBER);
  }

  /** {@code value} printed in the unit of metric {@code name}; NaN prints as "n/a". */
  static String format(String name, double value) {
    return format(spec(name).unit(), value);
  }

  static String format(Unit unit, double value) {
    if (Double.isNaN(value)) {
      return Fmt.NA;
    }
    return switch (unit) {
      case PERCENT -> Fmt.percent(value);
      case CURRENCY -> Fmt.grouped(value, 2);
      case RATIO -> Fmt.fixed(value, 2);
      case COUNT -> Fmt.grouped(value, 0);
      case BARS -> trimmed(value, 1) + " bars";
      case DAYS -> trimmed(value, 1) + " days";
      case NUMBER -> trimmed(value, 2);
    };
  }

  /** Up to {@code maxDecimals} decimals, trailing zeros dropped: 12.0 → "12", 12.50 → "12.5". */
  private static String trimmed(double value, int maxDecimals) {
    String s = Fmt.fixed(value, maxDecimals);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s;
  }
}
