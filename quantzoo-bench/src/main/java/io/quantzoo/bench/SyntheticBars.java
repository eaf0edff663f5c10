package io.quantzoo.bench;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded synthetic OHLCV bars (a geometric random walk, 1-minute spacing) for benchmarks. Clearly
 * synthetic: never used for results anyone should trade on.
 */
public final class SyntheticBars {
  private static final long START = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

  private SyntheticBars() {}

  /** {@code n} bars from the seed, in memory. */
  public static BarSeries generate(int n, long seed) {
    BarSeriesBuilder b = new BarSeriesBuilder("SYNTH", n);
    SplittableRandom rnd = new SplittableRandom(seed);
    double price = 1000;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = round2(open * Math.exp(rnd.nextGaussian() * 0.002));
      double high = round2(Math.max(open, close) * (1 + rnd.nextDouble() * 0.001));
      double low = round2(Math.min(open, close) * (1 - rnd.nextDouble() * 0.001));
      b.add(START + i * 60_000L, open, high, low, close, 100 + rnd.nextInt(900));
      price = close;
    }
    return b.build();
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Writes the series as CSV (timestamp ISO-8601 UTC, OHLCV). */
  public static void writeCsv(BarSeries s, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("timestamp,open,high,low,close,volume\n");
      for (int i = 0; i < s.size(); i++) {
        w.write(Instant.ofEpochMilli(s.timeMillis(i)).toString());
        w.write(
            String.format(
                Locale.ROOT,
                ",%.2f,%.2f,%.2f,%.2f,%.0f%n",
                s.open(i),
                s.high(i),
                s.low(i),
                s.close(i),
                s.volume(i)));
      }
    }
  }

  /** {@code SyntheticBars N SEED OUT.csv}: writes a seeded CSV. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SyntheticBars N SEED OUT.csv");
      System.exit(2);
    }
    writeCsv(generate(Integer.parseInt(args[0]), Long.parseLong(args[1])), Path.of(args[2]));
  }
}
