package io.quantzoo.core.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, columnar series of OHLCV bars for one symbol.
 *
 * <p>Bars are held in primitive arrays (one per field), never as one object per bar, so the engine
 * and indicators read them without allocation. Timestamps are epoch milliseconds in UTC and
 * strictly increasing; each bar's timestamp is its <em>open</em> time as given by the data source.
 * Every price is finite and positive, {@code low <= min(open, close)}, {@code high >= max(open,
 * close)}, and volume is finite and not negative: {@link BarSeriesBuilder} enforces this at the
 * boundary, so code holding a {@code BarSeries} may trust it.
 *
 * <p>The accessors that return arrays return the internal arrays for speed: callers must not modify
 * them. Thread-safe (immutable once built).
 */
public final class BarSeries {
  private final String symbol;
  private final long[] times;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;

  BarSeries(
      String symbol,
      long[] times,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.times = times;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
  }

  /**
   * Builds a series from arrays, validating every bar. The arrays are copied.
   *
   * @throws IllegalArgumentException if lengths differ or any bar breaks the invariants
   */
  public static BarSeries of(
      String symbol,
      long[] timesMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    int n = timesMillis.length;
    if (open.length != n || high.length != n || low.length != n || close.length != n) {
      throw new IllegalArgumentException("all columns must have the same length, was " + n);
    }
    if (volume != null && volume.length != n) {
      throw new IllegalArgumentException("volume must have length " + n + ", was " + volume.length);
    }
    BarSeriesBuilder b = new BarSeriesBuilder(symbol, n);
    for (int i = 0; i < n; i++) {
      b.add(timesMillis[i], open[i], high[i], low[i], close[i], volume == null ? 0 : volume[i]);
    }
    return b.build();
  }

  public String symbol() {
    return symbol;
  }

  public int size() {
    return times.length;
  }

  public boolean isEmpty() {
    return times.length == 0;
  }

  /** Open time of bar {@code i} in epoch milliseconds (UTC). */
  public long timeMillis(int i) {
    return times[i];
  }

  public Instant time(int i) {
    return Instant.ofEpochMilli(times[i]);
  }

  public double open(int i) {
    return open[i];
  }

  public double high(int i) {
    return high[i];
  }

  public double low(int i) {
    return low[i];
  }

  public double close(int i) {
    return close[i];
  }

  public double volume(int i) {
    return volume[i];
  }

  /** Internal array of timestamps; do not modify. */
  public long[] timesArray() {
    return times;
  }

  /** Internal array of opens; do not modify. */
  public double[] openArray() {
    return open;
  }

  /** Internal array of highs; do not modify. */
  public double[] highArray() {
    return high;
  }

  /** Internal array of lows; do not modify. */
  public double[] lowArray() {
    return low;
  }

  /** Internal array of closes; do not modify. */
  public double[] closeArray() {
    return close;
  }

  /** Internal array of volumes; do not modify. */
  public double[] volumeArray() {
    return volume;
  }

  /** A new series holding bars {@code [from, to)}. */
  public BarSeries slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    return new BarSeries(
        symbol,
        Arrays.copyOfRange(times, from, to),
        Arrays.copyOfRange(open, from, to),
        Arrays.copyOfRange(high, from, to),
        Arrays.copyOfRange(low, from, to),
        Arrays.copyOfRange(close, from, to),
        Arrays.copyOfRange(volume, from, to));
  }

  /** The same bars under another symbol. */
  public BarSeries withSymbol(String newSymbol) {
    return new BarSeries(newSymbol, times, open, high, low, close, volume);
  }

  /**
   * A stable fingerprint of the contents (symbol, timestamps and OHLCV bits), used to record which
   * data a run used: a 64-bit multiply-xorshift hash over the raw values, as 16 hex digits. Not
   * cryptographic; equal data always gives the same fingerprint.
   */
  public String fingerprint() {
    long h = 0x9E3779B97F4A7C15L;
    for (int k = 0; k < symbol.length(); k++) {
      h = mix(h, symbol.charAt(k));
    }
    for (int i = 0; i < times.length; i++) {
      h = mix(h, times[i]);
      h = mix(h, Double.doubleToLongBits(open[i]));
      h = mix(h, Double.doubleToLongBits(high[i]));
      h = mix(h, Double.doubleToLongBits(low[i]));
      h = mix(h, Double.doubleToLongBits(close[i]));
      h = mix(h, Double.doubleToLongBits(volume[i]));
    }
    return String.format("%016x", h);
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
    x ^= x >>> 31;
    return x * 0x94D049BB133111EBL;
  }

  @Override
  public String toString() {
    return "BarSeries["
        + symbol
        + ", "
        + size()
        + " bars"
        + (isEmpty() ? "" : ", " + time(0) + " .. " + time(size() - 1))
        + "]";
  }
}
