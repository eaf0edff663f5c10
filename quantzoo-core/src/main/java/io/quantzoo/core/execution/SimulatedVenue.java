package io.quantzoo.core.execution;

import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Ledger;
import io.quantzoo.core.order.CancelReason;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderAccepted;
import io.quantzoo.core.order.OrderCancelRejected;
import io.quantzoo.core.order.OrderCanceled;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderExpired;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderReplaced;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderState;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.QuantityMode;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.order.TimeInForce;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A venue that fills orders against bars: the fill simulation of backtests, and the paper broker
 * when the bars come from a replay or live feed.
 *
 * <p>For each closed bar of a symbol ({@link #onBar}), in this order:
 *
 * <ol>
 *   <li>DAY orders from an earlier trading day expire. The trading day is the date in the
 *       exchange's timezone, except for instruments whose session wraps midnight (CME futures open
 *       at 18:00 New York): a bar at or after the session open belongs to the next day's session.
 *   <li>Working orders are processed against the bar: market orders fill at the open; limit, stop
 *       and stop-limit orders trigger from the bar's high and low, and a gap through the price
 *       fills at the open; when several orders trigger inside one bar, those at the open come
 *       first, then stops before limits (or the reverse, by {@link IntrabarPolicy}), then the
 *       nearer price to the open, then submission order. Protective exits placed by a fill at this
 *       bar's open may still trigger on the rest of the bar (not at the open itself).
 *   <li>Trailing stops ratchet from the bar's range.
 * </ol>
 *
 * <p>Market and stop fills pay slippage (always adverse); limit fills do not. Commission comes from
 * the commission model. The quantity of sized orders is decided when they fill, from the account's
 * equity at that moment and the fill price; close-position and reduce-only orders fill the position
 * open at that moment, and are canceled ({@link CancelReason#NOTHING_TO_CLOSE}) if there is none.
 * With {@link FillModel#ON_CLOSE}, market orders fill at the close of the bar they were placed on.
 *
 * <p>The venue keeps no books of its own: it reads positions and equity from the {@link Ledger} its
 * fills go into, so there is nothing to reconcile. Events are delivered synchronously, inside the
 * call that caused them. Deterministic: slippage draws from a {@link SplittableRandom} seeded with
 * the run's seed. Not thread-safe.
 */
public final class SimulatedVenue implements ExecutionVenue {

  /** A working order inside the simulation. */
  private static final class SimOrder {
    final OrderId id;
    OrderRequest req;
    final int sym;
    long dayKey;
    final int activeFromBar;
    final double stopDistance;
    double limit;
    double stop;
    boolean triggered;
    final boolean trailing;
    final double trailDist;
    double trailExtreme;
    boolean done;
    // Set by evaluate() when the order triggers on the bar being processed.
    double candRef;
    boolean candAtOpen;
    boolean candSlips;

    SimOrder(VenueOrder vo, OrderRequest req, int sym, long dayKey, int activeFromBar) {
      this.id = vo.id();
      this.req = req;
      this.sym = sym;
      this.dayKey = dayKey;
      this.activeFromBar = activeFromBar;
      this.stopDistance = vo.stopDistance();
      this.limit = req.limitPrice();
      this.stop = req.stopPrice();
      this.trailing = vo.isTrailing();
      this.trailDist = vo.trailDistance();
      this.trailExtreme = vo.trailAnchor();
    }

    boolean isStopKind() {
      return req.type() == OrderType.STOP
          || (req.type() == OrderType.STOP_LIMIT && !triggered)
          || trailing;
    }
  }

  private final BarHistory hist;
  private final Ledger account;
  private final FillModel fillModel;
  private final IntrabarPolicy intrabarPolicy;
  private final CommissionModel commission;
  private final SlippageModel slippage;
  private final SizingModel sizing;
  private final SplittableRandom rng;
  private final String clientIdPrefix;
  private final int k;
  private final List<List<SimOrder>> working;
  private final List<SimOrder> scratch = new ArrayList<>();
  private OrderEventListener listener = e -> {};
  private long execSeq;
  private boolean inFillLoop;
  private boolean inOnClose;
  private boolean dispatchingOpenFill;

  /**
   * A simulated venue over a bar history, filling into {@code account}.
   *
   * @param clientIdPrefix the prefix of client order ids ({@link OrderId#clientOrderId})
   */
  public SimulatedVenue(
      BarHistory history,
      Ledger account,
      FillModel fillModel,
      IntrabarPolicy intrabarPolicy,
      CommissionModel commission,
      SlippageModel slippage,
      SizingModel sizing,
      long seed,
      String clientIdPrefix) {
    this.hist = Objects.requireNonNull(history, "history");
    this.account = Objects.requireNonNull(account, "account");
    this.fillModel = Objects.requireNonNull(fillModel, "fillModel");
    this.intrabarPolicy = Objects.requireNonNull(intrabarPolicy, "intrabarPolicy");
    this.commission = Objects.requireNonNull(commission, "commission");
    this.slippage = Objects.requireNonNull(slippage, "slippage");
    this.sizing = Objects.requireNonNull(sizing, "sizing");
    this.clientIdPrefix = Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
    this.rng = new SplittableRandom(seed);
    this.k = history.symbolCount();
    if (account.size() != k) {
      throw new IllegalArgumentException("the ledger and the history must hold the same symbols");
    }
    working = new ArrayList<>(k);
    for (int s = 0; s < k; s++) {
      working.add(new ArrayList<>());
    }
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public void setListener(OrderEventListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
  }

  /** The fill model (when market orders fill). */
  public FillModel fillModel() {
    return fillModel;
  }

  private long now(int s) {
    int i = hist.cursor(s);
    return i < 0 ? Long.MIN_VALUE : hist.time(s, i);
  }

  private void emit(OrderEvent e) {
    listener.onEvent(e);
  }

  private int symbolIndex(String symbol) {
    int s = hist.indexOf(symbol);
    if (s < 0) {
      throw new IllegalArgumentException("the venue does not trade " + symbol);
    }
    return s;
  }

  // ---------------------------------------------------------------- requests

  @Override
  public void submit(VenueOrder vo) {
    OrderRequest req = vo.request();
    int s = symbolIndex(req.symbol());
    int cur = hist.cursor(s);
    if (cur < 0) {
      throw new IllegalStateException(
          "cannot order " + req.symbol() + " before its first bar has been seen");
    }
    // An order placed while a fill at this bar's open is being handled (a protective exit) may
    // trigger on the rest of this bar; any other order works from the next bar.
    int from = inFillLoop && dispatchingOpenFill ? cur : cur + 1;
    SimOrder ord = new SimOrder(vo, req, s, Long.MIN_VALUE, from);
    long t = now(s);
    emit(new OrderAccepted(vo.id(), req.symbol(), t, t));
    if (fillModel == FillModel.ON_CLOSE && req.type() == OrderType.MARKET && !inFillLoop) {
      fillAtClose(ord);
      return;
    }
    working.get(s).add(ord);
  }

  /**
   * Sends a market order that fills at once at the close of the symbol's latest bar (slippage and
   * commission as usual): how positions are closed at the end of data.
   */
  public void submitAtClose(VenueOrder vo) {
    OrderRequest req = vo.request();
    int s = symbolIndex(req.symbol());
    if (req.type() != OrderType.MARKET) {
      throw new IllegalArgumentException("only market orders fill at the close");
    }
    SimOrder ord = new SimOrder(vo, req, s, Long.MIN_VALUE, hist.cursor(s) + 1);
    long t = now(s);
    emit(new OrderAccepted(vo.id(), req.symbol(), t, t));
    fillAtClose(ord);
  }

  private void fillAtClose(SimOrder ord) {
    int s = ord.sym;
    int cur = hist.cursor(s);
    inOnClose = true;
    try {
      executeOrder(ord, hist.close(s, cur), true, cur, true);
    } finally {
      inOnClose = false;
    }
  }

  @Override
  public void modify(OrderId id, OrderId replacement, OrderRequest newTerms) {
    SimOrder ord = find(id);
    long t = now(symbolIndex(newTerms.symbol()));
    if (ord == null) {
      emit(new OrderCancelRejected(id, newTerms.symbol(), "order is not working", t, t));
      return;
    }
    ord.done = true;
    VenueOrder vo =
        new VenueOrder(replacement, newTerms, ord.stopDistance, ord.trailDist, ord.trailExtreme);
    SimOrder r = new SimOrder(vo, newTerms, ord.sym, ord.dayKey, ord.activeFromBar);
    r.triggered = ord.triggered;
    if (ord.trailing) {
      // The terms carry the level the stop was first placed at: an unchanged stop term keeps the
      // level it has ratcheted to since.
      double asked = newTerms.stopPrice();
      r.stop = Double.isNaN(asked) || asked == ord.req.stopPrice() ? ord.stop : asked;
    }
    working.get(ord.sym).add(r);
    if (!inFillLoop) {
      compact(working.get(ord.sym));
    }
    emit(
        new OrderReplaced(
            id,
            replacement,
            newTerms.symbol(),
            newTerms.quantity(),
            newTerms.limitPrice(),
            newTerms.stopPrice(),
            t,
            t));
  }

  @Override
  public void cancel(OrderId id, CancelReason reason) {
    SimOrder ord = find(id);
    if (ord == null) {
      emit(new OrderCancelRejected(id, "", "order is not working", Long.MIN_VALUE, Long.MIN_VALUE));
      return;
    }
    ord.done = true;
    long t = now(ord.sym);
    emit(new OrderCanceled(id, ord.req.symbol(), reason, t, t));
    if (!inFillLoop) {
      compact(working.get(ord.sym));
    }
  }

  @Override
  public void cancelAll(String symbol, CancelReason reason) {
    for (int s = 0; s < k; s++) {
      if (symbol != null && !hist.instrument(s).symbol().equals(symbol)) {
        continue;
      }
      List<SimOrder> book = working.get(s);
      for (int j = 0; j < book.size(); j++) {
        SimOrder ord = book.get(j);
        if (!ord.done) {
          ord.done = true;
          long t = now(s);
          emit(new OrderCanceled(ord.id, ord.req.symbol(), reason, t, t));
        }
      }
      if (!inFillLoop) {
        compact(book);
      }
    }
  }

  private SimOrder find(OrderId id) {
    for (List<SimOrder> book : working) {
      for (int j = 0, n = book.size(); j < n; j++) {
        SimOrder ord = book.get(j);
        if (!ord.done && ord.id.equals(id)) {
          return ord;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- queries

  @Override
  public List<VenueOrderStatus> openOrders() {
    List<VenueOrderStatus> out = new ArrayList<>();
    for (List<SimOrder> book : working) {
      for (SimOrder ord : book) {
        if (!ord.done) {
          out.add(status(ord));
        }
      }
    }
    return out;
  }

  private static VenueOrderStatus status(SimOrder ord) {
    OrderRequest r = ord.req;
    if (ord.trailing || ord.stop != r.stopPrice()) {
      r = r.withType(r.type(), r.limitPrice(), ord.stop);
    }
    return new VenueOrderStatus(ord.id, r, OrderState.ACCEPTED, 0);
  }

  /**
   * Executions since a time, rebuilt from the ledger's fills (every simulated execution is applied
   * to the ledger at once, so the two never differ; nothing is kept twice).
   */
  @Override
  public List<OrderFilled> executions(long sinceMillis) {
    List<OrderFilled> out = new ArrayList<>();
    for (Fill f : account.fills()) {
      if (f.timeMillis() >= sinceMillis) {
        out.add(
            new OrderFilled(
                new OrderId(f.orderId()),
                f.symbol(),
                Long.toString(f.fillId()),
                f.side(),
                f.quantity(),
                f.price(),
                f.commission(),
                f.slippageCost(),
                0,
                f.tag(),
                f.barIndex(),
                false,
                f.timeMillis(),
                f.timeMillis()));
      }
    }
    return out;
  }

  @Override
  public AccountSnapshot account() {
    Map<String, Double> pos = new HashMap<>();
    long t = Long.MIN_VALUE;
    for (int s = 0; s < k; s++) {
      if (account.position(s) != 0) {
        pos.put(hist.instrument(s).symbol(), account.position(s));
      }
      t = Math.max(t, now(s));
    }
    return new AccountSnapshot(account.cash(), account.equity(), pos, t);
  }

  /**
   * A working or filled order by client order id (a filled one with its terms as executed). The
   * simulation forgets canceled, expired and denied orders once they leave the book.
   */
  @Override
  public Optional<VenueOrderStatus> findByClientOrderId(String clientOrderId) {
    String head = clientIdPrefix + "-";
    if (!clientOrderId.startsWith(head)) {
      return Optional.empty();
    }
    long v;
    try {
      v = Long.parseLong(clientOrderId.substring(head.length()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (v < 1) {
      return Optional.empty();
    }
    OrderId id = new OrderId(v);
    SimOrder ord = find(id);
    if (ord != null) {
      return Optional.of(status(ord));
    }
    double q = 0;
    OrderFilled last = null;
    for (OrderFilled f : executions(Long.MIN_VALUE)) {
      if (f.orderId().equals(id)) {
        q += f.quantity();
        last = f;
      }
    }
    if (last == null) {
      return Optional.empty();
    }
    // terms as executed: the simulation does not keep the requests of filled orders
    OrderRequest asFilled = OrderRequest.market(last.symbol(), last.side(), q, last.tag());
    return Optional.of(new VenueOrderStatus(id, asFilled, OrderState.FILLED, q));
  }

  /** Whether any order is working (for the engine's end-of-data handling and tests). */
  public boolean hasWorkingOrders(int s) {
    for (SimOrder ord : working.get(s)) {
      if (!ord.done) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the bar

  /**
   * Processes symbol {@code s}'s latest bar (its cursor): expiry, fills, trailing stops. The caller
   * marks the ledger at the bar's open before and at its close after.
   */
  public void onBar(int s) {
    int i = hist.cursor(s);
    List<SimOrder> book = working.get(s);
    if (!book.isEmpty()) {
      processOrders(s, i, book);
      ratchetTrailingStops(s, i, book);
    }
  }

  private void processOrders(int s, int i, List<SimOrder> book) {
    if (hasDayOrders(book)) {
      long day = tradingDay(s, hist.time(s, i));
      for (int j = 0; j < book.size(); j++) {
        SimOrder ord = book.get(j);
        if (ord.done || ord.req.timeInForce() != TimeInForce.DAY || ord.activeFromBar > i) {
          continue;
        }
        if (ord.dayKey == Long.MIN_VALUE) {
          ord.dayKey = day; // the trading day of the first bar it can fill on
        } else if (ord.dayKey < day) {
          ord.done = true;
          long t = hist.time(s, i);
          emit(new OrderExpired(ord.id, ord.req.symbol(), t, t));
        }
      }
    }
    inFillLoop = true;
    try {
      int firstId = 0;
      // Pass 1 handles orders working at the open; later passes handle protective exits placed by
      // a fill at this bar's open, which may still trigger on the rest of the bar.
      for (int pass = 0; pass < 3; pass++) {
        List<SimOrder> cands = scratch;
        cands.clear();
        int size = book.size();
        for (int j = firstId; j < size; j++) {
          SimOrder ord = book.get(j);
          if (ord.done || ord.activeFromBar > i) {
            continue;
          }
          if (evaluate(ord, s, i, pass > 0)) {
            cands.add(ord);
          }
        }
        if (cands.size() > 1) {
          sortCandidates(cands, hist.open(s, i));
        }
        firstId = size;
        for (int j = 0, n = cands.size(); j < n; j++) {
          SimOrder ord = cands.get(j);
          if (!ord.done) {
            executeOrder(ord, ord.candRef, ord.candSlips, i, ord.candAtOpen);
          }
        }
        if (book.size() == size) {
          break;
        }
      }
    } finally {
      inFillLoop = false;
    }
    compact(book);
  }

  /** Removes finished orders in place (no allocation). */
  private static void compact(List<SimOrder> book) {
    int w = 0;
    for (int r = 0, n = book.size(); r < n; r++) {
      SimOrder ord = book.get(r);
      if (!ord.done) {
        book.set(w++, ord);
      }
    }
    for (int r = book.size() - 1; r >= w; r--) {
      book.remove(r);
    }
  }

  private static boolean hasDayOrders(List<SimOrder> book) {
    for (int j = 0, n = book.size(); j < n; j++) {
      if (book.get(j).req.timeInForce() == TimeInForce.DAY) {
        return true;
      }
    }
    return false;
  }

  /** The trading day (epoch day) a bar opening at {@code timeMillis} belongs to. */
  private long tradingDay(int s, long timeMillis) {
    Instrument in = hist.instrument(s);
    ZonedDateTime local = Instant.ofEpochMilli(timeMillis).atZone(in.exchangeZone());
    LocalDate day = local.toLocalDate();
    if (in.hasSession()
        && in.sessionOpen().isAfter(in.sessionClose())
        && !local.toLocalTime().isBefore(in.sessionOpen())) {
      day = day.plusDays(1); // an overnight session: the evening belongs to the next day
    }
    return day.toEpochDay();
  }

  /**
   * Whether and at what price an order fills on bar i. {@code afterOpen} means the order was placed
   * by a fill at this bar's open, so the open itself is not a trigger opportunity it could gap
   * through; it can still trigger on the rest of the bar.
   */
  private boolean evaluate(SimOrder ord, int s, int i, boolean afterOpen) {
    double op = hist.open(s, i);
    double hi = hist.high(s, i);
    double lo = hist.low(s, i);
    boolean buy = ord.req.side() == Side.BUY;
    OrderType type = ord.trailing ? OrderType.STOP : ord.req.type();
    switch (type) {
      case MARKET -> {
        return trigger(ord, op, true, true);
      }
      case LIMIT -> {
        return limitCandidate(ord, buy, op, hi, lo, afterOpen);
      }
      case STOP -> {
        double sp = ord.stop;
        if (!afterOpen && (buy ? op >= sp : op <= sp)) {
          return trigger(ord, op, true, true);
        }
        if (buy ? hi >= sp : lo <= sp) {
          return trigger(ord, sp, false, true);
        }
        return false;
      }
      case STOP_LIMIT -> {
        if (ord.triggered) {
          return limitCandidate(ord, buy, op, hi, lo, afterOpen);
        }
        double sp = ord.stop;
        double lp = ord.limit;
        if (!afterOpen && (buy ? op >= sp : op <= sp)) {
          ord.triggered = true;
          return limitCandidate(ord, buy, op, hi, lo, false);
        }
        if (buy ? hi >= sp : lo <= sp) {
          ord.triggered = true;
          // Triggered inside the bar at the stop price: fills there only if the limit allows it;
          // otherwise it waits as a limit order (the path after the trigger is unknown).
          if (buy ? lp >= sp : lp <= sp) {
            return trigger(ord, sp, false, false);
          }
        }
        return false;
      }
    }
    return false;
  }

  private static boolean trigger(SimOrder ord, double ref, boolean atOpen, boolean slips) {
    ord.candRef = ref;
    ord.candAtOpen = atOpen;
    ord.candSlips = slips;
    return true;
  }

  private static boolean limitCandidate(
      SimOrder ord, boolean buy, double op, double hi, double lo, boolean afterOpen) {
    double lp = ord.limit;
    if (!afterOpen && (buy ? op <= lp : op >= lp)) {
      return trigger(ord, op, true, false);
    }
    if (buy ? lo <= lp : hi >= lp) {
      return trigger(ord, lp, false, false);
    }
    return false;
  }

  /**
   * The order in which orders triggered on one bar fill: those triggered at the open first; then
   * stops against limits by the intrabar policy; then, among orders of the same kind, the one whose
   * price is nearer the open first (price must pass it first on its way to the farther one, e.g. a
   * long's trailing stop above its stop-loss); then submission order.
   */
  private void sortCandidates(List<SimOrder> cands, double open) {
    boolean stopFirst = intrabarPolicy == IntrabarPolicy.STOP_FIRST;
    cands.sort((a, b) -> {
      if (a.candAtOpen != b.candAtOpen) {
        return a.candAtOpen ? -1 : 1;
      }
      if (!a.candAtOpen) {
        boolean as = a.isStopKind();
        boolean bs = b.isStopKind();
        if (as != bs) {
          return (as == stopFirst) ? -1 : 1;
        }
        int near = Double.compare(Math.abs(a.candRef - open), Math.abs(b.candRef - open));
        if (near != 0) {
          return near;
        }
      }
      return a.id.compareTo(b.id);
    });
  }

  private void executeOrder(SimOrder ord, double ref, boolean slips, int i, boolean atOpen) {
    int s = ord.sym;
    Instrument in = hist.instrument(s);
    double p = account.position(s);
    Side side = ord.req.side();
    double qty;
    double price = slips ? slippage.apply(ref, side, in, rng) : ref;
    long t = hist.time(s, i);
    switch (ord.req.quantityMode()) {
      case FIXED -> qty = ord.req.quantity();
      case CLOSE_POSITION -> {
        if (p == 0 || Math.signum(p) == side.sign()) {
          ord.done = true;
          emit(new OrderCanceled(ord.id, ord.req.symbol(), CancelReason.NOTHING_TO_CLOSE, t, t));
          return;
        }
        qty = Math.abs(p);
      }
      case SIZED -> qty = sizing.quantity(account.equity(), price, ord.stopDistance, in);
      default -> throw new IllegalStateException("unhandled quantity mode");
    }
    if (ord.req.reduceOnly() && ord.req.quantityMode() != QuantityMode.CLOSE_POSITION) {
      if (p == 0 || Math.signum(p) == side.sign()) {
        ord.done = true;
        emit(new OrderCanceled(ord.id, ord.req.symbol(), CancelReason.NOTHING_TO_CLOSE, t, t));
        return;
      }
      qty = Math.min(qty, Math.abs(p));
    }
    if (!(qty > 0)) {
      ord.done = true;
      emit(
          new OrderDenied(
              ord.id,
              ord.req.symbol(),
              DenialRule.SIZE_ZERO,
              "sizing gave quantity "
                  + qty
                  + " at price "
                  + price
                  + " with equity "
                  + account.equity(),
              t,
              t));
      return;
    }
    ord.done = true;
    double comm = commission.commission(qty, price, in);
    double slipCost = Math.abs(price - ref) * qty * in.pointValue();
    OrderFilled f =
        new OrderFilled(
            ord.id,
            ord.req.symbol(),
            Long.toString(++execSeq),
            side,
            qty,
            price,
            comm,
            slipCost,
            0,
            ord.req.tag(),
            i,
            atOpen && !inOnClose,
            t,
            t);
    boolean was = dispatchingOpenFill;
    boolean wasInLoop = inFillLoop;
    dispatchingOpenFill = atOpen && !inOnClose;
    inFillLoop = true;
    try {
      emit(f);
    } finally {
      dispatchingOpenFill = was;
      inFillLoop = wasInLoop;
    }
  }

  private void ratchetTrailingStops(int s, int i, List<SimOrder> book) {
    Instrument in = hist.instrument(s);
    for (int j = 0, n = book.size(); j < n; j++) {
      SimOrder ord = book.get(j);
      if (ord.trailing && !ord.done && ord.activeFromBar <= i) {
        if (ord.req.side() == Side.SELL) {
          ord.trailExtreme = Math.max(ord.trailExtreme, hist.high(s, i));
          double level = ord.trailExtreme - ord.trailDist;
          if (level > ord.stop) { // rounding never raises a level, so only a higher one can move it
            ord.stop = Math.max(ord.stop, in.floorToTick(level));
          }
        } else {
          ord.trailExtreme = Math.min(ord.trailExtreme, hist.low(s, i));
          double level = ord.trailExtreme + ord.trailDist;
          if (level < ord.stop) {
            ord.stop = Math.min(ord.stop, in.ceilToTick(level));
          }
        }
      }
    }
  }
}
