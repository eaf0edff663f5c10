package io.quantzoo.core.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What produced a stored run. The store keeps {@link #dbName()} (lower case), which is also what
 * reports, JSON output and {@code qz leaderboard --kind} show.
 */
public enum RunKind {
  /** One backtest of one strategy ({@code qz run}). */
  BACKTEST,
  /** The stitched out-of-sample run of a walk-forward analysis ({@code qz walkforward}). */
  WALKFORWARD,
  /** Several strategy sleeves sharing one account ({@code qz portfolio}). */
  PORTFOLIO,
  /** A paper or live trading session, imported into the store after it ran. */
  TRADE;

  /** The stored spelling: the name in lower case, e.g. {@code walkforward}. */
  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind stored as {@code dbName}.
   *
   * @throws IllegalArgumentException if no kind is stored under that name
   */
  public static RunKind fromDbName(String dbName) {
    for (RunKind k : values()) {
      if (k.dbName().equals(dbName)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown run kind '"
            + dbName
            + "'; known: "
            + Arrays.stream(values()).map(RunKind::dbName).collect(Collectors.joining(", ")));
  }
}
