package io.quantzoo.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.util.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected splits are worked out by hand in the comments from the rules in the class Javadoc. */
class PurgedKFoldTest {

  /** Windows [i, i + horizon] for i = 0..n-1 (bar-index labels looking {@code horizon} ahead). */
  static long[][] horizonLabels(int n, int horizon) {
    long[] s = new long[n];
    long[] e = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = i;
      e[i] = i + horizon;
    }
    return new long[][] {s, e};
  }

  private static Split split(int[] train, int[] test) {
    return new Split(train, test);
  }

  @Test
  void handWorkedThreeBarLabels() {
    // n = 10, label i = [i, i+2], k = 3 → folds {0..3}, {4..6}, {7..9} (10 % 3 = 1: first is 4).
    // Embargo h = 1.
    // Fold 0: span [0, 5]. After: 4, 5 start <= 5 → purged; first survivor m = 6 → 6 embargoed.
    //   train = 7, 8, 9.
    // Fold 1: span [4, 8]. Before: end j+2 >= 4 → j = 2, 3 purged. After: 7, 8 start <= 8 →
    //   purged; m = 9 embargoed. train = 0, 1.
    // Fold 2: span [7, 11]. Before: j+2 >= 7 → 5, 6 purged. Nothing after. train = 0..4.
    long[][] w = horizonLabels(10, 2);
    List<Split> splits = PurgedKFold.split(w[0], w[1], 3, 1);
    assertThat(splits)
        .containsExactly(
            split(new int[] {7, 8, 9}, new int[] {0, 1, 2, 3}),
            split(new int[] {0, 1}, new int[] {4, 5, 6}),
            split(new int[] {0, 1, 2, 3, 4}, new int[] {7, 8, 9}));
  }

  @Test
  void pointLabelsEmbargoIsTheNextHIndices() {
    // Labels [i, i]: nothing overlaps across samples, so only the embargo bites: it removes the
    // indices in (last test index, last test index + h]. n = 6, k = 2, h = 2.
    // Fold 0 = {0,1,2}: embargo 3, 4 → train = 5. Fold 1 = {3,4,5}: nothing before is removed.
    long[][] w = horizonLabels(6, 0);
    assertThat(PurgedKFold.split(w[0], w[1], 2, 2))
        .containsExactly(
            split(new int[] {5}, new int[] {0, 1, 2}),
            split(new int[] {0, 1, 2}, new int[] {3, 4, 5}));
    // Without embargo the folds are plain K-fold.
    assertThat(PurgedKFold.split(w[0], w[1], 2, 0))
        .containsExactly(
            split(new int[] {3, 4, 5}, new int[] {0, 1, 2}),
            split(new int[] {0, 1, 2}, new int[] {3, 4, 5}));
  }

  @Test
  void aLongEarlyLabelIsPurgedFromEveryFoldItOverlapsAndTrainMayBeEmpty() {
    // Sample 0's label [0, 10] reaches over all others (ends are not monotone). n = 6, k = 3, h =
    // 0.
    // Fold 0 = {0,1}: span [0, 10] → every later sample starts <= 10 → train empty.
    // Fold 1 = {2,3}: span [2, 3]. Before: 0 (end 10 >= 2) purged, 1 (end 1) kept. After: 4, 5
    //   start > 3 kept. train = 1, 4, 5.
    // Fold 2 = {4,5}: span [4, 5]. Before: 0 purged; 1, 2, 3 end < 4 kept. train = 1, 2, 3.
    long[] s = {0, 1, 2, 3, 4, 5};
    long[] e = {10, 1, 2, 3, 4, 5};
    assertThat(PurgedKFold.split(s, e, 3, 0))
        .containsExactly(
            split(new int[] {}, new int[] {0, 1}),
            split(new int[] {1, 4, 5}, new int[] {2, 3}),
            split(new int[] {1, 2, 3}, new int[] {4, 5}));
  }

  @Test
  void equalStartsAndMillisecondClock() {
    // Two samples per timestamp (e.g. two instruments), labels one minute long. Times in ms.
    // i:      0      1      2       3       4        5
    // start:  0      0      60000   60000   120000   120000
    // end:    60000  60000  120000  120000  180000   180000
    // k = 3 → folds {0,1}, {2,3}, {4,5}; h = 1.
    // Fold 0: span [0, 60000]; after: 2, 3 start 60000 <= 60000 → purged (closed windows touch);
    //   4 starts after → m = 4 embargoed; train = 5.
    // Fold 1: span [60000, 120000]; before: 0, 1 end 60000 >= 60000 → purged; after: 4, 5 start
    //   120000 → purged. train empty.
    // Fold 2: span [120000, 180000]; before: 2, 3 end 120000 → purged. train = 0, 1.
    long m = 60_000;
    long[] s = {0, 0, m, m, 2 * m, 2 * m};
    long[] e = {m, m, 2 * m, 2 * m, 3 * m, 3 * m};
    assertThat(PurgedKFold.split(s, e, 3, 1))
        .containsExactly(
            split(new int[] {5}, new int[] {0, 1}),
            split(new int[] {}, new int[] {2, 3}),
            split(new int[] {0, 1}, new int[] {4, 5}));
  }

  @Test
  void remainderGoesToTheFirstFolds() {
    // n = 7, k = 3 → sizes 3, 2, 2.
    long[][] w = horizonLabels(7, 0);
    List<Split> splits = PurgedKFold.split(w[0], w[1], 3, 0);
    assertThat(splits.get(0).test()).containsExactly(0, 1, 2);
    assertThat(splits.get(1).test()).containsExactly(3, 4);
    assertThat(splits.get(2).test()).containsExactly(5, 6);
    assertThat(splits.get(1).train()).containsExactly(0, 1, 2, 5, 6);
  }

  @Test
  void embargoLargerThanTheRestRemovesEverythingAfter() {
    long[][] w = horizonLabels(4, 0);
    assertThat(PurgedKFold.split(w[0], w[1], 2, 100).get(0))
        .isEqualTo(split(new int[] {}, new int[] {0, 1}));
  }

  @Test
  void embargoSamplesIsCeilOfFractionTimesN() {
    assertThat(PurgedKFold.embargoSamples(0.01, 1000)).isEqualTo(10);
    assertThat(PurgedKFold.embargoSamples(0.011, 100)).isEqualTo(2); // ceil(1.1)
    assertThat(PurgedKFold.embargoSamples(0.5, 3)).isEqualTo(2); // ceil(1.5)
    assertThat(PurgedKFold.embargoSamples(0.0, 1000)).isZero();
    assertThat(PurgedKFold.embargoSamples(0.001, 10)).isEqualTo(1); // ceil(0.01)
    // 0.07 * 100 = 7.000000000000001 in double; the rule takes it as 7.
    assertThat(0.07 * 100).isGreaterThan(7.0);
    assertThat(PurgedKFold.embargoSamples(0.07, 100)).isEqualTo(7);
  }

  @Test
  void badParametersAreConfigErrorsNamingTheKey() {
    long[][] w = horizonLabels(5, 1);
    assertThatThrownBy(() -> PurgedKFold.split(w[0], w[1], 1, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("folds"))
        .hasMessageContaining("was 1");
    assertThatThrownBy(() -> PurgedKFold.split(w[0], w[1], 6, 0))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("folds"))
        .hasMessageContaining("was 6");
    assertThatThrownBy(() -> PurgedKFold.split(w[0], w[1], 2, -1))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("embargo"))
        .hasMessageContaining("was -1");
    for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
      assertThatThrownBy(() -> PurgedKFold.embargoSamples(bad, 10))
          .isInstanceOfSatisfying(
              ConfigException.class, ex -> assertThat(ex.key()).isEqualTo("embargo_pct"));
    }
    assertThatThrownBy(() -> PurgedKFold.embargoSamples(0.1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badLabelWindowsAreRejected() {
    assertThatThrownBy(() -> PurgedKFold.split(new long[] {0, 1, 2}, new long[] {0, 0, 2}, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label window 1 ends before it starts");
    assertThatThrownBy(() -> PurgedKFold.split(new long[] {0, 2, 1}, new long[] {0, 2, 1}, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-decreasing");
    assertThatThrownBy(() -> PurgedKFold.split(new long[] {0, 1}, new long[] {0}, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
  }

  @Test
  void splitIsAValue() {
    Split a = split(new int[] {1, 2}, new int[] {0});
    Split b = split(new int[] {1, 2}, new int[] {0});
    assertThat(a)
        .isEqualTo(b)
        .hasSameHashCodeAs(b)
        .isNotEqualTo(split(new int[] {1}, new int[] {0}));
    assertThat(a).hasToString("Split[train=[1, 2], test=[0]]");
  }
}
