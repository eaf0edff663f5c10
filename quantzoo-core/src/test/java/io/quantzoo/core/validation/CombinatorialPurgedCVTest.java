package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CombinatorialPurgedCVTest {

  private static CombinatorialPurgedCV cpcv(int n, int horizon, int groups, int k, int h) {
    long[][] w = PurgedKFoldTest.horizonLabels(n, horizon);
    return CombinatorialPurgedCV.of(w[0], w[1], groups, k, h);
  }

  @Test
  void countsOfSplitsAndPaths() {
    // C(6,2) = 15 splits; φ = 2/6 · 15 = 5 paths.
    CombinatorialPurgedCV cv = cpcv(60, 1, 6, 2, 0);
    assertThat(cv.splitCount()).isEqualTo(15);
    assertThat(cv.pathCount()).isEqualTo(5);
    assertThat(cv.splits()).hasSize(15);
    assertThat(CombinatorialPurgedCV.numberOfSplits(6, 2)).isEqualTo(15);
    assertThat(CombinatorialPurgedCV.numberOfPaths(6, 2)).isEqualTo(5);
    // C(10,3) = 120; φ = 3/10 · 120 = 36. C(8,1) = 8 splits; φ = 1 (plain K-fold).
    assertThat(CombinatorialPurgedCV.numberOfSplits(10, 3)).isEqualTo(120);
    assertThat(CombinatorialPurgedCV.numberOfPaths(10, 3)).isEqualTo(36);
    assertThat(CombinatorialPurgedCV.numberOfPaths(8, 1)).isEqualTo(1);
    // C(60, 30) = 118264581564861424 fits a long; C(70, 35) does not.
    assertThat(CombinatorialPurgedCV.numberOfSplits(60, 30)).isEqualTo(118264581564861424L);
    assertThat(CombinatorialPurgedCV.numberOfSplits(70, 35)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void splitsAreInLexicographicOrderOfTestGroups() {
    CombinatorialPurgedCV cv = cpcv(12, 0, 4, 2, 0);
    List<int[]> groups = new ArrayList<>();
    for (int s = 0; s < cv.splitCount(); s++) {
      groups.add(cv.testGroupsOf(s));
    }
    assertThat(groups)
        .containsExactly(
            new int[] {0, 1},
            new int[] {0, 2},
            new int[] {0, 3},
            new int[] {1, 2},
            new int[] {1, 3},
            new int[] {2, 3});
  }

  @Test
  void everyPathCoversEveryGroupExactlyOnce() {
    int[][] cases = {{6, 2}, {5, 3}, {7, 1}, {8, 4}, {4, 3}};
    for (int[] c : cases) {
      int groups = c[0];
      int k = c[1];
      CombinatorialPurgedCV cv = cpcv(40, 2, groups, k, 1);
      Set<Long> used = new HashSet<>();
      for (int p = 0; p < cv.pathCount(); p++) {
        for (int g = 0; g < groups; g++) {
          int s = cv.pathSplit(p, g);
          // The supplying split tests g ...
          assertThat(cv.testGroupsOf(s)).contains(g);
          assertThat(cv.split(s).test()).contains(cv.groupStart(g), cv.groupEnd(g) - 1);
          // ... and no (split, group) test set is used twice.
          assertThat(used.add((long) s * groups + g)).isTrue();
        }
      }
      // Every test set of every split is used: φ · N = k · C(N, k).
      assertThat(used).hasSize(cv.splitCount() * k);
    }
  }

  @Test
  void pathAssignmentIsTheStandardOne() {
    // N = 4, k = 2: splits 0 {0,1}, 1 {0,2}, 2 {0,3}, 3 {1,2}, 4 {1,3}, 5 {2,3}.
    // Splits testing group 0: 0, 1, 2 → paths 0, 1, 2. Group 1: 0, 3, 4. Group 2: 1, 3, 5.
    // Group 3: 2, 4, 5.
    CombinatorialPurgedCV cv = cpcv(12, 1, 4, 2, 1);
    int[][] expected = {{0, 0, 1, 2}, {1, 3, 3, 4}, {2, 4, 5, 5}}; // [path][group]
    assertThat(cv.pathCount()).isEqualTo(3);
    for (int p = 0; p < 3; p++) {
      for (int g = 0; g < 4; g++) {
        assertThat(cv.pathSplit(p, g)).as("path %d group %d", p, g).isEqualTo(expected[p][g]);
      }
    }
  }

  @Test
  void handWorkedTwoBarLabels() {
    // n = 12, label i = [i, i+1], N = 4 groups G0 = 0-2, G1 = 3-5, G2 = 6-8, G3 = 9-11, k = 2,
    // h = 1.
    // {0,1}: one block 0..5, span [0, 6]: 6 purged (start 6 <= 6), 7 embargoed → train 8..11.
    // {0,2}: block 0..2, span [0, 3]: 3 purged, 4 embargoed. Block 6..8, span [6, 9]: before,
    //   end j+1 >= 6 → 5 purged; after, 9 purged, 10 embargoed → train 11.
    // {0,3}: block 0..2: 3 purged, 4 embargoed. Block 9..11, span [9, 12]: 8 purged
    //   → train 5, 6, 7.
    // {1,2}: block 3..8, span [3, 9]: 2 purged; 9 purged, 10 embargoed → train 0, 1, 11.
    // {1,3}: block 3..5, span [3, 6]: 2 purged, 6 purged, 7 embargoed. Block 9..11: 8 purged
    //   → train 0, 1.
    // {2,3}: block 6..11, span [6, 12]: 5 purged → train 0..4.
    CombinatorialPurgedCV cv = cpcv(12, 1, 4, 2, 1);
    assertThat(cv.splits())
        .containsExactly(
            new Split(new int[] {8, 9, 10, 11}, new int[] {0, 1, 2, 3, 4, 5}),
            new Split(new int[] {11}, new int[] {0, 1, 2, 6, 7, 8}),
            new Split(new int[] {5, 6, 7}, new int[] {0, 1, 2, 9, 10, 11}),
            new Split(new int[] {0, 1, 11}, new int[] {3, 4, 5, 6, 7, 8}),
            new Split(new int[] {0, 1}, new int[] {3, 4, 5, 9, 10, 11}),
            new Split(new int[] {0, 1, 2, 3, 4}, new int[] {6, 7, 8, 9, 10, 11}));
    for (int s = 0; s < cv.splitCount(); s++) {
      assertThat(cv.split(s)).isEqualTo(cv.splits().get(s));
    }
  }

  @Test
  void groupsSplitLikeFolds() {
    // n = 11, N = 4 → sizes 3, 3, 3, 2.
    CombinatorialPurgedCV cv = cpcv(11, 0, 4, 1, 0);
    assertThat(new int[] {cv.groupStart(0), cv.groupStart(1), cv.groupStart(2), cv.groupStart(3)})
        .containsExactly(0, 3, 6, 9);
    assertThat(cv.groupEnd(3)).isEqualTo(11);
    assertThat(cv.groups()).isEqualTo(4);
    assertThat(cv.testGroups()).isEqualTo(1);
    assertThat(cv.embargo()).isZero();
    assertThat(cv.samples()).isEqualTo(11);
    assertThatThrownBy(() -> cv.groupStart(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> cv.split(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> cv.pathSplit(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void oneTestGroupIsPurgedKFold() {
    long[][] w = PurgedKFoldTest.horizonLabels(23, 3);
    assertThat(CombinatorialPurgedCV.of(w[0], w[1], 5, 1, 2).splits())
        .isEqualTo(PurgedKFold.split(w[0], w[1], 5, 2));
  }

  @Test
  void labelWindowsAreCopied() {
    long[][] w = PurgedKFoldTest.horizonLabels(6, 0);
    CombinatorialPurgedCV cv = CombinatorialPurgedCV.of(w[0], w[1], 3, 1, 0);
    Split before = cv.split(0);
    w[1][5] = 100; // would purge everything from fold 0's training set if it were seen
    assertThat(cv.split(0)).isEqualTo(before);
  }

  @Test
  void badParametersAreConfigErrorsNamingTheKey() {
    long[][] w = PurgedKFoldTest.horizonLabels(10, 0);
    assertThatThrownBy(() -> CombinatorialPurgedCV.of(w[0], w[1], 1, 1, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("groups"));
    assertThatThrownBy(() -> CombinatorialPurgedCV.of(w[0], w[1], 11, 1, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("groups"));
    assertThatThrownBy(() -> CombinatorialPurgedCV.of(w[0], w[1], 4, 4, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("test_groups"))
        .hasMessageContaining("was 4");
    assertThatThrownBy(() -> CombinatorialPurgedCV.of(w[0], w[1], 4, 0, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("test_groups"));
    assertThatThrownBy(() -> CombinatorialPurgedCV.of(w[0], w[1], 4, 2, -3))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("embargo"));
    // C(30, 15) = 155,117,520 splits is over the limit.
    long[][] big = PurgedKFoldTest.horizonLabels(30, 0);
    assertThatThrownBy(() -> CombinatorialPurgedCV.of(big[0], big[1], 30, 15, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("groups"))
        .hasMessageContaining("155117520 splits");
    assertThatThrownBy(
            () -> CombinatorialPurgedCV.of(new long[] {1, 0}, new long[] {1, 0}, 2, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
