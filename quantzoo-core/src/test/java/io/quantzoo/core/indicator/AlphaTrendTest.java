package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.RandomBars;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AlphaTrend on hand-built bars; every expected number is worked out in the comments. */
class AlphaTrendTest {
  private static final double EPS = 1e-9;

  /**
   * Twelve bars {high, low, close}, volume 1000 each. With period 2 and coeff 1, worked by hand:
   *
   * <pre>
   * bar  H     L    C     TP     TR   ATR   MFI (2 flows)               branch  band          AT
   *  0   10    8    9     9      -    -     -                           -       -             -
   *  1   11    9    10    10 ↑   2    -     -                           -       -             -
   *  2   12    10   11    11 ↑   2    2     100 (no negative flow)      up      upT 10-2=8    8 (first)
   *  3   13    11   12    12 ↑   2    2     100                         up      upT 11-2=9    max(9,8)=9
   *  4   12.5  9.5  12.5  11.5 ↓  3    2.5   12000/(12000+11500)=51.06   up      upT 9.5-2.5=7 max(7,9)=9
   *  5   12    8    8.5   9.5 ↓   4.5  3.75  0 (no positive flow)        down    downT 15.75   min(15.75,9)=9
   *  6   8.5   6.5  7     7.33 ↓  2    3.25  0                           down    downT 11.75   min(11.75,9)=9
   *  7   7     6    6.5   6.5 ↓   1    1.5   0                           down    downT 8.5     min(8.5,9)=8.5
   *  8   8     7    7.8   7.6 ↑   1.5  1.25  7600/(7600+6500)=53.90      up      upT 5.75      max(5.75,8.5)=8.5
   *  9   9     8    8.8   8.6 ↑   1.2  1.35  100                         up      upT 6.65      8.5
   * 10   11    10   10.8  10.6 ↑  2.2  1.7   100                         up      upT 8.3       8.5
   * 11   12    11.5 11.9  11.8 ↑  1.2  1.7   100                         up      upT 9.8       max(9.8,8.5)=9.8
   * </pre>
   *
   * TR = max(H−L, |H−C₋₁|, |L−C₋₁|), e.g. bar 5: max(4, 0.5, 4.5) = 4.5; ATR = mean of the last 2
   * TRs. Bars 3 and 11 take the up branch with upT winning, bar 4 with the previous AT winning;
   * bars 5 and 6 take the down branch with the previous AT winning, bar 7 with downT winning.
   */
  private static final double[][] HLC = {
    {10, 8, 9},
    {11, 9, 10},
    {12, 10, 11},
    {13, 11, 12},
    {12.5, 9.5, 12.5},
    {12, 8, 8.5},
    {8.5, 6.5, 7},
    {7, 6, 6.5},
    {8, 7, 7.8},
    {9, 8, 8.8},
    {11, 10, 10.8},
    {12, 11.5, 11.9}
  };

  private static final double N = Double.NaN;
  private static final double[] AT = {N, N, 8, 9, 9, 9, 9, 8.5, 8.5, 8.5, 8.5, 9.8};

  @Test
  void followsTheMaxAndMinBranchesByHand() {
    AlphaTrend a = new AlphaTrend(2, 1.0, AlphaTrend.Momentum.MFI);
    assertThat(a.warmup()).isEqualTo(4);
    for (int i = 0; i < HLC.length; i++) {
      a.update(HLC[i][0], HLC[i][1], HLC[i][2], 1000);
      if (i < 4) {
        // AT exists from bar 2, but both outputs are published together once AT[2] exists
        assertThat(a.value(0)).as("alphatrend at bar %d", i).isNaN();
        assertThat(a.value(1)).as("signal at bar %d", i).isNaN();
      } else {
        assertThat(a.value(0)).as("alphatrend at bar %d", i).isCloseTo(AT[i], within(EPS));
        assertThat(a.value(1)).as("signal at bar %d", i).isCloseTo(AT[i - 2], within(EPS));
      }
    }
  }

