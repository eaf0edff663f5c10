package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HmaTest {

  @Test
  void periodFourByHand() {
    // n = 4: h = 2, s = 2. WMA2 = (x[t-1] + 2x[t])/3, WMA4 = (x[t-3]+2x[t-2]+3x[t-1]+4x[t])/10
    // x = 2 4 3 5 9 6
    // t=3: 2*13/3 - 39/10 = 143/30; t=4: 2*23/3 - 61/10 = 277/30; t=5: 2*7 - 64/10 = 228/30
    // HMA t=4: (143 + 2*277)/90 = 697/90; t=5: (277 + 2*228)/90 = 733/90
    Hma h = new Hma(4);
    double[] v = Indicators.compute(h, new double[] {2, 4, 3, 5, 9, 6});
    assertThat(h.warmup()).isEqualTo(4);
    assertThat(v[3]).isNaN();
    assertThat(v[4]).isCloseTo(697.0 / 90, within(1e-12));
    assertThat(v[5]).isCloseTo(733.0 / 90, within(1e-12));
  }

  @Test
  void warmupUsesTheFloorOfTheSquareRoot() {
    assertThat(new Hma(9).warmup()).isEqualTo(8 + 2); // s = 3
    assertThat(new Hma(10).warmup()).isEqualTo(9 + 2); // s = floor(3.16) = 3
    assertThat(new Hma(16).warmup()).isEqualTo(15 + 3); // s = 4
    assertThat(new Hma(2).warmup()).isEqualTo(1); // h = 1, s = 1
  }

  @Test
  void followsALineWithoutLag() {
    // on a straight line every WMA lags by a constant; 2*WMA(n/2) - WMA(n) and the outer WMA
    // cancel it only approximately, but for n = 4 on x = t it is exact: check against the formula
    double[] x = new double[20];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    double[] v = Indicators.compute(new Hma(4), x);
    // WMA2 lag 1/3, WMA4 lag 1: raw = t - 2/3 + 1 = t + 1/3; outer WMA2 lag 1/3: HMA = t
    for (int t = 4; t < x.length; t++) {
      assertThat(v[t]).isCloseTo(t, within(1e-9));
    }
  }

  @Test
  void rejectsPeriodOne() {
    assertThatThrownBy(() -> new Hma(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be >= 2, was 1");
  }
}
