package io.quantzoo.core.order;

/**
 * Protective exits attached to an entry order. When the entry fills, the engine places a stop-loss
 * (a stop order), a take-profit (a limit order) and/or a trailing stop, each sized to the filled
 * quantity and priced from the fill price. They form one OCO group: when one fills, the others are
 * cancelled; when the position is closed by other means, they are cancelled too.
 *
 * @param stopLoss distance of the stop below (long) or above (short) the fill, or null
 * @param takeProfit distance of the target above (long) or below (short) the fill, or null
 * @param trailingStop trailing distance from the best bar extreme since entry, or null
 */
public record Exits(Offset stopLoss, Offset takeProfit, Offset trailingStop) {
  public static final Exits NONE = new Exits(null, null, null);

  public boolean isEmpty() {
    return stopLoss == null && takeProfit == null && trailingStop == null;
  }

  public Exits withStopLoss(Offset o) {
    return new Exits(o, takeProfit, trailingStop);
  }

  public Exits withTakeProfit(Offset o) {
    return new Exits(stopLoss, o, trailingStop);
  }

  public Exits withTrailingStop(Offset o) {
    return new Exits(stopLoss, takeProfit, o);
  }
}
