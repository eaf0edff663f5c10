package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Donchian Channels: the highest high and the lowest low of a window of {@code period} bars, and
 * their midpoint.
 *
 * <ul>
 *   <li>Default ({@code excludeCurrent = false}): the window is the last {@code period} bars
 *       <em>including</em> the current one (TA-Lib {@code MAX}/{@code MIN}, TradingView's "Donchian
 *       Channels"). Warm-up {@code period − 1}. The close can never be above the upper band.
 *   <li>{@code excludeCurrent = true}: the window is the {@code period} bars <em>before</em> the
 *       current one, bars {@code t − period .. t − 1}: the level a breakout of bar {@code t} is
 *       measured against (Donchian's and the Turtles' rules). Warm-up {@code period}.
 * </ul>
 *
 * <p>Rolling extremes are kept in monotonic deques: O(1) amortised per bar, no allocation after
 * construction.
 */
public final class Donchian implements Indicator {
  private static final List<String> OUT = List.of("upper", "middle", "lower");
  private final int period;
  private final boolean excludeCurrent;
  private final HighLowWindow window;
  private double upper = Double.NaN;
  private double middle = Double.NaN;
  private double lower = Double.NaN;

  public Donchian(int period) {
    this(period, false);
  }

  public Donchian(int period, boolean excludeCurrent) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    this.excludeCurrent = excludeCurrent;
    this.window = new HighLowWindow(period);
  }

  /** Feeds a bar's high and low; returns the upper band (NaN during warm-up). */
  public double update(double high, double low) {
    if (excludeCurrent) {
      // the window holds the previous period bars here: read before adding this bar
      if (window.full()) {
        set(window.highest(), window.lowest());
      }
      window.add(high, low);
    } else {
      window.add(high, low);
      if (window.full()) {
        set(window.highest(), window.lowest());
      }
    }
    return upper;
  }

  private void set(double hi, double lo) {
    upper = hi;
    lower = lo;
    middle = (hi + lo) / 2;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low);
  }

  public double upper() {
    return upper;
  }

  public double middle() {
    return middle;
  }

  public double lower() {
    return lower;
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    return switch (k) {
      case 0 -> upper;
      case 1 -> middle;
      case 2 -> lower;
      default -> throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    };
  }

  @Override
  public int warmup() {
    return excludeCurrent ? period : period - 1;
  }

  public int period() {
    return period;
  }

  public boolean excludesCurrent() {
    return excludeCurrent;
  }
}
