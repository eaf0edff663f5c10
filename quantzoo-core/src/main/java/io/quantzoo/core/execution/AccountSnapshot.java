package io.quantzoo.core.execution;

import java.util.Map;

/**
 * A venue's view of the account.
 *
 * @param cash cash balance
 * @param equity cash plus positions at the venue's marks
 * @param positions signed position per symbol (flat symbols omitted)
 * @param time when it was taken (epoch ms)
 */
public record AccountSnapshot(
    double cash, double equity, Map<String, Double> positions, long time) {
  public AccountSnapshot {
    positions = Map.copyOf(positions);
  }
}
