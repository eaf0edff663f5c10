package io.quantzoo.core.walkforward;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.ledger.Trade;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Walk-forward summary figures: efficiency, parameter stability, and result slicing. */
public final class WalkForwardMath {
  private WalkForwardMath() {}

  /**
   * Walk-forward efficiency: annualised out-of-sample return over annualised in-sample return
   * (Pardo). NaN when the in-sample return is not positive (the ratio has no meaning then) or
   * either is undefined.
   */
  public static double efficiency(double oosAnnualPct, double isAnnualPct) {
    if (!Double.isFinite(oosAnnualPct) || !Double.isFinite(isAnnualPct) || !(isAnnualPct > 0)) {
      return Double.NaN;
    }
    return oosAnnualPct / isAnnualPct;
  }

  /**
   * Stability of one parameter across windows.
   *
   * @param name parameter
   * @param windows windows with a chosen value
   * @param distinct number of distinct values chosen
   * @param changes windows whose value differs from the previous window's
   * @param mean mean of numeric values (NaN for text)
   * @param std sample standard deviation of numeric values (NaN below two)
   * @param cv coefficient of variation std / |mean| (NaN when mean is 0 or undefined)
   */
  public record ParamStability(
      String name, int windows, int distinct, int changes, double mean, double std, double cv) {}

  /**
   * Stability of each parameter over the windows' chosen values (null entries, windows without a
   * chosen point, are left out).
   */
  public static List<ParamStability> stability(
      List<Map<String, Object>> chosen, List<String> names) {
    List<ParamStability> out = new ArrayList<>();
    for (String n : names) {
      List<Object> vals = new ArrayList<>();
      for (Map<String, Object> m : chosen) {
        if (m != null) {
          vals.add(m.get(n));
        }
      }
      Set<Object> distinct = new LinkedHashSet<>(vals);
      int changes = 0;
      for (int i = 1; i < vals.size(); i++) {
        if (!Objects.equals(vals.get(i), vals.get(i - 1))) {
          changes++;
        }
      }
      double mean = Double.NaN;
      double std = Double.NaN;
      if (!vals.isEmpty() && vals.stream().allMatch(v -> v instanceof Number)) {
        double s = 0;
        for (Object v : vals) {
          s += ((Number) v).doubleValue();
        }
        mean = s / vals.size();
        if (vals.size() > 1) {
          double q = 0;
          for (Object v : vals) {
            double d = ((Number) v).doubleValue() - mean;
            q += d * d;
          }
          std = Math.sqrt(q / (vals.size() - 1));
        }
      }
      double cv = Double.isFinite(std) && mean != 0 ? std / Math.abs(mean) : Double.NaN;
      out.add(new ParamStability(n, vals.size(), distinct.size(), changes, mean, std, cv));
    }
    return out;
  }

  /**
   * The part of a result between two bar times: equity points with {@code from <= time <= to},
   * preceded by the last point before {@code from} when there is one (the base the first return is
   * measured from), and the trades entered in {@code [from, to]}.
   *
   * @param buyAndHoldPct buy-and-hold return of the slice, in percent
   */
  public static BacktestResult slice(BacktestResult r, long from, long to, double buyAndHoldPct) {
    EquityCurve c = r.equity();
    int n = c.size();
    int a = 0;
    while (a < n && c.timeMillis(a) < from) {
      a++;
    }
    int b = a;
    while (b < n && c.timeMillis(b) <= to) {
      b++;
    }
    int start = a > 0 ? a - 1 : a;
    int len = b - start;
    long[] t = new long[len];
    double[] e = new double[len];
    double[] cash = new double[len];
    double[] ex = new double[len];
    for (int i = 0; i < len; i++) {
      t[i] = c.timeMillis(start + i);
      e[i] = c.equity(start + i);
      cash[i] = c.cash(start + i);
      ex[i] = c.exposure(start + i);
    }
    List<Trade> trades = new ArrayList<>();
    for (Trade tr : r.trades()) {
      long et = tr.entryTimeMillis();
      if (et >= from && et <= to) {
        trades.add(tr);
      }
    }
    double initial = len > 0 ? e[0] : r.initialCash();
    return new BacktestResult(
        r.instruments(),
        new EquityCurve(t, e, cash, ex),
        trades,
        r.fills().stream().filter(f -> f.timeMillis() >= from && f.timeMillis() <= to).toList(),
        initial,
        r.seed(),
        r.fillModel(),
        r.orders(),
        buyAndHoldPct,
        r.openPositionsAtEnd());
  }
}
