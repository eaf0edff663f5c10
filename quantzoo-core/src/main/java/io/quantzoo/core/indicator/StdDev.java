package io.quantzoo.core.indicator;

/**
 * Rolling standard deviation of the last {@code period} values, population (divide by n, default)
 * or sample (n − 1), see {@link Deviation}. Warm-up {@code period − 1}. Sums are kept relative to a
 * shift that is reset to the window mean once per cycle, so the result stays accurate for large
 * price levels and long series.
 */
public final class StdDev extends ValueIndicator {
  private final int n;
  private final Deviation deviation;
  private final double[] window;
  private int count;
  private int pos;
  private int changes;
  private double shift = Double.NaN;
  private double sum;
  private double sumSq;
  private double value = Double.NaN;

  public StdDev(int period) {
    this(period, Deviation.POPULATION, PriceSource.CLOSE);
  }

  public StdDev(int period, Deviation deviation, PriceSource source) {
    super("stddev", source);
    if (period < 1 || (deviation == Deviation.SAMPLE && period < 2)) {
      throw new IllegalArgumentException(
          "period must be >= " + (deviation == Deviation.SAMPLE ? 2 : 1) + ", was " + period);
    }
    this.n = period;
    this.deviation = deviation;
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    if (Double.isNaN(shift)) {
      shift = x;
    }
    if (count == n) {
      double old = window[pos];
      if (n > 1 && old != window[pos + 1 == n ? 0 : pos + 1]) {
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
      double ss = sumSq - n * mean * mean;
      double var = Math.max(0, ss) / (deviation == Deviation.SAMPLE ? n - 1 : n);
      // a window of identical values has exactly zero deviation: detected by counting changes
      // between neighbours, since the shifted sums can leave a rounding residue
      value = changes == 0 ? 0.0 : Math.sqrt(var);
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
}