  @Test
  void momentumAndAtrByHand() {
    AlphaTrend a = new AlphaTrend(2, 1.0, AlphaTrend.Momentum.MFI);
    boolean[] up = {false, false, true, true, true, false, false, false, true, true, true, true};
    double[] atr = {N, N, 2, 2, 2.5, 3.75, 3.25, 1.5, 1.25, 1.35, 1.7, 1.7};
    for (int i = 0; i < HLC.length; i++) {
      a.update(HLC[i][0], HLC[i][1], HLC[i][2], 1000);
      assertThat(a.momentumUp()).as("momentum up at bar %d", i).isEqualTo(up[i]);
      if (i < 2) {
        assertThat(a.atr()).isNaN();
      } else {
        assertThat(a.atr()).as("atr at bar %d", i).isCloseTo(atr[i], within(EPS));
      }
    }
  }

  @Test
  void crossingsOfItsValueTwoBarsEarlier() {
    // crossunder(AT, AT[2]) at bar 7: AT[1] = 9 >= AT[3] = 9 (bar 4) and AT = 8.5 < AT[2] = 9.
    // crossover(AT, AT[2]) at bar 11: AT[1] = 8.5 <= AT[3] = 8.5 (bar 8) and 9.8 > AT[2] = 8.5.
    // No crossing elsewhere: AT[3] does not exist before bar 5; at bars 5, 6, 8, 9 and 10 AT
    // equals AT[2] or AT[1] is on the wrong side of AT[3] (e.g. bar 6 up: 9 <= 9 holds, 9 > 9 not;
    // bar 8 down: AT[1] = 8.5 >= AT[3] = 9 fails).
    AlphaTrend a = new AlphaTrend(2, 1.0, AlphaTrend.Momentum.MFI);
    for (int i = 0; i < HLC.length; i++) {
      a.update(HLC[i][0], HLC[i][1], HLC[i][2], 1000);
      assertThat(a.crossedDown()).as("crossed down at bar %d", i).isEqualTo(i == 7);
      assertThat(a.crossedUp()).as("crossed up at bar %d", i).isEqualTo(i == 11);
    }
  }

  @Test
  void coefficientScalesTheBands() {
    // coeff 2 on the first bars: bar 2 upT = 10 - 2*2 = 6; bar 3 upT = 11 - 2*2 = 7 -> max(7,6) =
    // 7;
    // bar 4 upT = 9.5 - 2*2.5 = 4.5 -> 7; published from bar 4 with signal = AT at bar 2 = 6.
    AlphaTrend a = new AlphaTrend(2, 2.0, AlphaTrend.Momentum.MFI);
    for (int i = 0; i <= 4; i++) {
      a.update(HLC[i][0], HLC[i][1], HLC[i][2], 1000);
    }
    assertThat(a.value(0)).isCloseTo(7, within(EPS));
    assertThat(a.value(1)).isCloseTo(6, within(EPS));
  }

