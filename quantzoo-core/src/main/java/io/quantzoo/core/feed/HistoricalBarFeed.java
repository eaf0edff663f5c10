package io.quantzoo.core.feed;

/**
 * Plays a loaded {@link BarHistory} in time order: the merged clock of several symbols (bars with
 * equal open times form one group, in config order), or a single symbol's bars one by one. Never
 * waits.
 */
public final class HistoricalBarFeed implements BarFeed {
  private final int[] next;

  public HistoricalBarFeed(BarHistory history) {
    this.next = new int[history.symbolCount()];
  }

  @Override
  public boolean next(BarHistory hist, BarGroup group) {
    int k = next.length;
    if (k == 1) {
      int i = next[0];
      if (i >= hist.size[0]) {
        return false;
      }
      group.reset(hist.t[0][i]);
      group.add(0);
      hist.cur[0] = i;
      next[0] = i + 1;
      return true;
    }
    long now = Long.MAX_VALUE;
    for (int s = 0; s < k; s++) {
      if (next[s] < hist.size[s] && hist.t[s][next[s]] < now) {
        now = hist.t[s][next[s]];
      }
    }
    if (now == Long.MAX_VALUE) {
      return false;
    }
    group.reset(now);
    for (int s = 0; s < k; s++) {
      if (next[s] < hist.size[s] && hist.t[s][next[s]] == now) {
        hist.cur[s] = next[s];
        next[s]++;
        group.add(s);
      }
    }
    return true;
  }

  /**
   * The merged clock of a history: every distinct open time across its symbols, ascending.
   * (Portfolios precompute it; the engine walks it through {@link #next}.)
   */
  public static long[] mergedClock(BarHistory hist) {
    int total = 0;
    for (int s = 0; s < hist.k; s++) {
      total += hist.size[s];
    }
    long[] all = new long[total];
    int p = 0;
    for (int s = 0; s < hist.k; s++) {
      System.arraycopy(hist.t[s], 0, all, p, hist.size[s]);
      p += hist.size[s];
    }
    java.util.Arrays.sort(all);
    int u = 0;
    for (int i = 0; i < all.length; i++) {
      if (u == 0 || all[i] != all[u - 1]) {
        all[u++] = all[i];
      }
    }
    return java.util.Arrays.copyOf(all, u);
  }
}
