package io.quantzoo.core.indicator;

/**
 * Highest high and lowest low of the last {@code n} bars, kept with two monotonic deques in
 * preallocated ring buffers: O(1) amortised per bar, exact (no arithmetic), no allocation after
 * construction. Used by the Stochastic, Williams %R and Donchian Channels.
 */
final class HighLowWindow {
  private final int n;
  private final double[] maxVal;
  private final long[] maxIdx;
  private final double[] minVal;
  private final long[] minIdx;
  private int maxHead;
  private int maxSize;
  private int minHead;
  private int minSize;
  private long count;

  HighLowWindow(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + n);
    }
    this.n = n;
    this.maxVal = new double[n];
    this.maxIdx = new long[n];
    this.minVal = new double[n];
    this.minIdx = new long[n];
  }

  /** Adds the next bar's high and low. */
  void add(double high, double low) {
    long t = count++;
    long expired = t - n; // indexes <= expired have left the window
    // expire first: the deques then hold at most n - 1 entries, so the push below always fits
    if (maxSize > 0 && maxIdx[maxHead] <= expired) {
      maxHead = maxHead + 1 == n ? 0 : maxHead + 1;
      maxSize--;
    }
    if (minSize > 0 && minIdx[minHead] <= expired) {
      minHead = minHead + 1 == n ? 0 : minHead + 1;
      minSize--;
    }
    while (maxSize > 0 && maxVal[slot(maxHead, maxSize - 1)] <= high) {
      maxSize--;
    }
    int b = slot(maxHead, maxSize++);
    maxVal[b] = high;
    maxIdx[b] = t;
    while (minSize > 0 && minVal[slot(minHead, minSize - 1)] >= low) {
      minSize--;
    }
    b = slot(minHead, minSize++);
    minVal[b] = low;
    minIdx[b] = t;
  }

  private int slot(int head, int offset) {
    int i = head + offset;
    return i >= n ? i - n : i;
  }

  /** Whether {@code n} bars have been added. */
  boolean full() {
    return count >= n;
  }

  /** Highest high of the last {@code n} bars (of all bars so far before the window is full). */
  double highest() {
    return maxSize == 0 ? Double.NaN : maxVal[maxHead];
  }

  /** Lowest low of the last {@code n} bars (of all bars so far before the window is full). */
  double lowest() {
    return minSize == 0 ? Double.NaN : minVal[minHead];
  }

  int period() {
    return n;
  }
}
