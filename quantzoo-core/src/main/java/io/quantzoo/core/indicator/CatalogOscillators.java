package io.quantzoo.core.indicator;

import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;

/**
 * Registers the built-in oscillators and trend: Stochastic, Williams %R, CCI, ADX, OBV, VWAP,
 * Parabolic SAR, SuperTrend.
 */
final class CatalogOscillators {
  private CatalogOscillators() {}

  /** Stochastic parameters. */
  record StochasticParams(
      @Param(
              value = "look-back of the highest high and lowest low",
              def = "14",
              min = 1,
              max = 100_000)
          int kPeriod,
      @Param(value = "SMA of raw %K (1 = fast stochastic)", def = "3", min = 1, max = 100_000)
          int slowing,
      @Param(value = "SMA of %K giving %D", def = "3", min = 1, max = 100_000) int dPeriod) {}

  /** CCI parameters. */
  record CciParams(
      @Param(value = "look-back in bars", def = "20", min = 1, max = 100_000) int period,
      @Param(value = "Lambert's scaling constant", def = "0.015", min = 1e-6, max = 1e6)
          double constant) {}

  /** ADX parameters. */
  record AdxParams(
      @Param(value = "look-back in bars", def = "14", min = 1, max = 100_000) int period,
      @Param(
              value = "averaging of TR, +DM, -DM and DX",
              def = "wilder",
              choices = {"wilder", "simple", "exponential"})
          String smoothing,
      @Param(
              value = "first Wilder sums: wilder (sum of first n) or talib (n-1, then one step)",
              def = "wilder",
              choices = {"wilder", "talib"})
          String dmSeed) {
    AdxParams {
      if ("talib".equals(dmSeed) && !"wilder".equals(smoothing)) {
        throw new ConfigException(
            "params.dm_seed", "dm_seed talib needs smoothing wilder, was " + smoothing);
      }
    }
  }

  /** OBV parameters. */
  record ObvParams(
      @Param(
              value = "value of the first bar: its volume (TA-Lib) or zero",
              def = "first_volume",
              choices = {"first_volume", "zero"})
          String start) {}

  /** VWAP parameters. */
  record VwapParams(
      @Param(value = "time zone of the session days", def = "America/New_York") String timezone,
      @Param(value = "local session start HH:MM (00:00 = midnight)", def = "00:00")
          String sessionStart,
      @Param(
              value = "price read from each bar",
              def = "hlc3",
              choices = {"open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"})
          String source) {
    VwapParams {
      try {
        Vwap.parseZone(timezone);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("params.timezone", e.getMessage());
      }
      try {
        Vwap.parseSessionStart(sessionStart);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("params.session_start", e.getMessage());
      }
    }
  }

  /** Parabolic SAR parameters. */
  record PsarParams(
      @Param(
              value = "acceleration factor at the start of a trend",
              def = "0.02",
              min = 1e-6,
              max = 1)
          double afStart,
      @Param(value = "acceleration added at each new extreme", def = "0.02", min = 0, max = 1)
          double afStep,
      @Param(value = "largest acceleration factor", def = "0.2", min = 1e-6, max = 1)
          double afMax) {
    PsarParams {
      if (afMax < afStart) {
        throw new ConfigException(
            "params.af_max", "af_max must be >= af_start (" + afStart + "), was " + afMax);
      }
    }
  }

  /** SuperTrend parameters. */
  record SuperTrendParams(
      @Param(value = "ATR look-back in bars", def = "10", min = 1, max = 100_000) int period,
      @Param(value = "band width in ATRs", def = "3.0", min = 1e-6, max = 1000) double multiplier,
      @Param(
              value = "averaging of true ranges",
              def = "wilder",
              choices = {"wilder", "simple", "exponential"})
          String smoothing,
      @Param(
              value = "true range of the first bar: high_low (TradingView) or skip (NaN)",
              def = "high_low",
              choices = {"high_low", "skip"})
          String firstTr) {}

  static void register(IndicatorRegistry r) {
    r.register(
        IndicatorFactory.of(
            "stochastic",
            "Stochastic %K/%D with SMA slowing (TA-Lib STOCH; slowing 1 = STOCHF)",
            StochasticParams.class,
            p -> new Stochastic(p.kPeriod(), p.slowing(), p.dPeriod())));
    r.register(
        IndicatorFactory.of(
            "williams_r",
            "Williams %R: -100*(HH-C)/(HH-LL) over the look-back (TA-Lib WILLR)",
            IndicatorRegistry.PeriodParams.class,
            p -> new WilliamsR(p.period())));
    r.register(
        IndicatorFactory.of(
            "cci",
            "Commodity Channel Index on typical price, mean absolute deviation (TA-Lib CCI)",
            CciParams.class,
            p -> new Cci(p.period(), p.constant())));
    r.register(
        IndicatorFactory.of(
            "adx",
            "Average Directional Index with +DI/-DI, Wilder smoothing (Wilder 1978)",
            AdxParams.class,
            p -> new Adx(p.period(), Smoothing.parse(p.smoothing()), Adx.Seed.parse(p.dmSeed()))));
    r.register(
        IndicatorFactory.of(
            "obv",
            "On-balance volume, starting at the first volume by default (TA-Lib OBV)",
            ObvParams.class,
            p -> new Obv(Obv.Start.parse(p.start()))));
    r.register(
        IndicatorFactory.of(
            "vwap",
            "Volume-weighted average price, reset at each session start in a time zone",
            VwapParams.class,
            p -> new Vwap(p.timezone(), p.sessionStart(), PriceSource.parse(p.source()))));
    r.register(
        IndicatorFactory.of(
            "psar",
            "Parabolic SAR, Wilder's acceleration factor (TA-Lib SAR/SAREXT)",
            PsarParams.class,
            p -> new ParabolicSar(p.afStart(), p.afStep(), p.afMax())));
    r.register(
        IndicatorFactory.of(
            "supertrend",
            "SuperTrend on hl2 +- multiplier*ATR, direction +1 up / -1 down (TradingView)",
            SuperTrendParams.class,
            p ->
                new SuperTrend(
                    p.period(),
                    p.multiplier(),
                    Smoothing.parse(p.smoothing()),
                    FirstTrueRange.parse(p.firstTr()))));
  }
}
