package io.quantzoo.app.config;

import java.util.List;
import java.util.Map;

/**
 * The YAML run configuration as written by the user, before validation. Unknown keys are refused by
 * the loader. Every field may be absent; {@link RunPlanner} fills defaults and validates.
 *
 * @param strategy strategy name (required)
 * @param params strategy parameters
 * @param data one data source, or a list of them for several symbols
 * @param instrument a catalog symbol ("MNQ") or a full spec; for one symbol
 * @param instruments specs by symbol, for several symbols
 * @param initialCash starting cash
 * @param execution fills and costs
 * @param sizing position sizing
 * @param closeAtEnd close open positions at the last close
 * @param seed random seed
 * @param metrics metric options
 * @param sweep the {@code sweep:} section (parameter ranges, objective...), for {@code qz sweep}
 *     and {@code qz walkforward}; validated by {@code SweepSpec}
 * @param walkforward the {@code walkforward:} section, for {@code qz walkforward}; validated by
 *     {@code WalkForwardSpec}
 * @param risk the {@code risk:} section, the pre-trade controls (docs/SAFETY-CONTROLS.md): off in
 * @param mode {@code paper} (the default) or {@code live}: what {@code qz trade} trades
 *     (docs/SAFETY.md); real money also needs {@code --live} and {@code QUANTZOO_ENV=production}
 *     {@code qz run} unless given; in {@code qz trade} given values replace the defaults
 */
public record RunConfigFile(
    String strategy,
    Map<String, Object> params,
    List<DataSpec> data,
    Object instrument,
    Map<String, Object> instruments,
    Double initialCash,
    ExecutionSpec execution,
    SizingSpec sizing,
    Boolean closeAtEnd,
    Long seed,
    MetricsSpec metrics,
    Map<String, Object> sweep,
    Map<String, Object> walkforward,
    RiskSpec risk,
    String mode) {

  /**
   * The pre-trade controls; every key is optional (docs/SAFETY-CONTROLS.md). Amounts are in the
   * account currency, notional is quantity × price × point value.
   *
   * @param maxOrderQuantity most units in one order
   * @param maxOrderNotional largest notional of one order
   * @param maxPositionQuantity largest |position| of a symbol, working orders included
   * @param maxPositionNotional largest position notional of a symbol, working orders included
   * @param maxGrossExposure largest gross exposure, all symbols, working orders included
   * @param maxOpenOrders most working orders
   * @param maxOrdersPerSecond the throttle (engine clock)
   * @param priceCollarPct how far a limit or stop price may be from the last price, percent
   * @param duplicateWindow window of the duplicate-order guard, e.g. 5s or 500ms
   * @param leverage buying power is equity × leverage
   * @param maxDailyLoss largest loss of one exchange session day before trading halts for the day
   * @param maxDrawdownPct largest drawdown from peak equity, percent, before only reducing orders
   *     pass
   * @param staleBars new exposure is denied when the newest bar is older than this many intervals
   * @param sessionHours new exposure only in the instrument's regular session
   */
  public record RiskSpec(
      Double maxOrderQuantity,
      Double maxOrderNotional,
      Double maxPositionQuantity,
      Double maxPositionNotional,
      Double maxGrossExposure,
      Integer maxOpenOrders,
      Integer maxOrdersPerSecond,
      Double priceCollarPct,
      String duplicateWindow,
      Double leverage,
      Double maxDailyLoss,
      Double maxDrawdownPct,
      Integer staleBars,
      Boolean sessionHours) {}

  /**
   * One data file.
   *
   * @param path CSV or Parquet file
   * @param symbol symbol to use when the file has no symbol column
   * @param timezone zone for naive timestamps (default UTC)
   * @param format auto (by extension), csv or parquet
   * @param dropBadRows drop invalid rows instead of refusing the file
   */
  public record DataSpec(
      String path, String symbol, String timezone, String format, Boolean dropBadRows) {}

  /**
   * A full instrument spec.
   *
   * @param symbol symbol
   * @param assetClass equity, future, crypto or fx
   * @param tickSize tick size
   * @param pointValue currency per point (futures: tick value / tick size)
   * @param tickValue alternative to point value: currency per tick
   * @param currency currency
   * @param lotStep quantity step
   * @param exchangeTimezone exchange timezone
   * @param sessionOpen HH:MM
   * @param sessionClose HH:MM
   */
  public record InstrumentSpec(
      String symbol,
      String assetClass,
      Double tickSize,
      Double pointValue,
      Double tickValue,
      String currency,
      Double lotStep,
      String exchangeTimezone,
      String sessionOpen,
      String sessionClose) {}

  /**
   * Execution settings.
   *
   * @param fill next_open or on_close
   * @param commission commission model
   * @param slippage slippage model
   * @param intrabar stop_first or target_first
   */
  public record ExecutionSpec(
      String fill, CommissionSpec commission, SlippageSpec slippage, String intrabar) {}

  /**
   * Commission: {@code type} none, per_unit (per_unit, minimum), percent (percent), fixed (amount).
   *
   * @param type model name
   * @param perUnit per share or contract
   * @param minimum minimum per fill
   * @param percent percent of notional
   * @param amount fixed amount per fill
   */
  public record CommissionSpec(
      String type, Double perUnit, Double minimum, Double percent, Double amount) {}

  /**
   * Slippage: {@code type} none, ticks (ticks), bps (bps), random_ticks (max_ticks).
   *
   * @param type model name
   * @param ticks ticks
   * @param bps basis points
   * @param maxTicks maximum ticks for the random model
   */
  public record SlippageSpec(String type, Double ticks, Double bps, Integer maxTicks) {}

  /**
   * Sizing: {@code type} fixed (quantity), percent_equity (percent), risk (percent).
   *
   * @param type model name
   * @param quantity fixed quantity
   * @param percent percent of equity, or percent of equity at risk
   */
  public record SizingSpec(String type, Double quantity, Double percent) {}

  /**
   * Metric options.
   *
   * @param riskFreeRatePct annual risk-free rate in percent
   * @param periodsPerYear override of the derived periods per year
   */
  public record MetricsSpec(Double riskFreeRatePct, Double periodsPerYear) {}
}
