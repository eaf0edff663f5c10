package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link PurgedKFold} and {@link CombinatorialPurgedCV} over many seeded random
 * label-window sets (repeated starts, short and long labels, ends not monotone). For every split
 * the training set is compared with a brute-force reference built test group by test group, from
 * the definitions alone:
 *
 * <ul>
 *   <li>the test set is the union of the chosen groups, the groups being contiguous with sizes
 *       {@code n / N}, the first {@code n % N} one larger;
 *   <li>for each test group {@code g}, with span {@code [t0, t1]} = [min start, max end] over its
 *       samples, a sample is forbidden if its window overlaps the span, or if it is among the first
 *       {@code h} samples after the group that start after {@code t1};
 *   <li>train = every sample that is neither tested nor forbidden by any test group.
 * </ul>
 *
 * Equality with the reference means no training window overlaps a test group's span or falls in its
 * embargo (safety), and nothing else is dropped (no over-purging).
 */
class PurgingPropertyTest {
  private static final int CASES = 600;

  /** Random windows: starts step by 0..3 from a random origin, lengths mostly short. */
  private static long[][] randomWindows(SplittableRandom rnd, int n) {
    long[] s = new long[n];
    long[] e = new long[n];
    long scale = rnd.nextBoolean() ? 1 : 60_000; // bar indices or epoch millis
    long t = rnd.nextLong(-1_000, 1_000) * scale;
    boolean longLabels = rnd.nextInt(4) == 0;
    for (int i = 0; i < n; i++) {
      t += rnd.nextInt(4) * scale;
      s[i] = t;
      e[i] = t + (longLabels ? rnd.nextInt(40) : rnd.nextInt(7)) * scale;
    }
    return new long[][] {s, e};
  }

  /** Group g's members, from the size rule. */
  private static int[][] groupMembers(int n, int groups) {
    int[][] out = new int[groups][];
    int next = 0;
    for (int g = 0; g < groups; g++) {
      int size = n / groups + (g < n % groups ? 1 : 0);
      out[g] = new int[size];
      for (int i = 0; i < size; i++) {
        out[g][i] = next++;
      }
    }
    return out;
  }

  private static Split reference(long[] s, long[] e, int[][] members, int[] testGroups, int h) {
    int n = s.length;
    boolean[] tested = new boolean[n];
    boolean[] forbidden = new boolean[n];
    for (int g : testGroups) {
      long t0 = Long.MAX_VALUE;
      long t1 = Long.MIN_VALUE;
      int last = -1;
      for (int i : members[g]) {
        tested[i] = true;
        t0 = Math.min(t0, s[i]);
        t1 = Math.max(t1, e[i]);
        last = Math.max(last, i);
      }
      for (int j = 0; j < n; j++) {
        if (s[j] <= t1 && e[j] >= t0) {
          forbidden[j] = true;
        }
      }
      int embargoed = 0;
      for (int j = last + 1; j < n && embargoed < h; j++) {
        if (s[j] > t1) {
          forbidden[j] = true;
          embargoed++;
        }
      }
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (tested[j]) {
        test.add(j);
      } else if (!forbidden[j]) {
        train.add(j);
      }
    }
    return new Split(
        train.stream().mapToInt(Integer::intValue).toArray(),
        test.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void combinatorialSplitsMatchTheGroupByGroupDefinition() {
    SplittableRandom rnd = new SplittableRandom(20240607L);
    int checked = 0;
    int nonTrivial = 0;
    for (int c = 0; c < CASES; c++) {
      int n = rnd.nextInt(4, 81);
      long[][] w = randomWindows(rnd, n);
      int groups = rnd.nextInt(2, Math.min(n, 7) + 1);
      int k = rnd.nextInt(1, groups);
      int h = rnd.nextInt(0, 7);
      CombinatorialPurgedCV cv = CombinatorialPurgedCV.of(w[0], w[1], groups, k, h);
      int[][] members = groupMembers(n, groups);
      List<Split> splits = cv.splits();
      for (int sp = 0; sp < splits.size(); sp++) {
        Split expected = reference(w[0], w[1], members, cv.testGroupsOf(sp), h);
        assertThat(splits.get(sp))
            .as("case %d, n=%d, N=%d, k=%d, h=%d, split %d", c, n, groups, k, h, sp)
            .isEqualTo(expected);
        checked++;
        int dropped = n - expected.test().length - expected.train().length;
        if (dropped > 0 && expected.train().length > 0) {
          nonTrivial++;
        }
      }
    }
    // The generator must exercise purging/embargo with something left to train on.
    assertThat(nonTrivial).isGreaterThan(checked / 4);
  }

  @Test
  void purgedKFoldMatchesTheDefinition() {
    SplittableRandom rnd = new SplittableRandom(7L);
    for (int c = 0; c < CASES; c++) {
      int n = rnd.nextInt(2, 81);
      long[][] w = randomWindows(rnd, n);
      int folds = rnd.nextInt(2, Math.min(n, 8) + 1);
      int h = rnd.nextInt(0, 7);
      int[][] members = groupMembers(n, folds);
      List<Split> splits = PurgedKFold.split(w[0], w[1], folds, h);
      assertThat(splits).hasSize(folds);
      for (int f = 0; f < folds; f++) {
        assertThat(splits.get(f))
            .as("case %d, n=%d, k=%d, h=%d, fold %d", c, n, folds, h, f)
            .isEqualTo(reference(w[0], w[1], members, new int[] {f}, h));
      }
    }
  }
}
