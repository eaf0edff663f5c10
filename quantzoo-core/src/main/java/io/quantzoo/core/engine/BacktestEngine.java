package io.quantzoo.core.engine;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.execution.IntrabarPolicy;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.QuantityMode;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.order.TimeInForce;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The event-driven backtest engine: one code path for every strategy.
 *
 * <p>For each bar of each symbol, in time order (ties in config order):
 *
 * <ol>
 *   <li>expire DAY orders from an earlier trading day;
 *   <li>process working orders against this bar: market orders fill at the open; limit, stop and
 *       stop-limit orders trigger from the bar's high/low, a gap through the price fills at the
 *       open; if a stop-loss and a take-profit could both trigger inside the bar, the configured
 *       {@link IntrabarPolicy} decides (the stop by default);
 *   <li>ratchet trailing stops and update excursions (MAE/MFE) from the bar's range;
 *   <li>mark the symbol at the close and call {@link Strategy#onBar}, which sees this bar and
 *       earlier ones only; its orders queue for the next bar (or, with {@link FillModel#ON_CLOSE},
 *       market orders fill at this close);
 *   <li>after every symbol with a bar at this timestamp is done, record one equity point.
 * </ol>
 *
 * <p>At the end of data open positions are closed at the last close with reason {@code EndOfData}
 * unless {@code closeAtEnd} is false. Deterministic: randomness comes only from a {@link
 * SplittableRandom} seeded with the config's seed. Not thread-safe; an engine may run many
 * backtests one after another.
 */
public final class BacktestEngine {
  private final EngineConfig config;

  public BacktestEngine(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public EngineConfig config() {
    return config;
  }

  /** Runs one backtest of a single symbol. */
  public BacktestResult run(SymbolData data, Strategy strategy) {
    return run(List.of(data), strategy);
  }

  /**
   * Runs one backtest.
   *
   * @param data one or more symbols; the first is the benchmark for buy-and-hold
   * @param strategy a fresh strategy instance
   * @throws IllegalArgumentException if no data, an empty series, or a duplicate symbol
   */
  public BacktestResult run(List<SymbolData> data, Strategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    if (data.isEmpty()) {
      throw new IllegalArgumentException("at least one symbol's data is required");
    }
    return new Run(config, data, strategy).execute();
  }

  /** A working order inside the simulated broker. */
  private static final class SimOrder {
    final long id;
    final OrderRequest req;
    final int sym;
    final Side side;
    long dayKey;
    final int activeFromBar;
    final double atrAtSignal;
    final boolean protective;
    final long oco;
    double limit;
    double stop;
    boolean triggered;
    boolean trailing;
    double trailDist;
    double trailExtreme;
    boolean done;
    // Set by evaluate() when the order triggers on the bar being processed.
    double candRef;
    boolean candAtOpen;
    boolean candSlips;

    SimOrder(
        long id,
        OrderRequest req,
        int sym,
        long dayKey,
        int activeFromBar,
        double atrAtSignal,
        boolean protective,
        long oco) {
      this.id = id;
      this.req = req;
      this.sym = sym;
      this.side = req.side();
      this.dayKey = dayKey;
      this.activeFromBar = activeFromBar;
      this.atrAtSignal = atrAtSignal;
      this.protective = protective;
      this.oco = oco;
      this.limit = req.limitPrice();
      this.stop = req.stopPrice();
    }

    boolean isStopKind() {
      return req.type() == OrderType.STOP
          || (req.type() == OrderType.STOP_LIMIT && !triggered)
          || trailing;
    }
  }

  /** The state of one backtest; also the strategy's context. */
  private static final class Run implements StrategyContext {
    private final EngineConfig cfg;
    private final Strategy strategy;
    private final int k;
    private final BarSeries[] series;
    private final Instrument[] inst;
    private final ZoneId[] zones;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private final double[][] o;
    private final double[][] h;
    private final double[][] l;
    private final double[][] c;
    private final double[][] v;
    private final long[][] t;
    private final int[] cur;
    private final double[] pos;
    private final double[] avg;
    private final double[] mark;
    private final double[] pv;
    private final boolean[] margin;
    private final long[] openTime;
    private final int[] openBar;
    private final String[] entryReason;
    private final double[] entryComm;
    private final double[] entrySlip;
    private final double[] maxHigh;
    private final double[] minLow;
    private final int[] extremesFromBar;
    private final long[] offFrom;
    private final long[] offTo;
    private final long[] offMillis;
    private final List<List<SimOrder>> working;
    private final SplittableRandom rng;
    private final List<Fill> fills = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<SimOrder> scratch = new ArrayList<>();
    private double cash;
    private long orderSeq;
    private long ocoSeq;
    private int submitted;
    private int filled;
    private int cancelled;
    private int expired;
    private int rejected;
    private int cs;
    private boolean inFillLoop;
    private long[] eqTime;
    private double[] eqValue;
    private double[] eqCash;
    private double[] eqExposure;
    private int eqSize;

    Run(EngineConfig cfg, List<SymbolData> data, Strategy strategy) {
      this.cfg = cfg;
      this.strategy = strategy;
      this.k = data.size();
      series = new BarSeries[k];
      inst = new Instrument[k];
      zones = new ZoneId[k];
      o = new double[k][];
      h = new double[k][];
      l = new double[k][];
      c = new double[k][];
      v = new double[k][];
      t = new long[k][];
      cur = new int[k];
      pos = new double[k];
      avg = new double[k];
      mark = new double[k];
      pv = new double[k];
      margin = new boolean[k];
      openTime = new long[k];
      openBar = new int[k];
      entryReason = new String[k];
      entryComm = new double[k];
      entrySlip = new double[k];
      maxHigh = new double[k];
      minLow = new double[k];
      extremesFromBar = new int[k];
      offFrom = new long[k];
      offTo = new long[k];
      offMillis = new long[k];
      working = new ArrayList<>(k);
      int total = 0;
      for (int s = 0; s < k; s++) {
        SymbolData d = data.get(s);
        BarSeries b = d.bars();
        if (b.isEmpty()) {
          throw new IllegalArgumentException("series " + b.symbol() + " has no bars");
        }
        if (symbolIndex.put(d.instrument().symbol(), s) != null) {
          throw new IllegalArgumentException(
              "symbol " + d.instrument().symbol() + " appears twice in the data");
        }
        series[s] = b;
        inst[s] = d.instrument();
        zones[s] = d.instrument().exchangeZone();
        o[s] = b.openArray();
        h[s] = b.highArray();
        l[s] = b.lowArray();
        c[s] = b.closeArray();
        v[s] = b.volumeArray();
        t[s] = b.timesArray();
        cur[s] = -1;
        avg[s] = Double.NaN;
        mark[s] = b.open(0);
        pv[s] = d.instrument().pointValue();
        margin[s] = d.instrument().assetClass().marginStyle();
        working.add(new ArrayList<>());
        total += b.size();
      }
      rng = new SplittableRandom(cfg.seed());
      cash = cfg.initialCash();
      eqTime = new long[k == 1 ? total : Math.max(16, total)];
      eqValue = new double[eqTime.length];
      eqCash = new double[eqTime.length];
      eqExposure = new double[eqTime.length];
    }

    BacktestResult execute() {
      cs = 0;
      strategy.onStart(this);
      if (k == 1) {
        int n = t[0].length;
        for (int i = 0; i < n; i++) {
          step(0, i);
          recordEquity(t[0][i]);
        }
      } else {
        int[] next = new int[k];
        while (true) {
          long now = Long.MAX_VALUE;
          for (int s = 0; s < k; s++) {
            if (next[s] < t[s].length && t[s][next[s]] < now) {
              now = t[s][next[s]];
            }
          }
          if (now == Long.MAX_VALUE) {
            break;
          }
          // every symbol's bar at this time closes first; then the strategy sees them all, so a
          // multi-symbol strategy reads each symbol's bar of this time whichever call it is in
          for (int s = 0; s < k; s++) {
            if (next[s] < t[s].length && t[s][next[s]] == now) {
              advance(s, next[s]);
            }
          }
          for (int s = 0; s < k; s++) {
            if (next[s] < t[s].length && t[s][next[s]] == now) {
              cs = s;
              strategy.onBar(this);
              next[s]++;
            }
          }
          recordEquity(now);
        }
      }
      return finish();
    }

    private void step(int s, int i) {
      advance(s, i);
      cs = s;
      strategy.onBar(this);
    }

    /** Moves symbol s to bar i: fills working orders on it and marks it at its close. */
    private void advance(int s, int i) {
      cur[s] = i;
      mark[s] = o[s][i];
      if (!working.get(s).isEmpty()) {
        processOrders(s, i);
      }
      endOfBarUpdates(s, i);
      mark[s] = c[s][i];
    }

    // ---------------------------------------------------------------- order processing

    private void processOrders(int s, int i) {
      List<SimOrder> book = working.get(s);
      if (hasDayOrders(book)) {
        long day = dayKey(s, t[s][i]);
        for (SimOrder ord : book) {
          if (ord.done || ord.req.timeInForce() != TimeInForce.DAY || ord.activeFromBar > i) {
            continue;
          }
          if (ord.dayKey == Long.MIN_VALUE) {
            ord.dayKey = day; // the trading day of the first bar it can fill on
          } else if (ord.dayKey < day) {
            ord.done = true;
            expired++;
          }
        }
      }
      inFillLoop = true;
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
          sortCandidates(cands, o[s][i]);
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
      inFillLoop = false;
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
      for (SimOrder ord : book) {
        if (ord.req.timeInForce() == TimeInForce.DAY) {
          return true;
        }
      }
      return false;
    }

    private long dayKey(int s, long timeMillis) {
      return java.time.Instant.ofEpochMilli(timeMillis).atZone(zones[s]).toLocalDate().toEpochDay();
    }

    /**
     * Whether and at what price an order fills on bar i. {@code afterOpen} means the order was
     * placed by a fill at this bar's open, so the open itself is not a trigger opportunity it could
     * gap through; it can still trigger on the rest of the bar.
     */
    private boolean evaluate(SimOrder ord, int s, int i, boolean afterOpen) {
      double op = o[s][i];
      double hi = h[s][i];
      double lo = l[s][i];
      boolean buy = ord.side == Side.BUY;
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
     * stops against limits by the intrabar policy; then, among orders of the same kind, the one
     * whose price is nearer the open first (price must pass it first on its way to the farther one,
     * e.g. a long's trailing stop above its stop-loss); then placement order.
     */
    private void sortCandidates(List<SimOrder> cands, double open) {
      boolean stopFirst = cfg.intrabarPolicy() == IntrabarPolicy.STOP_FIRST;
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
        return Long.compare(a.id, b.id);
      });
    }

    private void executeOrder(SimOrder ord, double ref, boolean slips, int i, boolean atOpen) {
      int s = ord.sym;
      Instrument in = inst[s];
      double p = pos[s];
      double qty;
      QuantityMode mode = ord.protective ? QuantityMode.CLOSE_POSITION : ord.req.quantityMode();
      double price = slips ? cfg.slippage().apply(ref, ord.side, in, rng) : ref;
      switch (mode) {
        case FIXED -> qty = ord.req.quantity();
        case CLOSE_POSITION -> {
          if (p == 0 || Math.signum(p) == ord.side.sign()) {
            ord.done = true;
            cancelled++;
            return;
          }
          qty = Math.abs(p);
        }
        case SIZED -> {
          double stopDist = Double.NaN;
          Exits ex = ord.req.exits();
          if (ex.stopLoss() != null) {
            stopDist = ex.stopLoss().toPrice(in.tickSize(), ord.atrAtSignal);
          }
          qty = cfg.sizing().quantity(equityNow(), price, stopDist, in);
        }
        default -> throw new IllegalStateException("unhandled quantity mode " + mode);
      }
      if (!(qty > 0)) {
        ord.done = true;
        rejected++;
        return;
      }
      ord.done = true;
      filled++;
      double commission = cfg.commission().commission(qty, price, in);
      double slipCost = Math.abs(price - ref) * qty * pv[s];
      applyFill(s, ord.id, ord.side, qty, price, commission, slipCost, ord.req.tag(), i);
      if (ord.oco != 0) {
        cancelOco(s, ord.oco, ord);
      }
      if (!ord.protective
          && !ord.req.exits().isEmpty()
          && pos[s] != 0
          && Math.signum(pos[s]) == ord.side.sign()) {
        placeProtective(s, ord, i, atOpen && !inOnClose);
      }
      if (!atOpen || inOnClose) {
        extremesFromBar[s] = Math.max(extremesFromBar[s], pos[s] == 0 ? 0 : i + 1);
      }
    }

    private boolean inOnClose;

    private void cancelOco(int s, long group, SimOrder except) {
      for (SimOrder other : working.get(s)) {
        if (other != except && !other.done && other.oco == group) {
          other.done = true;
          cancelled++;
        }
      }
    }

    private void cancelProtective(int s) {
      for (SimOrder other : working.get(s)) {
        if (!other.done && other.protective) {
          other.done = true;
          cancelled++;
        }
      }
      if (!inFillLoop) {
        compact(working.get(s));
      }
    }

    private void placeProtective(int s, SimOrder entry, int i, boolean sameBar) {
      cancelProtective(s);
      Exits ex = entry.req.exits();
      double dir = Math.signum(pos[s]);
      Side exitSide = dir > 0 ? Side.SELL : Side.BUY;
      double base = avg[s];
      double tick = inst[s].tickSize();
      long group = ++ocoSeq;
      int from = sameBar ? i : i + 1;
      String sym = inst[s].symbol();
      if (ex.stopLoss() != null) {
        double sp = base - dir * ex.stopLoss().toPrice(tick, entry.atrAtSignal);
        if (sp > 0) {
          OrderRequest r =
              protectiveRequest(sym, exitSide, OrderType.STOP, Double.NaN, sp, "StopLoss");
          addProtective(s, r, from, entry.atrAtSignal, group);
        }
      }
      if (ex.takeProfit() != null) {
        double lp = base + dir * ex.takeProfit().toPrice(tick, entry.atrAtSignal);
        if (lp > 0) {
          OrderRequest r =
              protectiveRequest(sym, exitSide, OrderType.LIMIT, lp, Double.NaN, "TakeProfit");
          addProtective(s, r, from, entry.atrAtSignal, group);
        }
      }
      if (ex.trailingStop() != null) {
        double dist = ex.trailingStop().toPrice(tick, entry.atrAtSignal);
        double lastFill = fills.get(fills.size() - 1).price();
        double sp = lastFill - dir * dist;
        if (sp > 0) {
          OrderRequest r =
              protectiveRequest(sym, exitSide, OrderType.STOP, Double.NaN, sp, "TrailingStop");
          SimOrder so = addProtective(s, r, from, entry.atrAtSignal, group);
          so.trailing = true;
          so.trailDist = dist;
          so.trailExtreme = lastFill;
        }
      }
    }

    private static OrderRequest protectiveRequest(
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

    private SimOrder addProtective(int s, OrderRequest r, int from, double atr, long group) {
      SimOrder so = new SimOrder(++orderSeq, r, s, Long.MIN_VALUE, from, atr, true, group);
      submitted++;
      working.get(s).add(so);
      return so;
    }

    private void endOfBarUpdates(int s, int i) {
      double p = pos[s];
      if (p != 0 && i >= extremesFromBar[s]) {
        if (h[s][i] > maxHigh[s]) {
          maxHigh[s] = h[s][i];
        }
        if (l[s][i] < minLow[s]) {
          minLow[s] = l[s][i];
        }
      }
      List<SimOrder> book = working.get(s);
      for (int j = 0, n = book.size(); j < n; j++) {
        SimOrder ord = book.get(j);
        if (ord.trailing && !ord.done && ord.activeFromBar <= i) {
          if (ord.side == Side.SELL) {
            ord.trailExtreme = Math.max(ord.trailExtreme, h[s][i]);
            ord.stop = Math.max(ord.stop, ord.trailExtreme - ord.trailDist);
          } else {
            ord.trailExtreme = Math.min(ord.trailExtreme, l[s][i]);
            ord.stop = Math.min(ord.stop, ord.trailExtreme + ord.trailDist);
          }
        }
      }
    }

    // ---------------------------------------------------------------- ledger

    private void applyFill(
        int s,
        long orderId,
        Side side,
        double qty,
        double price,
        double commission,
        double slipCost,
        String tag,
        int i) {
      long time = t[s][i];
      fills.add(
          new Fill(
              fills.size() + 1L,
              orderId,
              inst[s].symbol(),
              time,
              i,
              side,
              qty,
              price,
              commission,
              slipCost,
              tag));
      double p = pos[s];
      double signed = side.sign() * qty;
      double pointValue = pv[s];
      cash -= commission;
      if (p == 0 || Math.signum(p) == Math.signum(signed)) {
        openOrAdd(s, p, signed, qty, price, commission, slipCost, tag, i, time);
        return;
      }
      double closeQty = Math.min(Math.abs(p), qty);
      double dir = Math.signum(p);
      double frac = closeQty / Math.abs(p);
      double gross = closeQty * (price - avg[s]) * pointValue * dir;
      double fillShare = closeQty / qty;
      double comm = entryComm[s] * frac + commission * fillShare;
      double slip = entrySlip[s] * frac + slipCost * fillShare;
      if (margin[s]) {
        cash += gross;
      } else {
        cash += dir * closeQty * price * pointValue;
      }
      maxHigh[s] = Math.max(maxHigh[s], price);
      minLow[s] = Math.min(minLow[s], price);
      double mfe;
      double mae;
      if (dir > 0) {
        mfe = Math.max(0, (maxHigh[s] - avg[s]) * closeQty * pointValue);
        mae = Math.min(0, (minLow[s] - avg[s]) * closeQty * pointValue);
      } else {
        mfe = Math.max(0, (avg[s] - minLow[s]) * closeQty * pointValue);
        mae = Math.min(0, (avg[s] - maxHigh[s]) * closeQty * pointValue);
      }
      double notional = avg[s] * closeQty * pointValue;
      double net = gross - comm;
      trades.add(
          new Trade(
              trades.size() + 1L,
              inst[s].symbol(),
              dir > 0 ? Trade.Direction.LONG : Trade.Direction.SHORT,
              closeQty,
              openTime[s],
              time,
              avg[s],
              price,
              gross,
              comm,
              slip,
              net,
              notional > 0 ? net / notional * 100.0 : Double.NaN,
              i - openBar[s],
              mae,
              mfe,
              entryReason[s],
              tag));
      entryComm[s] -= entryComm[s] * frac;
      entrySlip[s] -= entrySlip[s] * frac;
      double remainingPos = p + signed;
      if (Math.abs(remainingPos) < 1e-12 * Math.max(1, Math.abs(p)) || closeQty == Math.abs(p)) {
        double rest = qty - closeQty;
        pos[s] = 0;
        avg[s] = Double.NaN;
        entryComm[s] = 0;
        entrySlip[s] = 0;
        cancelProtective(s);
        if (rest > 0) {
          // Reversal within one fill: the remainder opens the opposite position.
          openOrAdd(
              s,
              0,
              side.sign() * rest,
              rest,
              price,
              commission * (rest / qty),
              slipCost * (rest / qty),
              tag,
              i,
              time);
          // The commission was charged once above for the whole fill.
        }
      } else {
        pos[s] = remainingPos;
      }
    }

    private void openOrAdd(
        int s,
        double p,
        double signed,
        double qty,
        double price,
        double commission,
        double slipCost,
        String tag,
        int i,
        long time) {
      if (!margin[s]) {
        cash -= signed * price * pv[s];
      }
      if (p == 0) {
        pos[s] = signed;
        avg[s] = price;
        openTime[s] = time;
        openBar[s] = i;
        entryReason[s] = tag;
        entryComm[s] = commission;
        entrySlip[s] = slipCost;
        maxHigh[s] = price;
        minLow[s] = price;
        extremesFromBar[s] = i;
      } else {
        double newAbs = Math.abs(p) + qty;
        avg[s] = (Math.abs(p) * avg[s] + qty * price) / newAbs;
        pos[s] = p + signed;
        entryComm[s] += commission;
        entrySlip[s] += slipCost;
      }
    }

    private void recordEquity(long time) {
      if (eqSize == eqTime.length) {
        int cap = eqTime.length * 2;
        eqTime = Arrays.copyOf(eqTime, cap);
        eqValue = Arrays.copyOf(eqValue, cap);
        eqCash = Arrays.copyOf(eqCash, cap);
        eqExposure = Arrays.copyOf(eqExposure, cap);
      }
      double x = 0;
      for (int s = 0; s < k; s++) {
        if (pos[s] != 0) {
          x += Math.abs(pos[s]) * mark[s] * pv[s];
        }
      }
      double e = equityNow();
      eqTime[eqSize] = time;
      eqValue[eqSize] = e;
      eqCash[eqSize] = cash;
      eqExposure[eqSize] = x;
      eqSize++;
    }

    private BacktestResult finish() {
      List<String> open = new ArrayList<>();
      for (int s = 0; s < k; s++) {
        for (SimOrder ord : working.get(s)) {
          if (!ord.done) {
            ord.done = true;
            cancelled++;
          }
        }
        working.get(s).clear();
        if (pos[s] != 0) {
          if (cfg.closeAtEnd()) {
            int last = t[s].length - 1;
            double p = pos[s];
            Side side = p > 0 ? Side.SELL : Side.BUY;
            double ref = c[s][last];
            double price = cfg.slippage().apply(ref, side, inst[s], rng);
            double qty = Math.abs(p);
            double commission = cfg.commission().commission(qty, price, inst[s]);
            long id = ++orderSeq;
            submitted++;
            filled++;
            applyFill(
                s,
                id,
                side,
                qty,
                price,
                commission,
                Math.abs(price - ref) * qty * pv[s],
                "EndOfData",
                last);
          } else {
            open.add(inst[s].symbol());
          }
        }
      }
      if (cfg.closeAtEnd() && eqSize > 0) {
        // Re-mark the last point after the end-of-data closes.
        eqSize--;
        recordEquity(eqTime[eqSize]);
      }
      EquityCurve curve =
          eqSize == eqTime.length
              ? new EquityCurve(eqTime, eqValue, eqCash, eqExposure)
              : new EquityCurve(
                  Arrays.copyOf(eqTime, eqSize),
                  Arrays.copyOf(eqValue, eqSize),
                  Arrays.copyOf(eqCash, eqSize),
                  Arrays.copyOf(eqExposure, eqSize));
      double[] bc = c[0];
      double bh = (bc[bc.length - 1] / bc[0] - 1) * 100.0;
      return new BacktestResult(
          Arrays.asList(inst),
          curve,
          trades,
          fills,
          cfg.initialCash(),
          cfg.seed(),
          cfg.fillModel(),
          new BacktestResult.OrderStats(submitted, filled, cancelled, expired, rejected),
          bh,
          open);
    }

    // ---------------------------------------------------------------- StrategyContext

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
      return cur[cs];
    }

    @Override
    public long timeMillis() {
      return t[cs][cur[cs]];
    }

    private int at(int barsAgo) {
      if (barsAgo < 0) {
        throw new IllegalArgumentException(
            "barsAgo must be >= 0 (a strategy cannot read future bars), was " + barsAgo);
      }
      int idx = cur[cs] - barsAgo;
      if (idx < 0) {
        throw new IllegalArgumentException(
            "barsAgo must be <= barIndex (" + cur[cs] + "), was " + barsAgo);
      }
      return idx;
    }

    @Override
    public double open(int barsAgo) {
      return o[cs][at(barsAgo)];
    }

    @Override
    public double high(int barsAgo) {
      return h[cs][at(barsAgo)];
    }

    @Override
    public double low(int barsAgo) {
      return l[cs][at(barsAgo)];
    }

    @Override
    public double close(int barsAgo) {
      return c[cs][at(barsAgo)];
    }

    @Override
    public double volume(int barsAgo) {
      return v[cs][at(barsAgo)];
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
      return cur[indexOf(symbol)];
    }

    private int at(int s, int barsAgo) {
      if (barsAgo < 0) {
        throw new IllegalArgumentException(
            "barsAgo must be >= 0 (a strategy cannot read future bars), was " + barsAgo);
      }
      int idx = cur[s] - barsAgo;
      if (idx < 0) {
        throw new IllegalArgumentException(
            "barsAgo must be <= barIndex of "
                + inst[s].symbol()
                + " ("
                + cur[s]
                + "), was "
                + barsAgo);
      }
      return idx;
    }

    @Override
    public long timeMillis(String symbol, int barsAgo) {
      int s = indexOf(symbol);
      return t[s][at(s, barsAgo)];
    }

    @Override
    public double open(String symbol, int barsAgo) {
      int s = indexOf(symbol);
      return o[s][at(s, barsAgo)];
    }

    @Override
    public double high(String symbol, int barsAgo) {
      int s = indexOf(symbol);
      return h[s][at(s, barsAgo)];
    }

    @Override
    public double low(String symbol, int barsAgo) {
      int s = indexOf(symbol);
      return l[s][at(s, barsAgo)];
    }

    @Override
    public double close(String symbol, int barsAgo) {
      int s = indexOf(symbol);
      return c[s][at(s, barsAgo)];
    }

    @Override
    public double volume(String symbol, int barsAgo) {
      int s = indexOf(symbol);
      return v[s][at(s, barsAgo)];
    }

    @Override
    public int secondOfDay() {
      long ms = t[cs][cur[cs]];
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

    @Override
    public double averagePrice(String symbol) {
      return avg[indexOf(symbol)];
    }

    @Override
    public int barsSinceEntry() {
      return pos[cs] == 0 ? -1 : cur[cs] - openBar[cs];
    }

    @Override
    public long exitPosition(String symbol, String tag) {
      int s = indexOf(symbol);
      double p = pos[s];
      if (p == 0) {
        return -1;
      }
      return submit(OrderRequest.closePosition(symbol, p > 0 ? Side.SELL : Side.BUY, tag));
    }

    @Override
    public double position() {
      return pos[cs];
    }

    @Override
    public double position(String symbol) {
      return pos[indexOf(symbol)];
    }

    private int indexOf(String symbol) {
      Integer s = symbolIndex.get(symbol);
      if (s == null) {
        throw new IllegalArgumentException(
            "symbol must be one of " + symbolIndex.keySet() + ", was " + symbol);
      }
      return s;
    }

    @Override
    public double averagePrice() {
      return avg[cs];
    }

    @Override
    public double equity() {
      return equityNow();
    }

    private double equityNow() {
      double e = cash;
      for (int s = 0; s < k; s++) {
        double p = pos[s];
        if (p != 0) {
          e += margin[s] ? p * (mark[s] - avg[s]) * pv[s] : p * mark[s] * pv[s];
        }
      }
      return e;
    }

    @Override
    public double cash() {
      return cash;
    }

    @Override
    public long submit(OrderRequest request) {
      int s = indexOf(request.symbol());
      if (cur[s] < 0) {
        throw new IllegalStateException(
            "cannot order " + request.symbol() + " before its first bar has been seen");
      }
      double atr = Double.NaN;
      Exits ex = request.exits();
      Offset atrOffset = firstAtrOffset(ex);
      if (atrOffset != null) {
        atr = atrAtSignal(s, atrOffset.atrPeriod());
        if (Double.isNaN(atr)) {
          submitted++;
          rejected++;
          return -1;
        }
      }
      long id = ++orderSeq;
      submitted++;
      SimOrder ord = new SimOrder(id, request, s, Long.MIN_VALUE, cur[s] + 1, atr, false, 0);
      if (cfg.fillModel() == FillModel.ON_CLOSE && request.type() == OrderType.MARKET) {
        inOnClose = true;
        try {
          executeOrder(ord, c[s][cur[s]], true, cur[s], true);
        } finally {
          inOnClose = false;
        }
        return id;
      }
      working.get(s).add(ord);
      return id;
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
      int end = cur[s];
      if (end + 1 < n) {
        return Double.NaN;
      }
      double sum = 0;
      for (int j = end - n + 1; j <= end; j++) {
        double tr = h[s][j] - l[s][j];
        if (j > 0) {
          tr =
              Math.max(
                  tr, Math.max(Math.abs(h[s][j] - c[s][j - 1]), Math.abs(l[s][j] - c[s][j - 1])));
        }
        sum += tr;
      }
      return sum / n;
    }

    @Override
    public long enterLong(String tag, Exits exits) {
      return enter(Side.BUY, tag, exits);
    }

    @Override
    public long enterShort(String tag, Exits exits) {
      return enter(Side.SELL, tag, exits);
    }

    private long enter(Side side, String tag, Exits exits) {
      double p = pos[cs];
      if (p != 0 && Math.signum(p) == side.sign()) {
        return -1;
      }
      String sym = inst[cs].symbol();
      if (p != 0) {
        submit(OrderRequest.closePosition(sym, side, tag));
      }
      return submit(OrderRequest.market(sym, side, tag).withExits(exits));
    }

    @Override
    public long exitPosition(String tag) {
      double p = pos[cs];
      if (p == 0) {
        return -1;
      }
      return submit(
          OrderRequest.closePosition(inst[cs].symbol(), p > 0 ? Side.SELL : Side.BUY, tag));
    }

    @Override
    public boolean cancel(long orderId) {
      for (List<SimOrder> book : working) {
        for (SimOrder ord : book) {
          if (ord.id == orderId && !ord.done) {
            ord.done = true;
            cancelled++;
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void cancelAll() {
      for (SimOrder ord : working.get(cs)) {
        if (!ord.done) {
          ord.done = true;
          cancelled++;
        }
      }
      working.get(cs).clear();
    }
  }
}
