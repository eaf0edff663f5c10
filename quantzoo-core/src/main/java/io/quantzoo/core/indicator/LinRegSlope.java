package io.quantzoo.core.indicator;

/**
 * Slope of the least-squares line through the last {@code n = period} values against {@code 0..n−1}
 * (oldest to newest), in units per bar (TA-Lib LINEARREG_SLOPE): {@code slope = Σ(j − j̄)·y_j / Σ(j
 * − j̄)²} with {@code j̄ = (n−1)/2} and {@code Σ(j − j̄)² = n(n²−1)/12}. Warm-up {@code period −
 * 1}; period at least 2.
 *
 * <p>O(1) per value: with {@code S = Σ y_j} and {@code W = Σ j·y_j}, a new value {@code y} makes
 * {@code W' = W − (S − y_old) + (n−1)·y}, and {@code slope = (W − j̄·S)/(n(n²−1)/12)}. Values are
 * kept relative to a shift (the window mean, reset once per cycle, when both sums are re-added from
 * the window), which the slope does not depend on. A window of equal values gives exactly 0,
 * detected by counting changes between neighbouring values.
 */
public final class LinRegSlope extends ValueIndicator {
  private final int n;
  private final double centre;
  private final double denominator;
  private final double[] window;
  private int count;
  private int pos;
  private int changes;
  private double shift = Double.NaN;
  private double sum;
  private double weighted;
  private double value = Double.NaN;

  public LinRegSlope(int period) {
    this(period, PriceSource.CLOSE);
  }

  public LinRegSlope(int period, PriceSource source) {
    super("linreg_slope", source);
    if (period < 2) {
      throw new IllegalArgumentException("period must be >= 2, was " + period);
    }
    this.n = period;
    this.centre = (period - 1) / 2.0;
    this.denominator = period * ((double) period * period - 1) / 12.0;
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    if (Double.isNaN(shift)) {
      shift = x;
    }
    double d = x - shift;
    if (count == n) {
      double old = window[pos];
      if (old != window[pos + 1 == n ? 0 : pos + 1]) {
        changes--; // the pair (oldest, second oldest) leaves the window
      }
      if (window[pos == 0 ? n - 1 : pos - 1] != x) {
        changes++;
      }
      double e = old - shift;
      weighted += (n - 1) * d - (sum - e);
      sum += d - e;
    } else {
      if (count > 0 && window[pos - 1] != x) {
        changes++;
      }
      weighted += count * d; // the k-th value (0-based) gets weight k while filling
      sum += d;
      count++;
    }
    window[pos] = x;
    if (++pos == n) {
      pos = 0;
      // re-add from the window once per cycle: window[0] is now the oldest (weight 0)
      double m = 0;
      for (double w : window) {
        m += w;
      }
      shift = m / n;
      double s = 0;
      double ws = 0;
      for (int j = 0; j < n; j++) {
        double e = window[j] - shift;
        s += e;
        ws += j * e;
      }
      sum = s;
      weighted = ws;
    }
    if (count == n) {
      value = changes == 0 ? 0.0 : (weighted - centre * sum) / denominator;
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return n - 1;
  }

  public int period() {
    return n;
  }
}
