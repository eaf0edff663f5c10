package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Rolling beta of a series {@code x} against a benchmark {@code y} over the last {@code period}
 * pairs: {@code β = cov(x, y)/var(y) = Σ(x−x̄)(y−ȳ) / Σ(y−ȳ)²}, the least-squares slope of x
 * regressed on y. The first argument of {@link #update(double, double)} is the series, the second
 * the benchmark. Computed on simple returns of each series ({@link PairInput#RETURNS}, default:
 * warm-up {@code period}) or on the values themselves ({@link PairInput#LEVELS}: warm-up {@code
 * period − 1}). When either series is constant over the window beta is defined as 0 (a constant x
 * has no covariance with anything; a constant benchmark has no variance to explain).
 *
 * <p>TA-Lib BETA divides by the variance of its first input, so {@code beta(x, y)} with returns is
 * TA-Lib {@code BETA(inReal0 = y, inReal1 = x)}.
 */
public final class Beta implements PairIndicator {
  private static final List<String> OUT = List.of("beta");
  private final RollingPairMoments m;
  private double value = Double.NaN;

  public Beta(int period) {
    this(period, PairInput.RETURNS);
  }

  public Beta(int period, PairInput input) {
    this.m = new RollingPairMoments(period, input);
  }

  /** Feeds the series value {@code x} and the benchmark value {@code y}; returns beta. */
  @Override
  public double update(double x, double y) {
    if (m.update(x, y)) {
      value = m.xConstant() || m.yConstant() ? 0.0 : m.cxy() / m.cyy();
    }
    return value;
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
    return m.warmup();
  }

  public int period() {
    return m.period();
  }
}
