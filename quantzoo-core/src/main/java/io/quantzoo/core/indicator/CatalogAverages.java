package io.quantzoo.core.indicator;

import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;

/**
 * Registers the built-in averages and statistics: WMA, DEMA, TEMA, HMA, KAMA, NATR, Keltner, ROC,
 * z-score, correlation, beta, linear-regression slope.
 */
final class CatalogAverages {
  private CatalogAverages() {}

  /** Hull moving average parameters (period at least 2). */
  public record HmaParams(
      @Param(value = "look-back in bars", def = "20", min = 2, max = 100_000) int period,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  /** DEMA/TEMA parameters. */
  public record NestedEmaParams(
      @Param(
              value = "look-back of each EMA in bars (alpha = 2/(period+1))",
              def = "20",
              min = 1,
              max = 100_000)
          int period,
      @Param(
              value =
                  "first value of each nested EMA: SMA of its first period inputs, or its first input",
              def = "sma",
              choices = {"sma", "first_value"})
          String seed,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  /** KAMA parameters. */
  public record KamaParams(
      @Param(value = "efficiency-ratio look-back in bars", def = "10", min = 1, max = 100_000)
          int period,
      @Param(value = "fastest EMA period (ER = 1)", def = "2", min = 1, max = 100_000) int fast,
      @Param(value = "slowest EMA period (ER = 0)", def = "30", min = 1, max = 100_000) int slow,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {
    public KamaParams {
      if (slow <= fast) {
        throw new ConfigException("slow", "kama: slow must be > fast (" + fast + "), was " + slow);
      }
    }
  }

  /** Keltner channel parameters. */
  public record KeltnerParams(
      @Param(value = "EMA period of the middle line", def = "20", min = 1, max = 100_000)
          int period,
      @Param(value = "band width in ATRs", def = "2", min = 0, max = 1_000) double mult,
      @Param(value = "ATR period (Wilder)", def = "10", min = 1, max = 100_000) int atrPeriod) {}

  /** Rate-of-change parameters. */
  public record RocParams(
      @Param(value = "look-back in bars", def = "10", min = 1, max = 100_000) int period,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  /** Correlation and beta parameters. */
  public record PairParams(
      @Param(value = "look-back in pairs", def = "20", min = 2, max = 100_000) int period,
      @Param(
              value = "computed on simple returns of each series or on the values themselves",
              def = "returns",
              choices = {"returns", "levels"})
          String input) {}

  /** Linear-regression slope parameters. */
  public record LinRegParams(
      @Param(value = "look-back in bars", def = "14", min = 2, max = 100_000) int period,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  static void register(IndicatorRegistry r) {
    r.register(
        IndicatorFactory.of(
            "wma",
            "Linearly weighted moving average, weights 1..n, newest heaviest (TA-Lib WMA)",
            IndicatorRegistry.PeriodSource.class,
            p -> new Wma(p.period(), p.price())));
    r.register(
        IndicatorFactory.of(
            "dema",
            "Double EMA: 2*EMA - EMA(EMA), each EMA SMA-seeded by default (TA-Lib)",
            NestedEmaParams.class,
            p -> new Dema(p.period(), EmaSeed.parse(p.seed()), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "tema",
            "Triple EMA: 3*E1 - 3*E2 + E3, each EMA SMA-seeded by default (TA-Lib)",
            NestedEmaParams.class,
            p -> new Tema(p.period(), EmaSeed.parse(p.seed()), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "hma",
            "Hull moving average: WMA(2*WMA(n/2) - WMA(n), floor(sqrt(n)))",
            HmaParams.class,
            p -> new Hma(p.period(), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "kama",
            "Kaufman adaptive moving average, seeded as TA-Lib KAMA",
            KamaParams.class,
            p -> new Kama(p.period(), p.fast(), p.slow(), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "natr",
            "Normalized ATR: 100*ATR/close (TA-Lib NATR)",
            IndicatorRegistry.AtrParams.class,
            p ->
                new Natr(
                    p.period(),
                    Smoothing.parse(p.smoothing()),
                    FirstTrueRange.parse(p.firstTr()))));
    r.register(
        IndicatorFactory.of(
            "keltner",
            "Keltner channels: EMA(close) +/- mult*ATR (Wilder)",
            KeltnerParams.class,
            p -> new Keltner(p.period(), p.mult(), p.atrPeriod())));
    r.register(
        IndicatorFactory.of(
            "roc",
            "Rate of change in percent: 100*(x - x[n])/x[n] (TA-Lib ROC)",
            RocParams.class,
            p -> new Roc(p.period(), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "zscore",
            "Rolling z-score (x - mean)/stddev, population by default; 0 on a constant window",
            IndicatorRegistry.StdDevParams.class,
            p ->
                new ZScore(
                    p.period(), Deviation.parse(p.deviation()), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.pair(
            "correlation",
            "Rolling Pearson correlation of two series, on simple returns by default",
            PairParams.class,
            p -> new Correlation(p.period(), PairInput.parse(p.input()))));
    r.register(
        IndicatorFactory.pair(
            "beta",
            "Rolling beta cov(x,y)/var(y) of series x against benchmark y, on returns by default",
            PairParams.class,
            p -> new Beta(p.period(), PairInput.parse(p.input()))));
    r.register(
        IndicatorFactory.of(
            "linreg_slope",
            "Least-squares slope of the last n values per bar (TA-Lib LINEARREG_SLOPE)",
            LinRegParams.class,
            p -> new LinRegSlope(p.period(), PriceSource.parse(p.source()))));
  }
}
