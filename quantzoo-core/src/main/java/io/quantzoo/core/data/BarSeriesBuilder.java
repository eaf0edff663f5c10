package io.quantzoo.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Appends bars to a growing columnar buffer and builds an immutable {@link BarSeries}.
 *
 * <p>Every bar is checked as it is added: finite positive prices, {@code low <= open, close <=
 * high}, finite non-negative volume, and timestamps strictly increasing. A violation throws {@link
 * IllegalArgumentException} with the bar index, rule and offending value; loaders that want
 * file/line context check first with {@link BarRules} and report a {@link DataProblem}. Not
 * thread-safe.
 */
public final class BarSeriesBuilder {
  private final String symbol;
  private long[] times;
  private double[] open;
  private double[] high;
  private double[] low;
  private double[] close;
  private double[] volume;
  private int size;

  public BarSeriesBuilder(String symbol) {
    this(symbol, 1024);
  }

  public BarSeriesBuilder(String symbol, int expectedSize) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    int cap = Math.max(16, expectedSize);
    times = new long[cap];
    open = new double[cap];
    high = new double[cap];
    low = new double[cap];
    close = new double[cap];
    volume = new double[cap];
  }

  public int size() {
    return size;
  }

  /** Timestamp of the last bar added, or {@link Long#MIN_VALUE} if none. */
  public long lastTimeMillis() {
    return size == 0 ? Long.MIN_VALUE : times[size - 1];
  }

  public BarSeriesBuilder add(long timeMillis, double o, double h, double l, double c, double v) {
    String problem = BarRules.check(o, h, l, c, v);
    if (problem != null) {
      throw new IllegalArgumentException("bar " + size + " of " + symbol + ": " + problem);
    }
    if (size > 0 && timeMillis <= times[size - 1]) {
      throw new IllegalArgumentException(
          "bar "
              + size
              + " of "
              + symbol
              + ": timestamps must be strictly increasing, was "
              + timeMillis
              + " after "
              + times[size - 1]);
    }
    if (size == times.length) {
      grow();
    }
    times[size] = timeMillis;
    open[size] = o;
    high[size] = h;
    low[size] = l;
    close[size] = c;
    volume[size] = v;
    size++;
    return this;
  }

  private void grow() {
    int cap = Math.max(16, times.length * 2);
    times = Arrays.copyOf(times, cap);
    open = Arrays.copyOf(open, cap);
    high = Arrays.copyOf(high, cap);
    low = Arrays.copyOf(low, cap);
    close = Arrays.copyOf(close, cap);
    volume = Arrays.copyOf(volume, cap);
  }

  /**
   * Builds the series. When the builder is exactly full its arrays are handed over without a copy
   * and the builder is reset to empty; otherwise they are copied to their exact size.
   */
  public BarSeries build() {
    if (size == times.length) {
      BarSeries s = new BarSeries(symbol, times, open, high, low, close, volume);
      times = new long[0];
      open = new double[0];
      high = new double[0];
      low = new double[0];
      close = new double[0];
      volume = new double[0];
      size = 0;
      return s;
    }
    return new BarSeries(
        symbol,
        Arrays.copyOf(times, size),
        Arrays.copyOf(open, size),
        Arrays.copyOf(high, size),
        Arrays.copyOf(low, size),
        Arrays.copyOf(close, size),
        Arrays.copyOf(volume, size));
  }
}
