package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Objects;

/**
 * SuperTrend, as TradingView's {@code ta.supertrend(factor, atrPeriod)}; outputs {@code supertrend}
 * and {@code direction} (+1 up, −1 down: note TradingView's sign is the opposite, −1 up).
 *
 * <p>With {@code ATR} = {@link Atr}({@code period}, {@code smoothing}, {@code firstTr}) and {@code
 * mid = (H+L)/2}: basic bands {@code up = mid + multiplier·ATR}, {@code lo = mid − multiplier·ATR}.
 * Final bands ratchet: {@code lo' = lo} if {@code lo > lo'₋₁} or {@code C₋₁ < lo'₋₁}, else {@code
 * lo'₋₁}; {@code up' = up} if {@code up < up'₋₁} or {@code C₋₁ > up'₋₁}, else {@code up'₋₁}.
 * Direction: on the first bar with an ATR it is down (−1) and the bands are the basic ones; then,
 * when the previous direction was down it turns up if {@code C > up'}, when it was up it turns down
 * if {@code C < lo'}. SuperTrend is {@code lo'} while up and {@code up'} while down.
 *
 * <p>Defaults: period 10, multiplier 3, Wilder ATR with the first bar's true range {@code H − L}
 * ({@link FirstTrueRange#HIGH_LOW}), which is TradingView's {@code ta.atr}; both outputs start at
 * the ATR's first value ({@code warmup() = period − 1} with {@code high_low}, {@code period} with
 * {@code skip}).
 */
public final class SuperTrend implements Indicator {
  private static final List<String> OUT = List.of("supertrend", "direction");
  private final Atr atr;
  private final double multiplier;
  private boolean started;
  private double prevClose = Double.NaN;
  private double upper;
  private double lower;
  private double direction = Double.NaN;
  private double value = Double.NaN;

  public SuperTrend() {
    this(10, 3.0, Smoothing.WILDER, FirstTrueRange.HIGH_LOW);
  }

  public SuperTrend(int period, double multiplier, Smoothing smoothing, FirstTrueRange firstTr) {
    Stochastic.requirePositive("period", period);
    if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be > 0 and finite, was " + multiplier);
    }
    this.atr =
        new Atr(
            period,
            Objects.requireNonNull(smoothing, "smoothing"),
            Objects.requireNonNull(firstTr, "firstTr"));
    this.multiplier = multiplier;
  }

  /** Feeds a bar; returns the SuperTrend line (NaN during warm-up). */
  public double update(double high, double low, double close) {
    double a = atr.update(high, low, close);
    double pc = prevClose;
    prevClose = close;
    if (Double.isNaN(a)) {
      return value;
    }
    double mid = (high + low) / 2;
    double up = mid + multiplier * a;
    double lo = mid - multiplier * a;
    if (!started) {
      started = true;
      upper = up;
      lower = lo;
      direction = -1;
    } else {
      lower = lo > lower || pc < lower ? lo : lower;
      upper = up < upper || pc > upper ? up : upper;
      if (direction < 0) {
        direction = close > upper ? 1 : -1;
      } else {
        direction = close < lower ? -1 : 1;
      }
    }
    value = direction > 0 ? lower : upper;
    return value;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low, close);
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    return switch (k) {
      case 0 -> value;
      case 1 -> direction;
      default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    };
  }

  @Override
  public int warmup() {
    return atr.warmup();
  }
}
