package io.quantzoo.core.indicator;

import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indicators by name, for {@code qz indicator} and the property tests. {@link #builtIn()} holds
 * every indicator shipped with QuantZoo; conventions are named parameters documented in
 * docs/INDICATORS.md.
 */
public final class IndicatorRegistry {
  private final Map<String, IndicatorFactory> factories = new TreeMap<>();

  /** Parameters of indicators with a period and a price source. */
  public record PeriodSource(
      @Param(value = "look-back in bars", def = "20", min = 1, max = 100_000) int period,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {
    public PriceSource price() {
      return PriceSource.parse(source);
    }
  }

  /** EMA parameters. */
  public record EmaParams(
      @Param(value = "look-back in bars (alpha = 2/(period+1))", def = "20", min = 1, max = 100_000)
          int period,
      @Param(
              value = "first value: SMA of the first period values, or the first value",
              def = "sma",
              choices = {"sma", "first_value"})
          String seed,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  /** RSI parameters. */
  public record RsiParams(
      @Param(value = "look-back in bars", def = "14", min = 1, max = 100_000) int period,
      @Param(
              value = "averaging of gains and losses",
              def = "wilder",
              choices = {"wilder", "simple", "exponential"})
          String smoothing,
      @Param(
              value = "seed of wilder/exponential averages",
              def = "sma",
              choices = {"sma", "first_value"})
          String seed,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  /** True range parameters. */
  public record TrParams(
      @Param(
              value = "true range of the first bar: skip (NaN) or high_low",
              def = "skip",
              choices = {"skip", "high_low"})
          String firstTr) {}

  /** ATR parameters. */
  public record AtrParams(
      @Param(value = "look-back in bars", def = "14", min = 1, max = 100_000) int period,
      @Param(
              value = "averaging of true ranges",
              def = "wilder",
              choices = {"wilder", "simple", "exponential"})
          String smoothing,
      @Param(
              value = "true range of the first bar: skip (NaN) or high_low",
              def = "skip",
              choices = {"skip", "high_low"})
          String firstTr) {}

  /** Period-only parameters. */
  public record PeriodParams(
      @Param(value = "look-back in bars", def = "14", min = 1, max = 100_000) int period) {}

  /** Standard deviation parameters. */
  public record StdDevParams(
      @Param(value = "look-back in bars", def = "20", min = 2, max = 100_000) int period,
      @Param(
              value = "divisor: population (n) or sample (n-1)",
              def = "population",
              choices = {"population", "sample"})
          String deviation,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  public static IndicatorRegistry builtIn() {
    IndicatorRegistry r = new IndicatorRegistry();
    r.register(
        IndicatorFactory.of(
            "sma",
            "Simple moving average: mean of the last period values",
            PeriodSource.class,
            p -> new Sma(p.period(), p.price())));
    r.register(
        IndicatorFactory.of(
            "ema",
            "Exponential moving average, alpha 2/(n+1), SMA-seeded by default (TA-Lib)",
            EmaParams.class,
            p -> new Ema(p.period(), EmaSeed.parse(p.seed()), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "rsi",
            "Relative Strength Index, Wilder smoothing by default (TA-Lib)",
            RsiParams.class,
            p ->
                new Rsi(
                    p.period(),
                    Smoothing.parse(p.smoothing()),
                    EmaSeed.parse(p.seed()),
                    PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "tr",
            "True range: max(H-L, |H-prevC|, |L-prevC|)",
            TrParams.class,
            p -> new TrueRange(FirstTrueRange.parse(p.firstTr()))));
    r.register(
        IndicatorFactory.of(
            "atr",
            "Average true range, Wilder smoothing by default (TA-Lib)",
            AtrParams.class,
            p ->
                new Atr(
                    p.period(),
                    Smoothing.parse(p.smoothing()),
                    FirstTrueRange.parse(p.firstTr()))));
    r.register(
        IndicatorFactory.of(
            "mfi",
            "Money Flow Index on typical price (TA-Lib)",
            PeriodParams.class,
            p -> new Mfi(p.period())));
    r.register(
        IndicatorFactory.of(
            "stddev",
            "Rolling standard deviation, population by default",
            StdDevParams.class,
            p ->
                new StdDev(
                    p.period(), Deviation.parse(p.deviation()), PriceSource.parse(p.source()))));
    CatalogAverages.register(r);
    CatalogOscillators.register(r);
    CatalogBands.register(r);
    CatalogAlphaTrend.register(r);
    return r;
  }

  public IndicatorRegistry register(IndicatorFactory f) {
    if (factories.putIfAbsent(f.name(), f) != null) {
      throw new IllegalArgumentException("indicator " + f.name() + " is already registered");
    }
    return this;
  }

  /**
   * The factory for a name (case-insensitive).
   *
   * @throws ConfigException if unknown, listing the known names
   */
  public IndicatorFactory get(String name) {
    IndicatorFactory f = factories.get(name.toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new ConfigException(
          "indicator",
          "unknown indicator '" + name + "'; known: " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  /** All factories, by name. */
  public Collection<IndicatorFactory> all() {
    return Collections.unmodifiableCollection(factories.values());
  }
}
