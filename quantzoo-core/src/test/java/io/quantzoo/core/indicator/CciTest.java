package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.testkit.TalibReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CciTest {

  @Test
  void byHand() {
    // flat bars, so the typical price is the price: 1, 2, 4, 2; period 3, constant 0.015
    // bar 2: {1,2,4}: mean 7/3, |dev| 4/3, 1/3, 5/3 -> MAD 10/9; CCI = (4-7/3)/(0.015*10/9) = 100
    // bar 3: {2,4,2}: mean 8/3, |dev| 2/3, 4/3, 2/3 -> MAD 8/9; CCI = (2-8/3)/(0.015*8/9) = -50
    Cci cci = new Cci(3);
    assertThat(cci.update(1, 1, 1)).isNaN();
    assertThat(cci.update(2, 2, 2)).isNaN();
    assertThat(cci.update(4, 4, 4)).isCloseTo(100, within(1e-9));
    assertThat(cci.update(2, 2, 2)).isCloseTo(-50, within(1e-9));
    assertThat(cci.warmup()).isEqualTo(2);
  }

  @Test
  void typicalPriceIsHighLowCloseOverThree() {
    // bars (H,L,C) with TP 1, 2, 4: (2,0,1), (3,1,2), (6,3,3) -> CCI 100 as above
    Cci cci = new Cci(3);
    cci.update(2, 0, 1);
    cci.update(3, 1, 2);
    assertThat(cci.update(6, 3, 3)).isCloseTo(100, within(1e-9));
  }

  @Test
  void constantScalesInversely() {
    // the same window with constant 0.03 instead of 0.015: half of 100
    Cci cci = new Cci(3, 0.03);
    cci.update(1, 1, 1);
    cci.update(2, 2, 2);
    assertThat(cci.update(4, 4, 4)).isCloseTo(50, within(1e-9));
  }

  @Test
  void flatWindowGivesZero() {
    // MAD 0: documented as 0, even for a price such as 0.1 whose mean rounds (0.1*3/3 != 0.1)
    Cci cci = new Cci(3);
    cci.update(0.1, 0.1, 0.1);
    cci.update(0.1, 0.1, 0.1);
    assertThat(cci.update(0.1, 0.1, 0.1)).isEqualTo(0.0);
    assertThat(cci.update(5, 5, 5)).isNotEqualTo(0.0);
  }

  @Test
  void matchesTheDefinitionOverLongSeriesWithTies() {
    // The window's deviation is kept in a tree; the expected values come from the definition,
    // scanning the window. Whole-number typical prices give many equal values.
    for (int n : new int[] {1, 2, 5, 20}) {
      SplittableRandom rnd = new SplittableRandom(n);
      double[] tp = new double[3000];
      Cci cci = new Cci(n);
      for (int t = 0; t < tp.length; t++) {
        tp[t] = 100 + rnd.nextInt(7);
        double v = cci.update(tp[t], tp[t], tp[t]);
        if (t < n - 1) {
          assertThat(v).isNaN();
          continue;
        }
        double mean = 0;
        for (int j = t - n + 1; j <= t; j++) {
          mean += tp[j];
        }
        mean /= n;
        double mad = 0;
        for (int j = t - n + 1; j <= t; j++) {
          mad += Math.abs(tp[j] - mean);
        }
        mad /= n;
        double expected = mad == 0 ? 0 : (tp[t] - mean) / (0.015 * mad);
        assertThat(v).as("period %d bar %d", n, t).isCloseTo(expected, within(1e-9));
      }
    }
  }

  @Test
  void matchesTalibCciOnItsReferenceSeries() {
    // TA-Lib 0.4.0 CCI(20): first output at bar 19
    double[] c = Indicators.compute(new Cci(20), TalibReference.bars()).column("cci");
    assertThat(c[18]).isNaN();
    assertThat(c[19]).isCloseTo(-72.1110069175, within(1e-8));
    assertThat(c[20]).isCloseTo(-120.3529103397, within(1e-8));
    assertThat(c[100]).isCloseTo(37.9208505611, within(1e-8));
    assertThat(c[251]).isCloseTo(-71.7312091222, within(1e-8));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new Cci(0)).hasMessageContaining("period must be >= 1, was 0");
    assertThatThrownBy(() -> new Cci(20, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("constant must be > 0");
  }
}
