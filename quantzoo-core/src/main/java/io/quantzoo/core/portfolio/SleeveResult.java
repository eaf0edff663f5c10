package io.quantzoo.core.portfolio;

import io.quantzoo.core.engine.BacktestResult;
import java.util.List;
import java.util.Objects;

/**
 * What one sleeve did inside the portfolio.
 *
 * @param name the sleeve's name
 * @param strategy the strategy's name
 * @param params the strategy's parameters as text
 * @param symbols the sleeve's symbols
 * @param own the sleeve's own backtest in its virtual account (before scaling)
 * @param pnl the sleeve's P&amp;L in the portfolio: final value minus every cash allocated to it
 *     (the initial allocation and every rebalancing transfer)
 * @param commission commission paid by the sleeve in the portfolio (mirrored and rebalancing fills)
 * @param slippage slippage cost of the sleeve in the portfolio
 * @param contributionToReturnPct {@code pnl / initial cash × 100}; the sleeves' sum is the
 *     portfolio's total return
 * @param contributionToRisk {@code ā_i (Σā)_i / āᵀΣā} with ā the time-average actual weights and Σ
 *     the full-period covariance of the sleeves' own returns; the sum over sleeves is 1 (NaN when
 *     {@code āᵀΣā = 0})
 * @param averageWeight time-average actual weight ā_i
 * @param finalValue the sleeve's value at the end
 */
public record SleeveResult(
    String name,
    String strategy,
    String params,
    List<String> symbols,
    BacktestResult own,
    double pnl,
    double commission,
    double slippage,
    double contributionToReturnPct,
    double contributionToRisk,
    double averageWeight,
    double finalValue) {
  public SleeveResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(params, "params");
    symbols = List.copyOf(symbols);
    Objects.requireNonNull(own, "own");
  }
}
