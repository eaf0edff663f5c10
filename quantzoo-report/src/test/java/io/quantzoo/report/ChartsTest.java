package io.quantzoo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Downsampling, drawdown and histogram binning behind the charts. */
class ChartsTest {

  @Test
  void downsamplingKeepsEndpointsAndExtremes() {
    int n = 1_000_000;
    long[] x = new long[n];
    double[] y = new double[n];
    SplittableRandom r = new SplittableRandom(3);
    double v = 0;
    for (int i = 0; i < n; i++) {
      x[i] = i * 60_000L;
      v += r.nextGaussian();
      y[i] = v;
    }
    y[123_457] = -1e9; // a one-bar crash must survive
    y[765_431] = 1e9; // and a one-bar spike
    Downsampler.Series s = Downsampler.minMax(x, y, 2000);
    assertThat(s.size()).isLessThanOrEqualTo(2000).isGreaterThan(1000);
    assertThat(s.x[0]).isEqualTo(0);
    assertThat(s.x[s.size() - 1]).isEqualTo((double) x[n - 1]);
    assertThat(s.y[s.size() - 1]).isEqualTo(y[n - 1]);
    assertThat(Arrays.stream(s.y).min().getAsDouble()).isEqualTo(-1e9);
    assertThat(Arrays.stream(s.y).max().getAsDouble()).isEqualTo(1e9);
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.x[i]).isGreaterThan(s.x[i - 1]);
    }
  }

  @Test
  void shortSeriesIsKeptAsIs() {
    Downsampler.Series s = Downsampler.minMax(new long[] {1, 2, 3}, new double[] {5, 4, 6}, 2000);
    assertThat(s.x).containsExactly(1, 2, 3);
    assertThat(s.y).containsExactly(5, 4, 6);
  }

  @Test
  void drawdownIsPercentBelowRunningPeak() {
    // Peaks 100, then 120: 90/100-1 = -10 %, 120 new peak = 0 %, 102/120-1 = -15 %.
    double[] dd = Charts.drawdownPct(new double[] {100, 90, 120, 102, 120.5});
    assertThat(dd[0]).isZero();
    assertThat(dd[1]).isCloseTo(-10, within(1e-12));
    assertThat(dd[2]).isZero();
    assertThat(dd[3]).isCloseTo(-15, within(1e-12));
    assertThat(dd[4]).isZero();
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void absurdlyLargeEquityStillRenders() {
    // XChart 4.0.3 hangs on a custom y format at ~1e15; the chart must fall back, not hang.
    long[] t = {0, 3_600_000, 7_200_000};
    double[] e = {1e15, 1.05e15, 1.1e15};
    assertThat(Charts.equity(Fixtures.curve(t, e))).isNotEmpty();
  }

  @Test
  void histogramHasZeroOnABinEdgeAndSplitsWinsFromLosses() {
    // Range -151.755 .. 473 over 5 target bins -> raw width 124.95 -> nice width 200;
    // start = floor(-151.755 / 200) * 200 = -200; bins [-200,0) [0,200) [200,400) [400,600).
    PnlHistogram h = PnlHistogram.of(new double[] {473, -151.755, 0, 12});
    assertThat(h.width()).isEqualTo(200);
    assertThat(h.start()).isEqualTo(-200);
    assertThat(h.losses()).containsExactly(1, 1, 0, 0); // -151.755; and 0 counts as a loss
    assertThat(h.wins()).containsExactly(0, 1, 0, 1); // 12; 473
  }

  @Test
  void histogramOfEqualValues() {
    PnlHistogram h = PnlHistogram.of(new double[] {-5, -5, -5});
    assertThat(h.losses().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    assertThat(h.wins().stream().mapToInt(Integer::intValue).sum()).isZero();
  }

  @Test
  void niceWidths() {
    assertThat(PnlHistogram.nice(124.95)).isEqualTo(200);
    assertThat(PnlHistogram.nice(0.021)).isCloseTo(0.025, within(1e-15));
    assertThat(PnlHistogram.nice(3)).isEqualTo(5);
    assertThat(PnlHistogram.nice(10)).isEqualTo(10);
  }
}
