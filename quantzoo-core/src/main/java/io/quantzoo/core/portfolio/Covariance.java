package io.quantzoo.core.portfolio;

import java.util.Objects;

/**
 * Covariance estimates of sleeve returns from a window of {@code T} bars × {@code N} sleeves
 * ({@code x[t][i]} is sleeve i's return on bar t). Formulas: {@code docs/PORTFOLIOS.md}.
 *
 * <ul>
 *   <li>{@link Shrinkage.None}: the sample covariance, divisor {@code T − 1}.
 *   <li>{@link Shrinkage.LedoitWolf}: Ledoit and Wolf (2004), "A well-conditioned estimator for
 *       large-dimensional covariance matrices": the demeaned covariance with divisor {@code T}
 *       ({@code S}) shrunk toward {@code m·I}, {@code m = tr(S)/N}, with the closed-form optimal
 *       intensity {@code δ = min(b̄², d²) / d²}.
 *   <li>{@link Shrinkage.Constant}: the sample covariance ({@code T − 1}) shrunk toward {@code m·I}
 *       with a given intensity.
 * </ul>
 */
public final class Covariance {
  private Covariance() {}

  /** How the sample covariance is shrunk. */
  public sealed interface Shrinkage {
    /** No shrinkage. */
    record None() implements Shrinkage {}

    /** Ledoit–Wolf (2004) optimal intensity toward the scaled identity. */
    record LedoitWolf() implements Shrinkage {}

    /**
     * A fixed intensity toward the scaled identity.
     *
     * @param intensity in [0, 1]: 0 is the sample covariance, 1 the scaled identity
     */
    record Constant(double intensity) implements Shrinkage {
      public Constant {
        if (!(intensity >= 0 && intensity <= 1)) {
          throw new IllegalArgumentException(
              "shrinkage intensity must be in [0, 1], was " + intensity);
        }
      }
    }
  }

  /**
   * An estimate.
   *
   * @param matrix the N × N covariance (symmetric)
   * @param intensity the shrinkage intensity used (0 for none)
   */
  public record Estimate(double[][] matrix, double intensity) {
    public Estimate {
      Objects.requireNonNull(matrix, "matrix");
    }
  }

  /** Estimates with the given shrinkage. */
  public static Estimate estimate(double[][] x, Shrinkage shrinkage) {
    return switch (shrinkage) {
      case Shrinkage.None n -> new Estimate(sample(x), 0);
      case Shrinkage.LedoitWolf lw -> ledoitWolf(x);
      case Shrinkage.Constant c -> new Estimate(shrink(sample(x), c.intensity()), c.intensity());
    };
  }

  /** The sample covariance with divisor {@code T − 1}; needs {@code T >= 2}. */
  public static double[][] sample(double[][] x) {
    int t = rows(x, 2);
    int n = x[0].length;
    double[] mean = means(x);
    double[][] s = new double[n][n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        double di = row[i] - mean[i];
        for (int j = i; j < n; j++) {
          s[i][j] += di * (row[j] - mean[j]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        s[i][j] /= t - 1;
        s[j][i] = s[i][j];
      }
    }
    return s;
  }

  /** {@code (1 − δ)·s + δ·m·I} with {@code m = tr(s)/N}. */
  public static double[][] shrink(double[][] s, double intensity) {
    int n = s.length;
    double m = 0;
    for (int i = 0; i < n; i++) {
      m += s[i][i];
    }
    m /= n;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = (1 - intensity) * s[i][j] + (i == j ? intensity * m : 0);
      }
    }
    return out;
  }

  /**
   * Ledoit–Wolf (2004): with {@code y_t = x_t − mean} and {@code S = (1/T) Σ y_t y_tᵀ}, the norm
   * {@code ‖A‖² = tr(AAᵀ)/N}, {@code m = tr(S)/N}, {@code d² = ‖S − mI‖²}, {@code b̄² = (1/T²) Σ_t
   * ‖y_t y_tᵀ − S‖²}, {@code b² = min(b̄², d²)}: intensity {@code δ = b²/d²} (0 when {@code d² =
   * 0}), estimate {@code δ·m·I + (1 − δ)·S}. Needs {@code T >= 2}.
   */
  public static Estimate ledoitWolf(double[][] x) {
    int t = rows(x, 2);
    int n = x[0].length;
    double[] mean = means(x);
    double[][] y = new double[t][n];
    for (int r = 0; r < t; r++) {
      for (int i = 0; i < n; i++) {
        y[r][i] = x[r][i] - mean[i];
      }
    }
    double[][] s = new double[n][n];
    for (double[] row : y) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          s[i][j] += row[i] * row[j];
        }
      }
    }
    double m = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i][j] /= t;
      }
      m += s[i][i];
    }
    m /= n;
    double d2 = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = s[i][j] - (i == j ? m : 0);
        d2 += v * v;
      }
    }
    d2 /= n;
    double b2bar = 0;
    for (double[] row : y) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double v = row[i] * row[j] - s[i][j];
          sum += v * v;
        }
      }
      b2bar += sum / n;
    }
    b2bar /= (double) t * t;
    double b2 = Math.min(b2bar, d2);
    double delta = d2 > 0 ? b2 / d2 : 0;
    return new Estimate(shrinkTo(s, m, delta), delta);
  }

  private static double[][] shrinkTo(double[][] s, double m, double delta) {
    int n = s.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = (1 - delta) * s[i][j] + (i == j ? delta * m : 0);
      }
    }
    return out;
  }

  /**
   * The correlation matrix {@code c_ij = s_ij / √(s_ii s_jj)}: 1 on the diagonal of a sleeve with
   * positive variance, NaN in the rows and columns of a sleeve with zero variance.
   */
  public static double[][] correlation(double[][] cov) {
    int n = cov.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = Math.sqrt(cov[i][i] * cov[j][j]);
        c[i][j] = d > 0 ? (i == j ? 1.0 : cov[i][j] / d) : Double.NaN;
      }
    }
    return c;
  }

  private static int rows(double[][] x, int min) {
    if (x.length < min) {
      throw new IllegalArgumentException(
          "a covariance needs at least " + min + " rows, was " + x.length);
    }
    int n = x[0].length;
    if (n == 0) {
      throw new IllegalArgumentException("a covariance needs at least one column");
    }
    for (double[] row : x) {
      if (row.length != n) {
        throw new IllegalArgumentException("every row must have " + n + " columns");
      }
    }
    return x.length;
  }

  private static double[] means(double[][] x) {
    int n = x[0].length;
    double[] mean = new double[n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        mean[i] += row[i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] /= x.length;
    }
    return mean;
  }
}
