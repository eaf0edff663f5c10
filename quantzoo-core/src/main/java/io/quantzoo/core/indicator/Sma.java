package io.quantzoo.core.indicator;

/**
 * Simple moving average, incremental: O(1) per value, no allocation after construction.
 *
 * <p>{@link #update(double)} returns the mean of the last {@code period} values, or NaN until
 * {@code period} values have been seen (warm-up of {@code period − 1} values).
 */
public final class Sma {
  private final int period;
  private final double[] window;
  private int count;
  private int pos;
  private double sum;

  public Sma(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    this.window = new double[period];
  }

  public int period() {
    return period;
  }

  /** Adds a value and returns the current average (NaN during warm-up). */
  public double update(double value) {
    if (count < period) {
      count++;
    } else {
      sum -= window[pos];
    }
    window[pos] = value;
    sum += value;
    pos = pos + 1 == period ? 0 : pos + 1;
    return count < period ? Double.NaN : sum / period;
  }

  public boolean isReady() {
    return count >= period;
  }
}
