package io.quantzoo.core.strategy;

/**
 * Window statistics for {@link Pairs}: plain two-pass formulas over the first {@code n} entries of
 * chronological arrays (oldest first, newest last). Population moments (divide by {@code n}).
 *
 * <p>A standard deviation counts as zero when it is at most {@link #ZERO_TOL} times the magnitude
 * of the values it was computed from: below that it is rounding noise of the subtraction, and a
 * z-score divided by it would be meaningless.
 */
final class PairStats {
  /** Relative size below which a standard deviation is treated as zero. */
  static final double ZERO_TOL = 1e-10;

  private PairStats() {}

  static double mean(double[] v, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += v[i];
    }
    return sum / n;
  }

  /**
   * Slope of the ordinary least-squares line {@code y = alpha + beta·x}: {@code beta = Σ(x−x̄)(y−ȳ)
   * / Σ(x−x̄)²}. NaN when {@code x} is (numerically) constant.
   */
  static double olsSlope(double[] x, double[] y, int n) {
    double mx = mean(x, n);
    double my = mean(y, n);
    double sxx = 0;
    double sxy = 0;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      sxx += dx * dx;
      sxy += dx * (y[i] - my);
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (!(Math.sqrt(sxx / n) > ZERO_TOL * scale)) {
      return Double.NaN;
    }
    return sxy / sxx;
  }

  /**
   * z-score of the newest spread: with {@code s_i = y_i − beta·x_i}, {@code z = (s_{n−1} − mean(s))
   * / std(s)} (population std). NaN when {@code beta} is NaN or the std is (numerically) zero.
   */
  static double spreadZ(double[] x, double[] y, int n, double beta) {
    double sum = 0;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      sum += y[i] - beta * x[i];
      scale = Math.max(scale, Math.abs(y[i]) + Math.abs(beta * x[i]));
    }
    double m = sum / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = y[i] - beta * x[i] - m;
      ss += d * d;
    }
    double std = Math.sqrt(ss / n);
    if (!(std > ZERO_TOL * scale)) {
      return Double.NaN;
    }
    return (y[n - 1] - beta * x[n - 1] - m) / std;
  }

  /** Pearson correlation of {@code u} and {@code v}; NaN when either is (numerically) constant. */
  static double correlation(double[] u, double[] v, int n) {
    double mu = mean(u, n);
    double mv = mean(v, n);
    double suu = 0;
    double svv = 0;
    double suv = 0;
    double scaleU = 0;
    double scaleV = 0;
    for (int i = 0; i < n; i++) {
      double du = u[i] - mu;
      double dv = v[i] - mv;
      suu += du * du;
      svv += dv * dv;
      suv += du * dv;
      scaleU = Math.max(scaleU, Math.abs(u[i]));
      scaleV = Math.max(scaleV, Math.abs(v[i]));
    }
    if (!(Math.sqrt(suu / n) > ZERO_TOL * scaleU) || !(Math.sqrt(svv / n) > ZERO_TOL * scaleV)) {
      return Double.NaN;
    }
    return suv / Math.sqrt(suu * svv);
  }
}
