package io.quantzoo.core.testkit;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * TA-Lib's 252-bar regression series (test resource {@code reference/talib-reference-252.csv}), one
 * bar per day from 2024-01-01 UTC. Bar index i of the file is bar i of the series.
 */
public final class TalibReference {
  private static BarSeries cached;

  private TalibReference() {}

  public static synchronized BarSeries bars() {
    if (cached != null) {
      return cached;
    }
    try (InputStream in =
            TalibReference.class.getResourceAsStream("/reference/talib-reference-252.csv");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      BarSeriesBuilder b = new BarSeriesBuilder("TALIB", 252);
      String line = r.readLine(); // header: bar,open,high,low,close,volume
      int i = 0;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        b.add(
            Bars.START + i * Bars.DAY,
            Double.parseDouble(f[1]),
            Double.parseDouble(f[2]),
            Double.parseDouble(f[3]),
            Double.parseDouble(f[4]),
            Double.parseDouble(f[5]));
        i++;
      }
      cached = b.build();
      return cached;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
