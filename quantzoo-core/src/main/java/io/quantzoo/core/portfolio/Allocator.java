package io.quantzoo.core.portfolio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Target weights of the sleeves. Long-only methods return weights {@code >= 0} summing to 1; {@link
 * VolTarget} scales another method's weights, so its sum may be below 1 (the rest stays in cash) or
 * above (leverage, at most the cap). Formulas: {@code docs/PORTFOLIOS.md}.
 *
 * <p>{@code cov} is the per-bar covariance of the sleeves' returns; methods that need it are given
 * a matrix whose diagonal is positive (the engine keeps the current weights when the window is not
 * full yet or a sleeve's variance is zero: there is nothing to allocate on).
 */
public sealed interface Allocator {

  /** Convergence tolerance of the iterative solvers (risk parity, minimum variance). */
  double TOLERANCE = 1e-13;

  /**
   * The weights for {@code n} sleeves.
   *
   * @param cov per-bar covariance (n × n), or null when none is available (only allowed when {@link
   *     #needsCovariance()} is false)
   * @param periodsPerYear bar periods per year, to annualise the covariance (vol targeting)
   */
  double[] weights(int n, double[][] cov, double periodsPerYear);

  /** Whether the method needs a covariance estimate. */
  boolean needsCovariance();

  /** The weights used before the first covariance estimate (equal unless fixed). */
  default double[] warmUp(int n) {
    return equal(n);
  }

  /** The method's name in configs and reports. */
  String name();

  /** Given weights, {@code >= 0}, summing to 1 (within 1e-9). */
  record Fixed(double[] given) implements Allocator {
    public Fixed {
      Objects.requireNonNull(given, "given");
      given = given.clone();
      double sum = 0;
      for (double w : given) {
        if (!(w >= 0) || !Double.isFinite(w)) {
          throw new IllegalArgumentException("fixed weights must be >= 0, was " + w);
        }
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException("fixed weights must sum to 1, sum was " + sum);
      }
    }

    @Override
    public double[] weights(int n, double[][] cov, double periodsPerYear) {
      if (n != given.length) {
        throw new IllegalArgumentException(
            "fixed weights are for " + given.length + " sleeves, not " + n);
      }
      return given.clone();
    }

    @Override
    public double[] warmUp(int n) {
      return weights(n, null, Double.NaN);
    }

    @Override
    public boolean needsCovariance() {
      return false;
    }

    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fixed f && Arrays.equals(given, f.given);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(given);
    }

    @Override
    public String toString() {
      return "Fixed" + Arrays.toString(given);
    }
  }

  /** {@code w_i = 1/N}. */
  record Equal() implements Allocator {
    @Override
    public double[] weights(int n, double[][] cov, double periodsPerYear) {
      return equal(n);
    }

    @Override
    public boolean needsCovariance() {
      return false;
    }

    @Override
    public String name() {
      return "equal";
    }
  }

  /** {@code w_i = (1/σ_i) / Σ_j (1/σ_j)}, {@code σ_i = √Σ_ii}. */
  record InverseVol() implements Allocator {
    @Override
    public double[] weights(int n, double[][] cov, double periodsPerYear) {
      double[] w = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        w[i] = 1 / Math.sqrt(cov[i][i]);
        sum += w[i];
      }
      for (int i = 0; i < n; i++) {
        w[i] /= sum;
      }
      return w;
    }

    @Override
    public boolean needsCovariance() {
      return true;
    }

    @Override
    public String name() {
      return "inverse_vol";
    }
  }

  /**
   * Equal risk contribution: {@code w_i (Σw)_i} equal for every i, {@code w >= 0}, {@code Σ w = 1}.
   * Solved by cyclical coordinate descent on {@code ½ yᵀΣy − (1/N) Σ ln y_i} (Griveau-Billion,
   * Richard and Roncalli, 2013), whose minimiser has {@code y_i (Σy)_i = 1/N}; {@code w = y / Σ y}.
   */
  record RiskParity() implements Allocator {
    @Override
    public double[] weights(int n, double[][] cov, double periodsPerYear) {
      double b = 1.0 / n;
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = 1 / Math.sqrt(cov[i][i]);
      }
      for (int sweep = 0; sweep < 100_000; sweep++) {
        double change = 0;
        for (int i = 0; i < n; i++) {
          double a = cov[i][i];
          double q = 0;
          for (int j = 0; j < n; j++) {
            if (j != i) {
              q += cov[i][j] * y[j];
            }
          }
          double next = (-q + Math.sqrt(q * q + 4 * a * b)) / (2 * a);
          change = Math.max(change, Math.abs(next - y[i]) / next);
          y[i] = next;
        }
        if (change < TOLERANCE) {
          break;
        }
      }
      return normalise(y);
    }

    @Override
    public boolean needsCovariance() {
      return true;
    }

    @Override
    public String name() {
      return "risk_parity";
    }
  }

  /**
   * Minimum variance: minimise {@code wᵀΣw} subject to {@code Σ w = 1} and, when {@code longOnly},
   * {@code w >= 0}. Without the bound the solution is {@code Σ⁻¹1 / 1ᵀΣ⁻¹1}; with it, a primal
   * active-set method solves the quadratic programme exactly (finite steps, each an equality
   * constrained solve on the free sleeves).
   */
  record MinVariance(boolean longOnly) implements Allocator {
    @Override
    public double[] weights(int n, double[][] cov, double periodsPerYear) {
      if (!longOnly) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return equalityConstrained(cov, all);
      }
      return activeSet(cov);
    }

    @Override
    public boolean needsCovariance() {
      return true;
    }

    @Override
    public String name() {
      return "min_variance";
    }
  }

  /**
   * Volatility targeting: the base method's weights {@code b} scaled by {@code s = min(σ* / σ_p,
   * cap / Σ|b_i|)}, with {@code σ_p = √(bᵀΣb · P)} the predicted annual volatility ({@code P}
   * periods per year) and {@code σ*} the target. When {@code σ_p = 0} the scale is the cap's.
   *
   * @param base the method giving the unscaled weights
   * @param targetVolPct annual volatility target in percent ({@code > 0})
   * @param leverageCap largest {@code Σ|w_i|} ({@code > 0})
   */
  record VolTarget(Allocator base, double targetVolPct, double leverageCap) implements Allocator {
    public VolTarget {
      Objects.requireNonNull(base, "base");
      if (base instanceof VolTarget) {
        throw new IllegalArgumentException("vol targeting cannot wrap vol targeting");
      }
      if (!(targetVolPct > 0) || !Double.isFinite(targetVolPct)) {
        throw new IllegalArgumentException("target_vol_pct must be > 0, was " + targetVolPct);
      }
      if (!(leverageCap > 0) || !Double.isFinite(leverageCap)) {
        throw new IllegalArgumentException("leverage_cap must be > 0, was " + leverageCap);
      }
    }

    @Override
    public double[] weights(int n, double[][] cov, double periodsPerYear) {
      double[] b = base.weights(n, cov, periodsPerYear);
      double gross = 0;
      for (double v : b) {
        gross += Math.abs(v);
      }
      double capScale = leverageCap / gross;
      double variance = quadratic(b, cov) * periodsPerYear;
      double scale =
          variance > 0 ? Math.min(targetVolPct / 100 / Math.sqrt(variance), capScale) : capScale;
      for (int i = 0; i < n; i++) {
        b[i] *= scale;
      }
      return b;
    }

    @Override
    public double[] warmUp(int n) {
      double[] b = base.warmUp(n);
      double gross = 0;
      for (double v : b) {
        gross += Math.abs(v);
      }
      double scale = Math.min(1, leverageCap / gross);
      for (int i = 0; i < n; i++) {
        b[i] *= scale;
      }
      return b;
    }

    @Override
    public boolean needsCovariance() {
      return true;
    }

    @Override
    public String name() {
      return "vol_target";
    }
  }

  /**
   * Risk contributions {@code RC_i = w_i (Σw)_i / wᵀΣw}; they sum to 1. NaN everywhere when {@code
   * wᵀΣw = 0}.
   */
  static double[] riskContributions(double[] w, double[][] cov) {
    int n = w.length;
    double total = quadratic(w, cov);
    double[] rc = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += cov[i][j] * w[j];
      }
      rc[i] = total > 0 ? w[i] * s / total : Double.NaN;
    }
    return rc;
  }

  /** {@code wᵀΣw}. */
  static double quadratic(double[] w, double[][] cov) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        v += w[i] * cov[i][j] * w[j];
      }
    }
    return v;
  }

  private static double[] equal(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    return w;
  }

  private static double[] normalise(double[] y) {
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    double[] w = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      w[i] = y[i] / sum;
    }
    return w;
  }

  /**
   * Minimises {@code wᵀΣw} subject to {@code Σ w = 1} over the sleeves in {@code free} (the others
   * are 0): {@code w_F = Σ_FF⁻¹1 / 1ᵀΣ_FF⁻¹1}.
   */
  private static double[] equalityConstrained(double[][] cov, boolean[] free) {
    int n = cov.length;
    int[] idx = indices(free);
    int f = idx.length;
    double[][] a = new double[f][f];
    double[] rhs = new double[f];
    for (int r = 0; r < f; r++) {
      for (int c = 0; c < f; c++) {
        a[r][c] = cov[idx[r]][idx[c]];
      }
      rhs[r] = 1;
    }
    double[] x = LinearAlgebra.solve(a, rhs);
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double[] w = new double[n];
    for (int r = 0; r < f; r++) {
      w[idx[r]] = x[r] / sum;
    }
    return w;
  }

  /**
   * Primal active set for {@code min ½wᵀΣw, 1ᵀw = 1, w >= 0}, started at equal weights. Each
   * iteration solves {@code [Σ_FF 1; 1ᵀ 0][p; λ] = [−(Σw)_F; 0]} on the free set F: a zero step
   * means w is optimal on F, and it is optimal overall when every bound sleeve's multiplier {@code
   * (Σw)_j − ν} (ν the common {@code (Σw)_i} of the free sleeves) is {@code >= 0}; otherwise the
   * most negative one is freed. A non-zero step is taken as far as the bounds allow, binding the
   * blocking sleeve.
   */
  private static double[] activeSet(double[][] cov) {
    int n = cov.length;
    double[] w = equal(n);
    boolean[] free = new boolean[n];
    Arrays.fill(free, true);
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(cov[i][i]));
    }
    for (int iter = 0; iter < 50 * (n + 1); iter++) {
      double[] g = matVec(cov, w);
      int[] idx = indices(free);
      int f = idx.length;
      double[][] k = new double[f + 1][f + 1];
      double[] rhs = new double[f + 1];
      for (int r = 0; r < f; r++) {
        for (int c = 0; c < f; c++) {
          k[r][c] = cov[idx[r]][idx[c]];
        }
        k[r][f] = 1;
        k[f][r] = 1;
        rhs[r] = -g[idx[r]];
      }
      double[] sol = LinearAlgebra.solve(k, rhs);
      double maxStep = 0;
      for (int r = 0; r < f; r++) {
        maxStep = Math.max(maxStep, Math.abs(sol[r]));
      }
      if (maxStep <= TOLERANCE) {
        double nu = -sol[f];
        int release = -1;
        double most = -TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
        for (int j = 0; j < n; j++) {
          if (!free[j] && g[j] - nu < most) {
            most = g[j] - nu;
            release = j;
          }
        }
        if (release < 0) {
          return w;
        }
        free[release] = true;
        continue;
      }
      double alpha = 1;
      int block = -1;
      for (int r = 0; r < f; r++) {
        double p = sol[r];
        if (p < 0) {
          double a = -w[idx[r]] / p;
          if (a < alpha) {
            alpha = a;
            block = idx[r];
          }
        }
      }
      for (int r = 0; r < f; r++) {
        w[idx[r]] += alpha * sol[r];
      }
      if (block >= 0) {
        w[block] = 0;
        free[block] = false;
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        w[i] = Math.max(0, w[i]);
        sum += w[i];
      }
      for (int i = 0; i < n; i++) {
        w[i] /= sum;
      }
    }
    throw new IllegalStateException("minimum variance did not converge");
  }

  private static int[] indices(boolean[] free) {
    int f = 0;
    for (boolean b : free) {
      f += b ? 1 : 0;
    }
    int[] idx = new int[f];
    int k = 0;
    for (int i = 0; i < free.length; i++) {
      if (free[i]) {
        idx[k++] = i;
      }
    }
    return idx;
  }

  private static double[] matVec(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += m[i][j] * v[j];
      }
      out[i] = s;
    }
    return out;
  }
}
