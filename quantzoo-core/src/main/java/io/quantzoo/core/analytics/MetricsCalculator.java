package io.quantzoo.core.analytics;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@link Metrics} from a {@link BacktestResult}, exactly as defined in {@code
 * docs/METRICS.md}.
 *
 * <p>The equity sequence is {@code E_0 = initialCash} followed by the curve's points {@code
 * E_1..E_n}; the {@code n} bar returns are {@code r_t = E_t / E_(t−1) − 1}. Every undefined metric
 * is {@code NaN}, never a made-up 0. Pure and deterministic: the same result and options give the
 * same metrics.
 */
public final class MetricsCalculator {

  /**
   * A bar-return standard deviation or downside deviation at or below this is treated as zero:
   * rounding in {@code E_t / E_(t−1) − 1} leaves about 1e-16 of noise on returns that are in fact
   * equal, which would otherwise give a Sharpe ratio near 1e15. For trade P&amp;L the threshold is
   * this times the largest |net P&amp;L|.
   */
  static final double ZERO_TOLERANCE = 1e-12;

  /** VaR and ES need at least this many bar returns. */
  static final int MIN_RETURNS_FOR_VAR = 20;

  private MetricsCalculator() {}

  /** Computes the metrics with {@link MetricsOptions#defaults()}. */
  public static Metrics compute(BacktestResult r) {
    return compute(r, MetricsOptions.defaults());
  }

  /**
   * Computes every metric of a run.
   *
   * @param r the run; its initial cash must be finite and &gt; 0, its equity values finite, its
   *     curve times strictly increasing and every trade's net P&amp;L finite
   * @param o the options; when {@code o.periodsPerYear()} is NaN it is estimated from the curve's
   *     times with the first instrument's asset class and exchange zone
   * @return the metrics
   * @throws IllegalArgumentException if an input breaks the rules above, or periods per year must
   *     be estimated and the run has no instrument
   */
  public static Metrics compute(BacktestResult r, MetricsOptions o) {
    Objects.requireNonNull(r, "result");
    Objects.requireNonNull(o, "options");
    double e0 = r.initialCash();
    if (!Double.isFinite(e0) || !(e0 > 0)) {
      throw new IllegalArgumentException("initial_cash must be finite and > 0, was " + e0);
    }
    EquityCurve curve = r.equity();
    int n = curve.size();
    double[] e = new double[n + 1];
    e[0] = e0;
    for (int i = 0; i < n; i++) {
      double v = curve.equity(i);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("equity must be finite, was " + v + " at index " + i);
      }
      e[i + 1] = v;
    }
    long[] times = curve.timesArray();
    double periods = o.hasPeriodsPerYear() ? o.periodsPerYear() : estimatePeriods(r, times);
    double en = e[n];

    // Returns; undefined (null) when a return would have a non-positive base.
    double[] ret = barReturns(e);
    double annualReturnPct = Double.NaN;
    double annualVolatilityPct = Double.NaN;
    double sharpe = Double.NaN;
    double sortino = Double.NaN;
    double var95 = Double.NaN;
    double var99 = Double.NaN;
    double es95 = Double.NaN;
    double es99 = Double.NaN;
    if (ret != null && ret.length >= 1) {
      double mean = mean(ret);
      double sqrtP = Math.sqrt(periods);
      double rfPerBar = Math.pow(1 + o.riskFreeRatePct() / 100, 1 / periods) - 1;
      annualReturnPct = mean * periods * 100;
      if (ret.length >= 2) {
        double std = sampleStd(ret, mean);
        annualVolatilityPct = std * sqrtP * 100;
        if (std > ZERO_TOLERANCE) {
          sharpe = (mean - rfPerBar) / std * sqrtP;
        }
        double dd = downsideDeviation(ret, rfPerBar);
        if (dd > ZERO_TOLERANCE) {
          sortino = (mean - rfPerBar) / dd * sqrtP;
        }
      }
      if (ret.length >= MIN_RETURNS_FOR_VAR) {
        // Only the lowest 5 % matter: select them, sort just those (O(n), not O(n log n)).
        int k = Math.min(ret.length, (int) Math.floor((ret.length - 1) * 0.05) + 2);
        double[] low = lowestSorted(ret, k);
        double q95 = quantileType7(low, ret.length, 0.05);
        double q99 = quantileType7(low, ret.length, 0.01);
        var95 = -q95 * 100 + 0.0;
        var99 = -q99 * 100 + 0.0;
        es95 = -meanAtOrBelow(low, k, q95) * 100 + 0.0;
        es99 = -meanAtOrBelow(low, k, q99) * 100 + 0.0;
      }
    }

