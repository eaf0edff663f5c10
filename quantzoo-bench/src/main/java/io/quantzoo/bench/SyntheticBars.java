package io.quantzoo.bench;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.testkit.RandomBars;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Seeded synthetic OHLCV bars (a geometric random walk, 1-minute spacing) for benchmarks. Clearly
 * synthetic: never used for results anyone should trade on.
 */
public final class SyntheticBars {
  private SyntheticBars() {}

  /** {@code n} bars from the seed, in memory (the core test kit's benchmark walk). */
  public static BarSeries generate(int n, long seed) {
    return RandomBars.benchmarkMinutes("SYNTH", n, seed);
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
