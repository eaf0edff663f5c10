package io.quantzoo.core.data;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * How a data file is read.
 *
 * @param zone the zone in which timestamps without an offset (naive date-times and plain dates) are
 *     read; {@link ZoneOffset#UTC} by default
 * @param symbol the symbol for files without a {@code symbol}/{@code ticker} column, or {@code
 *     null} to use the file name's stem upper-cased ({@code btc-usd-4h-2016-2025.csv} gives {@code
 *     BTC-USD-4H-2016-2025}); ignored when the file has a symbol column
 * @param dropBadRows {@code false} (the default) refuses a file with any problem; {@code true}
 *     skips bad rows, reports them, and refuses only a file with no good row
 * @param maxProblems how many problems are kept and listed (default 20); all are counted
 */
public record LoadOptions(ZoneId zone, String symbol, boolean dropBadRows, int maxProblems) {
  /** The number of problems kept by {@link #defaults()}. */
  public static final int DEFAULT_MAX_PROBLEMS = 20;

  public LoadOptions {
    Objects.requireNonNull(zone, "zone");
    if (symbol != null) {
      if (symbol.isBlank()) {
        throw new IllegalArgumentException(
            "symbol must be null or not blank, was '" + symbol + "'");
      }
      symbol = symbol.strip();
    }
    if (maxProblems < 1) {
      throw new IllegalArgumentException("maxProblems must be >= 1, was " + maxProblems);
    }
  }

  /** UTC, symbol from the file name, refuse bad files, list up to 20 problems. */
  public static LoadOptions defaults() {
    return new LoadOptions(ZoneOffset.UTC, null, false, DEFAULT_MAX_PROBLEMS);
  }

  public LoadOptions withZone(ZoneId newZone) {
    return new LoadOptions(newZone, symbol, dropBadRows, maxProblems);
  }

  public LoadOptions withSymbol(String newSymbol) {
    return new LoadOptions(zone, newSymbol, dropBadRows, maxProblems);
  }

  public LoadOptions withDropBadRows(boolean drop) {
    return new LoadOptions(zone, symbol, drop, maxProblems);
  }

  public LoadOptions withMaxProblems(int max) {
    return new LoadOptions(zone, symbol, dropBadRows, max);
  }

  /** The symbol for a file without a symbol column: {@link #symbol()} or the file name's stem. */
  public String symbolFor(String file) {
    return symbol != null ? symbol : symbolFromFileName(file);
  }

  /**
   * The last path element without its last extension, upper-cased: {@code data/btc-usd.csv} gives
   * {@code BTC-USD}. A name that is only an extension keeps it; an empty name gives {@code DATA}.
   */
  public static String symbolFromFileName(String file) {
    String name = file;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    return name.isEmpty() ? "DATA" : name.toUpperCase(Locale.ROOT);
  }
}