    double cagrPct = Double.NaN;
    if (n >= 1) {
      double years = (times[n - 1] - times[0]) / (365.25 * PeriodsPerYear.DAY_MILLIS);
      if (years > 0 && en > 0) {
        cagrPct = (Math.pow(en / e0, 1 / years) - 1) * 100;
      }
    }

    Drawdowns dd = drawdowns(e, times);
    double calmar =
        dd.maxPct() > 0 ? (cagrPct / 100) / (dd.maxPct() / 100) : Double.NaN; // NaN cagr stays NaN

    TradeStats ts = tradeStats(r.trades());

    double exposurePct = Double.NaN;
    if (n > 0) {
      int exposed = 0;
      for (int i = 0; i < n; i++) {
        if (curve.exposure(i) > 0) {
          exposed++;
        }
      }
      exposurePct = 100.0 * exposed / n;
    }

    double commission = 0;
    double slippage = 0;
    for (Fill f : r.fills()) {
      commission += f.commission();
      slippage += f.slippageCost();
    }

    return new Metrics(
        e0,
        en,
        en - e0,
        (en / e0 - 1) * 100,
        annualReturnPct,
        cagrPct,
        annualVolatilityPct,
        sharpe,
        sortino,
        calmar,
        dd.maxPct(),
        dd.maxCurrency(),
        dd.longestBars(),
        dd.longestDays(),
        dd.recoveryBars(),
        dd.avgPct(),
        ts.count(),
        ts.winRatePct(),
        ts.profitFactor(),
        ts.expectancy(),
        ts.avgWin(),
        ts.avgLoss(),
        ts.payoffRatio(),
        ts.best(),
        ts.worst(),
        ts.avgBarsHeld(),
        exposurePct,
        ts.sqn(),
        ts.kelly(),
        var95,
        var99,
        es95,
        es99,
        commission,
        slippage,
        r.buyAndHoldReturnPct(),
        periods,
        n);
  }

  private static double estimatePeriods(BacktestResult r, long[] times) {
    List<Instrument> instruments = r.instruments();
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException(
          "instruments must not be empty to estimate periods_per_year, was empty"
              + " (or set MetricsOptions.periodsPerYear)");
    }
    Instrument first = instruments.get(0);
    return PeriodsPerYear.estimate(times, first.assetClass(), first.exchangeZone());
  }

  /** {@code r_t = E_t / E_(t−1) − 1} for t = 1..n, or null if some {@code E_(t−1) ≤ 0}. */
  static double[] barReturns(double[] e) {
    double[] ret = new double[e.length - 1];
    for (int t = 1; t < e.length; t++) {
      if (!(e[t - 1] > 0)) {
        return null;
      }
      ret[t - 1] = e[t] / e[t - 1] - 1;
    }
    return ret;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Sample standard deviation (divisor n − 1), two-pass; needs at least two values. */
  static double sampleStd(double[] x, double mean) {
    double ss = 0;
    for (double v : x) {
      double d = v - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  /** {@code sqrt(mean over all returns of min(0, r − target)²)} (Sortino &amp; Price 1994). */
  static double downsideDeviation(double[] ret, double target) {
    double ss = 0;
    for (double v : ret) {
      double d = Math.min(0, v - target);
      ss += d * d;
    }
    return Math.sqrt(ss / ret.length);
  }

  /**
   * Hyndman–Fan type 7 sample quantile (numpy's default): {@code h = (n − 1) p}, {@code q = x_⌊h⌋ +
   * (h − ⌊h⌋)(x_(⌊h⌋+1) − x_⌊h⌋)}, indices from 0.
   *
   * @param sorted values in ascending order, at least one
   * @param p probability in [0, 1]
   */
  static double quantileType7(double[] sorted, double p) {
    return quantileType7(sorted, sorted.length, p);
  }

  /**
   * Type-7 quantile of {@code n} values whose smallest ones lead {@code a} in ascending order (at
   * least up to the two order statistics the quantile reads).
   */
  static double quantileType7(double[] a, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= n) {
      return a[n - 1];
    }
    return a[lo] + (h - lo) * (a[lo + 1] - a[lo]);
  }

  /** Mean of the values {@code ≤ q}; with q from {@link #quantileType7} there is at least one. */
  /**
   * Mean of the values at or below {@code q} of {@code a}, whose first {@code k} entries are its
   * {@code k} smallest values in ascending order. Sums in ascending order, exactly as over a fully
   * sorted array: the prefix values first, then any value of the rest equal to {@code q} (the rest
   * holds no value below {@code q} when {@code q} lies within the prefix).
   */
  static double meanAtOrBelow(double[] a, int k, double q) {
    double s = 0;
    int c = 0;
    int i = 0;
    for (; i < k; i++) {
      double v = a[i];
      if (v > q) {
        break;
      }
      s += v;
      c++;
    }
    if (i == k) {
      for (int j = k; j < a.length; j++) {
        if (a[j] <= q) {
          s += a[j];
          c++;
        }
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }

  /**
   * A copy of {@code x} whose first {@code k} entries are its {@code k} smallest values in
   * ascending order (the rest in no order): quickselect, then a sort of the prefix.
   */
  static double[] lowestSorted(double[] x, int k) {
    double[] a = x.clone();
    if (k < a.length) {
      select(a, k - 1);
    }
    Arrays.sort(a, 0, k);
    return a;
  }

  /** Rearranges {@code a} so that {@code a[0..m]} hold its {@code m + 1} smallest values. */
  static void select(double[] a, int m) {
    int lo = 0;
    int hi = a.length - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // Median of three as the pivot.
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      // Now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] == pivot.
      if (m <= j) {
        hi = j;
      } else if (m >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /**
   * Drawdown statistics of the equity sequence.
   *
   * @param maxPct largest {@code 1 − E_t / peak_t}, in percent
   * @param maxCurrency largest {@code peak_t − E_t}
   * @param longestBars points in the longest drawdown episode
   * @param longestDays that episode's calendar span in days
   * @param recoveryBars bars from the deepest (pct) trough to recovery, NaN if none or unrecovered
   * @param avgPct mean of the episodes' maximum depths, in percent, 0 if no episode
   */
  record Drawdowns(
      double maxPct,
      double maxCurrency,
      double longestBars,
      double longestDays,
      double recoveryBars,
      double avgPct) {}

  /**
   * An episode is a maximal run of points {@code E_t < peak}, starting at {@code s}; its peak point
   * is {@code s − 1} (at the peak, because it was not below it) and it ends at the first point
   * {@code ≥ peak} (recovered) or at the last point. {@code E_0} has the time of the first curve
   * point.
   */
  static Drawdowns drawdowns(double[] e, long[] times) {
    int n = e.length - 1;
    double peak = e[0];
    double maxDd = 0;
    double maxCur = 0;
    int trough = -1;
    double recovery = Double.NaN;
    boolean in = false;
    int start = -1;
    double depth = 0;
    double depthSum = 0;
    int episodes = 0;
    int longestBars = 0;
    double longestDays = 0;
    for (int t = 1; t <= n; t++) {
      if (e[t] >= peak) {
        if (in) {
          int bars = t - start;
          if (bars > longestBars) {
            longestBars = bars;
            longestDays = days(times, start - 1, t);
          }
          if (trough >= start) {
            recovery = t - trough;
          }
          depthSum += depth;
          episodes++;
          in = false;
        }
        peak = e[t];
      } else {
        if (!in) {
          in = true;
          start = t;
          depth = 0;
        }
        double dd = 1 - e[t] / peak;
        depth = Math.max(depth, dd);
        if (dd > maxDd) {
          maxDd = dd;
          trough = t;
          recovery = Double.NaN;
        }
        maxCur = Math.max(maxCur, peak - e[t]);
      }
    }
    if (in) {
      int bars = n - start + 1;
      if (bars > longestBars) {
        longestBars = bars;
        longestDays = days(times, start - 1, n);
      }
      depthSum += depth;
      episodes++;
    }
    double avg = episodes == 0 ? 0 : depthSum / episodes * 100;
    return new Drawdowns(maxDd * 100, maxCur, longestBars, longestDays, recovery, avg);
  }

  /**
   * Calendar days from sequence index {@code from} to {@code to}; index 0 (E_0) is curve point 0.
   */
  private static double days(long[] times, int from, int to) {
    long a = times[Math.max(0, from - 1)];
    long b = times[to - 1];
    return (b - a) / (double) PeriodsPerYear.DAY_MILLIS;
  }

  /** Statistics of closed trades' net P&amp;L; see docs/METRICS.md for each NaN case. */
  record TradeStats(
      int count,
      double winRatePct,
      double profitFactor,
      double expectancy,
      double avgWin,
      double avgLoss,
      double payoffRatio,
      double best,
      double worst,
      double avgBarsHeld,
      double sqn,
      double kelly) {}

  static TradeStats tradeStats(List<Trade> trades) {
    int n = trades.size();
    double[] pnl = new double[n];
    int wins = 0;
    int losses = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double best = Double.NaN;
    double worst = Double.NaN;
    double maxAbs = 0;
    long barsSum = 0;
    for (int i = 0; i < n; i++) {
      Trade t = trades.get(i);
      double p = t.netPnl();
      if (!Double.isFinite(p)) {
        throw new IllegalArgumentException(
            "trade net_pnl must be finite, was " + p + " (trade " + t.tradeId() + ")");
      }
      pnl[i] = p;
      if (p > 0) {
        wins++;
        grossProfit += p;
      } else if (p < 0) {
        losses++;
        grossLoss += p;
      }
      best = i == 0 ? p : Math.max(best, p);
      worst = i == 0 ? p : Math.min(worst, p);
      maxAbs = Math.max(maxAbs, Math.abs(p));
      barsSum += t.barsHeld();
    }
    if (n == 0) {
      double nan = Double.NaN;
      return new TradeStats(0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
    double winFraction = (double) wins / n;
    double profitFactor;
    if (grossLoss < 0) {
      profitFactor = grossProfit / -grossLoss;
    } else {
      profitFactor = grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double mean = mean(pnl);
    double avgWin = wins > 0 ? grossProfit / wins : Double.NaN;
    double avgLoss = losses > 0 ? grossLoss / losses : Double.NaN;
    double payoff = avgWin / Math.abs(avgLoss); // NaN when either side is missing
    double sqn = Double.NaN;
    if (n >= 2) {
      double std = sampleStd(pnl, mean);
      if (std > ZERO_TOLERANCE * maxAbs) {
        sqn = Math.sqrt(n) * mean / std;
      }
    }
    double kelly = winFraction - (1 - winFraction) / payoff;
    return new TradeStats(
        n,
        winFraction * 100,
        profitFactor,
        mean,
        avgWin,
        avgLoss,
        payoff,
        best,
        worst,
        (double) barsSum / n,
        sqn,
        kelly);
  }
}
