package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Cross;
import io.quantzoo.core.indicator.Macd;
import io.quantzoo.core.indicator.MacdAlignment;
import io.quantzoo.core.indicator.PriceSource;
import io.quantzoo.core.indicator.Sma;
import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;

/**
 * MACD signal-line crossover on closes (docs/strategies/macd_trend.md).
 *
 * <p>Rules, evaluated at each bar's close once macd and signal are defined on this bar and the
 * previous one; orders fill under the run's fill model:
 *
 * <ul>
 *   <li>Cross up: {@code macd[1] <= signal[1]} and {@code macd[0] > signal[0]}; cross down: {@code
 *       macd[1] >= signal[1]} and {@code macd[0] < signal[0]}.
 *   <li>Cross up: go long (reversing a short) if longs are allowed and the filters pass; otherwise
 *       close a short. Cross down: the mirror.
 *   <li>Filters apply to entries only, never to exits: {@code zero_filter} (long only when {@code
 *       macd > 0}, short only when {@code macd < 0}) and {@code trend_period} &gt; 0 (long only
 *       when {@code close > SMA(trend_period)}, short only when below; no entries before the SMA
 *       exists).
 * </ul>
 */
public final class MacdTrend implements Strategy {

  /** Parameters of {@code macd_trend}. */
  public record Parameters(
      @Param(value = "fast EMA period in bars (< slow)", def = "12", min = 1, max = 10_000)
          int fast,
      @Param(value = "slow EMA period in bars", def = "26", min = 2, max = 10_000) int slow,
      @Param(value = "signal EMA period in bars", def = "9", min = 1, max = 10_000) int signal,
      @Param(
              value = "EMA seeding: independent, or talib (fast EMA starts at bar slow-fast)",
              def = "independent",
              choices = {"independent", "talib"})
          String alignment,
      @Param(value = "enter long only above zero, short only below zero", def = "false")
          boolean zeroFilter,
      @Param(
              value = "trend filter SMA period on closes (long above, short below); 0 = off",
              def = "0",
              min = 0,
              max = 10_000)
          int trendPeriod,
      @Param(
              value = "which side(s) to trade",
              def = "long_short",
              choices = {"long_short", "long_only", "short_only"})
          String direction) {
    public Parameters {
      if (fast >= slow) {
        throw new ConfigException(
            "params.fast",
            "parameter 'fast' of macd_trend must be < slow (" + slow + "), was " + fast);
      }
    }
  }

  private final Macd macd;
  private final Sma trend;
  private final boolean zeroFilter;
  private final boolean allowLong;
  private final boolean allowShort;
  private double prevMacd = Double.NaN;
  private double prevSignal = Double.NaN;

  public MacdTrend(Parameters p) {
    this.macd =
        new Macd(
            p.fast(), p.slow(), p.signal(), MacdAlignment.parse(p.alignment()), PriceSource.CLOSE);
    this.trend = p.trendPeriod() > 0 ? new Sma(p.trendPeriod()) : null;
    this.zeroFilter = p.zeroFilter();
    this.allowLong = Directions.allowsLong(p.direction());
    this.allowShort = Directions.allowsShort(p.direction());
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "macd_trend",
        "MACD/signal crossover: long on the up-cross, short on the down-cross, optional zero-line"
            + " and SMA trend filters.",
        Parameters.class,
        MacdTrend::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    double c = ctx.close(0);
    macd.update(c);
    double t = trend == null ? Double.NaN : trend.update(c);
    double m = macd.macd();
    double s = macd.signal();
    double pm = prevMacd;
    double ps = prevSignal;
    prevMacd = m;
    prevSignal = s;
    if (Double.isNaN(ps)) {
      return; // signal not defined on the previous bar yet
    }
    if (Cross.above(pm, m, ps, s)) {
      boolean ok = allowLong && (!zeroFilter || m > 0) && (trend == null || c > t);
      if (ok) {
        ctx.enterLong("MacdUp");
      } else if (ctx.isShort()) {
        ctx.exitPosition("MacdUp");
      }
    } else if (Cross.below(pm, m, ps, s)) {
      boolean ok = allowShort && (!zeroFilter || m < 0) && (trend == null || c < t);
      if (ok) {
        ctx.enterShort("MacdDown");
      } else if (ctx.isLong()) {
        ctx.exitPosition("MacdDown");
      }
    }
  }
}
