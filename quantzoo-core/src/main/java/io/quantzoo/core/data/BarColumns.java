package io.quantzoo.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a table hold the bar fields, found by name.
 *
 * <p>Names are matched trimmed and case-insensitively. The time column is the first present of
 * {@code timestamp}, {@code datetime}, {@code date}, {@code time}, {@code ts} (in that order of
 * preference); failing those, a first column with an empty name (as pandas writes its index) is
 * taken. {@code open}, {@code high}, {@code low} and {@code close} are required, {@code volume} is
 * optional, and the symbol column is {@code symbol} or else {@code ticker}. Other columns are
 * ignored. When a name repeats, its first column is used.
 *
 * @param names the column names as written (trimmed)
 * @param time index of the time column, or -1 if none
 * @param open index of the open column, or -1 if none
 * @param high index of the high column, or -1 if none
 * @param low index of the low column, or -1 if none
 * @param close index of the close column, or -1 if none
 * @param volume index of the volume column, or -1 if none
 * @param symbol index of the symbol column, or -1 if none
 */
public record BarColumns(
    List<String> names, int time, int open, int high, int low, int close, int volume, int symbol) {

  /** Accepted names of the time column, most preferred first. */
  public static final List<String> TIME_NAMES =
      List.of("timestamp", "datetime", "date", "time", "ts");

  /** Accepted names of the symbol column, most preferred first. */
  public static final List<String> SYMBOL_NAMES = List.of("symbol", "ticker");

  public BarColumns {
    names = List.copyOf(names);
    for (int i : new int[] {time, open, high, low, close, volume, symbol}) {
      if (i < -1 || i >= names.size()) {
        throw new IllegalArgumentException(
            "column index must be in [-1, " + names.size() + "), was " + i);
      }
    }
  }

  /** Finds the bar columns among {@code names}. */
  public static BarColumns resolve(List<String> names) {
    List<String> lower = new ArrayList<>(names.size());
    for (String n : names) {
      lower.add(n.strip().toLowerCase(Locale.ROOT));
    }
    int time = firstOf(lower, TIME_NAMES);
    if (time < 0 && !lower.isEmpty() && lower.get(0).isEmpty()) {
      time = 0;
    }
    return new BarColumns(
        names.stream().map(String::strip).toList(),
        time,
        lower.indexOf("open"),
        lower.indexOf("high"),
        lower.indexOf("low"),
        lower.indexOf("close"),
        lower.indexOf("volume"),
        firstOf(lower, SYMBOL_NAMES));
  }

  private static int firstOf(List<String> lower, List<String> wanted) {
    for (String w : wanted) {
      int i = lower.indexOf(w);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The required columns that are missing, by their canonical names, in column order. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (time < 0) {
      missing.add("timestamp");
    }
    String[] required = {"open", "high", "low", "close"};
    int[] idx = {open, high, low, close};
    for (int k = 0; k < idx.length; k++) {
      if (idx[k] < 0) {
        missing.add(required[k]);
      }
    }
    return missing;
  }

  /** Column names that no bar field uses, as written. */
  public List<String> ignored() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (i != time
          && i != open
          && i != high
          && i != low
          && i != close
          && i != volume
          && i != symbol) {
        out.add(names.get(i));
      }
    }
    return out;
  }

  /** The name as written of column {@code index}, or {@code fallback} if the index is -1. */
  public String nameOr(int index, String fallback) {
    return index < 0 ? fallback : names.get(index);
  }
}
