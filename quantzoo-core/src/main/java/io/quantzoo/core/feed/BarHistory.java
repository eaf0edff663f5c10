package io.quantzoo.core.feed;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.instrument.Instrument;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every bar seen so far, per symbol, in primitive columns: the strategy's window on the market.
 *
 * <p>Two shapes, one reader: a backtest wraps its loaded series (the columns are the series' own
 * arrays, nothing is copied) and moves a cursor; a replay or live feed starts empty and appends
 * each bar as it closes. Either way {@link #cursor(int)} is the index of the symbol's latest closed
 * bar and nothing after it is readable through the trading core. Columns are exposed as arrays for
 * the hot loop; they may be replaced by larger ones when a live history grows, so read them through
 * this object, never keep them.
 */
public final class BarHistory {
  final int k;
  final Instrument[] inst;
  private final Map<String, Integer> index = new HashMap<>();
  long[][] t;
  double[][] o;
  double[][] h;
  double[][] l;
  double[][] c;
  double[][] v;
  final int[] size;
  final int[] cur;

  private BarHistory(List<Instrument> instruments, int capacity) {
    k = instruments.size();
    if (k == 0) {
      throw new IllegalArgumentException("at least one symbol is required");
    }
    inst = instruments.toArray(new Instrument[0]);
    t = new long[k][];
    o = new double[k][];
    h = new double[k][];
    l = new double[k][];
    c = new double[k][];
    v = new double[k][];
    size = new int[k];
    cur = new int[k];
    Arrays.fill(cur, -1);
    for (int s = 0; s < k; s++) {
      if (index.put(inst[s].symbol(), s) != null) {
        throw new IllegalArgumentException(
            "symbol " + inst[s].symbol() + " appears twice in the data");
      }
      if (capacity >= 0) {
        t[s] = new long[capacity];
        o[s] = new double[capacity];
        h[s] = new double[capacity];
        l[s] = new double[capacity];
        c[s] = new double[capacity];
        v[s] = new double[capacity];
      }
    }
  }

  /**
   * A history over loaded series (one per instrument, same order); cursors before the first bar.
   */
  public static BarHistory of(List<Instrument> instruments, List<BarSeries> series) {
    if (instruments.size() != series.size()) {
      throw new IllegalArgumentException("one series per instrument is required");
    }
    BarHistory hist = new BarHistory(instruments, -1);
    for (int s = 0; s < hist.k; s++) {
      BarSeries b = series.get(s);
      if (b.isEmpty()) {
        throw new IllegalArgumentException("series " + b.symbol() + " has no bars");
      }
      hist.t[s] = b.timesArray();
      hist.o[s] = b.openArray();
      hist.h[s] = b.highArray();
      hist.l[s] = b.lowArray();
      hist.c[s] = b.closeArray();
      hist.v[s] = b.volumeArray();
      hist.size[s] = b.size();
    }
    return hist;
  }

  /** An empty history that grows as bars are appended. */
  public static BarHistory growing(List<Instrument> instruments) {
    return new BarHistory(instruments, 1024);
  }

  /**
   * Appends a closed bar to symbol {@code s} and moves its cursor to it.
   *
   * @throws IllegalArgumentException if its open time is not after the symbol's latest bar
   */
  public void append(
      int s, long time, double open, double high, double low, double close, double vol) {
    int n = size[s];
    if (n > 0 && time <= t[s][n - 1]) {
      throw new IllegalArgumentException(
          "bar of "
              + inst[s].symbol()
              + " at "
              + java.time.Instant.ofEpochMilli(time)
              + " is not after its latest bar at "
              + java.time.Instant.ofEpochMilli(t[s][n - 1]));
    }
    if (n == t[s].length) {
      int cap = Math.max(16, n * 2);
      t[s] = Arrays.copyOf(t[s], cap);
      o[s] = Arrays.copyOf(o[s], cap);
      h[s] = Arrays.copyOf(h[s], cap);
      l[s] = Arrays.copyOf(l[s], cap);
      c[s] = Arrays.copyOf(c[s], cap);
      v[s] = Arrays.copyOf(v[s], cap);
    }
    t[s][n] = time;
    o[s][n] = open;
    h[s][n] = high;
    l[s][n] = low;
    c[s][n] = close;
    v[s][n] = vol;
    size[s] = n + 1;
    cur[s] = n;
  }

  /** Moves symbol {@code s}'s cursor to bar {@code i} (a loaded history). */
  public void moveTo(int s, int i) {
    if (i < 0 || i >= size[s]) {
      throw new IndexOutOfBoundsException("bar " + i + " of " + size[s]);
    }
    cur[s] = i;
  }

  public int symbolCount() {
    return k;
  }

  public Instrument instrument(int s) {
    return inst[s];
  }

  public List<Instrument> instruments() {
    return List.of(inst);
  }

  /** Index of a symbol, or -1. */
  public int indexOf(String symbol) {
    if (symbol == lastSymbol) {
      return lastIndex; // the same String instance as last time: the hot path of one-symbol runs
    }
    Integer s = index.get(symbol);
    if (s == null) {
      return -1;
    }
    lastSymbol = symbol;
    lastIndex = s;
    return s;
  }

  private String lastSymbol;
  private int lastIndex;

  /** Index of the symbol's latest closed bar; -1 before its first. */
  public int cursor(int s) {
    return cur[s];
  }

  /**
   * Number of bars held for the symbol (a loaded history holds its future too: never read past the
   * cursor).
   */
  public int size(int s) {
    return size[s];
  }

  public long time(int s, int i) {
    return t[s][i];
  }

  public double open(int s, int i) {
    return o[s][i];
  }

  public double high(int s, int i) {
    return h[s][i];
  }

  public double low(int s, int i) {
    return l[s][i];
  }

  public double close(int s, int i) {
    return c[s][i];
  }

  public double volume(int s, int i) {
    return v[s][i];
  }
}
