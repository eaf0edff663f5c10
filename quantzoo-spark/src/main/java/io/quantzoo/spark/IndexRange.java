package io.quantzoo.spark;

import java.io.Serializable;

/**
 * One task: the points of a sweep with index in {@code [from, to)} (indices the constraints reject
 * are skipped), for one group of symbols.
 *
 * @param group the symbol group ({@link SweepJobSpec#groups()}): 0 for a whole-config sweep, the
 *     symbol's position in a per-symbol sweep
 * @param from first index
 * @param to end index (exclusive)
 * @param points valid points in the range (for logging and checks)
 */
record IndexRange(int group, long from, long to, long points) implements Serializable {
  private static final long serialVersionUID = 1L;
}
