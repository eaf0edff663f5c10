package io.quantzoo.core.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance metrics of one run. Every formula is written out in {@code docs/METRICS.md}.
 *
 * <p>Percentages are in percent (12.5 means 12.5 %). Currency amounts are in the account currency.
 * A metric that is undefined for the run (e.g. win rate with no trades, Sortino with no return
 * below the target) is {@code NaN}, never a made-up number; JSON output writes it as {@code null}.
 * Profit factor with winners and no loser is {@code +Infinity}; JSON writes it as the string {@code
 * "Infinity"}.
 *
 * @param initialEquity starting equity
 * @param finalEquity equity at the last bar
 * @param netProfit final minus initial equity
 * @param totalReturnPct (final / initial − 1) × 100
 * @param annualReturnPct mean bar return × periods per year × 100 (arithmetic)
 * @param cagrPct compound annual growth rate × 100, over the curve's calendar span
 * @param annualVolatilityPct sample standard deviation of bar returns × √periods × 100
 * @param sharpe (mean bar return − rf per bar) / sample std × √periods
 * @param sortino (mean bar return − rf per bar) / downside deviation × √periods
 * @param calmar CAGR / max drawdown (both as fractions)
 * @param maxDrawdownPct largest peak-to-trough fall of equity, as a positive percent of the peak
 * @param maxDrawdown the same fall in currency (positive)
 * @param maxDrawdownDurationBars longest time spent below a previous peak, in bars
 * @param maxDrawdownDurationDays the same, in calendar days
 * @param recoveryBars bars from the deepest trough back to its prior peak, NaN if never recovered
 * @param avgDrawdownPct mean of the maximum depths of all drawdown episodes, in percent
 * @param trades number of closed trades
 * @param winRatePct winning trades / trades × 100
 * @param profitFactor gross profit / gross loss
 * @param expectancy mean net P&amp;L per trade
 * @param avgWin mean net P&amp;L of winning trades
 * @param avgLoss mean net P&amp;L of losing trades (negative)
 * @param payoffRatio avgWin / |avgLoss|
 * @param bestTrade largest net P&amp;L
 * @param worstTrade smallest net P&amp;L
 * @param avgBarsHeld mean bars held per trade
 * @param exposurePct share of bars with an open position × 100
 * @param sqn System Quality Number: √n × mean(net P&amp;L) / sample std(net P&amp;L)
 * @param kelly Kelly fraction: W − (1 − W) / payoff ratio
 * @param var95 historical 95 % VaR of bar returns, as a positive loss percent
 * @param var99 historical 99 % VaR of bar returns, as a positive loss percent
 * @param es95 historical 95 % Expected Shortfall of bar returns, as a positive loss percent
 * @param es99 historical 99 % Expected Shortfall of bar returns, as a positive loss percent
 * @param totalCommission sum of commissions paid
 * @param totalSlippage sum of slippage costs
 * @param buyAndHoldReturnPct return of holding the first symbol from first to last close × 100
 * @param periodsPerYear bar periods per year used for annualisation
 * @param bars number of points on the equity curve
 */
public record Metrics(
    double initialEquity,
    double finalEquity,
    double netProfit,
    double totalReturnPct,
    double annualReturnPct,
    double cagrPct,
    double annualVolatilityPct,
    double sharpe,
    double sortino,
    double calmar,
    double maxDrawdownPct,
    double maxDrawdown,
    double maxDrawdownDurationBars,
    double maxDrawdownDurationDays,
    double recoveryBars,
    double avgDrawdownPct,
    int trades,
    double winRatePct,
    double profitFactor,
    double expectancy,
    double avgWin,
    double avgLoss,
    double payoffRatio,
    double bestTrade,
    double worstTrade,
    double avgBarsHeld,
    double exposurePct,
    double sqn,
    double kelly,
    double var95,
    double var99,
    double es95,
    double es99,
    double totalCommission,
    double totalSlippage,
    double buyAndHoldReturnPct,
    double periodsPerYear,
    int bars) {

  /** The metric names of {@link #asMap()}, in the same order. */
  public static final List<String> NAMES =
      List.of(
          "initial_equity",
          "final_equity",
          "net_profit",
          "total_return_pct",
          "annual_return_pct",
          "cagr_pct",
          "annual_volatility_pct",
          "sharpe",
          "sortino",
          "calmar",
          "max_drawdown_pct",
          "max_drawdown",
          "max_drawdown_duration_bars",
          "max_drawdown_duration_days",
          "recovery_bars",
          "avg_drawdown_pct",
          "trades",
          "win_rate_pct",
          "profit_factor",
          "expectancy",
          "avg_win",
          "avg_loss",
          "payoff_ratio",
          "best_trade",
          "worst_trade",
          "avg_bars_held",
          "exposure_pct",
          "sqn",
          "kelly",
          "var_95_pct",
          "var_99_pct",
          "es_95_pct",
          "es_99_pct",
          "total_commission",
          "total_slippage",
          "buy_and_hold_return_pct",
          "periods_per_year",
          "bars");

  /**
   * Every metric under its snake_case name, in a fixed order. These names are the public contract
   * of {@code qz run --json}, the store's metrics table and the reports.
   */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("initial_equity", initialEquity);
    m.put("final_equity", finalEquity);
    m.put("net_profit", netProfit);
    m.put("total_return_pct", totalReturnPct);
    m.put("annual_return_pct", annualReturnPct);
    m.put("cagr_pct", cagrPct);
    m.put("annual_volatility_pct", annualVolatilityPct);
    m.put("sharpe", sharpe);
    m.put("sortino", sortino);
    m.put("calmar", calmar);
    m.put("max_drawdown_pct", maxDrawdownPct);
    m.put("max_drawdown", maxDrawdown);
    m.put("max_drawdown_duration_bars", maxDrawdownDurationBars);
    m.put("max_drawdown_duration_days", maxDrawdownDurationDays);
    m.put("recovery_bars", recoveryBars);
    m.put("avg_drawdown_pct", avgDrawdownPct);
    m.put("trades", (double) trades);
    m.put("win_rate_pct", winRatePct);
    m.put("profit_factor", profitFactor);
    m.put("expectancy", expectancy);
    m.put("avg_win", avgWin);
    m.put("avg_loss", avgLoss);
    m.put("payoff_ratio", payoffRatio);
    m.put("best_trade", bestTrade);
    m.put("worst_trade", worstTrade);
    m.put("avg_bars_held", avgBarsHeld);
    m.put("exposure_pct", exposurePct);
    m.put("sqn", sqn);
    m.put("kelly", kelly);
    m.put("var_95_pct", var95);
    m.put("var_99_pct", var99);
    m.put("es_95_pct", es95);
    m.put("es_99_pct", es99);
    m.put("total_commission", totalCommission);
    m.put("total_slippage", totalSlippage);
    m.put("buy_and_hold_return_pct", buyAndHoldReturnPct);
    m.put("periods_per_year", periodsPerYear);
    m.put("bars", (double) bars);
    return m;
  }
}
