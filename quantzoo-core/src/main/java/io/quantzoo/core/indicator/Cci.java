package io.quantzoo.core.indicator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Commodity Channel Index (Lambert 1980), as TA-Lib {@code CCI}. Typical price {@code TP =
 * (H+L+C)/3}; over the last {@code period} bars, {@code m} = SMA of TP and {@code MAD = Σ|TPᵢ −
 * m|/period} (mean absolute deviation from the current mean); {@code CCI = (TP − m)/(constant·MAD)}
 * with {@code constant = 0.015}. 0 when all typical prices in the window are equal (MAD 0). Warm-up
 * {@code period − 1}.
 *
 * <p>The deviation around a mean that moves every bar cannot be updated in O(1); the window is kept
 * in an order-statistics tree (a treap in preallocated arrays whose subtree sums are recomputed
 * from their children, so rounding never accumulates), which gives {@code Σ|TPᵢ − m|} in O(log
 * period) per bar without allocation.
 */
public final class Cci implements Indicator {
  private static final List<String> OUT = List.of("cci");
  private final int n;
  private final double constant;
  private final double[] window;
  private final AbsDeviation tree;
  private int count;
  private int pos;
  private double value = Double.NaN;

  public Cci(int period) {
    this(period, 0.015);
  }

  public Cci(int period, double constant) {
    Stochastic.requirePositive("period", period);
    if (!(constant > 0) || Double.isInfinite(constant)) {
      throw new IllegalArgumentException("constant must be > 0 and finite, was " + constant);
    }
    this.n = period;
    this.constant = constant;
    this.window = new double[period];
    this.tree = new AbsDeviation(period);
  }

  /** Feeds a bar; returns the CCI (NaN during warm-up). */
  public double update(double high, double low, double close) {
    double tp = (high + low + close) / 3;
    if (count >= n) {
      tree.remove(window[pos]);
    }
    count++;
    window[pos] = tp;
    pos = pos + 1 == n ? 0 : pos + 1;
    tree.insert(tp);
    if (count >= n) {
      if (tree.min() == tree.max()) {
        value = 0;
      } else {
        double mean = tree.total() / n;
        double mad = tree.absDeviation(mean) / n;
        value = (tp - mean) / (constant * mad);
      }
    }
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
    if (k != 0) {
      throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    }
    return value;
  }

  @Override
  public int warmup() {
    return n - 1;
  }

  /**
   * A multiset of at most {@code capacity} doubles answering {@code Σ|xᵢ − m|} in O(log n): a treap
   * (priorities fixed per node from a fixed seed, so equal inputs give equal trees) with subtree
   * counts and sums. In-order: left values ≤ node value ≤ right values.
   */
  static final class AbsDeviation {
    private final double[] val;
    private final double[] sum;
    private final int[] cnt;
    private final int[] left;
    private final int[] right;
    private final int[] prio;
    private final int[] free;
    private int freeTop;
    private int root = -1;
    private int splitL;
    private int splitR;

    AbsDeviation(int capacity) {
      val = new double[capacity];
      sum = new double[capacity];
      cnt = new int[capacity];
      left = new int[capacity];
      right = new int[capacity];
      prio = new int[capacity];
      free = new int[capacity];
      SplittableRandom rnd = new SplittableRandom(0x5EEDL);
      for (int i = 0; i < capacity; i++) {
        prio[i] = rnd.nextInt();
        free[i] = capacity - 1 - i;
      }
      freeTop = capacity;
    }

    int size() {
      return root < 0 ? 0 : cnt[root];
    }

    /** Sum of all values (0 when empty). */
    double total() {
      return root < 0 ? 0 : sum[root];
    }

    void insert(double x) {
      if (freeTop == 0) {
        throw new IllegalStateException("tree is full");
      }
      int node = free[--freeTop];
      val[node] = x;
      left[node] = -1;
      right[node] = -1;
      pull(node);
      split(root, x);
      int b = splitR;
      root = merge(merge(splitL, node), b);
    }

    /** Removes one occurrence of {@code x}; it must be present. */
    void remove(double x) {
      root = removeOne(root, x);
    }

    private int removeOne(int t, double x) {
      if (t < 0) {
        throw new IllegalStateException("value not present: " + x);
      }
      if (x == val[t]) {
        int r = merge(left[t], right[t]);
        free[freeTop++] = t;
        return r;
      }
      if (x < val[t]) {
        left[t] = removeOne(left[t], x);
      } else {
        right[t] = removeOne(right[t], x);
      }
      pull(t);
      return t;
    }

    /** Splits into {@code splitL} (values < x) and {@code splitR} (values ≥ x). */
    private void split(int t, double x) {
      if (t < 0) {
        splitL = -1;
        splitR = -1;
        return;
      }
      if (val[t] < x) {
        split(right[t], x);
        right[t] = splitL;
        pull(t);
        splitL = t;
      } else {
        split(left[t], x);
        left[t] = splitR;
        pull(t);
        splitR = t;
      }
    }

    /** Joins two trees where every value of {@code a} ≤ every value of {@code b}. */
    private int merge(int a, int b) {
      if (a < 0) {
        return b;
      }
      if (b < 0) {
        return a;
      }
      if (prio[a] > prio[b]) {
        right[a] = merge(right[a], b);
        pull(a);
        return a;
      }
      left[b] = merge(a, left[b]);
      pull(b);
      return b;
    }

    private void pull(int t) {
      int l = left[t];
      int r = right[t];
      cnt[t] = 1 + (l < 0 ? 0 : cnt[l]) + (r < 0 ? 0 : cnt[r]);
      sum[t] = ((l < 0 ? 0 : sum[l]) + val[t]) + (r < 0 ? 0 : sum[r]);
    }

    double min() {
      int t = root;
      if (t < 0) {
        return Double.NaN;
      }
      while (left[t] >= 0) {
        t = left[t];
      }
      return val[t];
    }

    double max() {
      int t = root;
      if (t < 0) {
        return Double.NaN;
      }
      while (right[t] >= 0) {
        t = right[t];
      }
      return val[t];
    }

    /** {@code Σ|xᵢ − m|} over the values held. */
    double absDeviation(double m) {
      double below = 0; // sum of the values < m
      int nBelow = 0;
      int t = root;
      while (t >= 0) {
        int l = left[t];
        if (val[t] < m) {
          below += (l < 0 ? 0 : sum[l]) + val[t];
          nBelow += (l < 0 ? 0 : cnt[l]) + 1;
          t = right[t];
        } else {
          t = l;
        }
      }
      double above = total() - below;
      int nAbove = size() - nBelow;
      return (nBelow * m - below) + (above - nAbove * m);
    }
  }
}
