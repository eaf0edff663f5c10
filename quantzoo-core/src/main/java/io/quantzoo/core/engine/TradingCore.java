package io.quantzoo.core.engine;

import io.quantzoo.core.execution.ExecutionVenue;
import io.quantzoo.core.execution.OrderEventListener;
import io.quantzoo.core.execution.OrderIntentListener;
import io.quantzoo.core.execution.SimulatedVenue;
import io.quantzoo.core.execution.VenueOrder;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Ledger;
import io.quantzoo.core.order.CancelReason;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderManager;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.QuantityMode;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.order.TimeInForce;
import io.quantzoo.core.risk.RiskDecision;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskView;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trading core: one strategy, one {@link Ledger}, one {@link OrderManager}, one {@link
 * ExecutionVenue} behind a {@link RiskGate}, over a {@link BarHistory}. Backtests, replays, paper
 * and live trading all run through this class; only the feed that delivers bars and the venue that
 * fills orders differ.
 *
 * <p>Per group of closed bars ({@link #onBars}): every symbol of the group is advanced (marked at
 * its open, its working orders processed by a bar-driven venue, excursions updated, marked at its
 * close); order events are delivered to the strategy; the gate observes the marked account ({@link
 * RiskGate#onBars}); then the strategy's {@code onBar} runs for each symbol of the group, and one
 * equity point is recorded.
 *
 * <p>The core is also the strategy's {@link StrategyContext} and the gate's {@link RiskView} (the
 * order being checked is left out of the working orders the view counts). Order events change state
 * at once (ledger, order book, protective exits) and are queued for the strategy and the listeners,
 * which receive them in order at the next delivery point (after the bar's fills, after {@code
 * onBar}), never re-entrantly. Not thread-safe: one thread drives it.
 */
public final class TradingCore implements StrategyContext, RiskView, OrderEventListener {
  private final EngineConfig cfg;
  private final Strategy strategy;
  private final BarHistory hist;
  private final Ledger ledger;
  private final OrderManager orders;
  private final ExecutionVenue venue;
  private final SimulatedVenue sim;
  private final RiskGate gate;
  private final int k;
  private final Instrument[] inst;
  private final ZoneId[] zones;
  private final long[] offFrom;
  private final long[] offTo;
  private final long[] offMillis;
  private final long[] barInterval;
  private final java.util.function.ToDoubleFunction<OrderManager.Order> unitValue = this::unitValue;
  private OrderManager.Order checking;
  private final List<List<OrderManager.Order>> protective;
  private final ArrayDeque<OrderEvent> pending = new ArrayDeque<>();
  private final List<OrderEventListener> listeners = new ArrayList<>();
  private final boolean strategyListens;
  private OrderIntentListener intents;
  private boolean delivering;
  private int cs;
  private long[] eqTime;
  private double[] eqValue;
  private double[] eqCash;
  private double[] eqExposure;
  private int eqSize;

  /**
   * A core over a bar-driven simulated venue (backtests, replays, paper trading).
   *
   * @param cfg execution and accounting settings
   * @param history the bars (loaded for a backtest, growing for a replay)
   * @param strategy a fresh strategy instance
   * @param gate the risk gate every order passes
   * @param clientIdPrefix prefix of client order ids
   */
  public static TradingCore simulated(
      EngineConfig cfg,
      BarHistory history,
      Strategy strategy,
      RiskGate gate,
      String clientIdPrefix) {
    Ledger ledger = new Ledger(history.instruments(), cfg.initialCash());
    SimulatedVenue venue =
        new SimulatedVenue(
            history,
            ledger,
            cfg.fillModel(),
            cfg.intrabarPolicy(),
            cfg.commission(),
            cfg.slippage(),
            cfg.sizing(),
            cfg.seed(),
            clientIdPrefix);
    return new TradingCore(cfg, history, ledger, venue, strategy, gate);
  }

  /**
   * A core over any venue. A {@link SimulatedVenue} is driven by the bars; any other venue fills on
   * its own and reports through events.
   */
  public TradingCore(
      EngineConfig cfg,
      BarHistory history,
      Ledger ledger,
      ExecutionVenue venue,
      Strategy strategy,
      RiskGate gate) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.hist = Objects.requireNonNull(history, "history");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.venue = Objects.requireNonNull(venue, "venue");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.sim = venue instanceof SimulatedVenue s ? s : null;
    // a backtest's hundreds of thousands of finished orders are not kept, only their states
    this.orders = new OrderManager(!(venue instanceof SimulatedVenue));
    this.k = history.symbolCount();
    if (ledger.size() != k) {
      throw new IllegalArgumentException("the ledger and the history must hold the same symbols");
    }
    inst = new Instrument[k];
    zones = new ZoneId[k];
    offFrom = new long[k];
    offTo = new long[k];
    offMillis = new long[k];
    barInterval = new long[k];
    protective = new ArrayList<>(k);
    int total = 0;
    for (int s = 0; s < k; s++) {
      inst[s] = history.instrument(s);
      zones[s] = inst[s].exchangeZone();
      protective.add(new ArrayList<>(3));
      total += history.size(s);
    }
    eqTime = new long[Math.max(16, total)];
    eqValue = new double[eqTime.length];
    eqCash = new double[eqTime.length];
    eqExposure = new double[eqTime.length];
    strategyListens = overridesOnOrderEvent(strategy);
    venue.setListener(this);
  }

  private static boolean overridesOnOrderEvent(Strategy st) {
    try {
      return st.getClass()
              .getMethod("onOrderEvent", StrategyContext.class, OrderEvent.class)
              .getDeclaringClass()
          != Strategy.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  /** Adds a listener that receives every order event after the strategy (journals, APIs). */
  public void addListener(OrderEventListener l) {
    listeners.add(Objects.requireNonNull(l, "listener"));
  }

  /**
   * Sets the one listener told of every order right before it is sent (a journal writes the intent
   * there); null removes it. Without one, sending costs a null check.
   */
  public void setIntentListener(OrderIntentListener l) {
    this.intents = l;
  }

  public Ledger ledger() {
    return ledger;
  }

  public OrderManager orders() {
    return orders;
  }

  public ExecutionVenue venue() {
    return venue;
  }

  public BarHistory history() {
    return hist;
  }

  public EngineConfig config() {
    return cfg;
  }

  // ---------------------------------------------------------------- the loop

  /** Calls the strategy's {@code onStart}. */
  public void start() {
    cs = 0;
    strategy.onStart(this);
    deliver();
  }

  /** Handles one group of closed bars (their cursors already point at them). */
  public void onBars(BarGroup group) {
    int n = group.count();
    if (n == 1) {
      int s = group.symbol(0);
      advance(s);
      deliver();
      cs = s;
      gate.onBars(this);
      strategy.onBar(this);
      deliver();
    } else {
      for (int j = 0; j < n; j++) {
        advance(group.symbol(j));
      }
      deliver();
      cs = group.symbol(0);
      gate.onBars(this);
      // every symbol's bar at this time has closed first; then the strategy sees them all, so a
      // multi-symbol strategy reads each symbol's bar of this time whichever call it is in
      for (int j = 0; j < n; j++) {
        cs = group.symbol(j);
        strategy.onBar(this);
        deliver();
      }
    }
    recordEquity(group.time());
  }

  /** Moves symbol s to its latest bar: fills working orders on it and marks it at its close. */
  private void advance(int s) {
    int i = hist.cursor(s);
    if (i > 0) {
      long d = hist.time(s, i) - hist.time(s, i - 1);
      if (d > 0 && (barInterval[s] == 0 || d < barInterval[s])) {
        barInterval[s] = d;
      }
    }
    ledger.mark(s, hist.open(s, i));
    if (sim != null) {
      sim.onBar(s);
    }
    ledger.observeBar(s, i, hist.high(s, i), hist.low(s, i));
    ledger.mark(s, hist.close(s, i));
  }

  private void deliver() {
    if (pending.isEmpty() || delivering) {
      return;
    }
    delivering = true;
    int saved = cs;
    try {
      OrderEvent e;
      while ((e = pending.poll()) != null) {
        if (strategyListens) {
          int s = hist.indexOf(e.symbol());
          if (s >= 0 && hist.cursor(s) >= 0) {
            cs = s;
            strategy.onOrderEvent(this, e);
          }
        }
        for (int j = 0, n = listeners.size(); j < n; j++) {
          listeners.get(j).onEvent(e);
        }
      }
    } finally {
      cs = saved;
      delivering = false;
    }
  }

  /** Records one equity point at {@code time} from the current marks. */
  public void recordEquity(long time) {
    if (eqSize == eqTime.length) {
      int cap = eqTime.length * 2;
      eqTime = Arrays.copyOf(eqTime, cap);
      eqValue = Arrays.copyOf(eqValue, cap);
      eqCash = Arrays.copyOf(eqCash, cap);
      eqExposure = Arrays.copyOf(eqExposure, cap);
    }
    eqTime[eqSize] = time;
    eqValue[eqSize] = ledger.equity();
    eqCash[eqSize] = ledger.cash();
    eqExposure[eqSize] = ledger.grossExposure();
    eqSize++;
  }

  /** Number of equity points recorded. */
  public int equityPoints() {
    return eqSize;
  }

  /**
   * The kill switch's cancel: asks the venue to cancel every working order of every symbol, the
   * protective exits included, at once. Called between bars (never from inside a strategy
   * callback).
   *
   * @param reason why ({@link CancelReason#KILL_SWITCH})
   * @return the number of orders whose cancel was requested
   */
  public int cancelAllWorking(CancelReason reason) {
    int n = 0;
    for (int s = 0; s < k; s++) {
      String sym = inst[s].symbol();
      for (OrderManager.Order o : orders.openOrders(sym)) {
        if (orders.requestCancel(o.id(), now())) {
          n++;
        }
      }
      venue.cancelAll(sym, reason);
    }
    deliver();
    return n;
  }

  /**
   * Closes every open position with a market order tagged {@code tag}, through the risk gate
   * (closing orders pass a HALTED state). Called between bars.
   *
   * @return the closing orders, one per open position (denied ones included)
   */
  public List<OrderId> closeAllPositions(String tag) {
    List<OrderId> out = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      double p = ledger.position(s);
      if (p != 0) {
        out.add(
            submit(
                OrderRequest.closePosition(inst[s].symbol(), p > 0 ? Side.SELL : Side.BUY, tag)));
      }
    }
    deliver();
    return out;
  }

  /**
   * Ends the run: the strategy's {@code onStop}, then every working order is canceled ({@link
   * CancelReason#END_OF_DATA}) and, when {@code closeAtEnd}, open positions are closed at the last
   * close (reason {@code EndOfData}) by a bar-driven venue.
   */
  public BacktestResult finish() {
    strategy.onStop(this);
    deliver();
    List<String> open = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      String sym = inst[s].symbol();
      for (OrderManager.Order o : orders.openOrders(sym)) {
        orders.requestCancel(o.id(), now());
      }
      venue.cancelAll(sym, CancelReason.END_OF_DATA);
      double p = ledger.position(s);
      if (p != 0) {
        if (cfg.closeAtEnd() && sim != null && hist.cursor(s) >= 0) {
          OrderRequest req =
              OrderRequest.closePosition(sym, p > 0 ? Side.SELL : Side.BUY, "EndOfData");
          OrderManager.Order o = orders.register(req, Math.abs(p), now());
          RiskDecision d = check(o, req, Math.abs(p), false);
          if (!d.allowed()) {
            deny(o, d);
            open.add(sym);
            continue;
          }
          VenueOrder vo = new VenueOrder(o.id(), req, Double.NaN, Double.NaN, Double.NaN);
          if (intents != null) {
            intents.beforeSubmit(vo, false);
          }
          sim.submitAtClose(vo);
        } else {
          open.add(sym);
        }
      }
    }
    deliver();
    if (cfg.closeAtEnd() && eqSize > 0) {
      // Re-mark the last point after the end-of-data closes.
      eqSize--;
      recordEquity(eqTime[eqSize]);
    }
    return result(open);
  }

  private BacktestResult result(List<String> open) {
    EquityCurve curve =
        eqSize == eqTime.length
            ? new EquityCurve(eqTime, eqValue, eqCash, eqExposure)
            : new EquityCurve(
                Arrays.copyOf(eqTime, eqSize),
                Arrays.copyOf(eqValue, eqSize),
                Arrays.copyOf(eqCash, eqSize),
                Arrays.copyOf(eqExposure, eqSize));
    int last = hist.size(0) - 1;
    double bh = last < 0 ? Double.NaN : (hist.close(0, last) / hist.close(0, 0) - 1) * 100.0;
    return new BacktestResult(
        Arrays.asList(inst),
        curve,
        ledger.trades(),
        ledger.fills(),
        cfg.initialCash(),
        cfg.seed(),
        cfg.fillModel(),
        new BacktestResult.OrderStats(
            orders.submittedCount(),
            orders.filledCount(),
            orders.canceledCount(),
            orders.expiredCount(),
            orders.rejectedCount() + orders.deniedCount()),
        bh,
        open);
  }

  // ---------------------------------------------------------------- venue events

  @Override
  public void onEvent(OrderEvent e) {
    OrderManager.Order o = orders.get(e.orderId());
    OrderManager.Transition tr = orders.apply(e);
    if (tr == OrderManager.Transition.DUPLICATE || tr == OrderManager.Transition.ANOMALY) {
      return;
    }
    if (strategyListens || !listeners.isEmpty()) {
      pending.add(e); // before the events a fill causes (its exits placed, its siblings canceled)
    }
    if (e instanceof OrderFilled f) {
      onFilled(f, o);
    }
  }

  private void onFilled(OrderFilled f, OrderManager.Order o) {
    int s = ledger.indexOf(f.symbol());
    double before = ledger.position(s);
    ledger.apply(
        s,
        f.orderId().value(),
        f.side(),
        f.quantity(),
        f.price(),
        f.commission(),
        f.slippageCost(),
        f.tag(),
        f.barIndex(),
        f.tsEvent(),
        f.atBarOpen());
    double after = ledger.position(s);
    if (o != null && o.ocoGroup() != 0) {
      cancelProtective(s, o, CancelReason.OCO);
    }
    if (before != 0 && (after == 0 || Math.signum(after) != Math.signum(before))) {
      cancelProtective(s, null, CancelReason.POSITION_CLOSED);
    }
    if (o == null) {
      return; // a late fill of an order we no longer track: booked, nothing to attach
    }
    if (!o.isProtective()
        && !o.request().exits().isEmpty()
        && after != 0
        && Math.signum(after) == f.side().sign()) {
      placeProtective(s, o, f.price());
    }
  }

  /**
   * Cancels the symbol's working protective exits: all of them ({@code filled} null), or the OCO
   * siblings of {@code filled}.
   */
  private void cancelProtective(int s, OrderManager.Order filled, CancelReason reason) {
    List<OrderManager.Order> list = protective.get(s);
    if (list.isEmpty()) {
      return;
    }
    List<OrderManager.Order> copy = List.copyOf(list);
    for (OrderManager.Order o : copy) {
      if (o == filled || !o.state().isOpen()) {
        continue;
      }
      if (filled != null && o.ocoGroup() != filled.ocoGroup()) {
        continue;
      }
      if (orders.requestCancel(o.id(), now())) {
        venue.cancel(o.id(), reason);
      }
    }
    list.removeIf(o -> !o.state().isOpen());
  }

  /**
   * Places the entry's exits as one OCO group, priced from the position's average price (stop and
   * target) and the entry's fill price (trailing stop), each rounded to the tick in the direction
   * of a worse fill: sell levels down, buy levels up.
   */
  private void placeProtective(int s, OrderManager.Order entry, double fillPrice) {
    cancelProtective(s, null, CancelReason.POSITION_CLOSED);
    Exits ex = entry.request().exits();
    double pos = ledger.position(s);
    double dir = Math.signum(pos);
    Side exitSide = dir > 0 ? Side.SELL : Side.BUY;
    Instrument in = inst[s];
    double base = ledger.averagePrice(s);
    double tick = in.tickSize();
    double atr = entry.atrAtSignal();
    long group = orders.newOcoGroup();
    String sym = in.symbol();
    if (ex.stopLoss() != null) {
      double sp = toTick(in, exitSide, base - dir * ex.stopLoss().toPrice(tick, atr));
      if (sp > 0) {
        placeExit(s, sym, exitSide, OrderType.STOP, Double.NaN, sp, "StopLoss", group, atr, pos);
      }
    }
    if (ex.takeProfit() != null) {
      double lp = toTick(in, exitSide, base + dir * ex.takeProfit().toPrice(tick, atr));
      if (lp > 0) {
        placeExit(s, sym, exitSide, OrderType.LIMIT, lp, Double.NaN, "TakeProfit", group, atr, pos);
      }
    }
    if (ex.trailingStop() != null) {
      double dist = ex.trailingStop().toPrice(tick, atr);
      double sp = toTick(in, exitSide, fillPrice - dir * dist);
      if (sp > 0) {
        OrderRequest r = exitRequest(sym, exitSide, OrderType.STOP, Double.NaN, sp, "TrailingStop");
        sendProtective(s, r, group, atr, dist, fillPrice, pos);
      }
    }
  }

  private static double toTick(Instrument in, Side side, double level) {
    return side == Side.SELL ? in.floorToTick(level) : in.ceilToTick(level);
  }

  private void placeExit(
      int s,
      String sym,
      Side side,
      OrderType type,
      double limit,
      double stop,
      String tag,
      long group,
      double atr,
      double pos) {
    sendProtective(
        s, exitRequest(sym, side, type, limit, stop, tag), group, atr, Double.NaN, Double.NaN, pos);
  }

  private static OrderRequest exitRequest(
      String sym, Side side, OrderType type, double limit, double stop, String tag) {
    return new OrderRequest(
        sym,
        side,
        QuantityMode.CLOSE_POSITION,
        Double.NaN,
        type,
        limit,
        stop,
        TimeInForce.GTC,
        tag,
        Exits.NONE);
  }

  private void sendProtective(
      int s,
      OrderRequest r,
      long group,
      double atr,
      double trailDist,
      double trailAnchor,
      double pos) {
    OrderManager.Order o =
        orders.register(r, true, group, atr, Double.NaN, trailDist, Math.abs(pos), now());
    protective.get(s).add(o);
    RiskDecision d = check(o, r, Math.abs(pos), true);
    if (!d.allowed()) {
      deny(o, d);
      return;
    }
    VenueOrder vo = new VenueOrder(o.id(), r, Double.NaN, trailDist, trailAnchor);
    if (intents != null) {
      intents.beforeSubmit(vo, true);
    }
    venue.submit(vo);
  }

  private void deny(OrderManager.Order o, DenialRule rule, String detail) {
    long t = now();
    onEvent(new OrderDenied(o.id(), o.symbol(), rule, detail, t, t));
  }

  /** The gate's refusal as an OrderDenied with its rule, limit and value. */
  private void deny(OrderManager.Order o, RiskDecision d) {
    long t = now();
    onEvent(new OrderDenied(o.id(), o.symbol(), d.rule(), d.detail(), d.limit(), d.value(), t, t));
  }

  /** Asks the gate about order {@code o}, which the view then leaves out of the working orders. */
  private RiskDecision check(OrderManager.Order o, OrderRequest r, double qty, boolean prot) {
    checking = o;
    try {
      return gate.check(r, qty, prot, this);
    } finally {
      checking = null;
    }
  }

  private long now() {
    int i = hist.cursor(cs);
    return i < 0 ? Long.MIN_VALUE : hist.time(cs, i);
  }

  // ---------------------------------------------------------------- StrategyContext: orders

  @Override
  public OrderId submit(OrderRequest request) {
    int s = indexOf(request.symbol());
    int cur = hist.cursor(s);
    if (cur < 0) {
      throw new IllegalStateException(
          "cannot order " + request.symbol() + " before its first bar has been seen");
    }
    Exits ex = request.exits();
    double atr = Double.NaN;
    Offset atrOffset = firstAtrOffset(ex);
    if (atrOffset != null) {
      atr = atrAtSignal(s, atrOffset.atrPeriod());
    }
    double stopDist =
        ex.stopLoss() == null ? Double.NaN : ex.stopLoss().toPrice(inst[s].tickSize(), atr);
    double est = estimateQuantity(request, s, stopDist);
    OrderManager.Order o =
        orders.register(request, false, 0, atr, stopDist, Double.NaN, est, hist.time(s, cur));
    if (atrOffset != null && Double.isNaN(atr)) {
      deny(
          o,
          DenialRule.ATR_UNAVAILABLE,
          "ATR("
              + atrOffset.atrPeriod()
              + ") needs "
              + atrOffset.atrPeriod()
              + " bars, "
              + (cur + 1)
              + " seen");
      return o.id();
    }
    RiskDecision d = check(o, request, est, false);
    if (!d.allowed()) {
      deny(o, d);
      return o.id();
    }
    VenueOrder vo = new VenueOrder(o.id(), request, stopDist, Double.NaN, Double.NaN);
    if (intents != null) {
      intents.beforeSubmit(vo, false);
    }
    venue.submit(vo);
    return o.id();
  }

  private double estimateQuantity(OrderRequest r, int s, double stopDist) {
    return switch (r.quantityMode()) {
      case FIXED -> r.quantity();
      case CLOSE_POSITION -> Math.abs(ledger.position(s));
      case SIZED -> {
        double px = r.type() == OrderType.LIMIT ? r.limitPrice() : ledger.mark(s);
        yield px > 0 ? cfg.sizing().quantity(ledger.equity(), px, stopDist, inst[s]) : Double.NaN;
      }
    };
  }

  private static Offset firstAtrOffset(Exits ex) {
    if (ex.stopLoss() != null && ex.stopLoss().unit() == Offset.Unit.ATR) {
      return ex.stopLoss();
    }
    if (ex.takeProfit() != null && ex.takeProfit().unit() == Offset.Unit.ATR) {
      return ex.takeProfit();
    }
    if (ex.trailingStop() != null && ex.trailingStop().unit() == Offset.Unit.ATR) {
      return ex.trailingStop();
    }
    return null;
  }

  /** Simple mean of the last n true ranges up to the current bar; NaN if fewer than n bars. */
  private double atrAtSignal(int s, int n) {
    int end = hist.cursor(s);
    if (end + 1 < n) {
      return Double.NaN;
    }
    double sum = 0;
    for (int j = end - n + 1; j <= end; j++) {
      double hi = hist.high(s, j);
      double lo = hist.low(s, j);
      double tr = hi - lo;
      if (j > 0) {
        double pc = hist.close(s, j - 1);
        tr = Math.max(tr, Math.max(Math.abs(hi - pc), Math.abs(lo - pc)));
      }
      sum += tr;
    }
    return sum / n;
  }

  @Override
  public OrderState orderState(OrderId id) {
    OrderState st = orders.state(id);
    if (st == null) {
      throw new IllegalArgumentException("no order " + id + " in this run");
    }
    return st;
  }

  @Override
  public Optional<OrderId> enterLong(String tag, Exits exits) {
    return enter(Side.BUY, tag, exits);
  }

  @Override
  public Optional<OrderId> enterShort(String tag, Exits exits) {
    return enter(Side.SELL, tag, exits);
  }

  private Optional<OrderId> enter(Side side, String tag, Exits exits) {
    double p = ledger.position(cs);
    if (p != 0 && Math.signum(p) == side.sign()) {
      return Optional.empty();
    }
    String sym = inst[cs].symbol();
    if (p != 0) {
      submit(OrderRequest.closePosition(sym, side, tag));
    }
    return Optional.of(submit(OrderRequest.market(sym, side, tag).withExits(exits)));
  }

  @Override
  public Optional<OrderId> exitPosition(String tag) {
    return exitPosition(inst[cs].symbol(), tag);
  }

  @Override
  public Optional<OrderId> exitPosition(String symbol, String tag) {
    double p = ledger.position(indexOf(symbol));
    if (p == 0) {
      return Optional.empty();
    }
    return Optional.of(
        submit(OrderRequest.closePosition(symbol, p > 0 ? Side.SELL : Side.BUY, tag)));
  }

  @Override
  public boolean cancel(OrderId orderId) {
    if (!orders.requestCancel(orderId, now())) {
      return false;
    }
    venue.cancel(orderId, CancelReason.REQUESTED);
    return true;
  }

  @Override
  public void cancelAll() {
    String sym = inst[cs].symbol();
    for (OrderManager.Order o : orders.openOrders(sym)) {
      orders.requestCancel(o.id(), now());
    }
    venue.cancelAll(sym, CancelReason.REQUESTED);
  }

  @Override
  public Optional<OrderId> modify(
      OrderId orderId, double quantity, double limitPrice, double stopPrice) {
    OrderManager.Order r = orders.requestReplace(orderId, quantity, limitPrice, stopPrice, now());
    if (r == null) {
      return Optional.empty();
    }
    RiskDecision d = check(r, r.request(), r.quantity(), r.isProtective());
    if (!d.allowed()) {
      // the replacement is denied; the order manager puts the original back as it was
      deny(r, d);
      return Optional.of(r.id());
    }
    if (r.isProtective()) {
      protective.get(indexOf(r.symbol())).add(r); // a moved exit still guards the position
    }
    if (intents != null) {
      intents.beforeModify(orderId, r.id(), r.request());
    }
    venue.modify(orderId, r.id(), r.request());
    return Optional.of(r.id());
  }

  // ---------------------------------------------------------------- StrategyContext: market data

  @Override
  public String symbol() {
    return inst[cs].symbol();
  }

  @Override
  public Instrument instrument() {
    return inst[cs];
  }

  @Override
  public int barIndex() {
    return hist.cursor(cs);
  }

  @Override
  public long timeMillis() {
    return hist.time(cs, hist.cursor(cs));
  }

  private int at(int barsAgo) {
    if (barsAgo < 0) {
      throw new IllegalArgumentException(
          "barsAgo must be >= 0 (a strategy cannot read future bars), was " + barsAgo);
    }
    int idx = hist.cursor(cs) - barsAgo;
    if (idx < 0) {
      throw new IllegalArgumentException(
          "barsAgo must be <= barIndex (" + hist.cursor(cs) + "), was " + barsAgo);
    }
    return idx;
  }

  @Override
  public double open(int barsAgo) {
    return hist.open(cs, at(barsAgo));
  }

  @Override
  public double high(int barsAgo) {
    return hist.high(cs, at(barsAgo));
  }

  @Override
  public double low(int barsAgo) {
    return hist.low(cs, at(barsAgo));
  }

  @Override
  public double close(int barsAgo) {
    return hist.close(cs, at(barsAgo));
  }

  @Override
  public double volume(int barsAgo) {
    return hist.volume(cs, at(barsAgo));
  }

  @Override
  public List<String> symbols() {
    List<String> out = new ArrayList<>(k);
    for (Instrument i : inst) {
      out.add(i.symbol());
    }
    return out;
  }

  @Override
  public int barIndex(String symbol) {
    return hist.cursor(indexOf(symbol));
  }

  private int at(int s, int barsAgo) {
    if (barsAgo < 0) {
      throw new IllegalArgumentException(
          "barsAgo must be >= 0 (a strategy cannot read future bars), was " + barsAgo);
    }
    int idx = hist.cursor(s) - barsAgo;
    if (idx < 0) {
      throw new IllegalArgumentException(
          "barsAgo must be <= barIndex of "
              + inst[s].symbol()
              + " ("
              + hist.cursor(s)
              + "), was "
              + barsAgo);
    }
    return idx;
  }

  @Override
  public long timeMillis(String symbol, int barsAgo) {
    int s = indexOf(symbol);
    return hist.time(s, at(s, barsAgo));
  }

  @Override
  public double open(String symbol, int barsAgo) {
    int s = indexOf(symbol);
    return hist.open(s, at(s, barsAgo));
  }

  @Override
  public double high(String symbol, int barsAgo) {
    int s = indexOf(symbol);
    return hist.high(s, at(s, barsAgo));
  }

  @Override
  public double low(String symbol, int barsAgo) {
    int s = indexOf(symbol);
    return hist.low(s, at(s, barsAgo));
  }

  @Override
  public double close(String symbol, int barsAgo) {
    int s = indexOf(symbol);
    return hist.close(s, at(s, barsAgo));
  }

  @Override
  public double volume(String symbol, int barsAgo) {
    int s = indexOf(symbol);
    return hist.volume(s, at(s, barsAgo));
  }

  @Override
  public int secondOfDay() {
    long ms = timeMillis();
    if (ms < offFrom[cs] || ms >= offTo[cs]) {
      java.time.zone.ZoneRules rules = zones[cs].getRules();
      java.time.Instant at = java.time.Instant.ofEpochMilli(ms);
      offMillis[cs] = rules.getOffset(at).getTotalSeconds() * 1000L;
      java.time.zone.ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
      java.time.zone.ZoneOffsetTransition next = rules.nextTransition(at);
      offFrom[cs] = prev == null ? Long.MIN_VALUE : prev.toEpochSecond() * 1000L;
      offTo[cs] = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
    }
    return (int) Math.floorMod(Math.floorDiv(ms + offMillis[cs], 1000L), 86_400L);
  }

  // ---------------------------------------------------------------- StrategyContext: account

  private int indexOf(String symbol) {
    int s = hist.indexOf(symbol);
    if (s < 0) {
      List<String> known = symbols();
      throw new IllegalArgumentException("symbol must be one of " + known + ", was " + symbol);
    }
    return s;
  }

  @Override
  public double averagePrice(String symbol) {
    return ledger.averagePrice(indexOf(symbol));
  }

  @Override
  public int barsSinceEntry() {
    return ledger.position(cs) == 0 ? -1 : hist.cursor(cs) - ledger.openBar(cs);
  }

  @Override
  public double position() {
    return ledger.position(cs);
  }

  @Override
  public double position(String symbol) {
    return ledger.position(indexOf(symbol));
  }

  @Override
  public double averagePrice() {
    return ledger.averagePrice(cs);
  }

  @Override
  public double equity() {
    return ledger.equity();
  }

  @Override
  public double cash() {
    return ledger.cash();
  }

  // ---------------------------------------------------------------- RiskView

  @Override
  public double workingQuantity(String symbol) {
    return orders.workingQuantity(symbol);
  }

  @Override
  public double lastPrice(String symbol) {
    int s = indexOf(symbol);
    int i = hist.cursor(s);
    return i < 0 ? Double.NaN : hist.close(s, i);
  }

  @Override
  public double openingQuantity(String symbol) {
    return orders.openingQuantity(symbol, checking);
  }

  @Override
  public double openingNotional() {
    return orders.openingNotional(unitValue, checking);
  }

  /** Currency value of one unit of a working order: its limit or stop price, else the mark. */
  private double unitValue(OrderManager.Order o) {
    int s = hist.indexOf(o.symbol());
    OrderRequest r = o.request();
    double px =
        r.limitPrice() > 0 ? r.limitPrice() : r.stopPrice() > 0 ? r.stopPrice() : ledger.mark(s);
    return px * inst[s].pointValue();
  }

  @Override
  public int openOrderCount() {
    return orders.openCount(checking);
  }

  @Override
  public double grossExposure() {
    return ledger.grossExposure();
  }

  @Override
  public Instrument instrument(String symbol) {
    return inst[indexOf(symbol)];
  }

  @Override
  public long barTimeMillis(String symbol) {
    int s = indexOf(symbol);
    int i = hist.cursor(s);
    return i < 0 ? Long.MIN_VALUE : hist.time(s, i);
  }

  @Override
  public long barIntervalMillis(String symbol) {
    return barInterval[indexOf(symbol)];
  }

  @Override
  public long clockMillis() {
    return now();
  }
}
