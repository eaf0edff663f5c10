package io.quantzoo.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rounding prices to an instrument's tick grid (protective levels, trailing stops). */
class InstrumentTest {
  private static final Instrument EQ = Instrument.equity("TEST"); // tick 0.01
  private static final Instrument MNQ = InstrumentCatalog.find("MNQ").orElseThrow(); // 0.25
  private static final Instrument RTY = InstrumentCatalog.find("RTY").orElseThrow(); // 0.10
  private static final Instrument YM = InstrumentCatalog.find("YM").orElseThrow(); // 1.0

  @Test
  void aPriceOnTheGridStaysExactlyThatDecimal() {
    assertThat(EQ.floorToTick(123.45)).isEqualTo(123.45);
    assertThat(EQ.ceilToTick(123.45)).isEqualTo(123.45);
    // In binary 1.15 x 100 = 114.99999999999999 (a plain floor gives 1.14) and 0.07 x 100 =
    // 7.000000000000001 (a plain ceil gives 0.08).
    assertThat(EQ.floorToTick(1.15)).isEqualTo(1.15);
    assertThat(EQ.ceilToTick(1.15)).isEqualTo(1.15);
    assertThat(EQ.floorToTick(0.07)).isEqualTo(0.07);
    assertThat(EQ.ceilToTick(0.07)).isEqualTo(0.07);
    assertThat(MNQ.floorToTick(4001.25)).isEqualTo(4001.25);
    assertThat(MNQ.ceilToTick(4001.25)).isEqualTo(4001.25);
    assertThat(RTY.floorToTick(2034.7)).isEqualTo(2034.7);
    assertThat(RTY.ceilToTick(2034.7)).isEqualTo(2034.7);
    assertThat(YM.floorToTick(38_512)).isEqualTo(38_512);
  }

  @Test
  void aPriceOffTheGridGoesToTheNeighbourInTheAskedDirection() {
    assertThat(EQ.floorToTick(123.456)).isEqualTo(123.45);
    assertThat(EQ.ceilToTick(123.456)).isEqualTo(123.46);
    assertThat(EQ.floorToTick(123.451)).isEqualTo(123.45);
    assertThat(EQ.ceilToTick(123.449)).isEqualTo(123.45);
    assertThat(MNQ.floorToTick(4001.3)).isEqualTo(4001.25);
    assertThat(MNQ.ceilToTick(4001.3)).isEqualTo(4001.5);
    assertThat(MNQ.floorToTick(19_996.475)).isEqualTo(19_996.25);
    assertThat(MNQ.ceilToTick(19_996.475)).isEqualTo(19_996.5);
    assertThat(RTY.floorToTick(2034.75)).isEqualTo(2034.7);
    assertThat(RTY.ceilToTick(2034.71)).isEqualTo(2034.8);
    assertThat(YM.floorToTick(38_512.5)).isEqualTo(38_512);
    assertThat(YM.ceilToTick(38_512.5)).isEqualTo(38_513);
  }

  @Test
  void everyCentUpTo200000IsItsOwnFloorAndCeiling() {
    // Each price is parsed the way a literal or a CSV value is: the double nearest the decimal.
    int wrong = 0;
    String first = null;
    for (long cents = 1; cents <= 20_000_000L; cents++) {
      double p = cents / 100.0;
      if (EQ.floorToTick(p) != p || EQ.ceilToTick(p) != p) {
        if (first == null) {
          first = Double.toString(p);
        }
        wrong++;
      }
    }
    assertThat(wrong).as("grid prices moved off themselves, first " + first).isZero();
  }

  @Test
  void everyQuarterAndTenthUpTo100000IsItsOwnFloorAndCeiling() {
    for (long n = 1; n <= 400_000L; n++) {
      double q = n / 4.0;
      if (MNQ.floorToTick(q) != q || MNQ.ceilToTick(q) != q) {
        assertThat(MNQ.floorToTick(q)).as("floor of " + q).isEqualTo(q);
        assertThat(MNQ.ceilToTick(q)).as("ceil of " + q).isEqualTo(q);
      }
    }
    for (long n = 1; n <= 1_000_000L; n++) {
      double t = n / 10.0;
      if (RTY.floorToTick(t) != t || RTY.ceilToTick(t) != t) {
        assertThat(RTY.floorToTick(t)).as("floor of " + t).isEqualTo(t);
        assertThat(RTY.ceilToTick(t)).as("ceil of " + t).isEqualTo(t);
      }
    }
  }

  @Test
  void gridPricesStayExactFarAboveTenMillionTicks() {
    // 1,234,567.89 at tick 0.01 is 123,456,789 ticks; 3,141.5926 at 0.0001 is 31,415,926 ticks:
    // the product price × (1 / tick) is off a whole number by more than 1e-9 there, so a fixed
    // tolerance moved such prices a whole tick; the tolerance scales with the number of ticks.
    Instrument cent = Instrument.equity("BIG");
    assertThat(cent.floorToTick(1_234_567.89)).isEqualTo(1_234_567.89);
    assertThat(cent.ceilToTick(1_234_567.89)).isEqualTo(1_234_567.89);
    assertThat(cent.floorToTick(1_234_567.895)).isEqualTo(1_234_567.89);
    assertThat(cent.ceilToTick(1_234_567.885)).isEqualTo(1_234_567.89);
    Instrument fine =
        new Instrument(
            "FX", cent.assetClass(), 0.0001, 1, "USD", 1, java.time.ZoneOffset.UTC, null, null);
    for (double p = 3_000.0; p < 3_001.0; p += 0.0137) {
      double g = Math.round(p * 10_000) / 10_000.0;
      assertThat(fine.floorToTick(g)).as("floor %s", g).isEqualTo(g);
      assertThat(fine.ceilToTick(g)).as("ceil %s", g).isEqualTo(g);
    }
  }
}
