package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

class ParabolicSarTest {

  @Test
  void reversalsWorkedByHand() {
    // af start 0.1, step 0.1, max 0.2; bars (H, L):
    // b0 (10, 9)
    // b1 (11, 10): up 1, down -1, no -DM -> long; SAR = L0 = 9, EP = H1 = 11, AF 0.1.
    //     L 10 > 9: output 9. H 11 is not above EP. next = 9 + 0.1*(11-9) = 9.2 (<= lows 10, 10)
    // b2 (12, 11): output 9.2. new EP 12, AF 0.2. next = 9.2 + 0.2*(12-9.2) = 9.76 (<= 10, 11)
    // b3 (13, 11.5): output 9.76. new EP 13, AF min(0.3, 0.2) = 0.2.
    //     next = 9.76 + 0.2*(13-9.76) = 10.408 (<= 11, 11.5)
    // b4 (12.5, 10.2): L 10.2 <= 10.408 -> short; SAR = max(EP 13, highs 13, 12.5) = 13: output 13.
    //     AF 0.1, EP 10.2; next = 13 + 0.1*(10.2-13) = 12.72, raised to the highs 13, 12.5 -> 13
    // b5 (12, 9.5): H 12 < 13: output 13. new EP 9.5, AF 0.2. next = 13 + 0.2*(9.5-13) = 12.3,
    //     raised to the highs 12.5, 12 -> 12.5
    // b6 (12.8, 11): H 12.8 >= 12.5 -> long; SAR = min(EP 9.5, lows 9.5, 11) = 9.5: output 9.5.
    //     AF 0.1, EP 12.8; next = 9.5 + 0.1*(12.8-9.5) = 9.83, lowered to the lows 9.5, 11 -> 9.5
    // b7 (13, 12): L 12 > 9.5: output 9.5
    double[][] bars = {
      {10, 9}, {11, 10}, {12, 11}, {13, 11.5}, {12.5, 10.2}, {12, 9.5}, {12.8, 11}, {13, 12}
    };
    double[] expected = {Double.NaN, 9, 9.2, 9.76, 13, 13, 9.5, 9.5};
    ParabolicSar sar = new ParabolicSar(0.1, 0.1, 0.2);
    assertThat(sar.warmup()).isEqualTo(1);
    for (int i = 0; i < bars.length; i++) {
      double v = sar.update(bars[i][0], bars[i][1]);
      if (i == 0) {
        assertThat(v).isNaN();
      } else {
        assertThat(v).as("bar %d", i).isCloseTo(expected[i], within(1e-12));
      }
    }
  }

  @Test
  void startsShortOnMinusDirectionalMovement() {
    // b0 (10, 9), b1 (9.8, 8.5): up -0.2, down 0.5 -> -DM -> short: SAR = H0 = 10, EP = L1 = 8.5.
    //   H 9.8 < 10: output 10. next = 10 + 0.02*(8.5-10) = 9.97, raised to the highs 9.8 -> 9.97
    // b2 (9.5, 8): output 9.97. new EP 8, AF 0.04: next = 9.97 + 0.04*(8-9.97) = 9.8912
    //   (highs 9.8, 9.5 lower)
    // b3 (9.9, 9): H 9.9 >= 9.8912 -> long, SAR = min(EP 8, lows 8, 9) = 8: output 8
    ParabolicSar sar = new ParabolicSar();
    sar.update(10, 9);
    assertThat(sar.update(9.8, 8.5)).isCloseTo(10, within(1e-12));
    assertThat(sar.update(9.5, 8)).isCloseTo(9.97, within(1e-12));
    assertThat(sar.update(9.9, 9)).isCloseTo(8, within(1e-12));
  }

  @Test
  void matchesTalibSarOnItsReferenceSeries() {
    // TA-Lib 0.4.0 SAR(acceleration 0.02, maximum 0.2): first output at bar 1
    double[] s = Indicators.compute(new ParabolicSar(), TalibReference.bars()).column("sar");
    assertThat(s[0]).isNaN();
    assertThat(s[1]).isCloseTo(90.75, within(1e-9));
    assertThat(s[2]).isCloseTo(90.8338, within(1e-9));
    assertThat(s[3]).isCloseTo(91.055448, within(1e-9));
    assertThat(s[100]).isCloseTo(120.9738621664, within(1e-9));
    assertThat(s[251]).isCloseTo(112.8033392035, within(1e-9));
  }

  @Test
  void separateStepMatchesTalibSarext() {
    // TA-Lib 0.4.0 SAREXT(start 0 = auto, offset 0, af init 0.01, step 0.03, max 0.15, the
    // same for both sides); SAREXT writes short SARs negated, so the reference is |value|
    double[] s =
        Indicators.compute(new ParabolicSar(0.01, 0.03, 0.15), TalibReference.bars()).column("sar");
    assertThat(s[1]).isCloseTo(90.75, within(1e-9));
    assertThat(s[2]).isCloseTo(90.7919, within(1e-9));
    assertThat(s[3]).isCloseTo(91.015224, within(1e-9));
    assertThat(s[100]).isCloseTo(120.8219864488, within(1e-9));
    assertThat(s[251]).isCloseTo(120.2758600400, within(1e-9));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new ParabolicSar(0, 0.02, 0.2)).hasMessageContaining("af_start");
    assertThatThrownBy(() -> new ParabolicSar(0.02, -0.01, 0.2)).hasMessageContaining("af_step");
    assertThatThrownBy(() -> new ParabolicSar(0.3, 0.02, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("af_max must be >= af_start");
  }
}
