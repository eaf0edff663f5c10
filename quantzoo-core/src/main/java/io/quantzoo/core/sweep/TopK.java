package io.quantzoo.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code k} ranked points seen so far, in bounded memory. Order: higher {@link
 * PointResult#score score} first, ties to the lower point index, so the ranking does not depend on
 * the order in which threads finish. Not thread-safe.
 */
public final class TopK {
  private final int k;
  private final PriorityQueue<PointResult> worstFirst;

  public TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
    this.k = k;
    this.worstFirst = new PriorityQueue<>(k + 1, best().reversed());
  }

  /** The ranking comparator: best first. */
  public Comparator<PointResult> best() {
    return Comparator.comparingDouble((PointResult r) -> -r.score())
        .thenComparingLong(PointResult::index);
  }

  /** Offers a result; unranked results are ignored. */
  public void offer(PointResult r) {
    if (!r.ranked()) {
      return;
    }
    worstFirst.add(r);
    if (worstFirst.size() > k) {
      worstFirst.poll();
    }
  }

  /** The kept results, best first. */
  public List<PointResult> sorted() {
    List<PointResult> out = new ArrayList<>(worstFirst);
    out.sort(best());
    return out;
  }
}
