package io.quantzoo.core.feed;

/**
 * The bars a feed delivered in one step: every symbol whose bar with open time {@link #time()} has
 * closed, in config order. Reused from step to step (no allocation per bar).
 */
public final class BarGroup {
  private final int[] symbols;
  private int count;
  private long time;

  public BarGroup(int symbolCount) {
    symbols = new int[symbolCount];
  }

  /** Open time (epoch ms) shared by the group's bars. */
  public long time() {
    return time;
  }

  /** Number of symbols in the group. */
  public int count() {
    return count;
  }

  /** The j-th symbol index of the group. */
  public int symbol(int j) {
    return symbols[j];
  }

  /** Starts a new group at {@code time}. */
  public void reset(long openTime) {
    this.time = openTime;
    this.count = 0;
  }

  /** Adds a symbol to the group. */
  public void add(int s) {
    symbols[count++] = s;
  }
}
