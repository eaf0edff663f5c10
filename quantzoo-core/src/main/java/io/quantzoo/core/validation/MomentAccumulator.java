package io.quantzoo.core.validation;

import java.util.Objects;

/**
 * Streaming first four moments of a series: count, mean and the central sums {@code M2 = Σ(x −
 * mean)²}, {@code M3 = Σ(x − mean)³}, {@code M4 = Σ(x − mean)⁴}, updated one value at a time
 * without storing the values (Welford's update extended to the third and fourth moments, and the
 * pairwise merge of Chan et al. and Pébay: P. Pébay, "Formulas for robust, one-pass parallel
 * computation of covariances and arbitrary-order statistical moments", Sandia report SAND2008-6212,
 * 2008). A parameter sweep can keep one per configuration and call {@link #add(double)} per bar;
 * {@link #add(double)} allocates nothing.
 *
 * <p>The statistics follow {@link SampleMoments}: sample standard deviation (divisor {@code n −
 * 1}), skewness {@code √n · M3 / M2^{3/2}} and non-excess kurtosis {@code n · M4 / M2²} (3 for a
 * normal distribution). Mutable and not thread-safe; {@link #moments()} takes a snapshot.
 */
public final class MomentAccumulator {
  private long n;
  private double mean;
  private double m2;
  private double m3;
  private double m4;

  /** An empty accumulator. */
  public MomentAccumulator() {}

  /**
   * Adds one value.
   *
   * @throws IllegalArgumentException if {@code x} is NaN or infinite
   */
  public void add(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("value must be finite, was " + x);
    }
    long n1 = n;
    n++;
    double nn = n;
    double delta = x - mean;
    double deltaN = delta / nn;
    double deltaN2 = deltaN * deltaN;
    double term1 = delta * deltaN * n1;
    mean += deltaN;
    m4 += term1 * deltaN2 * (nn * nn - 3 * nn + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
    m3 += term1 * deltaN * (nn - 2) - 3 * deltaN * m2;
    m2 += term1;
  }

  /** Adds every value of {@code xs}, in order. */
  public void addAll(double[] xs) {
    for (double x : xs) {
      add(x);
    }
  }

  /**
   * Adds all values seen by {@code other} (which is not changed), as if they had been added here:
   * the result equals that of one accumulator fed both series, up to rounding.
   */
  public void merge(MomentAccumulator other) {
    Objects.requireNonNull(other, "other");
    if (other.n == 0) {
      return;
    }
    if (n == 0) {
      n = other.n;
      mean = other.mean;
      m2 = other.m2;
      m3 = other.m3;
      m4 = other.m4;
      return;
    }
    double na = n;
    double nb = other.n;
    double nt = na + nb;
    double delta = other.mean - mean;
    double delta2 = delta * delta;
    double delta3 = delta2 * delta;
    double delta4 = delta2 * delta2;
    double newM2 = m2 + other.m2 + delta2 * na * nb / nt;
    double newM3 =
        m3
            + other.m3
            + delta3 * na * nb * (na - nb) / (nt * nt)
            + 3 * delta * (na * other.m2 - nb * m2) / nt;
    double newM4 =
        m4
            + other.m4
            + delta4 * na * nb * (na * na - na * nb + nb * nb) / (nt * nt * nt)
            + 6 * delta2 * (na * na * other.m2 + nb * nb * m2) / (nt * nt)
            + 4 * delta * (na * other.m3 - nb * m3) / nt;
    mean += delta * nb / nt;
    n += other.n;
    m2 = newM2;
    m3 = newM3;
    m4 = newM4;
  }

  /** The number of values added. */
  public long count() {
    return n;
  }

  /** The mean; NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** {@code Σ(x − mean)²}. */
  public double m2() {
    return m2;
  }

  /** {@code Σ(x − mean)³}. */
  public double m3() {
    return m3;
  }

  /** {@code Σ(x − mean)⁴}. */
  public double m4() {
    return m4;
  }

  /** The sample variance {@code M2 / (n − 1)}; NaN for fewer than 2 values. */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  /** The sample standard deviation {@code √(M2 / (n − 1))}; NaN for fewer than 2 values. */
  public double std() {
    return Math.sqrt(variance());
  }

  /** The skewness {@code √n · M3 / M2^{3/2}}; NaN when empty or when {@code M2 = 0}. */
  public double skewness() {
    return n == 0 || !(m2 > 0) ? Double.NaN : Math.sqrt((double) n) * m3 / (m2 * Math.sqrt(m2));
  }

  /** The non-excess kurtosis {@code n · M4 / M2²}; NaN when empty or when {@code M2 = 0}. */
  public double kurtosis() {
    return n == 0 || !(m2 > 0) ? Double.NaN : n * m4 / (m2 * m2);
  }

  /** The per-period Sharpe ratio {@code mean / std}; NaN when {@code std} is 0 or NaN. */
  public double sharpe() {
    double s = std();
    return s > 0 ? mean / s : Double.NaN;
  }

  /** A snapshot of the statistics. */
  public SampleMoments moments() {
    return new SampleMoments(n, mean(), std(), skewness(), kurtosis());
  }
}
