package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.TalibReference;
import io.quantzoo.core.util.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacdTest {
  private static final IndicatorFactory FACTORY = IndicatorRegistry.builtIn().get("macd");

  private static IndicatorColumns onReference(Map<String, Object> raw) {
    Indicator m = FACTORY.create(Params.resolve("macd", FACTORY.params(), raw));
    assertThat(m.warmup()).isEqualTo(33);
    return Indicators.compute(m, TalibReference.bars());
  }

  private static void assertWarmup(IndicatorColumns c) {
    for (String out : c.names()) {
      for (int i = 0; i < 33; i++) {
        assertThat(c.column(out)[i]).as("%s at %d", out, i).isNaN();
      }
      assertThat(c.column(out)[33]).as("%s at 33", out).isFinite();
    }
  }

  @Test
  void talibAlignmentMatchesTalibMacd() {
    // TA-Lib regression: MACD(12, 26, 9) on its 252-bar series, first output at bar 33.
    IndicatorColumns c = onReference(Map.of("alignment", "talib"));
    assertThat(c.names()).containsExactly("macd", "signal", "histogram");
    assertThat(c.column("macd")[33]).isCloseTo(-1.97383, within(5e-6));
    assertThat(c.column("signal")[33]).isCloseTo(-2.70711, within(5e-6));
    assertThat(c.column("histogram")[33]).isCloseTo(-1.97383 + 2.70711, within(1e-5));
    assertWarmup(c);
  }

  @Test
  void independentAlignmentIsTheDefault() {
    // each EMA seeded by the SMA of its own first n closes (fast EMA from bar 11).
    IndicatorColumns c = onReference(Map.of());
    assertThat(c.column("macd")[33]).isCloseTo(-2.1835, within(5e-5));
    assertThat(c.column("signal")[33]).isCloseTo(-3.1552, within(5e-5));
    assertThat(c.column("histogram")[33]).isCloseTo(-2.1835 + 3.1552, within(1e-4));
    assertWarmup(c);
  }

  @Test
  void bothAlignmentsByHand() {
    // closes 1, 2, 4, 7, 11; fast 2 (alpha 2/3), slow 3 (alpha 1/2), signal 2 (alpha 2/3).
    // slow EMA: bar 2 = (1+2+4)/3 = 7/3; bar 3 = 7/3 + (7-7/3)/2 = 14/3;
    //   bar 4 = 14/3 + (11-14/3)/2 = 47/6.
    // independent: fast bar 1 = 3/2; bar 2 = 3/2 + 2/3(4-3/2) = 19/6; bar 3 = 19/6 + 2/3(7-19/6)
    //   = 103/18; bar 4 = 103/18 + 2/3(11-103/18) = 499/54.
    //   macd bar 2 = 19/6-7/3 = 5/6, bar 3 = 103/18-84/18 = 19/18, bar 4 = 499/54-423/54 = 38/27.
    //   signal bar 3 = (5/6+19/18)/2 = 17/18; bar 4 = 17/18 + 2/3(38/27-17/18) = 203/162.
    // talib: fast starts at bar slow-fast = 1: bar 2 = (2+4)/2 = 3; bar 3 = 3 + 2/3(7-3) = 17/3;
    //   bar 4 = 17/3 + 2/3(11-17/3) = 83/9.
    //   macd bar 2 = 3-7/3 = 2/3, bar 3 = 17/3-14/3 = 1, bar 4 = 83/9-47/6 = 25/18.
    //   signal bar 3 = (2/3+1)/2 = 5/6; bar 4 = 5/6 + 2/3(25/18-5/6) = 65/54.
    double[] closes = {1, 2, 4, 7, 11};
    Macd ind = new Macd(2, 3, 2, MacdAlignment.INDEPENDENT, PriceSource.CLOSE);
    Macd tal = new Macd(2, 3, 2, MacdAlignment.TALIB, PriceSource.CLOSE);
    assertThat(ind.warmup()).isEqualTo(3);
    assertThat(tal.warmup()).isEqualTo(3);
    double[][] a = new double[5][];
    double[][] b = new double[5][];
    for (int i = 0; i < 5; i++) {
      ind.update(closes[i]);
      tal.update(closes[i]);
      a[i] = new double[] {ind.macd(), ind.signal(), ind.histogram()};
      b[i] = new double[] {tal.macd(), tal.signal(), tal.histogram()};
    }
    // the macd line exists from bar 2 but is published with the signal, from bar 3
    assertThat(a[2]).containsOnly(Double.NaN);
    assertThat(b[2]).containsOnly(Double.NaN);
    assertThat(a[3]).containsExactly(new double[] {19.0 / 18, 17.0 / 18, 2.0 / 18}, within(1e-12));
    assertThat(a[4])
        .containsExactly(
            new double[] {38.0 / 27, 203.0 / 162, 38.0 / 27 - 203.0 / 162}, within(1e-12));
    assertThat(b[3]).containsExactly(new double[] {1, 5.0 / 6, 1.0 / 6}, within(1e-12));
    assertThat(b[4])
        .containsExactly(new double[] {25.0 / 18, 65.0 / 54, 25.0 / 18 - 65.0 / 54}, within(1e-12));
  }

  @Test
  void fastMustBeBelowSlow() {
    assertThatThrownBy(
            () -> FACTORY.create(Params.resolve("macd", FACTORY.params(), Map.of("fast", 26))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'fast' of macd must be < slow (26), was 26");
    assertThatThrownBy(() -> new Macd(5, 3, 2, MacdAlignment.TALIB, PriceSource.CLOSE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
