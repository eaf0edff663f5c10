package io.quantzoo.report;

import java.util.Arrays;
import java.util.List;

/**
 * Equal-width bins of trade net P&amp;L with zero on a bin edge, so that no bin mixes winners and
 * losers except the bin starting at 0, whose zero-P&amp;L trades count as losses (a win is net
 * P&amp;L &gt; 0).
 *
 * <p>The width is a "nice" number (1, 2, 2.5 or 5 × 10^k) close to {@code range / target}, where
 * the target bin count is √n clamped to [5, 40]; bin {@code i} covers {@code [start + i·width,
 * start + (i+1)·width)} and {@code start} is a multiple of the width.
 *
 * @param start lower edge of the first bin
 * @param width bin width (&gt; 0)
 * @param wins count of winning trades per bin
 * @param losses count of losing (net P&amp;L &lt;= 0) trades per bin
 */
record PnlHistogram(double start, double width, List<Integer> wins, List<Integer> losses) {

  PnlHistogram {
    wins = List.copyOf(wins);
    losses = List.copyOf(losses);
    if (wins.size() != losses.size() || wins.isEmpty()) {
      throw new IllegalArgumentException("wins and losses must have the same, non-zero length");
    }
    if (!(width > 0)) {
      throw new IllegalArgumentException("width must be > 0");
    }
  }

  int bins() {
    return wins.size();
  }

  double lowerEdge(int bin) {
    return start + bin * width;
  }

  /** Bins the finite values of {@code netPnl} (non-finite ones are ignored). */
  static PnlHistogram of(double[] netPnl) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double v : netPnl) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        n++;
      }
    }
    if (n == 0) {
      min = 0;
      max = 0;
    }
    int target = (int) Math.max(5, Math.min(40, Math.ceil(Math.sqrt(n))));
    double range = max - min;
    double scale = range > 0 ? range : Math.max(Math.abs(max), 1.0);
    double width = nice(scale / target);
    double start = Math.floor(min / width) * width;
    int bins = (int) Math.floor((max - start) / width) + 1;
    // Guard against float error and absurd counts; nice() rounding keeps bins near target.
    bins = Math.max(1, Math.min(bins, 4 * target + 2));
    Integer[] wins = new Integer[bins];
    Integer[] losses = new Integer[bins];
    Arrays.fill(wins, 0);
    Arrays.fill(losses, 0);
    for (double v : netPnl) {
      if (!Double.isFinite(v)) {
        continue;
      }
      int b = (int) Math.floor((v - start) / width);
      b = Math.max(0, Math.min(bins - 1, b));
      if (v > 0) {
        wins[b]++;
      } else {
        losses[b]++;
      }
    }
    return new PnlHistogram(start, width, List.of(wins), List.of(losses));
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k that is &gt;= {@code x} (x &gt; 0). */
  static double nice(double x) {
    double exp = Math.floor(Math.log10(x));
    double base = Math.pow(10, exp);
    double f = x / base;
    double m;
    if (f <= 1) {
      m = 1;
    } else if (f <= 2) {
      m = 2;
    } else if (f <= 2.5) {
      m = 2.5;
    } else if (f <= 5) {
      m = 5;
    } else {
      m = 10;
    }
    return m * base;
  }
}
