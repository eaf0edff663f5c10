package io.quantzoo.core.indicator;

import io.quantzoo.core.data.BarSeries;

/**
 * Whole-column computation. Each method runs the indicator's own incremental update over the
 * series, so a column and a bar-by-bar run give bit-identical numbers.
 */
public final class Indicators {
  private Indicators() {}

  /** Feeds every bar of {@code bars} to a fresh {@code indicator} and collects every output. */
  public static IndicatorColumns compute(Indicator indicator, BarSeries bars) {
    int n = bars.size();
    int k = indicator.outputs().size();
    double[][] cols = new double[k][n];
    long[] t = bars.timesArray();
    double[] o = bars.openArray();
    double[] h = bars.highArray();
    double[] l = bars.lowArray();
    double[] c = bars.closeArray();
    double[] v = bars.volumeArray();
    for (int i = 0; i < n; i++) {
      indicator.update(t[i], o[i], h[i], l[i], c[i], v[i]);
      for (int j = 0; j < k; j++) {
        cols[j][i] = indicator.value(j);
      }
    }
    return new IndicatorColumns(indicator.outputs(), cols);
  }

  /** A single-input indicator over an array of values: the first output per input. */
  public static double[] compute(ValueIndicator indicator, double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = indicator.update(xs[i]);
    }
    return out;
  }

  /** A two-series indicator over aligned arrays (same length). */
  public static IndicatorColumns compute(PairIndicator indicator, double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException(
          "series must have the same length, were " + xs.length + " and " + ys.length);
    }
    int k = indicator.outputs().size();
    double[][] cols = new double[k][xs.length];
    for (int i = 0; i < xs.length; i++) {
      indicator.update(xs[i], ys[i]);
      for (int j = 0; j < k; j++) {
        cols[j][i] = indicator.value(j);
      }
    }
    return new IndicatorColumns(indicator.outputs(), cols);
  }
}
