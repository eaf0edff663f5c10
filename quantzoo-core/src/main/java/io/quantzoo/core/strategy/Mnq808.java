package io.quantzoo.core.strategy;

import io.quantzoo.core.indicator.AlphaTrend;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MNQ808: intraday AlphaTrend trend following for index futures on 15-minute bars
 * (docs/strategies/mnq808.md).
 *
 * <p>At the close of each bar, with {@code AT} the {@link AlphaTrend} of period {@code lookback},
 * coefficient {@code atr_mult} and momentum MFI ({@code use_mfi}; RSI on bars without volume) or
 * RSI: a <em>buy signal</em> is {@code AT} crossing above its value two bars earlier ({@code AT[1]
 * <= AT[3] && AT > AT[2]}), a <em>sell signal</em> the mirror. A bar is <em>in session</em> when
 * its open time, in the instrument's exchange time zone, lies in {@code [session_start,
 * session_end]} (both inclusive). In this order:
 *
 * <ol>
 *   <li><b>one-bar adverse</b> ({@code one_bar_adverse}): on the bar after the one that placed the
 *       entry (the first bar wholly after the fill), a long whose close is below the entry price,
 *       or a short whose close is above it, is closed at market;
 *   <li><b>session end</b> ({@code flat_at_session_end}): on the last bar in session (its open time
 *       plus the bar length is past {@code session_end}) or on any bar out of session, an open
 *       position is closed at market, and no entry is placed on that bar;
 *   <li><b>signals</b>: an opposite signal closes the position; a signal places an entry (a new
 *       position or the second half of a reversal) only in session; a signal in the direction of
 *       the open position does nothing.
 * </ol>
 *
 * <p>Every entry carries a stop-loss {@code risk_ticks} ticks of the instrument from the fill price
 * and, with {@code trail_mult > 0}, a trailing stop {@code trail_mult × ATR(lookback)} (ATR =
 * simple mean of the true ranges at the signal bar, the AlphaTrend ATR); both are one OCO group
 * held by the engine. Entries are for {@code contracts} contracts, or sized by the run's sizing
 * model when {@code contracts} is 0.
 */
public final class Mnq808 implements Strategy {
  private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");

  /** Parameters of {@code mnq808}. */
  public record Settings(
      @Param(
              value = "AlphaTrend band width in ATRs: low - ATR*atr_mult, high + ATR*atr_mult",
              def = "1.5",
              min = 0,
              max = 100)
          double atrMult,
      @Param(
              value = "AlphaTrend period: ATR (SMA of true range), MFI and RSI look-back in bars",
              def = "10",
              min = 1,
              max = 10_000)
          int lookback,
      @Param(
              value = "momentum by MFI >= 50 (RSI on bars with volume 0); false: RSI >= 50",
              def = "true")
          boolean useMfi,
      @Param(
              value = "trailing stop at this many ATR(lookback) from the best price; 0 = off",
              def = "1.0",
              min = 0,
              max = 100)
          double trailMult,
      @Param(
              value = "contracts per entry; 0 = sized by the run's sizing model",
              def = "1",
              min = 0,
              max = 10_000)
          int contracts,
      @Param(
              value = "stop-loss distance from the entry fill in ticks (at most 200)",
              def = "150",
              min = 1,
              max = 200)
          int riskTicks,
      @Param(value = "first bar open time (HH:MM, exchange time) in session", def = "08:00")
          String sessionStart,
      @Param(value = "last bar open time (HH:MM, exchange time) in session", def = "16:30")
          String sessionEnd,
      @Param(
              value = "close at market when the first bar after entry closes against the entry",
              def = "false")
          boolean oneBarAdverse,
      @Param(value = "close at market on the last bar in session", def = "false")
          boolean flatAtSessionEnd) {
    public Settings {
      parseTime("session_start", sessionStart);
      parseTime("session_end", sessionEnd);
    }

    /** The defaults, as documented. */
    public static Settings defaults() {
      return new Settings(1.5, 10, true, 1.0, 1, 150, "08:00", "16:30", false, false);
    }

    public LocalTime start() {
      return LocalTime.parse(sessionStart);
    }

    public LocalTime end() {
      return LocalTime.parse(sessionEnd);
    }
  }

