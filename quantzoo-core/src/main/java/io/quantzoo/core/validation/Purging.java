package io.quantzoo.core.validation;

import io.quantzoo.core.util.ConfigException;
import java.util.Objects;

/**
 * The purge-and-embargo rule shared by {@link PurgedKFold} and {@link CombinatorialPurgedCV}, and
 * the split of {@code n} items into contiguous parts shared by those and {@link Pbo}.
 */
final class Purging {
  private Purging() {}

  /**
   * Offsets of {@code parts} contiguous parts of {@code 0..n-1}: part {@code p} is {@code [b[p],
   * b[p+1])}. Sizes are {@code n / parts}, and the first {@code n % parts} parts get one more.
   */
  static int[] bounds(int n, int parts) {
    int[] b = new int[parts + 1];
    int base = n / parts;
    int extra = n % parts;
    for (int p = 0; p < parts; p++) {
      b[p + 1] = b[p] + base + (p < extra ? 1 : 0);
    }
    return b;
  }

  /**
   * Checks label windows: same non-zero length, {@code end[i] >= start[i]}, starts non-decreasing.
   */
  static void checkWindows(long[] start, long[] end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.length != end.length) {
      throw new IllegalArgumentException(
          "start and end must have the same length, were " + start.length + " and " + end.length);
    }
    for (int i = 0; i < start.length; i++) {
      if (end[i] < start[i]) {
        throw new IllegalArgumentException(
            "label window " + i + " ends before it starts: start=" + start[i] + ", end=" + end[i]);
      }
      if (i > 0 && start[i] < start[i - 1]) {
        throw new IllegalArgumentException(
            "label starts must be non-decreasing (samples in time order), but start["
                + i
                + "]="
                + start[i]
                + " < start["
                + (i - 1)
                + "]="
                + start[i - 1]);
      }
    }
  }

  /** Checks an embargo count. */
  static void checkEmbargo(int embargo) {
    if (embargo < 0) {
      throw new ConfigException("embargo", "embargo must be >= 0 samples, was " + embargo);
    }
  }

  /**
   * The training indices left when the test set is the union of the index ranges {@code [lo[b],
   * hi[b])}, which must be sorted, disjoint and non-adjacent (adjacent test ranges must be merged
   * into one block first). For each block with test span {@code [t0, t1]} ({@code t0} = its
   * smallest start, {@code t1} = its largest end), a non-test sample {@code j} is dropped when its
   * window overlaps the span ({@code start[j] <= t1 && end[j] >= t0}), or when it is one of the
   * {@code embargo} samples that follow the block and start after {@code t1}.
   *
   * @param excluded scratch of length {@code n}, all false on entry, and again on return
   */
  static int[] train(
      long[] start, long[] end, int[] lo, int[] hi, int blocks, int embargo, boolean[] excluded) {
    int n = start.length;
    for (int b = 0; b < blocks; b++) {
      int first = lo[b];
      int last = hi[b] - 1;
      long t0 = start[first]; // starts are non-decreasing
      long t1 = Long.MIN_VALUE;
      for (int i = first; i <= last; i++) {
        excluded[i] = true;
        t1 = Math.max(t1, end[i]);
      }
      // Before the block: start[j] <= t0 <= t1, so the window overlaps iff it ends at t0 or later.
      for (int j = 0; j < first; j++) {
        if (end[j] >= t0) {
          excluded[j] = true;
        }
      }
      // After the block: end[j] >= start[j] >= t0, so the window overlaps iff it starts by t1.
      int j = last + 1;
      while (j < n && start[j] <= t1) {
        excluded[j++] = true;
      }
      // Embargo: the next `embargo` samples, which start after the test span.
      int stop = (int) Math.min(n, (long) j + embargo);
      while (j < stop) {
        excluded[j++] = true;
      }
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!excluded[i]) {
        count++;
      }
    }
    int[] train = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!excluded[i]) {
        train[k++] = i;
      } else {
        excluded[i] = false;
      }
    }
    return train;
  }

  /** {@code [from, to)} as an index array. */
  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  /** The binomial coefficient C(n, k), or {@code Long.MAX_VALUE} when it exceeds that. */
  static long binomial(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    int kk = Math.min(k, n - k);
    long c = 1;
    for (int i = 1; i <= kk; i++) {
      // c * (n - kk + i) / i is exact at every step: it is C(n - kk + i, i).
      long num = (long) n - kk + i;
      if (c > Long.MAX_VALUE / num) {
        return Long.MAX_VALUE;
      }
      c = c * num / i;
    }
    return c;
  }
}
