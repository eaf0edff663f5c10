package io.quantzoo.core.testkit;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import java.time.Instant;

/** Builds small hand-made bar series for tests: one bar per day from 2024-01-01 UTC. */
public final class Bars {
  public static final long DAY = 86_400_000L;
  public static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  private final BarSeriesBuilder b;

  private Bars(String symbol) {
    b = new BarSeriesBuilder(symbol);
  }

  public static Bars of(String symbol) {
    return new Bars(symbol);
  }

  /** Adds a bar (open, high, low, close), volume 1000, at the next day. */
  public Bars bar(double o, double h, double l, double c) {
    b.add(START + b.size() * DAY, o, h, l, c, 1000);
    return this;
  }

  /** Adds a flat bar with all prices equal. */
  public Bars flat(double p) {
    return bar(p, p, p, p);
  }

  /** Adds a bar at an explicit time. */
  public Bars barAt(long timeMillis, double o, double h, double l, double c) {
    b.add(timeMillis, o, h, l, c, 1000);
    return this;
  }

  public BarSeries build() {
    return b.build();
  }
}
