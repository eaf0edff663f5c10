package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.param.Params;
import io.quantzoo.core.util.ConfigException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VwapTest {

  /** Feeds a flat bar (all prices {@code p}) at an ISO instant; returns the VWAP. */
  private static double bar(Vwap vwap, String instant, double p, double volume) {
    vwap.update(Instant.parse(instant).toEpochMilli(), p, p, p, p, volume);
    return vwap.value();
  }

  @Test
  void resetsAtLocalMidnightNotUtcMidnight() {
    // New York is UTC-5 in January. Source hlc3: the first bar (H 12, L 9, C 9) has TP 10.
    Vwap vwap = new Vwap("America/New_York", "00:00", PriceSource.HLC3);
    // Jan 2 15:00 New York
    vwap.update(Instant.parse("2024-01-02T20:00:00Z").toEpochMilli(), 10, 12, 9, 9, 100);
    assertThat(vwap.value()).isCloseTo(10, within(1e-12));
    // Jan 2 18:00: (10*100 + 20*300)/400 = 17.5
    assertThat(bar(vwap, "2024-01-02T23:00:00Z", 20, 300)).isCloseTo(17.5, within(1e-12));
    // Jan 2 20:00 New York, already Jan 3 in UTC: same session, (7000 + 30*100)/500 = 20
    assertThat(bar(vwap, "2024-01-03T01:00:00Z", 30, 100)).isCloseTo(20, within(1e-12));
    // Jan 3 00:00 New York: new session
    assertThat(bar(vwap, "2024-01-03T05:00:00Z", 40, 100)).isCloseTo(40, within(1e-12));
    // (40*100 + 50*300)/400 = 47.5
    assertThat(bar(vwap, "2024-01-03T06:00:00Z", 50, 300)).isCloseTo(47.5, within(1e-12));
  }

  @Test
  void utcSessionsResetAtUtcMidnight() {
    // the same bars read in UTC: the Jan 3 01:00Z bar starts the session, then (30+40)/2 = 35
    Vwap vwap = new Vwap("UTC", "00:00", PriceSource.CLOSE);
    bar(vwap, "2024-01-02T20:00:00Z", 10, 100);
    assertThat(bar(vwap, "2024-01-02T23:00:00Z", 20, 300)).isCloseTo(17.5, within(1e-12));
    assertThat(bar(vwap, "2024-01-03T01:00:00Z", 30, 100)).isCloseTo(30, within(1e-12));
    assertThat(bar(vwap, "2024-01-03T05:00:00Z", 40, 100)).isCloseTo(35, within(1e-12));
  }

  @Test
  void followsTheSpringForwardChange() {
    // New York moves from UTC-5 to UTC-4 at 2024-03-10 02:00 local: midnight of Mar 10 is
    // 05:00Z, midnight of Mar 11 is 04:00Z
    Vwap vwap = new Vwap("America/New_York", "00:00", PriceSource.CLOSE);
    assertThat(bar(vwap, "2024-03-10T04:30:00Z", 10, 100)).isEqualTo(10); // Mar 9 23:30 EST
    assertThat(bar(vwap, "2024-03-10T05:00:00Z", 20, 100)).isEqualTo(20); // Mar 10 00:00: reset
    assertThat(bar(vwap, "2024-03-10T12:00:00Z", 30, 100)).isEqualTo(25); // 08:00 EDT
    assertThat(bar(vwap, "2024-03-11T03:30:00Z", 40, 100)).isEqualTo(30); // Mar 10 23:30 EDT
    // Mar 11 00:00 EDT: reset (read at UTC-5 it would still be Mar 10 23:00)
    assertThat(bar(vwap, "2024-03-11T04:00:00Z", 50, 100)).isEqualTo(50);
  }

  @Test
  void followsTheFallBackChange() {
    // New York moves from UTC-4 to UTC-5 at 2024-11-03 02:00 local: midnight of Nov 3 is
    // 04:00Z, midnight of Nov 4 is 05:00Z; 01:30 local happens twice (05:30Z and 06:30Z)
    Vwap vwap = new Vwap("America/New_York", "00:00", PriceSource.CLOSE);
    assertThat(bar(vwap, "2024-11-03T03:30:00Z", 10, 100)).isEqualTo(10); // Nov 2 23:30 EDT
    assertThat(bar(vwap, "2024-11-03T04:00:00Z", 20, 100)).isEqualTo(20); // Nov 3 00:00: reset
    assertThat(bar(vwap, "2024-11-03T05:30:00Z", 30, 100)).isEqualTo(25); // 01:30 EDT
    assertThat(bar(vwap, "2024-11-03T06:30:00Z", 40, 100)).isEqualTo(30); // 01:30 EST
    // Nov 3 23:30 EST: same session (read at UTC-4 it would be Nov 4 00:30)
    assertThat(bar(vwap, "2024-11-04T04:30:00Z", 50, 100)).isEqualTo(35);
    assertThat(bar(vwap, "2024-11-04T05:00:00Z", 60, 100)).isEqualTo(60); // Nov 4 00:00 EST
  }

  @Test
  void sessionStartAcrossAWeekendAndDaylightSavingChange() {
    // session 09:30 New York; Friday Mar 8 2024 is EST (09:30 = 14:30Z), Monday Mar 11 is EDT
    // (09:30 = 13:30Z). Bars before 09:30 continue the previous anchor, even across the weekend.
    Vwap vwap = new Vwap("America/New_York", "09:30", PriceSource.CLOSE);
    assertThat(bar(vwap, "2024-03-08T14:30:00Z", 10, 100)).isEqualTo(10); // Fri 09:30
    assertThat(bar(vwap, "2024-03-08T20:00:00Z", 20, 100)).isEqualTo(15); // Fri 15:00
    assertThat(bar(vwap, "2024-03-11T12:00:00Z", 30, 100)).isEqualTo(20); // Mon 08:00 pre-market
    // Mon 09:30 EDT: reset (read at UTC-5 it would be 08:30)
    assertThat(bar(vwap, "2024-03-11T13:30:00Z", 40, 100)).isEqualTo(40);
    assertThat(bar(vwap, "2024-03-11T19:00:00Z", 50, 100)).isEqualTo(45); // Mon 15:00
    assertThat(bar(vwap, "2024-03-12T12:00:00Z", 60, 100)).isEqualTo(50); // Tue 08:00
    assertThat(bar(vwap, "2024-03-12T13:29:00Z", 70, 100)).isEqualTo(55); // Tue 09:29
    assertThat(bar(vwap, "2024-03-12T13:30:00Z", 80, 100)).isEqualTo(80); // Tue 09:30: reset
  }

  @Test
  void sessionStartInsideTheSpringForwardGapMovesForward() {
    // 02:30 does not exist in New York on 2024-03-10 (02:00 EST -> 03:00 EDT); as with
    // ZonedDateTime.of, it becomes 03:30 EDT = 07:30Z. Before it, bars continue the Mar 9 anchor.
    Vwap vwap = new Vwap("America/New_York", "02:30", PriceSource.CLOSE);
    assertThat(bar(vwap, "2024-03-09T08:00:00Z", 10, 100)).isEqualTo(10); // Mar 9 03:00 EST
    assertThat(bar(vwap, "2024-03-10T07:00:00Z", 20, 100)).isEqualTo(15); // Mar 10 03:00 EDT
    assertThat(bar(vwap, "2024-03-10T07:30:00Z", 30, 100)).isEqualTo(30); // 03:30 EDT: reset
  }

  @Test
  void firstBarBeforeTheSessionStartIsItsOwnAnchorUntilTheStart() {
    // the first bar, Mon 08:00, belongs to the session of the day before; Mon 09:30 resets
    Vwap vwap = new Vwap("America/New_York", "09:30", PriceSource.CLOSE);
    assertThat(bar(vwap, "2024-03-11T12:00:00Z", 10, 100)).isEqualTo(10);
    assertThat(bar(vwap, "2024-03-11T13:00:00Z", 20, 100)).isEqualTo(15);
    assertThat(bar(vwap, "2024-03-11T13:30:00Z", 30, 100)).isEqualTo(30);
  }

  @Test
  void zeroVolumeGivesThePriceItself() {
    Vwap vwap = new Vwap("UTC", "00:00", PriceSource.CLOSE);
    assertThat(bar(vwap, "2024-01-02T10:00:00Z", 10, 0)).isEqualTo(10);
    assertThat(bar(vwap, "2024-01-02T11:00:00Z", 12, 0)).isEqualTo(12);
    assertThat(bar(vwap, "2024-01-02T12:00:00Z", 20, 100)).isEqualTo(20);
    assertThat(bar(vwap, "2024-01-02T13:00:00Z", 30, 100)).isEqualTo(25);
  }

  @Test
  void aBarBeforeTheAnchorStartsANewOne() {
    Vwap vwap = new Vwap("UTC", "00:00", PriceSource.CLOSE);
    bar(vwap, "2024-01-03T10:00:00Z", 10, 100);
    assertThat(bar(vwap, "2024-01-02T10:00:00Z", 20, 100)).isEqualTo(20);
  }

  @Test
  void rejectsBadTimezoneAndSessionStart() {
    assertThatThrownBy(() -> new Vwap("Mars/Olympus", "00:00", PriceSource.HLC3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timezone")
        .hasMessageContaining("Mars/Olympus");
    for (String bad : new String[] {"24:00", "9:60", "0930", "", "noon"}) {
      assertThatThrownBy(() -> new Vwap("UTC", bad, PriceSource.HLC3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("session_start must be a local time HH:MM")
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(Vwap.parseSessionStart("9:30").toString()).isEqualTo("09:30");
  }

  @Test
  void registryReportsBadParametersAsConfigErrors() {
    IndicatorFactory f = IndicatorRegistry.builtIn().get("vwap");
    assertThatThrownBy(() -> f.create(Params.resolve("vwap", f.params(), Map.of("timezone", "X"))))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo("params.timezone");
    assertThatThrownBy(
            () -> f.create(Params.resolve("vwap", f.params(), Map.of("session_start", "25:00"))))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo("params.session_start");
  }
}
