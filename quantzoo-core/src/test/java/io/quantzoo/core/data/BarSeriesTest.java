package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BarSeriesTest {
  private static BarSeries series(String symbol, double lastClose) {
    return BarSeries.of(
        symbol,
        new long[] {1000, 2000},
        new double[] {10, 11},
        new double[] {12, 12},
        new double[] {9, 10},
        new double[] {11, lastClose},
        new double[] {5, 6});
  }

  @Test
  void fingerprintIdentifiesTheData() {
    assertThat(series("A", 11.5).fingerprint()).isEqualTo(series("A", 11.5).fingerprint());
    assertThat(series("A", 11.5).fingerprint()).hasSize(16);
    // the smallest change of one price, or another symbol, changes it
    assertThat(series("A", Math.nextUp(11.5)).fingerprint())
        .isNotEqualTo(series("A", 11.5).fingerprint());
    assertThat(series("B", 11.5).fingerprint()).isNotEqualTo(series("A", 11.5).fingerprint());
  }

  @Test
  void sliceAndRenameKeepTheBars() {
    BarSeries s = series("A", 11.5);
    BarSeries tail = s.slice(1, 2);
    assertThat(tail.size()).isEqualTo(1);
    assertThat(tail.close(0)).isEqualTo(11.5);
    assertThat(tail.timeMillis(0)).isEqualTo(2000);
    assertThat(s.withSymbol("Z").symbol()).isEqualTo("Z");
  }

  @Test
  void invalidBarsAndUnorderedTimesAreRefused() {
    assertThatThrownBy(() ->
            BarSeries.of(
                "A",
                new long[] {1000},
                new double[] {10},
                new double[] {9},
                new double[] {11},
                new double[] {10},
                new double[] {1}))
        .hasMessageContaining("high must be >= low, was high 9.0 < low 11.0");
    assertThatThrownBy(() ->
            BarSeries.of(
                "A",
                new long[] {2000, 1000},
                new double[] {10, 10},
                new double[] {10, 10},
                new double[] {10, 10},
                new double[] {10, 10},
                new double[] {1, 1}))
        .hasMessageContaining("timestamps must be strictly increasing");
  }
}
