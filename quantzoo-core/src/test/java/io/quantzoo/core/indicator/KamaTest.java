package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.param.Params;
import io.quantzoo.core.util.ConfigException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KamaTest {
  private static final double FAST = 2.0 / 3; // 2/(2+1)
  private static final double SLOW = 2.0 / 31; // 2/(30+1)

  private static double sc(double er, double fast, double slow) {
    double a = er * (fast - slow) + slow;
    return a * a;
  }

  @Test
  void periodThreeByHand() {
    // x = 10 11 10 12 13 13, n = 3
    // bar 3: D = |12-10| = 2, V = 1+1+2 = 4, ER = .5; seed = x[2] = 10; K = 10 + sc*(12-10)
    // bar 4: D = |13-11| = 2, V = 1+2+1 = 4, ER = .5; K += sc*(13-K)
    // bar 5: D = |13-10| = 3, V = 2+1+0 = 3, ER = 1
    Kama k = new Kama(3);
    double[] v = Indicators.compute(k, new double[] {10, 11, 10, 12, 13, 13});
    assertThat(k.warmup()).isEqualTo(3);
    assertThat(v[2]).isNaN();
    double s = sc(0.5, FAST, SLOW); // (34/93)^2
    assertThat(s).isCloseTo(1156.0 / 8649, within(1e-15));
    double k3 = 10 + s * 2;
    double k4 = k3 + s * (13 - k3);
    double k5 = k4 + FAST * FAST * (13 - k4);
    assertThat(v[3]).isCloseTo(k3, within(1e-12));
    assertThat(v[4]).isCloseTo(k4, within(1e-12));
    assertThat(v[5]).isCloseTo(k5, within(1e-12));
  }

  @Test
  void fastAndSlowPeriodsSetTheBounds() {
    double f = 2.0 / 4; // fast 3
    double sl = 2.0 / 11; // slow 10
    double[] v =
        Indicators.compute(new Kama(3, 3, 10, PriceSource.CLOSE), new double[] {10, 11, 10, 12});
    assertThat(v[3]).isCloseTo(10 + sc(0.5, f, sl) * 2, within(1e-12));
  }

  @Test
  void aFlatWindowCountsAsFullyEfficientAsTalib() {
    // n = 2, x = 10 10 20 20 20
    // bar 2: D = 10, V = 0+10, ER = 1, seed x[1] = 10 -> K = 10 + 4/9*10 = 130/9
    // bar 3: D = 10, V = 10+0, ER = 1 -> 1370/81
    // bar 4: D = 0,  V = 0 (flat window): ER = 1 as TA-Lib -> 13330/729 (ER = 0 would give 16.93)
    double[] v = Indicators.compute(new Kama(2), new double[] {10, 10, 20, 20, 20});
    assertThat(v[2]).isCloseTo(130.0 / 9, within(1e-12));
    assertThat(v[3]).isCloseTo(1370.0 / 81, within(1e-12));
    assertThat(v[4]).isCloseTo(13330.0 / 729, within(1e-12));
  }

  @Test
  void matchesTheDefinitionOverManyCycles() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 5;
    double[] x = new double[600];
    double p = 100;
    for (int i = 0; i < x.length; i++) {
      p += rnd.nextGaussian();
      x[i] = p;
    }
    double[] v = Indicators.compute(new Kama(n), x);
    double k = x[n - 1];
    for (int t = n; t < x.length; t++) {
      double vol = 0;
      for (int i = t - n + 1; i <= t; i++) {
        vol += Math.abs(x[i] - x[i - 1]);
      }
      double er = vol == 0 ? 1 : Math.min(1, Math.abs(x[t] - x[t - n]) / vol);
      k += sc(er, FAST, SLOW) * (x[t] - k);
      assertThat(v[t]).as("bar %d", t).isCloseTo(k, within(1e-9));
    }
  }

  @Test
  void rejectsSlowNotAboveFast() {
    assertThatThrownBy(() -> new Kama(10, 5, 5, PriceSource.CLOSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slow must be > fast (5), was 5");
    IndicatorFactory f = IndicatorRegistry.builtIn().get("kama");
    assertThatThrownBy(
            () -> f.create(Params.resolve("kama", f.params(), Map.of("fast", 30, "slow", 2))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("slow");
  }
}
