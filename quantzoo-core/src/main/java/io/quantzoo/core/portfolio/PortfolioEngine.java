package io.quantzoo.core.portfolio;

import io.quantzoo.core.analytics.PeriodsPerYear;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.Side;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Each sleeve's strategy runs unchanged through {@link BacktestEngine} in its own virtual
 * account (starting with the portfolio's initial cash, under the portfolio's fill model and costs
 * and the sleeve's own sizing). Its fills are then <em>mirrored</em> into the portfolio account, in
 * a sub-ledger of its own, scaled by {@code k_i = target value / sleeve equity}, fixed between
 * rebalances: a fill that opens or adds is scaled by {@code k_i}; a fill that reduces the sleeve's
 * position by a fraction reduces the sub-ledger's position by the same fraction. Mirrored fills
 * keep the sleeve's time and price (the sleeve decided them from past bars); commission is
 * recomputed from the portfolio's model on the scaled quantity and slippage cost scaled with it.
 *
 * <p>On the merged clock, at each timestamp: for every symbol with a bar, pending rebalancing
 * trades fill at its open (plus slippage, with commission), then the sleeves' fills of that
 * timestamp are mirrored, then symbols are marked at their close; one equity point is recorded;
 * then, at that close, a rebalance may be decided (schedule or drift): new target weights from the
 * rolling window of the sleeves' returns known up to this close, cash moved between sub-ledgers to
 * the target values, new {@code k_i}, and the trades {@code k_i·(sleeve position) − (sub-ledger
 * position)} queued for each symbol's next open. Full semantics: {@code docs/PORTFOLIOS.md}.
 *
 * <p>Deterministic: the sleeves' runs use the config's seed; random slippage on rebalancing fills
 * draws from a {@link SplittableRandom} seeded with it. Quantities are not rounded to lot steps (a
 * sleeve's quantity times {@code k_i} is fractional).
 */
public final class PortfolioEngine {
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
    private final double[] pv;
    private final boolean[] margin;
    private final double[] mark;
    private final int[] cur;
    // sub-ledgers [sleeve][symbol]
    private final double[] subCash;
    private final double[][] qty;
    private final double[][] avg;
    private final double[][] entryComm;
    private final double[][] entrySlip;
    private final double[][] maxHigh;
    private final double[][] minLow;
    private final long[][] openTime;
    private final int[][] openBar;
    private final String[][] entryReason;
    private final double[][] sleevePos;
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
      pv = new double[m];
      margin = new boolean[m];
      mark = new double[m];
      cur = new int[m];
      for (int s = 0; s < m; s++) {
        inst[s] = symbols.get(s).instrument();
        pv[s] = inst[s].pointValue();
        margin[s] = inst[s].assetClass().marginStyle();
        mark[s] = symbols.get(s).bars().open(0);
        cur[s] = -1;
      }
      subCash = new double[n];
      qty = new double[n][m];
      avg = new double[n][m];
      entryComm = new double[n][m];
      entrySlip = new double[n][m];
      maxHigh = new double[n][m];
      minLow = new double[n][m];
      openTime = new long[n][m];
      openBar = new int[n][m];
      entryReason = new String[n][m];
      sleevePos = new double[n][m];
      pending = new boolean[n][m];
      k = new double[n];
      transfers = new double[n];
      commissionPaid = new double[n];
      slippagePaid = new double[n];
      rng = new SplittableRandom(ex.seed());
    }

    PortfolioResult execute() {
      double cash0 = ex.initialCash();
      Fill[][] sleeveFills = new Fill[n][];
      for (int i = 0; i < n; i++) {
        Sleeve sl = sleeves.get(i);
        own[i] = new BacktestEngine(ex.withSizing(sl.sizing())).run(sl.data(), sl.strategy());
        sleeveFills[i] = own[i].fills().toArray(new Fill[0]);
        // the end-of-data closes come last but carry their symbol's last bar time
        Arrays.sort(sleeveFills[i], Comparator.comparingLong(Fill::timeMillis));
      }
      long[] clock = mergedClock();
      int bars = clock.length;
      double periods =
          Double.isNaN(cfg.periodsPerYear())
              ? PeriodsPerYear.estimate(clock, inst[0].assetClass(), inst[0].exchangeZone())
              : cfg.periodsPerYear();

      // initial allocation: each sleeve's virtual account starts with the portfolio's cash
      target = cfg.allocator().warmUp(n);
      double allocated = 0;
      for (int i = 0; i < n; i++) {
        subCash[i] = target[i] * cash0;
        transfers[i] = subCash[i];
        allocated += subCash[i];
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
      int[] next = new int[m];
      int[] fp = new int[n];
      int[] ep = new int[n];
      double[] lastV = new double[n];
      Arrays.fill(lastV, cash0);
      BarSeries[] series = new BarSeries[m];
      for (int s = 0; s < m; s++) {
        series[s] = symbols.get(s).bars();
      }
      for (int t = 0; t < bars; t++) {
        long now = clock[t];
        for (int s = 0; s < m; s++) {
          if (next[s] < series[s].size() && series[s].timeMillis(next[s]) == now) {
            cur[s] = next[s];
            mark[s] = series[s].open(cur[s]);
            if (pendingCount > 0) {
              for (int i = 0; i < n; i++) {
                if (pending[i][s]) {
                  executeRebalance(i, s, now);
                }
              }
            }
          }
        }
        for (int i = 0; i < n; i++) {
          Fill[] fs = sleeveFills[i];
          while (fp[i] < fs.length && fs[fp[i]].timeMillis() <= now) {
            Fill f = fs[fp[i]++];
            if (f.timeMillis() != now) {
              throw new IllegalStateException("fill " + f + " is not on the merged clock");
            }
            mirror(i, f);
          }
        }
        for (int s = 0; s < m; s++) {
          if (next[s] < series[s].size() && series[s].timeMillis(next[s]) == now) {
            int b = next[s];
            mark[s] = series[s].close(b);
            for (int i = 0; i < n; i++) {
              if (qty[i][s] != 0 && b > openBar[i][s]) {
                maxHigh[i][s] = Math.max(maxHigh[i][s], series[s].high(b));
                minLow[i][s] = Math.min(minLow[i][s], series[s].low(b));
              }
            }
            next[s]++;
          }
        }
        double equity = reserve;
        double cash = reserve;
        double exposure = 0;
        for (int i = 0; i < n; i++) {
          double v = subCash[i];
          cash += subCash[i];
          for (int s = 0; s < m; s++) {
            double q = qty[i][s];
            if (q != 0) {
              v += margin[s] ? q * (mark[s] - avg[i][s]) * pv[s] : q * mark[s] * pv[s];
              exposure += Math.abs(q) * mark[s] * pv[s];
            }
          }
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

    private long[] mergedClock() {
      int total = 0;
      for (SymbolData d : symbols) {
        total += d.bars().size();
      }
      long[] all = new long[total];
      int p = 0;
      for (SymbolData d : symbols) {
        long[] t = d.bars().timesArray();
        System.arraycopy(t, 0, all, p, t.length);
        p += t.length;
      }
      Arrays.sort(all);
      int u = 0;
      for (int i = 0; i < all.length; i++) {
        if (i == 0 || all[i] != all[u - 1]) {
          all[u++] = all[i];
        }
      }
      return Arrays.copyOf(all, u);
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
        subCash[i] += transfer;
        transfers[i] += transfer;
        allocated += value;
        k[i] = sleeveEquity[i] > 0 ? value / sleeveEquity[i] : 0;
        for (int s : sleeveSymbols[i]) {
          if (sleevePos[i][s] != 0 || qty[i][s] != 0) {
            pending[i][s] = true;
            pendingCount++;
          }
        }
      }
      reserve = equity - allocated;
    }

    /** Trades sub-ledger (i, s) to {@code k_i × sleeve position} at symbol s's open. */
    private void executeRebalance(int i, int s, long now) {
      pending[i][s] = false;
      pendingCount--;
      double goal = k[i] * sleevePos[i][s];
      double delta = goal - qty[i][s];
      if (Math.abs(delta) <= QTY_EPS * Math.max(Math.abs(goal), Math.abs(qty[i][s]))
          || delta == 0) {
        return;
      }
      Side side = delta > 0 ? Side.BUY : Side.SELL;
      double ref = mark[s];
      double q = Math.abs(delta);
      double price = ex.slippage().apply(ref, side, inst[s], rng);
      double commission = ex.commission().commission(q, price, inst[s]);
      double slip = Math.abs(price - ref) * q * pv[s];
      applyFill(
          i,
          s,
          side,
          q,
          price,
          commission,
          slip,
          sleeves.get(i).name() + ":Rebalance",
          cur[s],
          now);
      if (rebalance != null) {
        rebalance.turnover += q * price * pv[s] / rebalance.equity;
        rebalance.cost += commission + slip;
      }
    }

    /** Mirrors one of sleeve i's fills into its sub-ledger. */
    private void mirror(int i, Fill f) {
      int s = symbolIndex.get(f.symbol());
      double before = sleevePos[i][s];
      double signed = f.side().sign() * f.quantity();
      double delta;
      if (before == 0 || Math.signum(before) == Math.signum(signed)) {
        delta = k[i] * signed;
      } else {
        double closeQty = Math.min(Math.abs(before), f.quantity());
        double frac = closeQty / Math.abs(before);
        delta = closeQty == Math.abs(before) ? -qty[i][s] : -qty[i][s] * frac;
        double rest = f.quantity() - closeQty;
        if (rest > 0) {
          delta += k[i] * f.side().sign() * rest;
        }
      }
      double after = before + signed;
      sleevePos[i][s] = Math.abs(after) <= QTY_EPS * Math.max(1, Math.abs(before)) ? 0 : after;
      if (delta == 0) {
        return;
      }
      Side side = delta > 0 ? Side.BUY : Side.SELL;
      double q = Math.abs(delta);
      double commission = ex.commission().commission(q, f.price(), inst[s]);
      double slip = f.slippageCost() * q / f.quantity();
      applyFill(
          i,
          s,
          side,
          q,
          f.price(),
          commission,
          slip,
          sleeves.get(i).name() + ":" + f.tag(),
          f.barIndex(),
          f.timeMillis());
    }

    // ------------------------------------------------------------ sub-ledger accounting
    // The same rules as the engine's ledger (docs/ENGINE.md), per (sleeve, symbol).

    private void applyFill(
        int i,
        int s,
        Side side,
        double q,
        double price,
        double commission,
        double slipCost,
        String tag,
        int bar,
        long time) {
      long id = fills.size() + 1L;
      fills.add(
          new Fill(id, id, inst[s].symbol(), time, bar, side, q, price, commission, slipCost, tag));
      commissionPaid[i] += commission;
      slippagePaid[i] += slipCost;
      subCash[i] -= commission;
      double p = qty[i][s];
      double signed = side.sign() * q;
      if (p == 0 || Math.signum(p) == Math.signum(signed)) {
        openOrAdd(i, s, p, signed, q, price, commission, slipCost, tag, bar, time);
        return;
      }
      double closeQty = Math.min(Math.abs(p), q);
      double dir = Math.signum(p);
      double frac = closeQty / Math.abs(p);
      double gross = closeQty * (price - avg[i][s]) * pv[s] * dir;
      double share = closeQty / q;
      double comm = entryComm[i][s] * frac + commission * share;
      double slip = entrySlip[i][s] * frac + slipCost * share;
      if (margin[s]) {
        subCash[i] += gross;
      } else {
        subCash[i] += dir * closeQty * price * pv[s];
      }
      double hi = Math.max(maxHigh[i][s], price);
      double lo = Math.min(minLow[i][s], price);
      double mfe;
      double mae;
      if (dir > 0) {
        mfe = Math.max(0, (hi - avg[i][s]) * closeQty * pv[s]);
        mae = Math.min(0, (lo - avg[i][s]) * closeQty * pv[s]);
      } else {
        mfe = Math.max(0, (avg[i][s] - lo) * closeQty * pv[s]);
        mae = Math.min(0, (avg[i][s] - hi) * closeQty * pv[s]);
      }
      double notional = avg[i][s] * closeQty * pv[s];
      double net = gross - comm;
      trades.add(
          new Trade(
              trades.size() + 1L,
              inst[s].symbol(),
              dir > 0 ? Trade.Direction.LONG : Trade.Direction.SHORT,
              closeQty,
              openTime[i][s],
              time,
              avg[i][s],
              price,
              gross,
              comm,
              slip,
              net,
              notional > 0 ? net / notional * 100.0 : Double.NaN,
              Math.max(0, bar - openBar[i][s]),
              mae,
              mfe,
              entryReason[i][s],
              tag));
      entryComm[i][s] -= entryComm[i][s] * frac;
      entrySlip[i][s] -= entrySlip[i][s] * frac;
      double remaining = p + signed;
      if (closeQty == Math.abs(p) || Math.abs(remaining) <= QTY_EPS * Math.abs(p)) {
        qty[i][s] = 0;
        avg[i][s] = 0;
        entryComm[i][s] = 0;
        entrySlip[i][s] = 0;
        double rest = q - closeQty;
        if (rest > QTY_EPS * q) {
          openOrAdd(
              i,
              s,
              0,
              side.sign() * rest,
              rest,
              price,
              commission * (rest / q),
              slipCost * (rest / q),
              tag,
              bar,
              time);
        }
      } else {
        qty[i][s] = remaining;
      }
    }

    private void openOrAdd(
        int i,
        int s,
        double p,
        double signed,
        double q,
        double price,
        double commission,
        double slipCost,
        String tag,
        int bar,
        long time) {
      if (!margin[s]) {
        subCash[i] -= signed * price * pv[s];
      }
      if (p == 0) {
        qty[i][s] = signed;
        avg[i][s] = price;
        openTime[i][s] = time;
        openBar[i][s] = bar;
        entryReason[i][s] = tag;
        entryComm[i][s] = commission;
        entrySlip[i][s] = slipCost;
        maxHigh[i][s] = price;
        minLow[i][s] = price;
      } else {
        double newAbs = Math.abs(p) + q;
        avg[i][s] = (Math.abs(p) * avg[i][s] + q * price) / newAbs;
        qty[i][s] = p + signed;
        entryComm[i][s] += commission;
        entrySlip[i][s] += slipCost;
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
          if (qty[i][s] != 0) {
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
