package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Bollinger;
import io.quantzoo.core.indicator.Cross;
import io.quantzoo.core.indicator.Deviation;
import io.quantzoo.core.indicator.PriceSource;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.param.Param;

/**
 * Bollinger Band mean reversion on closes (docs/strategies/bollinger_reversion.md).
 *
 * <p>Rules, evaluated at each bar's close once the bands are defined on this bar and the previous
 * one; orders fill under the run's fill model:
 *
 * <ul>
 *   <li>Long signal: the close <em>crosses back above</em> the lower band, {@code close[1] <=
 *       lower[1]} and {@code close[0] > lower[0]}, and the close is still below the long target.
 *   <li>Short signal: the close crosses back below the upper band, {@code close[1] >= upper[1]} and
 *       {@code close[0] < upper[0]}, and the close is still above the short target.
 *   <li>Target ({@code exit}): {@code middle} (default) or {@code opposite} band. A long is closed
 *       when {@code close >= target}, a short when {@code close <= target}.
 *   <li>Holding a position, a signal for the other side reverses it (if {@code direction} allows
 *       that side); otherwise the target is checked. Flat, a signal enters.
 *   <li>Optional protective stop {@code stop_atr} × ATR({@code atr_period}) from the entry fill
 *       (simple mean of true ranges at the signal bar); no entries before that ATR exists.
 * </ul>
 */
public final class BollingerReversion implements Strategy {

  /** Parameters of {@code bollinger_reversion}. */
  public record Parameters(
      @Param(value = "band look-back in bars", def = "20", min = 2, max = 10_000) int period,
      @Param(value = "band distance in standard deviations", def = "2", min = 0.01, max = 100)
          double mult,
      @Param(
              value = "standard deviation divisor",
              def = "population",
              choices = {"population", "sample"})
          String deviation,
      @Param(
              value = "target of a position: the middle band or the opposite band",
              def = "middle",
              choices = {"middle", "opposite"})
          String exit,
      @Param(
              value = "which side(s) to trade",
              def = "long_short",
              choices = {"long_short", "long_only", "short_only"})
          String direction,
      @Param(
              value = "protective stop at N x ATR(atr_period) from the entry fill; 0 = off",
              def = "0",
              min = 0,
              max = 100)
          double stopAtr,
      @Param(value = "ATR look-back of the stop in bars", def = "14", min = 1, max = 10_000)
          int atrPeriod) {}

  private final Bollinger bands;
  private final boolean opposite;
  private final boolean allowLong;
  private final boolean allowShort;
  private final Exits exits;
  private final int atrBars;
  private double prevUpper = Double.NaN;
  private double prevLower = Double.NaN;

  public BollingerReversion(Parameters p) {
    this.bands =
        new Bollinger(p.period(), p.mult(), Deviation.parse(p.deviation()), PriceSource.CLOSE);
    this.opposite = p.exit().equals("opposite");
    this.allowLong = Directions.allowsLong(p.direction());
    this.allowShort = Directions.allowsShort(p.direction());
    this.exits =
        p.stopAtr() > 0
            ? Exits.NONE.withStopLoss(Offset.atr(p.stopAtr(), p.atrPeriod()))
            : Exits.NONE;
    this.atrBars = p.stopAtr() > 0 ? p.atrPeriod() : 0;
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "bollinger_reversion",
        "Bollinger Band mean reversion: enter when the close crosses back inside a band, exit at"
            + " the middle (or opposite) band; optional ATR stop.",
        Parameters.class,
        BollingerReversion::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    double c = ctx.close(0);
    bands.update(c);
    double up = bands.upper();
    double lo = bands.lower();
    double mid = bands.middle();
    double pUp = prevUpper;
    double pLo = prevLower;
    prevUpper = up;
    prevLower = lo;
    if (Double.isNaN(pLo)) {
      return; // bands not defined on the previous bar yet
    }
    double longTarget = opposite ? up : mid;
    double shortTarget = opposite ? lo : mid;
    boolean ready = ctx.barIndex() + 1 >= atrBars;
    boolean longSignal =
        allowLong && ready && Cross.above(ctx.close(1), c, pLo, lo) && c < longTarget;
    boolean shortSignal =
        allowShort && ready && Cross.below(ctx.close(1), c, pUp, up) && c > shortTarget;
    if (ctx.isLong()) {
      if (shortSignal) {
        ctx.enterShort("BollingerShort", exits);
      } else if (c >= longTarget) {
        ctx.exitPosition("BollingerTarget");
      }
    } else if (ctx.isShort()) {
      if (longSignal) {
        ctx.enterLong("BollingerLong", exits);
      } else if (c <= shortTarget) {
        ctx.exitPosition("BollingerTarget");
      }
    } else if (longSignal) {
      ctx.enterLong("BollingerLong", exits);
    } else if (shortSignal) {
      ctx.enterShort("BollingerShort", exits);
    }
  }
}
