package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Rolling Pearson correlation of two aligned series over the last {@code period} pairs: {@code r =
 * Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)²·Σ(y−ȳ)²)}, computed on simple returns of each series ({@link
 * PairInput#RETURNS}, default: warm-up {@code period}, the first return being at the second value)
 * or on the values themselves ({@link PairInput#LEVELS}, TA-Lib CORREL: warm-up {@code period −
 * 1}). Clamped to [−1, 1]. When either series is constant over the window the correlation is
 * defined as 0.
 */
public final class Correlation implements PairIndicator {
  private static final List<String> OUT = List.of("correlation");
  private final RollingPairMoments m;
  private double value = Double.NaN;

  public Correlation(int period) {
    this(period, PairInput.RETURNS);
  }

  public Correlation(int period, PairInput input) {
    this.m = new RollingPairMoments(period, input);
  }

  @Override
  public double update(double x, double y) {
    if (m.update(x, y)) {
      if (m.xConstant() || m.yConstant()) {
        value = 0.0;
      } else {
        double r = m.cxy() / Math.sqrt(m.cxx() * m.cyy());
        value = Math.max(-1.0, Math.min(1.0, r));
      }
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
