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
  private final Extreme highs;
  private final Extreme lows;
  private long index;
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
    this.highs = new Extreme(period, true);
    this.lows = new Extreme(period, false);
  }

  /** Feeds a bar's high and low; returns the upper band (NaN during warm-up). */
  public double update(double high, double low) {
    if (excludeCurrent) {
      // the deques hold bars index - period .. index - 1 here: read before adding this bar
      if (index >= period) {
        set(highs.value(), lows.value());
      }
      highs.add(index, high);
      lows.add(index, low);
    } else {
      highs.add(index, high);
      lows.add(index, low);
      if (index >= period - 1) {
        set(highs.value(), lows.value());
      }
    }
    index++;
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

  /**
   * Maximum (or minimum) of the last {@code window} values added: a monotonic deque of (index,
   * value) in fixed ring buffers. Each value enters and leaves once, so O(1) amortised.
   */
  private static final class Extreme {
    private final int window;
    private final boolean max;
    private final long[] idx;
    private final double[] val;
    private int head;
    private int size;

    Extreme(int window, boolean max) {
      this.window = window;
      this.max = max;
      this.idx = new long[window];
      this.val = new double[window];
    }

    void add(long i, double x) {
      // drop values that left the window (index <= i - window)
      while (size > 0 && idx[head] <= i - window) {
        head = head + 1 == window ? 0 : head + 1;
        size--;
      }
      // drop values that can never be the extreme again: x is newer and at least as extreme
      while (size > 0) {
        int back = head + size - 1;
        back = back >= window ? back - window : back;
        if (max ? val[back] <= x : val[back] >= x) {
          size--;
        } else {
          break;
        }
      }
      int slot = head + size;
      slot = slot >= window ? slot - window : slot;
      idx[slot] = i;
      val[slot] = x;
      size++;
    }

    double value() {
      return val[head];
    }
  }
}
