package io.quantzoo.core.validation;

import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Combinatorial purged cross-validation, CPCV (López de Prado, <i>Advances in Financial Machine
 * Learning</i>, 2018, ch. 12).
 *
 * <p>The samples (label windows as in {@link PurgedKFold}) are cut into {@code N} contiguous groups
 * (sizes {@code n / N}, the first {@code n % N} groups one larger). Every choice of {@code k} test
 * groups gives one split, {@code C(N, k)} in all, numbered in lexicographic order of their sorted
 * group lists ({@code {0,1}, {0,2}, …, {N-2,N-1}} for {@code k = 2}).
 *
 * <p><b>Purging and embargo.</b> Test groups that are adjacent form one contiguous test block; each
 * block is purged and embargoed exactly as a {@link PurgedKFold} test fold: a training sample is
 * dropped when its window overlaps the block's span {@code [min start, max end]}, or when it is one
 * of the {@code embargo} samples that follow the block and start after its span. (Treating adjacent
 * groups separately would drop the same samples: the embargo after the first group falls inside the
 * test set or the second group's purge.)
 *
 * <p><b>Paths.</b> Each group is tested by {@code C(N-1, k-1)} splits, so the test sets assemble
 * into {@code φ = k/N · C(N, k) = C(N-1, k-1)} backtest paths, each covering every group exactly
 * once: for each group {@code g}, the splits that test {@code g} are enumerated in split order, and
 * the {@code j}-th of them supplies group {@code g} to path {@code j} ({@link #pathSplit}).
 *
 * <p>Splits are computed on demand by {@link #split(int)}; {@link #splits()} builds them all. The
 * label windows are copied on construction.
 */
public final class CombinatorialPurgedCV {
  /** The largest number of splits accepted. */
  public static final int MAX_SPLITS = 1_000_000;

  private final long[] start;
  private final long[] end;
  private final int groups;
  private final int testGroups;
  private final int embargo;
  private final int[] bounds;
  private final int[][] combos;
  private final int[][] pathSplit;

  private CombinatorialPurgedCV(
      long[] start, long[] end, int groups, int testGroups, int embargo, int[][] combos) {
    this.start = start;
    this.end = end;
    this.groups = groups;
    this.testGroups = testGroups;
    this.embargo = embargo;
    this.bounds = Purging.bounds(start.length, groups);
    this.combos = combos;
    int paths = (int) Purging.binomial(groups - 1, testGroups - 1);
    this.pathSplit = new int[paths][groups];
    int[] seen = new int[groups];
    for (int s = 0; s < combos.length; s++) {
      for (int g : combos[s]) {
        pathSplit[seen[g]++][g] = s;
      }
    }
  }

  /**
   * Sets up CPCV over the given label windows.
   *
   * @param start label window starts, non-decreasing
   * @param end label window ends, {@code end[i] >= start[i]}
   * @param groups number of groups {@code N}, {@code 2 <= N <= n}
   * @param testGroups test groups per split {@code k}, {@code 1 <= k < N}
   * @param embargo samples embargoed after each test block, {@code >= 0}
   * @throws IllegalArgumentException if the windows break the rules of {@link PurgedKFold}
   * @throws ConfigException (key {@code groups}, {@code test_groups} or {@code embargo}) for a bad
   *     count, or when {@code C(N, k)} exceeds {@link #MAX_SPLITS}
   */
  public static CombinatorialPurgedCV of(
      long[] start, long[] end, int groups, int testGroups, int embargo) {
    Purging.checkWindows(start, end);
    int n = start.length;
    if (groups < 2 || groups > n) {
      throw new ConfigException(
          "groups", "groups must be between 2 and the number of samples " + n + ", was " + groups);
    }
    if (testGroups < 1 || testGroups >= groups) {
      throw new ConfigException(
          "test_groups",
          "test_groups must be between 1 and groups - 1 = " + (groups - 1) + ", was " + testGroups);
    }
    Purging.checkEmbargo(embargo);
    long count = numberOfSplits(groups, testGroups);
    if (count > MAX_SPLITS) {
      throw new ConfigException(
          "groups",
          "groups="
              + groups
              + " with test_groups="
              + testGroups
              + " gives "
              + count
              + " splits, more than "
              + MAX_SPLITS);
    }
    return new CombinatorialPurgedCV(
        start.clone(), end.clone(), groups, testGroups, embargo, combinations(groups, testGroups));
  }

  /** {@code C(N, k)}, the number of splits ({@code Long.MAX_VALUE} if it exceeds that). */
  public static long numberOfSplits(int groups, int testGroups) {
    return Purging.binomial(groups, testGroups);
  }

  /**
   * {@code φ = k/N · C(N, k) = C(N-1, k-1)}, the number of backtest paths ({@code Long.MAX_VALUE}
   * if it exceeds that).
   */
  public static long numberOfPaths(int groups, int testGroups) {
    return Purging.binomial(groups - 1, testGroups - 1);
  }

  /** All {@code k}-subsets of {@code 0..n-1}, sorted, in lexicographic order. */
  static int[][] combinations(int n, int k) {
    int[][] out = new int[(int) Purging.binomial(n, k)][];
    int[] c = new int[k];
    for (int i = 0; i < k; i++) {
      c[i] = i;
    }
    for (int s = 0; s < out.length; s++) {
      out[s] = c.clone();
      int i = k - 1;
      while (i >= 0 && c[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      c[i]++;
      for (int j = i + 1; j < k; j++) {
        c[j] = c[j - 1] + 1;
      }
    }
    return out;
  }

  /** The number of groups {@code N}. */
  public int groups() {
    return groups;
  }

  /** The number of test groups per split {@code k}. */
  public int testGroups() {
    return testGroups;
  }

  /** The embargo in samples. */
  public int embargo() {
    return embargo;
  }

  /** The number of samples. */
  public int samples() {
    return start.length;
  }

  /** The number of splits, {@code C(N, k)}. */
  public int splitCount() {
    return combos.length;
  }

  /** The number of backtest paths, {@code φ = C(N-1, k-1)}. */
  public int pathCount() {
    return pathSplit.length;
  }

  /** The first sample index of group {@code g}. */
  public int groupStart(int g) {
    checkGroup(g);
    return bounds[g];
  }

  /** One past the last sample index of group {@code g}. */
  public int groupEnd(int g) {
    checkGroup(g);
    return bounds[g + 1];
  }

  /** The sorted test groups of split {@code s} (a copy). */
  public int[] testGroupsOf(int s) {
    checkSplit(s);
    return combos[s].clone();
  }

  /**
   * The split whose test set supplies group {@code group} to path {@code path}: the {@code path}-th
   * split, in split order, among those that test the group.
   */
  public int pathSplit(int path, int group) {
    if (path < 0 || path >= pathSplit.length) {
      throw new IndexOutOfBoundsException("path " + path + " of " + pathSplit.length);
    }
    checkGroup(group);
    return pathSplit[path][group];
  }

  /** Split {@code s}: its purged and embargoed training set and its test set. */
  public Split split(int s) {
    checkSplit(s);
    return split(s, new boolean[start.length]);
  }

  /** All splits, in split order. */
  public List<Split> splits() {
    List<Split> out = new ArrayList<>(combos.length);
    boolean[] scratch = new boolean[start.length];
    for (int s = 0; s < combos.length; s++) {
      out.add(split(s, scratch));
    }
    return out;
  }

  private Split split(int s, boolean[] scratch) {
    int[] combo = combos[s];
    int[] lo = new int[combo.length];
    int[] hi = new int[combo.length];
    int blocks = 0;
    int testSize = 0;
    for (int i = 0; i < combo.length; i++) {
      int g = combo[i];
      testSize += bounds[g + 1] - bounds[g];
      if (blocks > 0 && hi[blocks - 1] == bounds[g]) {
        hi[blocks - 1] = bounds[g + 1]; // adjacent to the previous test group: same block
      } else {
        lo[blocks] = bounds[g];
        hi[blocks] = bounds[g + 1];
        blocks++;
      }
    }
    int[] test = new int[testSize];
    int k = 0;
    for (int b = 0; b < blocks; b++) {
      for (int i = lo[b]; i < hi[b]; i++) {
        test[k++] = i;
      }
    }
    int[] train = Purging.train(start, end, lo, hi, blocks, embargo, scratch);
    return new Split(train, test);
  }

  private void checkGroup(int g) {
    if (g < 0 || g >= groups) {
      throw new IndexOutOfBoundsException("group " + g + " of " + groups);
    }
  }

  private void checkSplit(int s) {
    if (s < 0 || s >= combos.length) {
      throw new IndexOutOfBoundsException("split " + s + " of " + combos.length);
    }
  }
}
