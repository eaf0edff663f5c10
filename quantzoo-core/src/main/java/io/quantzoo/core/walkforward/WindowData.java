package io.quantzoo.core.walkforward;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.util.ConfigException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The bars of walk-forward windows: the merged timeline the windows are planned over and each
 * window's slice of every symbol. {@code qz walkforward} and the Spark walk-forward job cut the
 * data with these same methods, so their in-sample sweeps see the same bars (and fingerprints).
 */
public final class WindowData {
  private WindowData() {}

  /** Distinct bar times of all symbols, ascending. */
  public static long[] timeline(List<SymbolData> data) {
    TreeSet<Long> all = new TreeSet<>();
    for (SymbolData d : data) {
      for (long t : d.bars().timesArray()) {
        all.add(t);
      }
    }
    long[] out = new long[all.size()];
    int i = 0;
    for (long t : all) {
      out[i++] = t;
    }
    return out;
  }

  /** The in-sample bars of window {@code w} planned over {@code timeline}. */
  public static List<SymbolData> inSample(List<SymbolData> data, long[] timeline, Window w) {
    return slice(data, timeline[w.isFrom()], timeline[w.isTo() - 1]);
  }

  /**
   * Each symbol's bars with open time in {@code [from, to]}.
   *
   * @throws ConfigException when a symbol has no bar in the range
   */
  public static List<SymbolData> slice(List<SymbolData> data, long from, long to) {
    List<SymbolData> out = new ArrayList<>();
    for (SymbolData d : data) {
      long[] t = d.bars().timesArray();
      int a = lowerBound(t, from);
      int b = lowerBound(t, to + 1);
      if (a >= b) {
        throw new ConfigException(
            "walkforward",
            "symbol "
                + d.bars().symbol()
                + " has no bar between "
                + Instant.ofEpochMilli(from)
                + " and "
                + Instant.ofEpochMilli(to)
                + "; every symbol needs bars in every window");
      }
      BarSeries s = d.bars().slice(a, b);
      out.add(new SymbolData(s, d.instrument()));
    }
    return out;
  }

  /** The first index of {@code t} (ascending) whose value is at least {@code x}. */
  public static int lowerBound(long[] t, long x) {
    int i = Arrays.binarySearch(t, x);
    return i >= 0 ? i : -i - 1;
  }
}
