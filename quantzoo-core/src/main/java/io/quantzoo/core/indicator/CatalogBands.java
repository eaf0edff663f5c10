package io.quantzoo.core.indicator;

import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;

/** Registers the built-in bands and MACD: Bollinger Bands, Donchian Channels, MACD. */
final class CatalogBands {
  private CatalogBands() {}

  /** Bollinger Bands parameters. */
  record BollingerParams(
      @Param(value = "look-back in bars", def = "20", min = 2, max = 100_000) int period,
      @Param(value = "band distance in standard deviations", def = "2", min = 0.01, max = 100)
          double mult,
      @Param(
              value = "standard deviation divisor: population (n) or sample (n-1)",
              def = "population",
              choices = {"population", "sample"})
          String deviation,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {}

  /** Donchian Channels parameters. */
  record DonchianParams(
      @Param(value = "look-back in bars", def = "20", min = 1, max = 100_000) int period,
      @Param(
              value = "false: window includes the current bar; true: the period bars before it",
              def = "false")
          boolean excludeCurrent) {}

  /** MACD parameters. */
  record MacdParams(
      @Param(value = "fast EMA period in bars (< slow)", def = "12", min = 1, max = 100_000)
          int fast,
      @Param(value = "slow EMA period in bars", def = "26", min = 2, max = 100_000) int slow,
      @Param(value = "signal EMA period in bars", def = "9", min = 1, max = 100_000) int signal,
      @Param(
              value =
                  "independent: each EMA seeded on its own; talib: fast EMA starts at bar"
                      + " slow-fast",
              def = "independent",
              choices = {"independent", "talib"})
          String alignment,
      @Param(
              value = "price read from each bar",
              def = "close",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {
    MacdParams {
      if (fast >= slow) {
        throw new ConfigException(
            "params.fast", "parameter 'fast' of macd must be < slow (" + slow + "), was " + fast);
      }
    }
  }

  static void register(IndicatorRegistry r) {
    r.register(
        IndicatorFactory.of(
            "bollinger",
            "Bollinger Bands: SMA ± mult × standard deviation (population by default, TA-Lib"
                + " BBANDS), with bandwidth and %b",
            BollingerParams.class,
            p ->
                new Bollinger(
                    p.period(),
                    p.mult(),
                    Deviation.parse(p.deviation()),
                    PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "donchian",
            "Donchian Channels: highest high / lowest low of the last period bars (current bar"
                + " included unless exclude_current)",
            DonchianParams.class,
            p -> new Donchian(p.period(), p.excludeCurrent())));
    r.register(
        IndicatorFactory.of(
            "macd",
            "MACD: EMA(fast) - EMA(slow), signal EMA and histogram; alignment independent or talib",
            MacdParams.class,
            p ->
                new Macd(
                    p.fast(),
                    p.slow(),
                    p.signal(),
                    MacdAlignment.parse(p.alignment()),
                    PriceSource.parse(p.source()))));
  }
}
