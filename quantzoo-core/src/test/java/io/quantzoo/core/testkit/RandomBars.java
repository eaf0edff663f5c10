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
}
