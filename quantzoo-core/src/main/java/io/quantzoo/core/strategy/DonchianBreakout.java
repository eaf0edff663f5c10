package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.Donchian;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.param.Param;

/**
 * Turtle-style Donchian channel breakout on closes (docs/strategies/donchian_breakout.md).
 *
 * <p>Rules, evaluated at each bar's close; orders fill under the run's fill model. Channels are
 * those of the <em>prior</em> bars (the current bar excluded):
 *
 * <ul>
 *   <li>Long signal: {@code close > highest high of the prior entry_period bars}; short signal:
 *       {@code close < lowest low of the prior entry_period bars}.
 *   <li>Exit a long when {@code close < lowest low of the prior exit_period bars}; exit a short
 *       when {@code close > highest high of the prior exit_period bars}.
 *   <li>Holding a position, a signal for the other side reverses it (if {@code direction} allows
 *       that side); otherwise the exit is checked. Flat, a signal enters. No pyramiding.
 *   <li>Protective stop {@code stop_atr} × ATR({@code atr_period}) from the entry fill (simple mean
 *       of true ranges at the signal bar; 0 = off).
 *   <li>Entries start once both channels exist and, with a stop, the ATR does.
 * </ul>
 */
public final class DonchianBreakout implements Strategy {

  /** Parameters of {@code donchian_breakout}. */
  public record Parameters(
      @Param(value = "breakout channel look-back in bars", def = "20", min = 1, max = 10_000)
          int entryPeriod,
      @Param(value = "exit channel look-back in bars", def = "10", min = 1, max = 10_000)
          int exitPeriod,
      @Param(
              value = "protective stop at N x ATR(atr_period) from the entry fill; 0 = off",
              def = "2",
              min = 0,
              max = 100)
          double stopAtr,
      @Param(value = "ATR look-back of the stop in bars", def = "20", min = 1, max = 10_000)
          int atrPeriod,
      @Param(
              value = "which side(s) to trade",
              def = "long_short",
              choices = {"long_short", "long_only", "short_only"})
          String direction) {}

  private final Donchian entry;
  private final Donchian exit;
  private final boolean allowLong;
  private final boolean allowShort;
  private final Exits exits;
  private final int firstEntryBar;

  public DonchianBreakout(Parameters p) {
    this.entry = new Donchian(p.entryPeriod(), true);
    this.exit = new Donchian(p.exitPeriod(), true);
    this.allowLong = Directions.allowsLong(p.direction());
    this.allowShort = Directions.allowsShort(p.direction());
    this.exits =
        p.stopAtr() > 0
            ? Exits.NONE.withStopLoss(Offset.atr(p.stopAtr(), p.atrPeriod()))
            : Exits.NONE;
    this.firstEntryBar =
        Math.max(
            Math.max(p.entryPeriod(), p.exitPeriod()), p.stopAtr() > 0 ? p.atrPeriod() - 1 : 0);
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "donchian_breakout",
        "Turtle-style breakout: close beyond the prior entry_period channel enters, close beyond"
            + " the prior exit_period channel exits; ATR stop.",
        Parameters.class,
        DonchianBreakout::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    entry.update(ctx.high(0), ctx.low(0));
    exit.update(ctx.high(0), ctx.low(0));
    double c = ctx.close(0);
    boolean ready = ctx.barIndex() >= firstEntryBar;
    boolean longSignal = allowLong && ready && c > entry.upper();
    boolean shortSignal = allowShort && ready && c < entry.lower();
    if (ctx.isLong()) {
      if (shortSignal) {
        ctx.enterShort("DonchianShort", exits);
      } else if (c < exit.lower()) {
        ctx.exitPosition("DonchianExit");
      }
    } else if (ctx.isShort()) {
      if (longSignal) {
        ctx.enterLong("DonchianLong", exits);
      } else if (c > exit.upper()) {
        ctx.exitPosition("DonchianExit");
      }
    } else if (longSignal) {
      ctx.enterLong("DonchianLong", exits);
    } else if (shortSignal) {
      ctx.enterShort("DonchianShort", exits);
    }
  }
}
