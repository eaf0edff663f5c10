package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.testkit.TalibReference;
import org.junit.jupiter.api.Test;

class ObvTest {
  // closes 10, 11, 11, 10, 12 with volumes 100, 200, 300, 400, 500:
  // up +200, flat (unchanged), down -400, up +500
  private static final double[] CLOSE = {10, 11, 11, 10, 12};
  private static final double[] VOLUME = {100, 200, 300, 400, 500};

  private static double[] run(Obv obv) {
    double[] out = new double[CLOSE.length];
    for (int i = 0; i < CLOSE.length; i++) {
      obv.update(i, CLOSE[i], CLOSE[i], CLOSE[i], CLOSE[i], VOLUME[i]);
      out[i] = obv.value();
    }
    return out;
  }

  @Test
  void firstVolumeStartByHand() {
    // starts at the first volume 100: 100, 300, 300, -100, 400
    Obv obv = new Obv();
    assertThat(obv.warmup()).isZero();
    assertThat(run(obv)).containsExactly(100, 300, 300, -100, 400);
  }

  @Test
  void zeroStartByHand() {
    // starts at 0: 0, 200, 200, -200, 300
    assertThat(run(new Obv(Obv.Start.ZERO))).containsExactly(0, 200, 200, -200, 300);
  }

  @Test
  void matchesTalibObvOnItsReferenceSeries() {
    // TA-Lib 0.4.0 OBV: starts with the first volume, defined from bar 0
    double[] o = Indicators.compute(new Obv(), TalibReference.bars()).column("obv");
    assertThat(o[0]).isEqualTo(4_077_500.0);
    assertThat(o[1]).isEqualTo(9_033_400.0);
    assertThat(o[2]).isEqualTo(4_258_100.0);
    assertThat(o[251]).isEqualTo(-55_167_600.0);
  }

  @Test
  void parsesConfigSpelling() {
    assertThat(Obv.Start.parse("first_volume")).isEqualTo(Obv.Start.FIRST_VOLUME);
    assertThat(Obv.Start.parse("zero")).isEqualTo(Obv.Start.ZERO);
    assertThat(Obv.Start.ZERO.key()).isEqualTo("zero");
  }
}
