package io.quantzoo.report;

import java.util.Arrays;

/**
 * Reduces a long series to at most {@code maxPoints} points for plotting without hiding extremes.
 *
 * <p>The first and last points are always kept. The points in between are split into {@code
 * (maxPoints − 2) / 2} buckets of consecutive indices, and from each bucket its minimum and its
 * maximum are kept, in their original order. So every peak and every trough that is the extreme of
 * its bucket survives, including the global minimum and maximum: a drawdown cannot disappear from
 * the chart. O(n).
 */
final class Downsampler {

  /** A series of x and y values, same length. */
  static final class Series {
    final double[] x;
    final double[] y;

    Series(double[] x, double[] y) {
      this.x = x;
      this.y = y;
    }

    int size() {
      return x.length;
    }
  }

  private Downsampler() {}

  /**
   * Downsamples {@code (x[i], y[i])}.
   *
   * @param maxPoints at least 4
   * @return all points when there are no more than {@code maxPoints}, else at most {@code
   *     maxPoints} points as described in the class comment
   */
  static Series minMax(long[] x, double[] y, int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("maxPoints must be >= 4");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y must have the same length");
    }
    int n = x.length;
    if (n <= maxPoints) {
      double[] xs = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = x[i];
      }
      return new Series(xs, y.clone());
    }
    int buckets = (maxPoints - 2) / 2;
    double[] xs = new double[2 + 2 * buckets];
    double[] ys = new double[xs.length];
    int k = 0;
    xs[k] = x[0];
    ys[k++] = y[0];
    int inner = n - 2; // indices 1 .. n-2
    for (int b = 0; b < buckets; b++) {
      int from = 1 + (int) ((long) inner * b / buckets);
      int to = 1 + (int) ((long) inner * (b + 1) / buckets); // exclusive
      if (from >= to) {
        continue;
      }
      int min = from;
      int max = from;
      for (int i = from + 1; i < to; i++) {
        if (y[i] < y[min]) {
          min = i;
        }
        if (y[i] > y[max]) {
          max = i;
        }
      }
      int first = Math.min(min, max);
      int second = Math.max(min, max);
      xs[k] = x[first];
      ys[k++] = y[first];
      if (second != first) {
        xs[k] = x[second];
        ys[k++] = y[second];
      }
    }
    xs[k] = x[n - 1];
    ys[k++] = y[n - 1];
    return new Series(Arrays.copyOf(xs, k), Arrays.copyOf(ys, k));
  }
}
