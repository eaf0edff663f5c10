package io.quantzoo.core.portfolio;

import io.quantzoo.core.analytics.PeriodsPerYear;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.engine.TradingCore;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.feed.HistoricalBarFeed;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Ledger;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a portfolio of sleeves in one account with shared cash on one merged clock.
 *
 * <p>Each sleeve's strategy runs unchanged through the backtest's trading core ({@link TradingCore}
 * over a {@link HistoricalBarFeed}, exactly as {@link BacktestEngine} runs it) in its own virtual
 * account (starting with the portfolio's initial cash, under the portfolio's fill model and costs
 * and the sleeve's own sizing). Its fills are then <em>mirrored</em> into the portfolio account, in
 * a sub-ledger of its own, scaled by {@code k_i = target value / sleeve equity}, fixed between
 * rebalances: a fill that opens or adds is scaled by {@code k_i}; a fill that reduces the sleeve's
 * position by a fraction reduces the sub-ledger's position by the same fraction. Mirrored fills
 * keep the sleeve's time, price and bar (the sleeve decided them from past bars), and where in that
 * bar they filled (at its open, inside it, at its close); commission is recomputed from the
 * portfolio's model on the scaled quantity and slippage cost scaled with it.
 *
 * <p>Every sub-ledger is a {@link Ledger} over all the portfolio's symbols, starting with no cash:
 * the allocations and rebalancing cash moves are {@link Ledger#transfer transfers}. So a sleeve's
 * sub-ledger books fills, trades and excursions (MAE/MFE) by the same rules as a backtest's
 * account. Bar indices (of fills, of {@link Ledger#observeBar}, hence bars held and excursions) are
 * those of the traded symbol's own series, as in a backtest, never steps of the merged clock.
 *
 * <p>On the merged clock, at each timestamp: for every symbol with a bar, pending rebalancing
 * trades fill at its open (plus slippage, with commission); then the sleeves' fills of that
 * timestamp made at the open or inside the bar are mirrored; then every symbol with a bar takes its
 * range into the open positions' excursions and is marked at its close; then the sleeves' fills at
 * that close are mirrored ({@code ON_CLOSE} market orders, the end-of-data closes), so each fill
 * meets the bar's range in the order it did in the sleeve's own run; one equity point is recorded;
 * then, at that close, a rebalance may be decided (schedule or drift): new target weights from the
 * rolling window of the sleeves' returns known up to this close, cash moved between sub-ledgers to
 * the target values, new {@code k_i}, and the trades {@code k_i·(sleeve position) − (sub-ledger
 * position)} queued for each symbol's next open. Full semantics: {@code docs/PORTFOLIOS.md}.
 *
 * <p>The portfolio's fills and trades are numbered in the order they happen across all sub-ledgers
 * (from 1, as in a single run); each fill is its own order. Deterministic: the sleeves' runs use
 * the config's seed; random slippage on rebalancing fills draws from a {@link SplittableRandom}
 * seeded with it. Quantities are not rounded to lot steps (a sleeve's quantity times {@code k_i} is
 * fractional).
 */
public final class PortfolioEngine {
  /** Relative size below which a rebalancing trade is not worth placing. */
  private static final double QTY_EPS = 1e-12;

  private final PortfolioConfig cfg;

  public PortfolioEngine(PortfolioConfig cfg) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  /**
   * Runs the portfolio.
   *
   * @param sleeves at least one sleeve, unique names; a symbol used by several sleeves must come
   *     with the same bars and instrument in each
   * @throws IllegalArgumentException if the rules above are broken, or fixed weights do not match
   *     the number of sleeves
   */
  public PortfolioResult run(List<Sleeve> sleeves) {
    if (sleeves.isEmpty()) {
      throw new IllegalArgumentException("a portfolio needs at least one sleeve");
    }
    Set<String> names = new HashSet<>();
    for (Sleeve s : sleeves) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("sleeve name " + s.name() + " appears twice");
      }
    }
    return new Run(cfg, sleeves).execute();
  }

  /** One rebalance being executed. */
  private static final class Pending {
    final int index;
    final long time;
    final RebalanceEvent.Reason reason;
    final double[] targets;
    final double equity;
    double turnover;
    double cost;

    Pending(int index, long time, RebalanceEvent.Reason reason, double[] targets, double equity) {
      this.index = index;
      this.time = time;
      this.reason = reason;
      this.targets = targets.clone();
      this.equity = equity;
    }

    RebalanceEvent event() {
      List<Double> t = new ArrayList<>();
      for (double v : targets) {
        t.add(v);
      }
      return new RebalanceEvent(index, time, reason, t, turnover, cost);
    }
  }

  /**
   * A sleeve's fill with when it happened within its bar: at the open (the rest of the bar came
   * after it), or after the bar's range was taken into the excursions (a fill at the close: {@code
   * ON_CLOSE} market orders, the end-of-data closes). Neither: inside the bar (stops, limits).
   */
  private record SleeveFill(Fill fill, boolean atBarOpen, boolean afterBar) {}

  /**
   * Runs a sleeve's strategy unchanged and notes, for each fill of the sleeve's account, whether it
   * filled at its bar's open and whether it came after the bar's range was observed. The trading
   * core books a bar's working orders (open and intrabar fills) and observes its range before it
   * calls the strategy for that bar, and every later fill (at the close, or placed from a callback)
   * comes after; so the fills booked between the start of a group of bars and the first callback
   * are the group's in-bar fills. Every order event reaches {@link #onOrderEvent} in the order the
   * ledger booked them: the j-th fill event is the ledger's j-th fill.
   */
  private static final class FillTimings implements Strategy {
    private final Strategy strategy;
    private Ledger ledger;
    private final BitSet atOpen = new BitSet();
    private final BitSet inBar = new BitSet();
    private int fillEvents;
    private boolean barOpen;
    private int barFrom;

    FillTimings(Strategy strategy) {
      this.strategy = strategy;
    }

    /** The next group of bars is about to be processed. */
    void beforeBars(Ledger account) {
      ledger = account;
      barOpen = true;
      barFrom = account.fills().size();
    }

    private void callback() {
      if (barOpen) {
        barOpen = false;
        inBar.set(barFrom, ledger.fills().size());
      }
    }

    @Override
    public void onStart(StrategyContext ctx) {
      strategy.onStart(ctx);
    }

    @Override
    public void onBar(StrategyContext ctx) {
      callback();
      strategy.onBar(ctx);
    }

    @Override
    public void onOrderEvent(StrategyContext ctx, OrderEvent event) {
      callback();
      if (event instanceof OrderFilled f) {
        atOpen.set(fillEvents++, f.atBarOpen());
      }
      strategy.onOrderEvent(ctx, event);
    }

    @Override
    public void onStop(StrategyContext ctx) {
      callback();
      strategy.onStop(ctx);
    }
  }

  private static final class Run {
    private final PortfolioConfig cfg;
    private final EngineConfig ex;
    private final List<Sleeve> sleeves;
    private final int n;
    private final BacktestResult[] own;
    private final List<SymbolData> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIndex = new LinkedHashMap<>();
    private final int[][] sleeveSymbols;
    private final int m;
    private final Instrument[] inst;
    private final BarHistory hist;
    // the sleeves' sub-ledgers in the portfolio account
    private final Ledger[] sub;
    // each sleeve's own fills replayed as they are mirrored: the sleeve's position at that moment
    private final Ledger[] sleeveBook;
    private final boolean[][] pending;
    private int pendingCount;
    private Pending rebalance;
    private final double[] k;
    private double[] target;
    private double reserve;
    private final double[] transfers;
    private final double[] commissionPaid;
    private final double[] slippagePaid;
    private final SplittableRandom rng;
    private final List<Fill> fills = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<RebalanceEvent> events = new ArrayList<>();
    private int cancelled;

    Run(PortfolioConfig cfg, List<Sleeve> sleeves) {
      this.cfg = cfg;
      this.ex = cfg.execution();
      this.sleeves = sleeves;
      this.n = sleeves.size();
      own = new BacktestResult[n];
      sleeveSymbols = new int[n][];
      for (int i = 0; i < n; i++) {
        Sleeve sl = sleeves.get(i);
        sleeveSymbols[i] = new int[sl.data().size()];
        for (int j = 0; j < sl.data().size(); j++) {
          SymbolData d = sl.data().get(j);
          String sym = d.instrument().symbol();
          Integer s = symbolIndex.get(sym);
          if (s == null) {
            s = symbols.size();
            symbolIndex.put(sym, s);
            symbols.add(d);
          } else {
            SymbolData first = symbols.get(s);
            if (!first.bars().fingerprint().equals(d.bars().fingerprint())
                || !first.instrument().equals(d.instrument())) {
              throw new IllegalArgumentException(
                  "symbol "
                      + sym
                      + " of sleeve "
                      + sl.name()
                      + " has other bars or another instrument than in an earlier sleeve; a"
                      + " symbol shared by sleeves must use the same data");
            }
          }
          sleeveSymbols[i][j] = s;
        }
      }
      m = symbols.size();
      inst = new Instrument[m];
      List<BarSeries> series = new ArrayList<>(m);
      for (int s = 0; s < m; s++) {
        inst[s] = symbols.get(s).instrument();
        series.add(symbols.get(s).bars());
      }
      List<Instrument> instruments = Arrays.asList(inst);
      hist = BarHistory.of(instruments, series);
      sub = new Ledger[n];
      sleeveBook = new Ledger[n];
      for (int i = 0; i < n; i++) {
        sub[i] = new Ledger(instruments, 0);
        sleeveBook[i] = new Ledger(instruments, 0);
      }
      pending = new boolean[n][m];
      k = new double[n];
      transfers = new double[n];
      commissionPaid = new double[n];
      slippagePaid = new double[n];
      rng = new SplittableRandom(ex.seed());
    }

    /**
     * Runs sleeve i alone in its own account, as {@link BacktestEngine#run} does, and returns its
     * fills in time order with their timing within their bar.
     */
    private SleeveFill[] runSleeve(int i) {
      Sleeve sl = sleeves.get(i);
      List<Instrument> instruments = new ArrayList<>(sl.data().size());
      List<BarSeries> series = new ArrayList<>(sl.data().size());
      for (SymbolData d : sl.data()) {
        instruments.add(d.instrument());
        series.add(d.bars());
      }
      BarHistory h = BarHistory.of(instruments, series);
      FillTimings timings = new FillTimings(sl.strategy());
      TradingCore core =
          TradingCore.simulated(ex.withSizing(sl.sizing()), h, timings, RiskGate.ALLOW_ALL, "bt");
      HistoricalBarFeed feed = new HistoricalBarFeed(h);
      BarGroup group = new BarGroup(h.symbolCount());
      core.start();
      while (feed.next(h, group)) {
        timings.beforeBars(core.ledger());
        core.onBars(group);
      }
      own[i] = core.finish();
      List<Fill> fs = own[i].fills();
      if (fs.size() != timings.fillEvents) {
        throw new IllegalStateException(
            "sleeve "
                + sl.name()
                + ": "
                + fs.size()
                + " fills but "
                + timings.fillEvents
                + " fill events");
      }
      SleeveFill[] out = new SleeveFill[fs.size()];
      for (int j = 0; j < out.length; j++) {
        out[j] = new SleeveFill(fs.get(j), timings.atOpen.get(j), !timings.inBar.get(j));
      }
      // the end-of-data closes come last but carry their symbol's last bar time (a stable sort:
      // each time's in-bar fills stay before its after-bar ones)
      Arrays.sort(out, Comparator.comparingLong(f -> f.fill().timeMillis()));
      return out;
    }

    PortfolioResult execute() {
      double cash0 = ex.initialCash();
      SleeveFill[][] sleeveFills = new SleeveFill[n][];
      for (int i = 0; i < n; i++) {
        sleeveFills[i] = runSleeve(i);
      }
      long[] clock = HistoricalBarFeed.mergedClock(hist);
      int bars = clock.length;
      double periods =
          Double.isNaN(cfg.periodsPerYear())
              ? PeriodsPerYear.estimate(clock, inst[0].assetClass(), inst[0].exchangeZone())
              : cfg.periodsPerYear();

      // initial allocation: each sleeve's virtual account starts with the portfolio's cash
      target = cfg.allocator().warmUp(n);
      double allocated = 0;
      for (int i = 0; i < n; i++) {
        double value = target[i] * cash0;
        sub[i].transfer(value);
        transfers[i] = value;
        allocated += value;
        k[i] = target[i];
      }
      reserve = cash0 - allocated;
      events.add(new Pending(-1, clock[0], RebalanceEvent.Reason.INITIAL, target, cash0).event());

      double[] eqValue = new double[bars];
      double[] eqCash = new double[bars];
      double[] eqExposure = new double[bars];
      double[][] targetW = new double[bars][];
      double[][] actualW = new double[bars][n];
      double[][] values = new double[bars][n];
      double[] reserveAt = new double[bars];
      double[][] ret = new double[bars][n];
      int[] fp = new int[n];
      int[] ep = new int[n];
      double[] lastV = new double[n];
      Arrays.fill(lastV, cash0);
      HistoricalBarFeed feed = new HistoricalBarFeed(hist);
      BarGroup group = new BarGroup(m);
      for (int t = 0; t < bars; t++) {
        long now = clock[t];
        if (!feed.next(hist, group) || group.time() != now) {
          throw new IllegalStateException("the feed left the merged clock at " + now);
        }
        if (pendingCount > 0) {
          for (int j = 0; j < group.count(); j++) {
            int s = group.symbol(j);
            for (int i = 0; i < n; i++) {
              if (pending[i][s]) {
                executeRebalance(i, s, hist.cursor(s), now);
              }
            }
          }
        }
        mirrorFills(sleeveFills, fp, now, false);
        for (int j = 0; j < group.count(); j++) {
          int s = group.symbol(j);
          int b = hist.cursor(s);
          double hi = hist.high(s, b);
          double lo = hist.low(s, b);
          double close = hist.close(s, b);
          for (int i = 0; i < n; i++) {
            sub[i].observeBar(s, b, hi, lo);
            sub[i].mark(s, close);
          }
        }
        mirrorFills(sleeveFills, fp, now, true);
        double equity = reserve;
        double cash = reserve;
        double exposure = 0;
        for (int i = 0; i < n; i++) {
          double v = sub[i].equity();
          cash += sub[i].cash();
          exposure += sub[i].grossExposure();
          values[t][i] = v;
          equity += v;
        }
        eqValue[t] = equity;
        eqCash[t] = cash;
        eqExposure[t] = exposure;
        reserveAt[t] = reserve;
        double maxDrift = 0;
        for (int i = 0; i < n; i++) {
          EquityCurve ec = own[i].equity();
          double prev = lastV[i];
          while (ep[i] < ec.size() && ec.timeMillis(ep[i]) <= now) {
            lastV[i] = ec.equity(ep[i]++);
          }
          ret[t][i] = prev > 0 ? lastV[i] / prev - 1 : 0;
          actualW[t][i] = equity != 0 ? values[t][i] / equity : Double.NaN;
          maxDrift = Math.max(maxDrift, Math.abs(actualW[t][i] - target[i]));
        }
        targetW[t] = target.clone();
        if (t < bars - 1 && pendingCount == 0) {
          RebalanceEvent.Reason reason = null;
          if (cfg.schedule().due(t, now, t > 0 ? clock[t - 1] : now)) {
            reason = RebalanceEvent.Reason.SCHEDULE;
          } else if (cfg.driftThreshold() > 0 && maxDrift > cfg.driftThreshold()) {
            reason = RebalanceEvent.Reason.DRIFT;
          }
          if (reason != null) {
            decide(t, now, reason, equity, values[t], lastV, ret, periods);
          }
        }
      }
      if (rebalance != null) {
        events.add(rebalance.event());
        rebalance = null;
      }
      cancelled += pendingCount;
      return result(
          clock, eqValue, eqCash, eqExposure, targetW, actualW, values, reserveAt, ret, periods);
    }

    /**
     * Mirrors every sleeve's fills at {@code now} that came inside their bar (before its range was
     * observed), or, with {@code afterBar}, those that came after it.
     */
    private void mirrorFills(SleeveFill[][] sleeveFills, int[] fp, long now, boolean afterBar) {
      for (int i = 0; i < n; i++) {
        SleeveFill[] fs = sleeveFills[i];
        while (fp[i] < fs.length && fs[fp[i]].fill().timeMillis() <= now) {
          SleeveFill f = fs[fp[i]];
          if (f.fill().timeMillis() != now) {
            throw new IllegalStateException("fill " + f.fill() + " is not on the merged clock");
          }
          if (f.afterBar() != afterBar) {
            if (afterBar) {
              throw new IllegalStateException("fill " + f.fill() + " is out of order in its bar");
            }
            break;
          }
          fp[i]++;
          mirror(i, f);
        }
      }
    }

    private void decide(
        int t,
        long now,
        RebalanceEvent.Reason reason,
        double equity,
        double[] values,
        double[] sleeveEquity,
        double[][] ret,
        double periods) {
      Allocator a = cfg.allocator();
      double[] w = target;
      if (!a.needsCovariance()) {
        w = a.weights(n, null, periods);
      } else if (t + 1 >= cfg.lookbackBars()) {
        double[][] window = Arrays.copyOfRange(ret, t + 1 - cfg.lookbackBars(), t + 1);
        double[][] cov = Covariance.estimate(window, cfg.shrinkage()).matrix();
        boolean usable = true;
        for (int i = 0; i < n; i++) {
          usable &= cov[i][i] > 0 && Double.isFinite(cov[i][i]);
        }
        if (usable) {
          try {
            w = a.weights(n, cov, periods);
          } catch (IllegalArgumentException singular) {
            w = target; // a singular covariance: nothing to allocate on, keep the weights
          }
        }
      }
      if (rebalance != null) {
        events.add(rebalance.event());
      }
      target = w.clone();
      rebalance = new Pending(t, now, reason, target, equity);
      double allocated = 0;
      for (int i = 0; i < n; i++) {
        double value = target[i] * equity;
        double transfer = value - values[i];
        sub[i].transfer(transfer);
        transfers[i] += transfer;
        allocated += value;
        k[i] = sleeveEquity[i] > 0 ? value / sleeveEquity[i] : 0;
        for (int s : sleeveSymbols[i]) {
          if (sleeveBook[i].position(s) != 0 || sub[i].position(s) != 0) {
            pending[i][s] = true;
            pendingCount++;
          }
        }
      }
      reserve = equity - allocated;
    }

    /** Trades sub-ledger i to {@code k_i × sleeve position} in symbol s at its bar b's open. */
    private void executeRebalance(int i, int s, int b, long now) {
      pending[i][s] = false;
      pendingCount--;
      double held = sub[i].position(s);
      double goal = k[i] * sleeveBook[i].position(s);
      double delta = goal - held;
      if (Math.abs(delta) <= QTY_EPS * Math.max(Math.abs(goal), Math.abs(held)) || delta == 0) {
        return;
      }
      Side side = delta > 0 ? Side.BUY : Side.SELL;
      double ref = hist.open(s, b);
      double q = Math.abs(delta);
      double price = ex.slippage().apply(ref, side, inst[s], rng);
      double commission = ex.commission().commission(q, price, inst[s]);
      double slip = Math.abs(price - ref) * q * inst[s].pointValue();
      book(
          i,
          s,
          side,
          q,
          price,
          commission,
          slip,
          sleeves.get(i).name() + ":Rebalance",
          b,
          now,
          true);
      if (rebalance != null) {
        rebalance.turnover += q * price * inst[s].pointValue() / rebalance.equity;
        rebalance.cost += commission + slip;
      }
    }

    /** Mirrors one of sleeve i's fills into its sub-ledger. */
    private void mirror(int i, SleeveFill sf) {
      Fill f = sf.fill();
      int s = symbolIndex.get(f.symbol());
      Ledger sleeve = sleeveBook[i];
      double before = sleeve.position(s);
      sleeve.apply(
          s,
          f.orderId(),
          f.side(),
          f.quantity(),
          f.price(),
          f.commission(),
          f.slippageCost(),
          f.tag(),
          f.barIndex(),
          f.timeMillis(),
          sf.atBarOpen());
      double after = sleeve.position(s);
      double held = sub[i].position(s);
      double delta;
      if (before == 0 || Math.signum(before) == f.side().sign()) {
        delta = k[i] * f.side().sign() * f.quantity(); // opens or adds
      } else if (after == 0) {
        delta = -held; // the sleeve is flat: so is the sub-ledger
      } else if (Math.signum(after) != Math.signum(before)) {
        delta = -held + k[i] * after; // a reversal: close, then open k_i × the remainder
      } else {
        delta = -held * (f.quantity() / Math.abs(before)); // reduces by the same fraction
      }
      if (delta == 0) {
        return;
      }
      Side side = delta > 0 ? Side.BUY : Side.SELL;
      double q = Math.abs(delta);
      double commission = ex.commission().commission(q, f.price(), inst[s]);
      double slip = f.slippageCost() * q / f.quantity();
      book(
          i,
          s,
          side,
          q,
          f.price(),
          commission,
          slip,
          sleeves.get(i).name() + ":" + f.tag(),
          f.barIndex(),
          f.timeMillis(),
          sf.atBarOpen());
    }

    /**
     * Books one fill in sub-ledger i and records it, and the trades it closes, in the portfolio's
     * lists under the portfolio's numbering (each fill its own order, as before the ledger was
     * shared).
     */
    private void book(
        int i,
        int s,
        Side side,
        double q,
        double price,
        double commission,
        double slipCost,
        String tag,
        int bar,
        long time,
        boolean atBarOpen) {
      long id = fills.size() + 1L;
      int closedBefore = sub[i].trades().size();
      Fill f = sub[i].apply(s, id, side, q, price, commission, slipCost, tag, bar, time, atBarOpen);
      fills.add(
          new Fill(
              id,
              id,
              f.symbol(),
              f.timeMillis(),
              f.barIndex(),
              f.side(),
              f.quantity(),
              f.price(),
              f.commission(),
              f.slippageCost(),
              f.tag()));
      commissionPaid[i] += commission;
      slippagePaid[i] += slipCost;
      List<Trade> closed = sub[i].trades();
      for (int j = closedBefore; j < closed.size(); j++) {
        Trade t = closed.get(j);
        trades.add(
            new Trade(
                trades.size() + 1L,
                t.symbol(),
                t.direction(),
                t.quantity(),
                t.entryTimeMillis(),
                t.exitTimeMillis(),
                t.entryPrice(),
                t.exitPrice(),
                t.grossPnl(),
                t.commission(),
                t.slippage(),
                t.netPnl(),
                t.returnPct(),
                t.barsHeld(),
                t.mae(),
                t.mfe(),
                t.entryReason(),
                t.exitReason()));
      }
    }

    private PortfolioResult result(
        long[] clock,
        double[] eqValue,
        double[] eqCash,
        double[] eqExposure,
        double[][] targetW,
        double[][] actualW,
        double[][] values,
        double[] reserveAt,
        double[][] ret,
        double periods) {
      int bars = clock.length;
      double cash0 = ex.initialCash();
      double[][] cov;
      if (bars >= 2) {
        cov = Covariance.sample(ret);
      } else {
        cov = new double[n][n];
        for (double[] row : cov) {
          Arrays.fill(row, Double.NaN);
        }
      }
      double[] avgW = new double[n];
      for (double[] row : actualW) {
        for (int i = 0; i < n; i++) {
          avgW[i] += row[i] / bars;
        }
      }
      double[] rc = Allocator.riskContributions(avgW, cov);
      List<SleeveResult> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Sleeve sl = sleeves.get(i);
        double finalValue = values[bars - 1][i];
        double pnl = finalValue - transfers[i];
        List<String> syms = new ArrayList<>();
        for (SymbolData d : sl.data()) {
          syms.add(d.instrument().symbol());
        }
        out.add(
            new SleeveResult(
                sl.name(),
                sl.strategyName(),
                sl.params(),
                syms,
                own[i],
                pnl,
                commissionPaid[i],
                slippagePaid[i],
                pnl / cash0 * 100,
                rc[i],
                avgW[i],
                finalValue));
      }
      List<String> open = new ArrayList<>();
      for (int s = 0; s < m; s++) {
        for (int i = 0; i < n; i++) {
          if (sub[i].position(s) != 0) {
            open.add(inst[s].symbol());
            break;
          }
        }
      }
      BarSeries first = symbols.get(0).bars();
      double bh = (first.close(first.size() - 1) / first.close(0) - 1) * 100.0;
      BacktestResult portfolio =
          new BacktestResult(
              Arrays.asList(inst),
              new EquityCurve(clock, eqValue, eqCash, eqExposure),
              trades,
              fills,
              cash0,
              ex.seed(),
              ex.fillModel(),
              new BacktestResult.OrderStats(
                  fills.size() + cancelled, fills.size(), cancelled, 0, 0),
              bh,
              open);
      return new PortfolioResult(
          portfolio,
          out,
          targetW,
          actualW,
          values,
          reserveAt,
          ret,
          cov,
          Covariance.correlation(cov),
          events,
          periods);
    }
  }
}
