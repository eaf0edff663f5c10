package io.quantzoo.core.portfolio;

/** Small dense linear algebra for the allocators. */
final class LinearAlgebra {
  private LinearAlgebra() {}

  /**
   * Solves {@code a·x = b} by Gaussian elimination with partial pivoting; {@code a} and {@code b}
   * are not modified.
   *
   * @throws IllegalArgumentException if {@code a} is singular (a pivot below 1e-14 of the largest
   *     entry)
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    double big = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = a[i][j];
        big = Math.max(big, Math.abs(a[i][j]));
      }
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      if (!(Math.abs(m[piv][col]) > 1e-14 * big)) {
        throw new IllegalArgumentException("singular matrix (covariance not positive definite)");
      }
      double[] tmp = m[piv];
      m[piv] = m[col];
      m[col] = tmp;
      for (int r = col + 1; r < n; r++) {
        double factor = m[r][col] / m[col][col];
        if (factor != 0) {
          for (int c = col; c <= n; c++) {
            m[r][c] -= factor * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
