package io.quantzoo.core.indicator;

/**
 * Rolling co-moments of two aligned series over the last {@code n} pairs, after the {@link
 * PairInput} transform: the shared state of {@link Correlation} and {@link Beta}. O(1) per pair, no
 * allocation.
 *
 * <p>Sums are kept relative to shifts reset to the window means once per cycle of {@code n} pairs,
 * when they are also re-added from the window, so rounding never accumulates and large levels do
 * not cancel. Whether a series is constant over the window is tracked exactly, by counting the
 * changes between neighbouring values, so that a constant series gives exactly the documented value
 * and not the ratio of two rounding residues.
 */
final class RollingPairMoments {
  private final int n;
  private final PairInput input;
  private final double[] wx;
  private final double[] wy;
  private double prevX = Double.NaN;
  private double prevY = Double.NaN;
  private int count;
  private int pos;
  private int changesX;
  private int changesY;
  private double shiftX = Double.NaN;
  private double shiftY;
  private double sx;
  private double sy;
  private double sxx;
  private double syy;
  private double sxy;

  /** Co-moments of the current window (sums of products of deviations from the means). */
  private double cxx;

  private double cyy;
  private double cxy;

  RollingPairMoments(int period, PairInput input) {
    if (period < 2) {
      throw new IllegalArgumentException("period must be >= 2, was " + period);
    }
    if (input == null) {
      throw new IllegalArgumentException("input must be returns or levels, was null");
    }
    this.n = period;
    this.input = input;
    this.wx = new double[period];
    this.wy = new double[period];
  }

  /** Feeds the next pair of raw values; returns whether a full window is available. */
  boolean update(double x, double y) {
    double u;
    double v;
    if (input == PairInput.RETURNS) {
      double px = prevX;
      double py = prevY;
      prevX = x;
      prevY = y;
      if (Double.isNaN(px)) {
        return false;
      }
      u = px == 0 ? 0.0 : (x - px) / px;
      v = py == 0 ? 0.0 : (y - py) / py;
    } else {
      u = x;
      v = y;
    }
    add(u, v);
    return count == n;
  }

  private void add(double u, double v) {
    if (Double.isNaN(shiftX)) {
      shiftX = u;
      shiftY = v;
    }
    int last = pos == 0 ? n - 1 : pos - 1;
    if (count == n) {
      int next = pos + 1 == n ? 0 : pos + 1;
      double ox = wx[pos];
      double oy = wy[pos];
      if (ox != wx[next]) {
        changesX--;
      }
      if (oy != wy[next]) {
        changesY--;
      }
      double ex = ox - shiftX;
      double ey = oy - shiftY;
      sx -= ex;
      sy -= ey;
      sxx -= ex * ex;
      syy -= ey * ey;
      sxy -= ex * ey;
    } else {
      count++;
    }
    if (count > 1) {
      if (wx[last] != u) {
        changesX++;
      }
      if (wy[last] != v) {
        changesY++;
      }
    }
    wx[pos] = u;
    wy[pos] = v;
    double dx = u - shiftX;
    double dy = v - shiftY;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    if (++pos == n) {
      pos = 0;
      double mx = 0;
      double my = 0;
      for (int i = 0; i < n; i++) {
        mx += wx[i];
        my += wy[i];
      }
      shiftX = mx / n;
      shiftY = my / n;
      double a = 0;
      double b = 0;
      double aa = 0;
      double bb = 0;
      double ab = 0;
      for (int i = 0; i < n; i++) {
        double ex = wx[i] - shiftX;
        double ey = wy[i] - shiftY;
        a += ex;
        b += ey;
        aa += ex * ex;
        bb += ey * ey;
        ab += ex * ey;
      }
      sx = a;
      sy = b;
      sxx = aa;
      syy = bb;
      sxy = ab;
    }
    if (count == n) {
      double mx = sx / n;
      double my = sy / n;
      cxx = sxx - sx * mx;
      cyy = syy - sy * my;
      cxy = sxy - sx * my;
    }
  }

  /** Whether the first series is constant over the window (or its co-moment rounds to ≤ 0). */
  boolean xConstant() {
    return changesX == 0 || !(cxx > 0);
  }

  /** Whether the second series is constant over the window (or its co-moment rounds to ≤ 0). */
  boolean yConstant() {
    return changesY == 0 || !(cyy > 0);
  }

  /** Σ(x − x̄)² over the window. */
  double cxx() {
    return cxx;
  }

  /** Σ(y − ȳ)² over the window. */
  double cyy() {
    return cyy;
  }

  /** Σ(x − x̄)(y − ȳ) over the window. */
  double cxy() {
    return cxy;
  }

  /** Number of leading pairs with no full window. */
  int warmup() {
    return input == PairInput.RETURNS ? n : n - 1;
  }

  int period() {
    return n;
  }
}
