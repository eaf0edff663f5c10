package io.quantzoo.core.risk;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.QuantityMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pre-trade controls (docs/SAFETY-CONTROLS.md): a {@link RiskGate} that checks every order
 * against {@link RiskLimits} and the operator's {@link TradingState}, and returns the first refusal
 * with its rule, limit, value and detail.
 *
 * <p><b>Which orders each rule applies to.</b> Orders are of three kinds:
 *
 * <ul>
 *   <li><i>Protective exits</i> the core places for an open position, and <i>reducing stops</i> (a
 *       strategy's STOP or STOP_LIMIT order that reduces the position): nothing refuses them, not
 *       the trading state, not the throttle, not the collar; refusing them would leave a position
 *       unprotected. They still count in the throttle's window.
 *   <li><i>Reducing orders</i>: reduce-only and close-position orders, and orders against the
 *       position for at most its size. They pass the trading state and every exposure rule; only
 *       the runaway guards apply: {@link DenialRule#ORDER_RATE} and {@link
 *       DenialRule#DUPLICATE_ORDER}.
 *   <li><i>New exposure</i>: every other order, checked by every rule in this order: trading state
 *       (operator's, then the gate's own daily-loss and drawdown latches), session hours, stale
 *       data, order rate, duplicate, order quantity, order notional, price collar, open orders,
 *       position quantity, position notional, gross exposure, buying power.
 * </ul>
 *
 * <p><b>State.</b> The gate keeps the throttle window, recent orders per symbol (duplicate guard),
 * the session day's starting equity, the peak equity and its own latched state. The session day is
 * the exchange day of the first symbol's instrument (its timezone; an overnight session such as
 * 18:00-17:00 starts the next day at its open). When the day's loss passes {@code max_daily_loss}
 * the gate latches HALTED until the next session day; when the drawdown from peak passes {@code
 * max_drawdown_pct} it latches REDUCING until the next session day (and latches again at the next
 * bar while the drawdown lasts). Each latch is reported once to the {@link RiskListener}. The
 * effective state is the stricter of the operator's and the gate's own. Time is the engine clock
 * ({@link RiskView#clockMillis()}), so a backtest or a replay decides as live; the same bars give
 * the same decisions.
 *
 * <p><b>Overrides.</b> When a limit would deny an order, the gate asks its {@link RiskOverrides}
 * for a one-shot override of that rule for that order; if there is one, the rule is passed, the use
 * is reported to the listener, and the remaining rules are still checked.
 *
 * <p>A check that passes allocates nothing. One gate serves one core; not thread-safe.
 */
public final class PreTradeRiskGate implements RiskGate {
  private static final int DUPLICATES_KEPT = 32;

  private final RiskLimits limits;
  private final TradingStateSource states;
  private final RiskOverrides overrides;
  private final RiskListener listener;
  private final long[] rate;
  private int rateHead;
  private int rateSize;
  private final Map<String, Sym> syms = new HashMap<>();
  private Sym lastSym;
  private final long[] denials = new long[DenialRule.values().length];
  private long overridesUsed;

  // the risk day
  private ZoneId dayZone;
  private LocalTime overnightOpen;
  private long dayFrom = Long.MAX_VALUE;
  private long dayTo = Long.MIN_VALUE;
  private double dayStartEquity = Double.NaN;
  private double lastEquity = Double.NaN;
  private double peakEquity = Double.NaN;
  private TradingState latched = TradingState.ACTIVE;
  private DenialRule latchCause;
  private double latchLimit = Double.NaN;
  private double latchValue = Double.NaN;
  private long latchUntil;

  /**
   * @param limits the limits (unset ones are off)
   * @param states the operator's trading state
   * @param overrides the operator's one-shot overrides ({@link RiskOverrides#NONE} for none)
   * @param listener told of automatic state changes and override uses ({@link RiskListener#NONE})
   */
  public PreTradeRiskGate(
      RiskLimits limits,
      TradingStateSource states,
      RiskOverrides overrides,
      RiskListener listener) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.states = Objects.requireNonNull(states, "states");
    this.overrides = Objects.requireNonNull(overrides, "overrides");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.rate = new long[Math.max(1, limits.maxOrdersPerSecond())];
  }

  /** A gate on {@code limits} alone: always ACTIVE, no overrides, no listener. */
  public PreTradeRiskGate(RiskLimits limits) {
    this(limits, TradingStateSource.ALWAYS_ACTIVE, RiskOverrides.NONE, RiskListener.NONE);
  }

  /** The limits. */
  public RiskLimits limits() {
    return limits;
  }

  /** Orders this gate refused under {@code rule}. */
  public long denials(DenialRule rule) {
    return denials[rule.ordinal()];
  }

  /** Orders this gate refused, all rules. */
  public long totalDenials() {
    long n = 0;
    for (long d : denials) {
      n += d;
    }
    return n;
  }

  /** The non-zero denial counts by rule, in the order of {@link DenialRule}. */
  public Map<DenialRule, Long> denialCounts() {
    Map<DenialRule, Long> out = new EnumMap<>(DenialRule.class);
    for (DenialRule r : DenialRule.values()) {
      if (denials[r.ordinal()] > 0) {
        out.put(r, denials[r.ordinal()]);
      }
    }
    return out;
  }

  /** Operator overrides used. */
  public long overridesUsed() {
    return overridesUsed;
  }

  /** The gate's own latched state (ACTIVE unless a daily-loss or drawdown latch holds). */
  public TradingState latchedState() {
    return latched;
  }

  /** The effective state: the stricter of the operator's and the gate's own. */
  public TradingState state() {
    return states.tradingState().stricter(latched);
  }

  // ---------------------------------------------------------------- bars

  @Override
  public void onBars(RiskView view) {
    observe(view.clockMillis(), view);
  }

  /** Rolls the risk day, tracks the peak and fires the daily-loss and drawdown latches. */
  private void observe(long now, RiskView view) {
    if (Double.isNaN(limits.maxDailyLoss()) && Double.isNaN(limits.maxDrawdownPct())) {
      return;
    }
    double eq = view.equity();
    if (now < dayFrom || now >= dayTo) {
      if (dayZone == null) {
        Instrument first = view.instrument(view.symbols().get(0));
        dayZone = first.exchangeZone();
        if (first.hasSession() && first.sessionOpen().isAfter(first.sessionClose())) {
          overnightOpen = first.sessionOpen();
        }
      }
      rollDay(now);
      dayStartEquity = Double.isNaN(lastEquity) ? eq : lastEquity;
      if (latched != TradingState.ACTIVE && now >= latchUntil) {
        latched = TradingState.ACTIVE;
        latchCause = null;
        latchLimit = Double.NaN;
        latchValue = Double.NaN;
      }
    }
    if (!(eq <= peakEquity)) {
      peakEquity = eq;
    }
    lastEquity = eq;
    double maxLoss = limits.maxDailyLoss();
    if (latched != TradingState.HALTED && dayStartEquity - eq > maxLoss) {
      latch(TradingState.HALTED, DenialRule.DAILY_LOSS, maxLoss, dayStartEquity - eq, now);
    }
    double maxDd = limits.maxDrawdownPct();
    if (latched == TradingState.ACTIVE && peakEquity > 0) {
      double dd = (peakEquity - eq) / peakEquity * 100.0;
      if (dd > maxDd) {
        latch(TradingState.REDUCING, DenialRule.MAX_DRAWDOWN, maxDd, dd, now);
      }
    }
  }

  private void latch(TradingState to, DenialRule cause, double limit, double value, long now) {
    latched = to;
    latchCause = cause;
    latchLimit = limit;
    latchValue = value;
    latchUntil = dayTo;
    listener.onAutomaticTransition(to, cause, limit, value, now, dayTo);
  }

  /** Sets [dayFrom, dayTo) to the exchange session day holding {@code now}. */
  private void rollDay(long now) {
    ZonedDateTime local = Instant.ofEpochMilli(now).atZone(dayZone);
    LocalDate d = local.toLocalDate();
    if (overnightOpen != null) {
      if (!local.toLocalTime().isBefore(overnightOpen)) {
        d = d.plusDays(1); // the evening belongs to the next session day
      }
      dayFrom = d.minusDays(1).atTime(overnightOpen).atZone(dayZone).toInstant().toEpochMilli();
      dayTo = d.atTime(overnightOpen).atZone(dayZone).toInstant().toEpochMilli();
    } else {
      dayFrom = d.atStartOfDay(dayZone).toInstant().toEpochMilli();
      dayTo = d.plusDays(1).atStartOfDay(dayZone).toInstant().toEpochMilli();
    }
  }

  // ---------------------------------------------------------------- orders

  /**
   * Whether an order only reduces the position {@code position}: reduce-only and close-position
   * orders, and any order against the position for at most its size. The one definition of
   * "reducing" for every gate (the trading state, approvals).
   *
   * @param estimatedQuantity the order's quantity, or the estimate for sized orders
   */
  public static boolean reduces(OrderRequest request, double estimatedQuantity, double position) {
    return request.reduceOnly()
        || request.quantityMode() == QuantityMode.CLOSE_POSITION
        || (position != 0
            && Math.signum(position) != request.side().sign()
            && estimatedQuantity <= Math.abs(position));
  }

  @Override
  public RiskDecision check(
      OrderRequest request, double estimatedQuantity, boolean protective, RiskView view) {
    long now = view.clockMillis();
    if (protective) {
      recordRate(now);
      return RiskDecision.ALLOW;
    }
    Sym sy = sym(request.symbol(), view);
    String symbol = sy.symbol;
    double pos = view.position(symbol);
    int sign = request.side().sign();
    double qty = estimatedQuantity;
    boolean reducing = reduces(request, qty, pos);
    if (reducing && (request.type() == OrderType.STOP || request.type() == OrderType.STOP_LIMIT)) {
      recordRate(now);
      return RiskDecision.ALLOW;
    }
    observe(now, view);
    RiskDecision d;
    if (!reducing) {
      d = checkState(request, now);
      if (d != null) {
        return d;
      }
      if (limits.sessionHours()
          && sy.inst.hasSession()
          && intraday(view, symbol)
          && !sy.inSession(now)) {
        d = deny(DenialRule.OUTSIDE_SESSION, Double.NaN, Double.NaN, request, now, sy);
        if (d != null) {
          return d;
        }
      }
      int staleBars = limits.staleBars();
      if (staleBars > 0) {
        long iv = view.barIntervalMillis(symbol);
        long bt = view.barTimeMillis(symbol);
        if (iv > 0 && bt != Long.MIN_VALUE) {
          double age = (double) (now - bt) / iv;
          if (age > staleBars) {
            d = deny(DenialRule.STALE_DATA, staleBars, age, request, now, sy);
            if (d != null) {
              return d;
            }
          }
        }
      }
    }
    int maxRate = limits.maxOrdersPerSecond();
    if (maxRate > 0 && rateSize == maxRate && rate[rateHead] > now - 1_000) {
      d = deny(DenialRule.ORDER_RATE, maxRate, maxRate + 1, request, now, sy);
      if (d != null) {
        return d;
      }
    }
    double price = orderPrice(request);
    long window = limits.duplicateWindowMillis();
    if (window > 0 && !request.allowDuplicate()) {
      long since = sy.duplicateAge(sign, qty, price, now, window);
      if (since >= 0) {
        d = deny(DenialRule.DUPLICATE_ORDER, window, since, request, now, sy);
        if (d != null) {
          return d;
        }
      }
    }
    if (!reducing) {
      d = checkExposure(request, qty, sign, pos, price, now, sy, view);
      if (d != null) {
        return d;
      }
    }
    recordRate(now);
    if (window > 0) {
      sy.remember(sign, qty, price, now);
    }
    return RiskDecision.ALLOW;
  }

  private RiskDecision checkState(OrderRequest request, long now) {
    TradingState op = states.tradingState();
    if (op == TradingState.ACTIVE && latched == TradingState.ACTIVE) {
      return null;
    }
    if (op != TradingState.ACTIVE && op.atLeast(latched)) {
      DenialRule rule =
          op == TradingState.HALTED ? DenialRule.TRADING_HALTED : DenialRule.TRADING_REDUCING;
      denials[rule.ordinal()]++;
      return RiskDecision.deny(
          rule,
          Double.NaN,
          Double.NaN,
          "trading state is " + op + ": only orders that reduce a position pass");
    }
    return deny(latchCause, latchLimit, latchValue, request, now, null);
  }

  private RiskDecision checkExposure(
      OrderRequest request,
      double qty,
      int sign,
      double pos,
      double price,
      long now,
      Sym sy,
      RiskView view) {
    RiskDecision d;
    double maxQty = limits.maxOrderQuantity();
    if (qty > maxQty) {
      d = deny(DenialRule.MAX_ORDER_QUANTITY, maxQty, qty, request, now, sy);
      if (d != null) {
        return d;
      }
    }
    double pv = sy.inst.pointValue();
    double last = view.lastPrice(sy.symbol);
    double px = Double.isNaN(price) ? last : price;
    double notional = qty * px * pv;
    double maxNotional = limits.maxOrderNotional();
    if (notional > maxNotional) {
      d = deny(DenialRule.MAX_ORDER_NOTIONAL, maxNotional, notional, request, now, sy);
      if (d != null) {
        return d;
      }
    }
    double collar = limits.priceCollarPct();
    if (!Double.isNaN(collar) && last > 0) {
      double dev =
          Math.max(deviation(request.limitPrice(), last), deviation(request.stopPrice(), last));
      if (dev > collar) {
        d = deny(DenialRule.PRICE_COLLAR, collar, dev, request, now, sy);
        if (d != null) {
          return d;
        }
      }
    }
    int maxOpen = limits.maxOpenOrders();
    if (maxOpen > 0) {
      int open = view.openOrderCount() + 1;
      if (open > maxOpen) {
        d = deny(DenialRule.MAX_OPEN_ORDERS, maxOpen, open, request, now, sy);
        if (d != null) {
          return d;
        }
      }
    }
    double after = Math.abs(pos + view.openingQuantity(sy.symbol) + sign * qty);
    double maxPos = limits.maxPositionQuantity();
    if (after > maxPos) {
      d = deny(DenialRule.MAX_POSITION_QUANTITY, maxPos, after, request, now, sy);
      if (d != null) {
        return d;
      }
    }
    double maxPosNotional = limits.maxPositionNotional();
    if (after * last * pv > maxPosNotional) {
      d =
          deny(
              DenialRule.MAX_POSITION_NOTIONAL,
              maxPosNotional,
              after * last * pv,
              request,
              now,
              sy);
      if (d != null) {
        return d;
      }
    }
    double maxGross = limits.maxGrossExposure();
    double leverage = limits.leverage();
    if (!Double.isNaN(maxGross) || !Double.isNaN(leverage)) {
      // positions with this order filled, plus every working order that may add exposure
      double gross =
          view.grossExposure()
              - Math.abs(pos) * last * pv
              + Math.abs(pos + sign * qty) * last * pv
              + view.openingNotional();
      if (gross > maxGross) {
        d = deny(DenialRule.MAX_GROSS_EXPOSURE, maxGross, gross, request, now, sy);
        if (d != null) {
          return d;
        }
      }
      double power = view.equity() * leverage;
      if (gross > power) {
        d = deny(DenialRule.BUYING_POWER, power, gross, request, now, sy);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /**
   * Whether the symbol's bars are intraday: daily and coarser bars carry no time of day to hold
   * against the session (nor does a symbol's first bar, whose interval is not known yet).
   */
  private static boolean intraday(RiskView view, String symbol) {
    long iv = view.barIntervalMillis(symbol);
    return iv > 0 && iv < 86_400_000L;
  }

  private static double deviation(double price, double last) {
    return price > 0 ? Math.abs(price - last) / last * 100.0 : 0;
  }

  /** The order's own price: limit price, else stop price, else NaN (market). */
  private static double orderPrice(OrderRequest r) {
    return r.limitPrice() > 0 ? r.limitPrice() : r.stopPrice() > 0 ? r.stopPrice() : Double.NaN;
  }

  /**
   * The refusal of {@code rule}, or null when an operator override lifts it for this order (the use
   * is reported and counted).
   */
  private RiskDecision deny(
      DenialRule rule, double limit, double value, OrderRequest request, long now, Sym sy) {
    Optional<RiskOverride> o = overrides.consume(rule, request);
    if (o.isPresent()) {
      overridesUsed++;
      listener.onOverride(o.get(), request, limit, value, now);
      return null;
    }
    denials[rule.ordinal()]++;
    return RiskDecision.deny(rule, limit, value, detail(rule, limit, value, now, sy));
  }

  private String detail(DenialRule rule, double limit, double value, long now, Sym sy) {
    String key = rule.configKey();
    return switch (rule) {
      case MAX_ORDER_QUANTITY -> "order quantity " + fmt(value) + " > " + key + " " + fmt(limit);
      case MAX_ORDER_NOTIONAL -> "order notional " + fmt(value) + " > " + key + " " + fmt(limit);
      case MAX_POSITION_QUANTITY ->
          "position with working orders " + fmt(value) + " > " + key + " " + fmt(limit);
      case MAX_POSITION_NOTIONAL ->
          "position notional with working orders " + fmt(value) + " > " + key + " " + fmt(limit);
      case MAX_GROSS_EXPOSURE ->
          "gross exposure with working orders " + fmt(value) + " > " + key + " " + fmt(limit);
      case BUYING_POWER ->
          "gross exposure with working orders "
              + fmt(value)
              + " > buying power "
              + fmt(limit)
              + " (equity × leverage "
              + fmt(limits.leverage())
              + ")";
      case MAX_OPEN_ORDERS ->
          "working orders with this one " + (long) value + " > " + key + " " + (long) limit;
      case ORDER_RATE -> "more than " + (long) limit + " orders in one second (" + key + ")";
      case PRICE_COLLAR ->
          "price " + fmt(value) + " % from the last price > " + key + " " + fmt(limit);
      case DUPLICATE_ORDER ->
          "the same symbol, side, quantity and price "
              + (long) value
              + " ms ago, within "
              + key
              + " "
              + RiskLimits.formatDuration((long) limit)
              + " (mark it allowDuplicate if intended)";
      case DAILY_LOSS ->
          "the session day's loss "
              + fmt(value)
              + " passed "
              + key
              + " "
              + fmt(limit)
              + ": trading halted until the next session day";
      case MAX_DRAWDOWN ->
          "drawdown "
              + fmt(value)
              + " % from peak passed "
              + key
              + " "
              + fmt(limit)
              + ": only orders that reduce a position until the next session day";
      case STALE_DATA ->
          "newest bar is " + fmt(value) + " bar intervals old > " + key + " " + (long) limit;
      case OUTSIDE_SESSION ->
          "clock "
              + LocalDateTime.ofInstant(Instant.ofEpochMilli(now), sy.inst.exchangeZone())
              + " "
              + sy.inst.exchangeZone()
              + " is outside the regular session "
              + sy.inst.sessionOpen()
              + "-"
              + sy.inst.sessionClose();
      default -> rule + ": value " + fmt(value) + ", limit " + fmt(limit);
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private void recordRate(long now) {
    int max = limits.maxOrdersPerSecond();
    if (max <= 0) {
      return;
    }
    if (rateSize < max) {
      rate[(rateHead + rateSize) % max] = now;
      rateSize++;
    } else {
      rate[rateHead] = now;
      rateHead = (rateHead + 1) % max;
    }
  }

  private Sym sym(String symbol, RiskView view) {
    Sym s = lastSym;
    if (s != null && s.symbol.equals(symbol)) {
      return s;
    }
    s = syms.get(symbol);
    if (s == null) {
      s = new Sym(symbol, view.instrument(symbol));
      syms.put(symbol, s);
    }
    lastSym = s;
    return s;
  }

  /** Per-symbol state: the session-hours offset cache and the recent orders. */
  private static final class Sym {
    final String symbol;
    final Instrument inst;
    final ZoneRules rules;
    final int open;
    final int close;
    long offFrom = Long.MAX_VALUE;
    long offTo = Long.MIN_VALUE;
    long offMillis;
    final long[] dupTime = new long[DUPLICATES_KEPT];
    final int[] dupSide = new int[DUPLICATES_KEPT];
    final double[] dupQty = new double[DUPLICATES_KEPT];
    final double[] dupPrice = new double[DUPLICATES_KEPT];
    int dupCount;
    int dupNext;

    Sym(String symbol, Instrument inst) {
      this.symbol = symbol;
      this.inst = inst;
      this.rules = inst.exchangeZone().getRules();
      this.open = inst.hasSession() ? inst.sessionOpen().toSecondOfDay() : 0;
      this.close = inst.hasSession() ? inst.sessionClose().toSecondOfDay() : 0;
    }

    /** Whether {@code now} is in the regular session [open, close), wrapping past midnight. */
    boolean inSession(long now) {
      if (now < offFrom || now >= offTo) {
        Instant at = Instant.ofEpochMilli(now);
        ZoneOffset off = rules.getOffset(at);
        offMillis = off.getTotalSeconds() * 1000L;
        ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        offFrom = prev == null ? Long.MIN_VALUE : prev.toEpochSecond() * 1000L;
        offTo = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
      }
      int t = (int) Math.floorMod(Math.floorDiv(now + offMillis, 1000L), 86_400L);
      return open <= close ? t >= open && t < close : t >= open || t < close;
    }

    /** Ms since the same order was sent within {@code window}, or -1 if none. */
    long duplicateAge(int side, double qty, double price, long now, long window) {
      for (int j = 0; j < dupCount; j++) {
        long age = now - dupTime[j];
        if (age >= 0
            && age < window
            && dupSide[j] == side
            && Double.compare(dupQty[j], qty) == 0
            && Double.compare(dupPrice[j], price) == 0) {
          return age;
        }
      }
      return -1;
    }

    void remember(int side, double qty, double price, long now) {
      dupTime[dupNext] = now;
      dupSide[dupNext] = side;
      dupQty[dupNext] = qty;
      dupPrice[dupNext] = price;
      dupNext = (dupNext + 1) % DUPLICATES_KEPT;
      if (dupCount < DUPLICATES_KEPT) {
        dupCount++;
      }
    }
  }
}
