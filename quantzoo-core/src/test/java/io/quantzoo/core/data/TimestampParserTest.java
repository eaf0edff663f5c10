package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Expected values are computed by hand: 2016-05-18 is epoch day 16801 (46 years from 1970 with 11
 * leap days) + 138 = 16939, i.e. 1,463,529,600 s; 04:00 adds 14,400 s.
 */
class TimestampParserTest {
  private static final long MAY18_04Z = 1_463_544_000_000L;

  private final TimestampParser utc = new TimestampParser(ZoneOffset.UTC);

  @Test
  void isoWithZOrOffset() {
    assertThat(utc.parse("2016-05-18T04:00:00Z")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18T06:00:00+02:00")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18T06:00:00+0200")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18T06:00+02")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-17T22:30:00-05:30")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18 04:00:00Z")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18T06:00:00+02:00[Europe/Berlin]")).isEqualTo(MAY18_04Z);
  }

  @Test
  void fractionalSecondsKeepMillisecondsAndDropTheRest() {
    assertThat(utc.parse("2016-05-18T04:00:00.5Z")).isEqualTo(MAY18_04Z + 500);
    assertThat(utc.parse("2016-05-18T04:00:00.123Z")).isEqualTo(MAY18_04Z + 123);
    assertThat(utc.parse("2016-05-18T04:00:00.123999999Z")).isEqualTo(MAY18_04Z + 123);
    assertThat(utc.parse("2016-05-18 04:00:07.25")).isEqualTo(MAY18_04Z + 7_250);
  }

  @Test
  void naiveTimesAndDatesAreReadInTheZone() {
    assertThat(utc.parse("2016-05-18T04:00:00")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18 04:00")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("2016-05-18")).isEqualTo(MAY18_04Z - 4 * 3_600_000L);

    // Berlin is on summer time (UTC+2) in May.
    TimestampParser berlin = new TimestampParser(ZoneId.of("Europe/Berlin"));
    assertThat(berlin.parse("2016-05-18 06:00:00")).isEqualTo(MAY18_04Z);
    // An offset in the text wins over the zone.
    assertThat(berlin.parse("2016-05-18T04:00:00Z")).isEqualTo(MAY18_04Z);

    // New York in January is UTC-5: 2016-01-15 is epoch day 16815, 09:30 EST is 14:30 UTC.
    TimestampParser newYork = new TimestampParser(ZoneId.of("America/New_York"));
    assertThat(newYork.parse("2016-01-15 09:30")).isEqualTo(1_452_868_200_000L);

    // Tokyo (UTC+9): midnight of 2016-05-18 is 15:00 UTC the day before.
    TimestampParser tokyo = new TimestampParser(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.parse("2016-05-18")).isEqualTo(1_463_497_200_000L);
  }

  @Test
  void daylightSavingGapsMoveForwardAndOverlapsTakeTheEarlierOffset() {
    TimestampParser newYork = new TimestampParser(ZoneId.of("America/New_York"));
    // 2016-03-13 (epoch day 16873): 02:30 does not exist; read as 03:30 EDT = 07:30 UTC.
    assertThat(newYork.parse("2016-03-13 02:30")).isEqualTo(1_457_854_200_000L);
    // Same day, after the change: 12:00 EDT = 16:00 UTC.
    assertThat(newYork.parse("2016-03-13 12:00")).isEqualTo(1_457_827_200_000L + 16 * 3_600_000L);
    // 2016-11-06 (epoch day 17111): 01:30 happens twice; the first (EDT, UTC-4) is 05:30 UTC.
    assertThat(newYork.parse("2016-11-06 01:30")).isEqualTo(1_478_410_200_000L);
  }

  @Test
  void epochNumbersAreSecondsBelow1e11ElseMilliseconds() {
    assertThat(utc.parse("1463544000")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("1463544000000")).isEqualTo(MAY18_04Z);
    assertThat(utc.parse("1463544000.5")).isEqualTo(MAY18_04Z + 500);
    assertThat(utc.parse("1463544000.1239")).isEqualTo(MAY18_04Z + 123);
    assertThat(utc.parse("-86400")).isEqualTo(-86_400_000L);
    assertThat(utc.parse("99999999999")).isEqualTo(99_999_999_999_000L);
    assertThat(utc.parse("100000000000")).isEqualTo(100_000_000_000L);
    assertThat(utc.parse("1.463544e9")).isEqualTo(MAY18_04Z);
    assertThat(TimestampParser.epochToMillis(1_463_544_000L)).isEqualTo(MAY18_04Z);
    assertThat(TimestampParser.epochToMillis(1_463_544_000_000L)).isEqualTo(MAY18_04Z);
    assertThat(TimestampParser.epochToMillis(1_463_544_000.25)).isEqualTo(MAY18_04Z + 250);
    assertThat(TimestampParser.epochToMillis(Double.NaN)).isEqualTo(TimestampParser.INVALID);
  }

  @Test
  void theDayCacheGivesTheSameAnswersInAnyOrder() {
    TimestampParser p = new TimestampParser(ZoneId.of("Europe/Berlin"));
    long may = p.parse("2016-05-18 06:00");
    long jan = p.parse("2016-01-15 06:00");
    assertThat(p.parse("2016-05-18 06:00")).isEqualTo(may).isEqualTo(MAY18_04Z);
    // Berlin in January is UTC+1.
    assertThat(jan).isEqualTo(1_452_816_000_000L + 5 * 3_600_000L);
  }

  @Test
  void invalidTextIsRejected() {
    for (String bad :
        new String[] {
          "",
          " ",
          "yesterday",
          "2016-13-01",
          "2016-02-30",
          "2016-05-18T24:00:00Z",
          "2016-05-18T04:60",
          "2016-05-18T04:00:00+19:00",
          "2016-05-18X04:00",
          "18/05/2016",
          "1463544000x",
          "--5",
          "NaN"
        }) {
      assertThat(utc.parse(bad)).as(bad).isEqualTo(TimestampParser.INVALID);
    }
  }
}
