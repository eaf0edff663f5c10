package io.quantzoo.core.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Our book of orders: assigns {@link OrderId}s, and moves each order through its {@link OrderState}
 * by the events venues report (the transitions are listed on {@link OrderState}). It sends nothing:
 * the trading core sends, the venue answers with events, and {@link #apply} records them.
 *
 * <p>Rules that hold whatever the venue does:
 *
 * <ul>
 *   <li>a fill is never lost: one that arrives after a cancel was requested, or even after the
 *       venue reported the order canceled or replaced, is applied ({@link Transition#LATE_FILL});
 *   <li>a fill whose execution id was seen before is a duplicate and is ignored;
 *   <li>an event that does not fit the order's state (an acknowledgement of a filled order, say) is
 *       counted as an anomaly and changes nothing.
 * </ul>
 *
 * <p>Ids are dense (1, 2, 3, ...), so lookups are array reads. Not thread-safe: one trading loop
 * owns it.
 */
public final class OrderManager {

  /** What {@link #apply} did with an event. */
  public enum Transition {
    /** The event moved the order to its next state. */
    APPLIED,
    /** A fill for an order that was already canceled, replaced or expired: applied all the same. */
    LATE_FILL,
    /** A fill whose execution id was seen before: ignored. */
    DUPLICATE,
    /** The event does not fit the order's state, or names an unknown order: ignored. */
    ANOMALY
  }

  /** One order as we know it. Read-only outside this class. */
  public static final class Order {
    private final OrderId id;
    private OrderRequest request;
    private final boolean protective;
    private final long ocoGroup;
    private final double atrAtSignal;
    private final double stopDistance;
    private final double trailDistance;
    private OrderState state = OrderState.SUBMITTED;
    private OrderState beforePending;
    private double estimatedQuantity;
    private double filledQuantity;
    private double filledNotional;
    private OrderId replacedBy;
    private OrderId replaces;
    private long updatedAt;
    private String firstExecution;
    private Set<String> moreExecutions;

    /** Records an execution id; false if it was seen before for this order. */
    boolean newExecution(String executionId) {
      if (firstExecution == null) {
        firstExecution = executionId;
        return true;
      }
      if (firstExecution.equals(executionId)) {
        return false;
      }
      if (moreExecutions == null) {
        moreExecutions = new HashSet<>();
      }
      return moreExecutions.add(executionId);
    }

    Order(
        OrderId id,
        OrderRequest request,
        boolean protective,
        long ocoGroup,
        double atrAtSignal,
        double stopDistance,
        double trailDistance,
        double estimatedQuantity,
        long time) {
      this.id = id;
      this.request = request;
      this.protective = protective;
      this.ocoGroup = ocoGroup;
      this.atrAtSignal = atrAtSignal;
      this.stopDistance = stopDistance;
      this.trailDistance = trailDistance;
      this.estimatedQuantity = estimatedQuantity;
      this.updatedAt = time;
    }

    public OrderId id() {
      return id;
    }

    public OrderRequest request() {
      return request;
    }

    public String symbol() {
      return request.symbol();
    }

    public OrderState state() {
      return state;
    }

    /** A stop-loss, take-profit or trailing stop placed for a position's exits. */
    public boolean isProtective() {
      return protective;
    }

    /** The OCO group (0 when none): when one order of a group fills, the others are canceled. */
    public long ocoGroup() {
      return ocoGroup;
    }

    /** The ATR at the signal bar, for ATR-based exits (NaN when none was needed). */
    public double atrAtSignal() {
      return atrAtSignal;
    }

    /** Stop distance (price units) used for risk sizing, fixed at submission; NaN when none. */
    public double stopDistance() {
      return stopDistance;
    }

    /** Trailing distance (price units) of a trailing stop; NaN for other orders. */
    public double trailDistance() {
      return trailDistance;
    }

    /**
     * The order's quantity: the requested one, or for sized and close-position orders the estimate
     * made when it was submitted (the venue resolves the final quantity when it fills).
     */
    public double quantity() {
      return estimatedQuantity;
    }

    public double filledQuantity() {
      return filledQuantity;
    }

    /** Quantity still working (0 once terminal). */
    public double leavesQuantity() {
      return state.isOpen() ? Math.max(0, estimatedQuantity - filledQuantity) : 0;
    }

    /** Volume-weighted average fill price, NaN before the first fill. */
    public double averageFillPrice() {
      return filledQuantity > 0 ? filledNotional / filledQuantity : Double.NaN;
    }

    /** The order that replaced this one, or null. */
    public OrderId replacedBy() {
      return replacedBy;
    }

    /** Time (epoch ms) of the last event applied. */
    public long updatedAt() {
      return updatedAt;
    }

    @Override
    public String toString() {
      return id + " " + state + " " + request.side() + " " + request.symbol();
    }
  }

  private final boolean keepTerminal;
  private final List<Order> all = new ArrayList<>();
  private byte[] finalStates = new byte[64];
  private final List<Order> open = new ArrayList<>();
  private long ocoSeq;
  private int submitted;
  private int filled;
  private int canceled;
  private int expired;
  private int rejected;
  private int denied;
  private int replaced;
  private int anomalies;
  private int compactAt = 64;

  /** A book that keeps every order, terminal ones included (live and paper trading). */
  public OrderManager() {
    this(true);
  }

  /**
   * A book that keeps terminal orders ({@code keepTerminal}), or keeps only their final state
   * (backtests with hundreds of thousands of orders): {@link #get} then returns null for an order
   * once it is terminal, {@link #state} still answers, and a late fill for it is applied without
   * the duplicate check (a simulated venue sends neither).
   */
  public OrderManager(boolean keepTerminal) {
    this.keepTerminal = keepTerminal;
  }

  /** Registers a new order in state SUBMITTED. */
  public Order register(OrderRequest request, double estimatedQuantity, long time) {
    return register(request, false, 0, Double.NaN, Double.NaN, Double.NaN, estimatedQuantity, time);
  }

  /**
   * Registers a new order in state SUBMITTED.
   *
   * @param protective whether it is a protective exit of a position
   * @param ocoGroup its OCO group (0 for none; see {@link #newOcoGroup()})
   * @param atrAtSignal the ATR at the signal bar for ATR-based exits (NaN when none)
   * @param stopDistance stop distance for risk sizing (NaN when none)
   * @param trailDistance trailing distance for trailing stops (NaN otherwise)
   * @param estimatedQuantity the quantity, or an estimate for sized and close-position orders
   * @param time when (epoch ms)
   */
  public Order register(
      OrderRequest request,
      boolean protective,
      long ocoGroup,
      double atrAtSignal,
      double stopDistance,
      double trailDistance,
      double estimatedQuantity,
      long time) {
    Objects.requireNonNull(request, "request");
    Order o =
        new Order(
            new OrderId(all.size() + 1L),
            request,
            protective,
            ocoGroup,
            atrAtSignal,
            stopDistance,
            trailDistance,
            estimatedQuantity,
            time);
    all.add(o);
    if (open.size() >= compactAt) {
      compactOpen(); // amortised O(1): terminal orders leave the open list
      compactAt = Math.max(64, open.size() * 2);
    }
    open.add(o);
    submitted++;
    return o;
  }

  /** A fresh OCO group number (&gt; 0). */
  public long newOcoGroup() {
    return ++ocoSeq;
  }

  /**
   * The order with this id, or null if there is none (or it is terminal and this book does not keep
   * terminal orders).
   */
  public Order get(OrderId id) {
    long v = id.value();
    return v <= all.size() ? all.get((int) (v - 1)) : null;
  }

  /** The state of an order this book issued, or null if it issued no such id. */
  public OrderState state(OrderId id) {
    long v = id.value();
    if (v > all.size()) {
      return null;
    }
    Order o = all.get((int) (v - 1));
    return o != null ? o.state : OrderState.values()[finalStates[(int) (v - 1)]];
  }

  /** Once terminal, an order is dropped when this book does not keep terminal orders. */
  private void retire(Order o) {
    if (keepTerminal || o.state.isOpen()) {
      return;
    }
    int idx = (int) (o.id.value() - 1);
    if (idx >= finalStates.length) {
      finalStates = java.util.Arrays.copyOf(finalStates, Math.max(idx + 1, finalStates.length * 2));
    }
    finalStates[idx] = (byte) o.state.ordinal();
    all.set(idx, null);
  }

  /** The order whose client order id ({@code prefix-n}) this is, or null. */
  public Order byClientOrderId(String prefix, String clientOrderId) {
    String head = prefix + "-";
    if (!clientOrderId.startsWith(head)) {
      return null;
    }
    try {
      long v = Long.parseLong(clientOrderId.substring(head.length()));
      return v >= 1 ? get(new OrderId(v)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Every order that may still fill, oldest first. */
  public List<Order> openOrders() {
    compactOpen();
    return List.copyOf(open);
  }

  /** Whether any order may still fill. */
  public boolean hasOpenOrders() {
    compactOpen();
    return !open.isEmpty();
  }

  /** Open orders of one symbol, oldest first. */
  public List<Order> openOrders(String symbol) {
    compactOpen();
    List<Order> out = new ArrayList<>();
    for (Order o : open) {
      if (o.symbol().equals(symbol)) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * Signed quantity still working for a symbol (buys positive, sells negative), so a risk check can
   * count working orders in exposure.
   */
  public double workingQuantity(String symbol) {
    double q = 0;
    for (Order o : open) {
      if (o.state.isOpen() && o.symbol().equals(symbol)) {
        q += o.request.side().sign() * o.leavesQuantity();
      }
    }
    return q;
  }

  /**
   * Signed quantity still working for a symbol in orders that may add exposure: not protective
   * exits, not reduce-only, not close-position orders; {@code exclude} (may be null) not counted.
   */
  public double openingQuantity(String symbol, Order exclude) {
    double q = 0;
    for (int j = 0, n = open.size(); j < n; j++) {
      Order o = open.get(j);
      if (o != exclude && o.state.isOpen() && opening(o) && o.symbol().equals(symbol)) {
        q += o.request.side().sign() * o.leavesQuantity();
      }
    }
    return q;
  }

  /**
   * The sum over working orders that may add exposure ({@code exclude}, may be null, not counted)
   * of leaves quantity × {@code unitValue} (the currency value of one unit of the order).
   */
  public double openingNotional(ToDoubleFunction<Order> unitValue, Order exclude) {
    double x = 0;
    for (int j = 0, n = open.size(); j < n; j++) {
      Order o = open.get(j);
      if (o != exclude && o.state.isOpen() && opening(o)) {
        x += o.leavesQuantity() * unitValue.applyAsDouble(o);
      }
    }
    return x;
  }

  /** Number of working orders, {@code exclude} (may be null) not counted. */
  public int openCount(Order exclude) {
    int c = 0;
    for (int j = 0, n = open.size(); j < n; j++) {
      Order o = open.get(j);
      if (o != exclude && o.state.isOpen()) {
        c++;
      }
    }
    return c;
  }

  private static boolean opening(Order o) {
    return !o.protective
        && !o.request.reduceOnly()
        && o.request.quantityMode() != QuantityMode.CLOSE_POSITION;
  }

  /** Marks a cancel as requested. Returns false if the order is not open (nothing to cancel). */
  public boolean requestCancel(OrderId id, long time) {
    Order o = get(id);
    if (o == null || !o.state.isOpen()) {
      return false;
    }
    if (o.state != OrderState.PENDING_CANCEL) {
      o.beforePending = o.state == OrderState.PENDING_REPLACE ? o.beforePending : o.state;
      o.state = OrderState.PENDING_CANCEL;
      o.updatedAt = time;
    }
    return true;
  }

  /**
   * Marks a replace as requested and registers the replacement (in state SUBMITTED, with the new
   * terms). Returns the replacement, or null if the order cannot be replaced (not working, or a
   * cancel is pending).
   */
  public Order requestReplace(
      OrderId id, double newQuantity, double newLimit, double newStop, long time) {
    Order o = get(id);
    if (o == null
        || !(o.state == OrderState.ACCEPTED || o.state == OrderState.PARTIALLY_FILLED)
        || o.replacedBy != null) {
      return null;
    }
    OrderRequest terms = o.request.withTerms(newQuantity, newLimit, newStop);
    double qty = Double.isNaN(newQuantity) ? o.estimatedQuantity : newQuantity;
    Order r =
        register(
            terms,
            o.protective,
            o.ocoGroup,
            o.atrAtSignal,
            o.stopDistance,
            o.trailDistance,
            qty,
            time);
    submitted--; // a replacement is the same order carrying on, not a new submission
    o.beforePending = o.state;
    o.state = OrderState.PENDING_REPLACE;
    o.replacedBy = r.id;
    r.replaces = o.id;
    o.updatedAt = time;
    return r;
  }

  /** Records an event; returns what it did. */
  public Transition apply(OrderEvent e) {
    Order o = get(e.orderId());
    if (o == null) {
      if (e instanceof OrderFilled && state(e.orderId()) != null) {
        return Transition.LATE_FILL; // a retired order: the fill happened, so it counts
      }
      anomalies++;
      return Transition.ANOMALY;
    }
    Transition t =
        switch (e) {
          case OrderAccepted a -> accepted(o);
          case OrderRejected r -> terminal(o, OrderState.REJECTED, OrderState.SUBMITTED);
          case OrderDenied d -> denied(o);
          case OrderFilled f -> filled(o, f);
          case OrderCanceled c -> canceled(o);
          case OrderCancelRejected c -> cancelRejected(o);
          case OrderReplaced r -> replaced(o, r);
          case OrderExpired x -> expired(o);
        };
    if (t == Transition.ANOMALY) {
      anomalies++;
    } else {
      o.updatedAt = e.tsInit();
      if (o.replacedBy != null && o.state.isTerminal() && o.state != OrderState.REPLACED) {
        dropReplacement(o); // filled, canceled or expired before the replace took effect
      }
      retire(o);
    }
    return t;
  }

  private Transition accepted(Order o) {
    if (o.state == OrderState.SUBMITTED) {
      o.state = OrderState.ACCEPTED;
      return Transition.APPLIED;
    }
    if (o.state == OrderState.PENDING_CANCEL && o.beforePending == OrderState.SUBMITTED) {
      o.beforePending = OrderState.ACCEPTED; // acknowledged while our cancel is on its way
      return Transition.APPLIED;
    }
    return Transition.ANOMALY;
  }

  private Transition terminal(Order o, OrderState to, OrderState from) {
    boolean pendingFromSubmitted =
        o.state == OrderState.PENDING_CANCEL && o.beforePending == OrderState.SUBMITTED;
    if (o.state != from && !(to == OrderState.REJECTED && pendingFromSubmitted)) {
      return Transition.ANOMALY;
    }
    o.state = to;
    rejected++;
    return Transition.APPLIED;
  }

  /**
   * Denials come before the venue (state SUBMITTED), or, in simulations that size orders when they
   * fill, from the working order (ACCEPTED).
   */
  private Transition denied(Order o) {
    if (o.state != OrderState.SUBMITTED && o.state != OrderState.ACCEPTED) {
      return Transition.ANOMALY;
    }
    o.state = OrderState.DENIED;
    denied++;
    Order original = o.replaces == null ? null : get(o.replaces);
    if (original != null
        && original.state == OrderState.PENDING_REPLACE
        && o.id.equals(original.replacedBy)) {
      // a replacement our own rules refused: the original keeps working with its old terms
      original.state = original.beforePending;
      original.replacedBy = null;
    }
    return Transition.APPLIED;
  }

  private Transition filled(Order o, OrderFilled f) {
    if (!o.newExecution(f.executionId())) {
      return Transition.DUPLICATE;
    }
    o.filledQuantity += f.quantity();
    o.filledNotional += f.quantity() * f.price();
    boolean done = !(f.leavesQuantity() > 0);
    if (o.state.isTerminal()) {
      // canceled, replaced or expired at the venue while this execution was on its way: the fill
      // happened, so it counts; the order's state stays as the venue last reported it
      return Transition.LATE_FILL;
    }
    if (done) {
      o.estimatedQuantity = o.filledQuantity;
      o.state = OrderState.FILLED;
      filled++;
    } else if (o.state != OrderState.PENDING_CANCEL && o.state != OrderState.PENDING_REPLACE) {
      o.estimatedQuantity = o.filledQuantity + f.leavesQuantity();
      o.state = OrderState.PARTIALLY_FILLED;
    } else {
      o.estimatedQuantity = o.filledQuantity + f.leavesQuantity();
      o.beforePending = OrderState.PARTIALLY_FILLED;
    }
    return Transition.APPLIED;
  }

  private Transition canceled(Order o) {
    if (!o.state.isOpen()) {
      return Transition.ANOMALY;
    }
    o.state = OrderState.CANCELED;
    canceled++;
    return Transition.APPLIED;
  }

  private Transition cancelRejected(Order o) {
    if (o.state == OrderState.PENDING_CANCEL) {
      o.state = o.beforePending;
      return Transition.APPLIED;
    }
    if (o.state == OrderState.PENDING_REPLACE) {
      // the replace was refused: the original keeps working, the replacement never existed
      o.state = o.beforePending;
      dropReplacement(o);
      return Transition.APPLIED;
    }
    return Transition.ANOMALY;
  }

  /** The replace of {@code o} did not happen: its replacement, never acknowledged, is rejected. */
  private void dropReplacement(Order o) {
    Order r = get(o.replacedBy);
    o.replacedBy = null;
    if (r != null && r.state == OrderState.SUBMITTED) {
      r.state = OrderState.REJECTED;
      rejected++;
      retire(r);
    }
  }

  private Transition replaced(Order o, OrderReplaced e) {
    if (o.state != OrderState.PENDING_REPLACE
        || o.replacedBy == null
        || !o.replacedBy.equals(e.replacementId())) {
      return Transition.ANOMALY;
    }
    o.state = OrderState.REPLACED;
    replaced++;
    Order r = get(e.replacementId());
    r.state =
        o.beforePending == OrderState.PARTIALLY_FILLED
            ? OrderState.PARTIALLY_FILLED
            : OrderState.ACCEPTED;
    r.filledQuantity = o.filledQuantity;
    r.filledNotional = o.filledNotional;
    return Transition.APPLIED;
  }

  private Transition expired(Order o) {
    if (!o.state.isOpen()) {
      return Transition.ANOMALY;
    }
    o.state = OrderState.EXPIRED;
    expired++;
    return Transition.APPLIED;
  }

  private void compactOpen() {
    int w = 0;
    for (int r = 0, n = open.size(); r < n; r++) {
      Order o = open.get(r);
      if (o.state.isOpen()) {
        open.set(w++, o);
      }
    }
    for (int r = open.size() - 1; r >= w; r--) {
      open.remove(r);
    }
  }

  /** Orders registered (replacements not counted again). */
  public int submittedCount() {
    return submitted;
  }

  public int filledCount() {
    return filled;
  }

  public int canceledCount() {
    return canceled;
  }

  public int expiredCount() {
    return expired;
  }

  /** Orders the venue rejected. */
  public int rejectedCount() {
    return rejected;
  }

  /** Orders our own rules denied. */
  public int deniedCount() {
    return denied;
  }

  public int replacedCount() {
    return replaced;
  }

  /** Events that did not fit an order's state. */
  public int anomalyCount() {
    return anomalies;
  }

  /**
   * Every order registered, in id order; a book that does not keep terminal orders leaves out those
   * it dropped.
   */
  public List<Order> all() {
    List<Order> out = new ArrayList<>(all.size());
    for (Order o : all) {
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** Number of orders registered, replacements included. */
  public int size() {
    return all.size();
  }
}
