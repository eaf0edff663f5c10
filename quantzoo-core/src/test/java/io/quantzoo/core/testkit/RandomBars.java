package io.quantzoo.core.testkit;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import java.util.SplittableRandom;

/** Seeded random-walk OHLCV series for property tests. */
public final class RandomBars {
  private RandomBars() {}

  /** {@code n} hourly bars of a geometric random walk starting at 100, reproducible per seed. */
  public static BarSeries walk(String symbol, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    BarSeriesBuilder b = new BarSeriesBuilder(symbol, n);
    double price = 100;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = open * Math.exp(rnd.nextGaussian() * 0.01);
      double high = Math.max(open, close) * (1 + rnd.nextDouble() * 0.005);
      double low = Math.min(open, close) * (1 - rnd.nextDouble() * 0.005);
      b.add(Bars.START + i * 3_600_000L, open, high, low, close, 1000 + rnd.nextInt(1000));
      price = close;
    }
    return b.build();
  }

  /**
   * {@code n} one-minute bars of the benchmark walk from 2020-01-01 UTC (start 1000, 0.2 % log
   * steps, prices rounded to cents), reproducible per seed. {@code bench/run.sh} writes the same
   * bars to CSV; a regression test stores them.
   */
  public static BarSeries benchmarkMinutes(String symbol, int n, long seed) {
    BarSeriesBuilder b = new BarSeriesBuilder(symbol, n);
    SplittableRandom rnd = new SplittableRandom(seed);
    double price = 1000;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = cents(open * Math.exp(rnd.nextGaussian() * 0.002));
      double high = cents(Math.max(open, close) * (1 + rnd.nextDouble() * 0.001));
      double low = cents(Math.min(open, close) * (1 - rnd.nextDouble() * 0.001));
      b.add(1_577_836_800_000L + i * 60_000L, open, high, low, close, 100 + rnd.nextInt(900));
      price = close;
    }
    return b.build();
  }

  private static double cents(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
