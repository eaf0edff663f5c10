package io.quantzoo.live;

/**
 * A trader refused to start or continue because a safety rule says no (another trader holds the
 * session, the trading directory is not usable as configured). {@code qz} exits with code 4.
 */
public final class TradingRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TradingRefusedException(String message) {
    super(message);
  }
}
