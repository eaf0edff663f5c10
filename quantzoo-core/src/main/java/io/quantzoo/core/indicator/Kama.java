package io.quantzoo.core.indicator;

/**
 * Kaufman adaptive moving average (Kaufman 1995, as TA-Lib KAMA).
 *
 * <p>Over the last {@code n = period} changes: direction {@code D = |x[t] − x[t−n]|}, volatility
 * {@code V = Σ_{i=t−n+1..t} |x[i] − x[i−1]|}, efficiency ratio {@code ER = D/V} (1 when {@code V =
 * 0}, as TA-Lib; at most 1). Smoothing constant {@code sc = (ER·(f − s) + s)²} with {@code f =
 * 2/(fast+1)} and {@code s = 2/(slow+1)}; {@code KAMA[t] = KAMA[t−1] + sc·(x[t] − KAMA[t−1])}.
 *
 * <p>Seeding as TA-Lib: the first value is at input {@code n} (warm-up {@code period}), computed
 * from the previous input as {@code KAMA[n−1] = x[n−1]}.
 */
public final class Kama extends ValueIndicator {
  private final int n;
  private final double fastSc;
  private final double slowSc;

  /** The last n+1 inputs. */
  private final double[] values;

  /** The last n absolute changes. */
  private final double[] changes;

  private int count;
  private int pos;
  private int changePos;
  private int nonZero;
  private double volatility;
  private double value = Double.NaN;

  public Kama(int period) {
    this(period, 2, 30, PriceSource.CLOSE);
  }

  public Kama(int period, int fast, int slow, PriceSource source) {
    super("kama", source);
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    if (fast < 1) {
      throw new IllegalArgumentException("fast must be >= 1, was " + fast);
    }
    if (slow <= fast) {
      throw new IllegalArgumentException("slow must be > fast (" + fast + "), was " + slow);
    }
    this.n = period;
    this.fastSc = 2.0 / (fast + 1);
    this.slowSc = 2.0 / (slow + 1);
    this.values = new double[period + 1];
    this.changes = new double[period];
  }

  @Override
  public double update(double x) {
    int last = pos == 0 ? n : pos - 1;
    double prev = values[last];
    values[pos] = x;
    pos = pos == n ? 0 : pos + 1; // now values[pos] is x[t−n] once n+1 inputs were seen
    count++;
    if (count == 1) {
      return value;
    }
    double d = Math.abs(x - prev);
    if (count > n + 1) {
      double old = changes[changePos];
      volatility -= old;
      if (old != 0) {
        nonZero--;
      }
    }
    changes[changePos] = d;
    volatility += d;
    if (d != 0) {
      nonZero++;
    }
    if (++changePos == n) {
      changePos = 0;
      double s = 0;
      for (double c : changes) {
        s += c;
      }
      volatility = s; // re-added once per cycle so rounding never accumulates
    }
    if (count <= n) {
      return value;
    }
    double dir = Math.abs(x - values[pos]);
    double er = nonZero == 0 || dir >= volatility ? 1.0 : dir / volatility;
    double a = er * (fastSc - slowSc) + slowSc;
    double sc = a * a;
    double base = count == n + 1 ? prev : value;
    value = base + sc * (x - base);
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return n;
  }

  public int period() {
    return n;
  }
}