  private static void parseTime(String name, String text) {
    String rule = "parameter '" + name + "' of mnq808 must be a time HH:MM (00:00-23:59), was ";
    if (text == null || !HH_MM.matcher(text).matches()) {
      throw new ConfigException("params." + name, rule + text);
    }
    try {
      LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigException("params." + name, rule + text);
    }
  }

  public static final String LONG = "AlphaTrendUp";
  public static final String SHORT = "AlphaTrendDown";
  public static final String ADVERSE = "OneBarAdverse";
  public static final String SESSION_END = "SessionEnd";

  private final Settings p;
  private final LocalTime start;
  private final LocalTime end;
  private final Exits exits;
  private final Map<String, State> states = new HashMap<>();

  /** Per-symbol state. */
  private final class State {
    final AlphaTrend at =
        new AlphaTrend(
            p.lookback(),
            p.atrMult(),
            p.useMfi() ? AlphaTrend.Momentum.AUTO : AlphaTrend.Momentum.RSI);
    long prevTime = Long.MIN_VALUE;
    long barMillis = Long.MAX_VALUE; // shortest spacing of bar open times seen
    int entryBar = -1; // bar whose close placed the latest entry
  }

  public Mnq808(Settings settings) {
    this.p = settings;
    this.start = settings.start();
    this.end = settings.end();
    Exits e = Exits.NONE.withStopLoss(Offset.ticks(settings.riskTicks()));
    if (settings.trailMult() > 0) {
      e = e.withTrailingStop(Offset.atr(settings.trailMult(), settings.lookback()));
    }
    this.exits = e;
  }

  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "mnq808",
        "Intraday AlphaTrend trend following for MNQ 15-minute bars: AT crossing AT[2] in"
            + " session, tick stop-loss, ATR trailing stop, optional session-end flat.",
        Settings.class,
        Mnq808::new);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    State st = states.computeIfAbsent(ctx.symbol(), k -> new State());
    st.at.update(ctx.high(0), ctx.low(0), ctx.close(0), ctx.volume(0));
    long t = ctx.timeMillis();
    if (st.prevTime != Long.MIN_VALUE && t > st.prevTime) {
      st.barMillis = Math.min(st.barMillis, t - st.prevTime);
    }
    st.prevTime = t;

    int bar = ctx.barIndex();
    double pos = ctx.position();
    boolean inSession = ctx.inSession(start, end);
    boolean lastInSession = inSession && isLastInSession(ctx.secondOfDay(), st.barMillis);
    String exitTag = null;
    if (p.oneBarAdverse() && pos != 0 && bar == st.entryBar + 1) {
      double entry = ctx.averagePrice();
      double c = ctx.close(0);
      if (pos > 0 ? c < entry : c > entry) {
        exitTag = ADVERSE;
      }
    }
    boolean sessionEnds = p.flatAtSessionEnd() && (lastInSession || !inSession);
    if (exitTag == null && sessionEnds && pos != 0) {
      exitTag = SESSION_END;
    }
    int signal = st.at.crossedUp() ? 1 : st.at.crossedDown() ? -1 : 0;
    if (exitTag == null && signal != 0 && pos * signal < 0) {
      exitTag = signal > 0 ? LONG : SHORT;
    }
    if (exitTag != null) {
      ctx.exitPosition(exitTag);
    }
    if (signal != 0 && pos * signal <= 0 && inSession && !sessionEnds) {
      Side side = signal > 0 ? Side.BUY : Side.SELL;
      String tag = signal > 0 ? LONG : SHORT;
      String sym = ctx.symbol();
      OrderRequest entry =
          p.contracts() > 0
              ? OrderRequest.market(sym, side, p.contracts(), tag)
              : OrderRequest.market(sym, side, tag);
      if (!ctx.isDenied(ctx.submit(entry.withExits(exits)))) {
        st.entryBar = bar;
      }
    }
  }

  /** The bar opening at {@code second} is the last whose open time is at or before the end. */
  private boolean isLastInSession(int second, long barMillis) {
    if (barMillis == Long.MAX_VALUE) {
      return false; // bar length not known before the second bar
    }
    int e = end.toSecondOfDay();
    return second <= e && second + barMillis / 1000 > e;
  }
}
