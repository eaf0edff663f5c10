package io.quantzoo.core.order;

import java.util.Objects;

/**
 * What a strategy asks for. Validated at construction; never changes afterwards.
 *
 * @param symbol instrument symbol
 * @param side buy or sell
 * @param quantityMode how the quantity is decided
 * @param quantity the quantity for {@link QuantityMode#FIXED} (&gt; 0), else ignored (NaN)
 * @param type order type
 * @param limitPrice limit price for LIMIT and STOP_LIMIT, else NaN
 * @param stopPrice stop (trigger) price for STOP and STOP_LIMIT, else NaN
 * @param timeInForce GTC or DAY
 * @param tag the reason recorded with the fill and the trade (entry or exit reason)
 * @param exits protective exits to attach when this order opens or adds to a position
 * @param reduceOnly the order may only reduce the position: when it comes to fill, its quantity is
 *     cut to the open position on the opposite side, and it is canceled if there is none
 * @param allowDuplicate the strategy means to send the same order again: the pre-trade duplicate
 *     guard (the same symbol, side, quantity and price within {@code duplicate_window}) lets it
 *     pass
 */
public record OrderRequest(
    String symbol,
    Side side,
    QuantityMode quantityMode,
    double quantity,
    OrderType type,
    double limitPrice,
    double stopPrice,
    TimeInForce timeInForce,
    String tag,
    Exits exits,
    boolean reduceOnly,
    boolean allowDuplicate) {

  public OrderRequest {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantityMode, "quantityMode");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timeInForce, "timeInForce");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(exits, "exits");
    if (quantityMode == QuantityMode.FIXED && (!(quantity > 0) || !Double.isFinite(quantity))) {
      throw new IllegalArgumentException("quantity must be > 0, was " + quantity);
    }
    boolean needsLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
    boolean needsStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
    if (needsLimit && !(limitPrice > 0)) {
      throw new IllegalArgumentException(
          type + " order needs a limit price > 0, was " + limitPrice);
    }
    if (needsStop && !(stopPrice > 0)) {
      throw new IllegalArgumentException(type + " order needs a stop price > 0, was " + stopPrice);
    }
  }

  /** A request not marked as an intended duplicate. */
  public OrderRequest(
      String symbol,
      Side side,
      QuantityMode quantityMode,
      double quantity,
      OrderType type,
      double limitPrice,
      double stopPrice,
      TimeInForce timeInForce,
      String tag,
      Exits exits,
      boolean reduceOnly) {
    this(
        symbol,
        side,
        quantityMode,
        quantity,
        type,
        limitPrice,
        stopPrice,
        timeInForce,
        tag,
        exits,
        reduceOnly,
        false);
  }

  /** A request that is not reduce-only. */
  public OrderRequest(
      String symbol,
      Side side,
      QuantityMode quantityMode,
      double quantity,
      OrderType type,
      double limitPrice,
      double stopPrice,
      TimeInForce timeInForce,
      String tag,
      Exits exits) {
    this(
        symbol,
        side,
        quantityMode,
        quantity,
        type,
        limitPrice,
        stopPrice,
        timeInForce,
        tag,
        exits,
        false);
  }

  /** A market order sized by the run's sizing model. */
  public static OrderRequest market(String symbol, Side side, String tag) {
    return new OrderRequest(
        symbol,
        side,
        QuantityMode.SIZED,
        Double.NaN,
        OrderType.MARKET,
        Double.NaN,
        Double.NaN,
        TimeInForce.GTC,
        tag,
        Exits.NONE);
  }

  /** A market order for a fixed quantity. */
  public static OrderRequest market(String symbol, Side side, double quantity, String tag) {
    return new OrderRequest(
        symbol,
        side,
        QuantityMode.FIXED,
        quantity,
        OrderType.MARKET,
        Double.NaN,
        Double.NaN,
        TimeInForce.GTC,
        tag,
        Exits.NONE);
  }

  /** A GTC limit order; {@code quantity} NaN means sized by the run's sizing model. */
  public static OrderRequest limit(
      String symbol, Side side, double quantity, double limitPrice, String tag) {
    boolean sized = Double.isNaN(quantity);
    return new OrderRequest(
        symbol,
        side,
        sized ? QuantityMode.SIZED : QuantityMode.FIXED,
        quantity,
        OrderType.LIMIT,
        limitPrice,
        Double.NaN,
        TimeInForce.GTC,
        tag,
        Exits.NONE);
  }

  /** A GTC stop (market) order; {@code quantity} NaN means sized by the run's sizing model. */
  public static OrderRequest stop(
      String symbol, Side side, double quantity, double stopPrice, String tag) {
    boolean sized = Double.isNaN(quantity);
    return new OrderRequest(
        symbol,
        side,
        sized ? QuantityMode.SIZED : QuantityMode.FIXED,
        quantity,
        OrderType.STOP,
        Double.NaN,
        stopPrice,
        TimeInForce.GTC,
        tag,
        Exits.NONE);
  }

  /** A market order that closes whatever position is open when it fills. */
  public static OrderRequest closePosition(String symbol, Side side, String tag) {
    return new OrderRequest(
        symbol,
        side,
        QuantityMode.CLOSE_POSITION,
        Double.NaN,
        OrderType.MARKET,
        Double.NaN,
        Double.NaN,
        TimeInForce.GTC,
        tag,
        Exits.NONE);
  }

  public OrderRequest withExits(Exits newExits) {
    if (newExits.equals(exits)) {
      return this;
    }
    return new OrderRequest(
        symbol,
        side,
        quantityMode,
        quantity,
        type,
        limitPrice,
        stopPrice,
        timeInForce,
        tag,
        newExits,
        reduceOnly,
        allowDuplicate);
  }

  public OrderRequest withType(OrderType newType, double newLimit, double newStop) {
    return new OrderRequest(
        symbol,
        side,
        quantityMode,
        quantity,
        newType,
        newLimit,
        newStop,
        timeInForce,
        tag,
        exits,
        reduceOnly,
        allowDuplicate);
  }

  public OrderRequest withTimeInForce(TimeInForce tif) {
    return new OrderRequest(
        symbol,
        side,
        quantityMode,
        quantity,
        type,
        limitPrice,
        stopPrice,
        tif,
        tag,
        exits,
        reduceOnly,
        allowDuplicate);
  }

  /** This request, reduce-only or not. */
  public OrderRequest withReduceOnly(boolean v) {
    return new OrderRequest(
        symbol,
        side,
        quantityMode,
        quantity,
        type,
        limitPrice,
        stopPrice,
        timeInForce,
        tag,
        exits,
        v,
        allowDuplicate);
  }

  /** This request with a new quantity (FIXED) and prices; NaN keeps a term unchanged. */
  public OrderRequest withTerms(double newQuantity, double newLimit, double newStop) {
    boolean q = !Double.isNaN(newQuantity);
    return new OrderRequest(
        symbol,
        side,
        q ? QuantityMode.FIXED : quantityMode,
        q ? newQuantity : quantity,
        type,
        Double.isNaN(newLimit) ? limitPrice : newLimit,
        Double.isNaN(newStop) ? stopPrice : newStop,
        timeInForce,
        tag,
        exits,
        reduceOnly,
        allowDuplicate);
  }

  /**
   * This request marked (or not) as an intended duplicate: the pre-trade duplicate guard lets an
   * order pass that repeats the symbol, side, quantity and price of a recent one (e.g. scaling in
   * with two equal orders on one bar) only when it is marked.
   */
  public OrderRequest withAllowDuplicate(boolean v) {
    if (v == allowDuplicate) {
      return this;
    }
    return new OrderRequest(
        symbol,
        side,
        quantityMode,
        quantity,
        type,
        limitPrice,
        stopPrice,
        timeInForce,
        tag,
        exits,
        reduceOnly,
        v);
  }
}
