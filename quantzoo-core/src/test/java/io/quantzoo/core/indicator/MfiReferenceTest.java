package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

/** MFI against TA-Lib's regression values on its own 252-bar series. */
class MfiReferenceTest {

  @Test
  void matchesTalibMfi14() {
    // TA-Lib MFI(14): first value at bar 14 (output index 0), then 45.60716, 38.87879; output
    // index 59 = bar 73: 35.63209. Tolerances match the digits given.
    double[] m = Indicators.compute(new Mfi(14), TalibReference.bars()).column("mfi");
    assertThat(m[13]).isNaN();
    assertThat(m[14]).isCloseTo(42.89233919198444, within(1e-11));
    assertThat(m[15]).isCloseTo(45.60716, within(5e-6));
    assertThat(m[16]).isCloseTo(38.87879, within(5e-6));
    assertThat(m[73]).isCloseTo(35.63209, within(5e-6));
  }
}
