package io.quantzoo.core.indicator;

/**
 * Rolling z-score: {@code z = (x[t] − mean)/sd} over the last {@code period} values (the current
 * one included), with the standard deviation's divisor chosen by {@link Deviation} ({@code n},
 * population, default; or {@code n − 1}, sample). Warm-up {@code period − 1}; period at least 2.
 *
 * <p>When every value in the window is the same (standard deviation 0) the z-score is defined as 0;
 * this is detected exactly, by counting the changes between neighbouring values in the window, not
 * by comparing a rounded variance with 0. Sums are kept relative to a shift reset to the window
 * mean once per cycle and re-added from the window then, as {@link StdDev}.
 */
public final class ZScore extends ValueIndicator {
  private final int n;
  private final double divisor;
  private final double[] window;
  private int count;
  private int pos;
  private int changes;
  private double shift = Double.NaN;
  private double sum;
  private double sumSq;
  private double value = Double.NaN;

  public ZScore(int period) {
    this(period, Deviation.POPULATION, PriceSource.CLOSE);
  }

  public ZScore(int period, Deviation deviation, PriceSource source) {
    super("zscore", source);
    if (period < 2) {
      throw new IllegalArgumentException("period must be >= 2, was " + period);
    }
    this.n = period;
    this.divisor = deviation == Deviation.SAMPLE ? period - 1 : period;
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    if (Double.isNaN(shift)) {
      shift = x;
    }
    if (count == n) {
      double old = window[pos];
      if (old != window[pos + 1 == n ? 0 : pos + 1]) {
        changes--; // the pair (oldest, second oldest) leaves the window
      }
      double e = old - shift;
      sum -= e;
      sumSq -= e * e;
    } else {
      count++;
    }
    if (count > 1 && window[pos == 0 ? n - 1 : pos - 1] != x) {
      changes++; // the pair (newest, x) enters
    }
    window[pos] = x;
    double d = x - shift;
    sum += d;
    sumSq += d * d;
    if (++pos == n) {
      pos = 0;
      double m = 0;
      for (double w : window) {
        m += w;
      }
      shift = m / n;
      double s = 0;
      double sq = 0;
      for (double w : window) {
        double e = w - shift;
        s += e;
        sq += e * e;
      }
      sum = s;
      sumSq = sq;
    }
    if (count == n) {
      double mean = sum / n;
      double var = (sumSq - sum * mean) / divisor;
      value = changes == 0 || !(var > 0) ? 0.0 : (x - shift - mean) / Math.sqrt(var);
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