  /**
   * Falling bars without volume, period 2, coeff 1: {H, L, C} = {10, 9, 9.5}, {9.5, 8.5, 9}, {9, 8,
   * 8.5}, {8.5, 7.5, 8}, {8, 7, 7.5}. Every TR is 1 (e.g. bar 1: max(1, 0, 1)), so ATR = 1 from bar
   * 2.
   *
   * <ul>
   *   <li>RSI(2) of the closes: every change is −0.5, no gains, RSI = 0: down branch. Bar 2 downT =
   *       9 + 1 = 10 (first AT); bar 3 min(9.5, 10) = 9.5; bar 4 min(9, 9.5) = 9.
   *   <li>MFI(2) with no volume has no flow at all: 50 (TA-Lib), so up branch. Bar 2 upT = 8 − 1 =
   *       7; bar 3 max(6.5, 7) = 7; bar 4 max(6, 7) = 7.
   *   <li>auto uses the RSI on bars whose volume is 0: the same as rsi.
   * </ul>
   */
  @Test
  void rsiOnBarsWithoutVolume() {
    double[][] bars = {{10, 9, 9.5}, {9.5, 8.5, 9}, {9, 8, 8.5}, {8.5, 7.5, 8}, {8, 7, 7.5}};
    AlphaTrend rsi = new AlphaTrend(2, 1.0, AlphaTrend.Momentum.RSI);
    AlphaTrend mfi = new AlphaTrend(2, 1.0, AlphaTrend.Momentum.MFI);
    AlphaTrend auto = new AlphaTrend(2, 1.0, AlphaTrend.Momentum.AUTO);
    for (double[] b : bars) {
      rsi.update(b[0], b[1], b[2], 0);
      mfi.update(b[0], b[1], b[2], 0);
      auto.update(b[0], b[1], b[2], 0);
    }
    assertThat(rsi.value(0)).isCloseTo(9, within(EPS));
    assertThat(rsi.value(1)).isCloseTo(10, within(EPS));
    assertThat(mfi.value(0)).isCloseTo(7, within(EPS));
    assertThat(mfi.value(1)).isCloseTo(7, within(EPS));
    assertThat(auto.value(0)).isCloseTo(9, within(EPS));
    assertThat(auto.value(1)).isCloseTo(10, within(EPS));
  }

  @Test
  void autoEqualsMfiOnBarsWithVolumeAndDiffersFromRsi() {
    BarSeries s = RandomBars.walk("X", 300, 11); // volume 1000..1999 on every bar
    AlphaTrend auto = new AlphaTrend(14, 1.0, AlphaTrend.Momentum.AUTO);
    AlphaTrend mfi = new AlphaTrend(14, 1.0, AlphaTrend.Momentum.MFI);
    AlphaTrend rsi = new AlphaTrend(14, 1.0, AlphaTrend.Momentum.RSI);
    int differ = 0;
    for (int i = 0; i < s.size(); i++) {
      double h = s.high(i);
      double l = s.low(i);
      double c = s.close(i);
      double v = s.volume(i);
      assertThat(Double.compare(auto.update(h, l, c, v), mfi.update(h, l, c, v))).isZero();
      if (Double.compare(rsi.update(h, l, c, v), mfi.value(0)) != 0) {
        differ++;
      }
    }
    assertThat(differ).as("the momentum choice must matter on this series").isPositive();
  }

  @Test
  void registeredWithItsParameters() {
    IndicatorFactory f = IndicatorRegistry.builtIn().get("alphatrend");
    Indicator ind =
        f.create(
            Params.resolve(
                "alphatrend", f.params(), Map.of("period", 2, "coeff", 1.0, "momentum", "mfi")));
    assertThat(ind.outputs()).containsExactly("alphatrend", "signal");
    assertThat(ind.warmup()).isEqualTo(4);
    for (double[] b : HLC) {
      ind.update(0L, b[2], b[0], b[1], b[2], 1000);
    }
    assertThat(ind.value(0)).isCloseTo(9.8, within(EPS));
    assertThat(ind.value(1)).isCloseTo(8.5, within(EPS));
    Indicator defaults = f.create(Params.resolve("alphatrend", f.params(), Map.of()));
    assertThat(defaults.warmup()).isEqualTo(16); // period 14 + 2
    assertThat(((AlphaTrend) defaults).momentum()).isEqualTo(AlphaTrend.Momentum.AUTO);
    assertThat(((AlphaTrend) defaults).coeff()).isEqualTo(1.0);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new AlphaTrend(0)).hasMessageContaining("period must be >= 1, was 0");
    assertThatThrownBy(() -> new AlphaTrend(5, -1, AlphaTrend.Momentum.MFI))
        .hasMessageContaining("coeff must be >= 0, was -1");
    AlphaTrend a = new AlphaTrend(3);
    assertThatThrownBy(() -> a.value(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
