package io.quantzoo.core.order;

/**
 * The rule of our own that refused an order before it reached a venue. The pre-trade controls
 * (docs/SAFETY-CONTROLS.md) each have one constant, named by {@link #configKey()} as in the {@code
 * risk:} section of a run config.
 */
public enum DenialRule {
  /** The sizing model gave no positive quantity (e.g. too little equity for one lot). */
  SIZE_ZERO(""),
  /** An ATR-based exit was asked for before enough bars existed to measure the ATR. */
  ATR_UNAVAILABLE(""),
  /** A reduce-only order would not reduce the position. */
  NOT_REDUCING(""),
  /**
   * A user-written risk gate refused it (the gate's own rule name and values are in the detail).
   */
  RISK_GATE(""),
  /** The operator's trading state is HALTED: no new exposure. */
  TRADING_HALTED("trading_state"),
  /** The operator's trading state is REDUCING: only orders that reduce exposure. */
  TRADING_REDUCING("trading_state"),
  /** The order's quantity is above the maximum. */
  MAX_ORDER_QUANTITY("max_order_quantity"),
  /** The order's notional (quantity × price × point value) is above the maximum. */
  MAX_ORDER_NOTIONAL("max_order_notional"),
  /** The symbol's position with its working orders and this one would exceed the quantity cap. */
  MAX_POSITION_QUANTITY("max_position_quantity"),
  /** The symbol's position with its working orders and this one would exceed the notional cap. */
  MAX_POSITION_NOTIONAL("max_position_notional"),
  /** Gross exposure (positions and working orders, all symbols) would exceed the maximum. */
  MAX_GROSS_EXPOSURE("max_gross_exposure"),
  /** As many orders as allowed are already working. */
  MAX_OPEN_ORDERS("max_open_orders"),
  /** More orders in the last second (engine clock) than the throttle allows. */
  ORDER_RATE("max_orders_per_second"),
  /** The limit or stop price is farther from the last price than the collar allows (percent). */
  PRICE_COLLAR("price_collar_pct"),
  /** The same symbol, side, quantity and price within the duplicate window, not marked intended. */
  DUPLICATE_ORDER("duplicate_window"),
  /** Gross exposure with this order would exceed equity × leverage. */
  BUYING_POWER("leverage"),
  /** The session day's loss passed the maximum: the gate halted trading for the rest of the day. */
  DAILY_LOSS("max_daily_loss"),
  /** The drawdown from peak equity passed the maximum (percent): the gate reduces only. */
  MAX_DRAWDOWN("max_drawdown_pct"),
  /** The symbol's newest bar is older than the allowed number of bar intervals. */
  STALE_DATA("stale_bars"),
  /** The engine clock is outside the instrument's regular session. */
  OUTSIDE_SESSION("session_hours"),
  /**
   * A real-money order without an operator's approval: no session approval covers it and no typed
   * confirmation came (docs/SAFETY.md, "Approvals"). Never lifted by an override.
   */
  APPROVAL_REQUIRED("");

  private final String configKey;

  DenialRule(String configKey) {
    this.configKey = configKey;
  }

  /**
   * The key of the {@code risk:} config section that sets this control (e.g. {@code
   * max_order_notional}); empty for rules that are not a configurable limit.
   */
  public String configKey() {
    return configKey;
  }
}
