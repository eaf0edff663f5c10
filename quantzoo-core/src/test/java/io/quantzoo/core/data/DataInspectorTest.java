package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInspectorTest {
  @TempDir Path dir;

  private Path csv(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String bar(String time) {
    return time + ",1,2,0.5,1.5,10";
  }

  @Test
  void hourlyBarsWithOneGap() throws IOException {
    Path f =
        csv(
            "h.csv",
            "timestamp,open,high,low,close,volume",
            bar("2020-01-01T00:00:00Z"),
            bar("2020-01-01T01:00:00Z"),
            bar("2020-01-01T02:00:00Z"),
            bar("2020-01-01T05:00:00Z"),
            bar("2020-01-01T06:00:00Z"));
    DataInspection in = DataInspector.inspect(f, LoadOptions.defaults());
    DataInspection.SymbolStats s = in.symbols().get(0);
    assertThat(s.symbol()).isEqualTo("H");
    assertThat(s.rows()).isEqualTo(5);
    assertThat(s.first()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(s.last()).isEqualTo(Instant.parse("2020-01-01T06:00:00Z"));
    // Spacings 1, 1, 3, 1 h: the median is 1 h, the threshold 1.5 h.
    assertThat(s.medianSpacing()).isEqualTo(Duration.ofHours(1));
    assertThat(s.gapThreshold()).isEqualTo(Duration.ofMinutes(90));
    assertThat(s.weekendsIgnored()).isFalse();
    assertThat(s.gapCount()).isEqualTo(1);
    assertThat(s.largestGaps())
        .containsExactly(
            new DataInspection.Gap(
                Instant.parse("2020-01-01T02:00:00Z"), Instant.parse("2020-01-01T05:00:00Z"), 2));
  }

  @Test
  void dailyBarsIgnoreWeekendOnlyGapsButNotHolidays() throws IOException {
    // 2020-01-02 is a Thursday.
    Path f =
        csv(
            "d.csv",
            "date,open,high,low,close,volume",
            bar("2020-01-02"), // Thu
            bar("2020-01-03"), // Fri
            bar("2020-01-06"), // Mon: Sat and Sun missing, ignored
            bar("2020-01-07"), // Tue
            bar("2020-01-09"), // Thu: Wed missing, a gap
            bar("2020-01-10"), // Fri
            bar("2020-01-14"), // Tue: Sat, Sun and Mon missing, a gap
            bar("2020-01-15"),
            bar("2020-01-16"));
    DataInspection.SymbolStats s =
        DataInspector.inspect(f, LoadOptions.defaults()).symbols().get(0);
    // Spacings 1, 3, 1, 2, 1, 4, 1, 1 days: the median is 1 day.
    assertThat(s.medianSpacing()).isEqualTo(Duration.ofDays(1));
    assertThat(s.weekendsIgnored()).isTrue();
    assertThat(s.gapCount()).isEqualTo(2);
    assertThat(s.largestGaps())
        .extracting(DataInspection.Gap::from)
        .containsExactly(
            Instant.parse("2020-01-10T00:00:00Z"), Instant.parse("2020-01-07T00:00:00Z"));
  }

  @Test
  void bundledEthGapsAreDetected() {
    DataInspection in =
        DataInspector.inspect(Path.of("../data/eth-usd-4h-2016-2025.csv"), LoadOptions.defaults());
    DataInspection.SymbolStats s = in.symbols().get(0);
    assertThat(s.rows()).isEqualTo(20_675);
    assertThat(s.medianSpacing()).isEqualTo(Duration.ofHours(4));
    // The file's known missing candles: nine spacings above 6 h, the longest 64 h.
    assertThat(s.gapCount()).isEqualTo(9);
    DataInspection.Gap longest = s.largestGaps().get(0);
    assertThat(longest.from()).isEqualTo(Instant.parse("2016-05-20T20:00:00Z"));
    assertThat(longest.to()).isEqualTo(Instant.parse("2016-05-23T12:00:00Z"));
    assertThat(longest.length()).isEqualTo(Duration.ofHours(64));
    assertThat(longest.missingBars()).isEqualTo(15);
    assertThat(s.largestGaps()).hasSize(DataInspector.LARGEST_GAPS);
    assertThat(in.format())
        .contains("median spacing: 4h")
        .contains("gaps:           9 (spacing > 6h)")
        .contains("2016-05-20T20:00:00Z -> 2016-05-23T12:00:00Z  2d 16h (~15 bars missing)");
  }

  @Test
  void bundledAaplGapsAreTheExchangeHolidays() {
    DataInspection.SymbolStats s =
        DataInspector.inspect(Path.of("../data/aapl-daily-2013.csv"), LoadOptions.defaults())
            .symbols()
            .get(0);
    assertThat(s.rows()).isEqualTo(252);
    // NYSE holidays between 2013-01-02 and 2013-12-31 that fall on weekdays: Jan 21, Feb 18,
    // Mar 29, May 27, Jul 4, Sep 2, Nov 28, Dec 25.
    assertThat(s.gapCount()).isEqualTo(8);
  }

  @Test
  void problemsAndDroppedRowsAreReportedNotThrown() throws IOException {
    Path f =
        csv(
            "bad.csv",
            "timestamp,open,high,low,close,volume",
            bar("2020-01-01T00:00:00Z"),
            "2020-01-01T01:00:00Z,1,x,0.5,1.5,10",
            bar("2020-01-01T02:00:00Z"));
    DataInspection in = DataInspector.inspect(f, LoadOptions.defaults());
    assertThat(in.rowsRead()).isEqualTo(3);
    assertThat(in.rowsDropped()).isEqualTo(1);
    assertThat(in.problemCount()).isEqualTo(1);
    assertThat(in.symbols().get(0).rows()).isEqualTo(2);
    assertThat(in.format())
        .contains("rows read: 3, dropped: 1, problems: 1")
        .contains(f + ":3: column 'high': must be a number, was 'x'");
  }

  @Test
  void aFileWithNoGoodRowIsReportedWithoutSymbols() throws IOException {
    Path allBad = csv("bad.csv", "timestamp,open,high,low,close", "x,1,2,0.5,1.5");
    DataInspection in = DataInspector.inspect(allBad, LoadOptions.defaults());
    assertThat(in.symbols()).isEmpty();
    assertThat(in.rowsDropped()).isEqualTo(1);
    assertThat(in.format()).contains("no good bars");

    Path noClose = csv("cols.csv", "timestamp,open,high,low", "x,1,2,0.5");
    DataInspection cols = DataInspector.inspect(noClose, LoadOptions.defaults());
    assertThat(cols.symbols()).isEmpty();
    assertThat(cols.problems()).extracting(DataProblem::column).containsExactly("close");
  }

  @Test
  void aSingleBarHasNoSpacing() throws IOException {
    Path f = csv("one.csv", "timestamp,open,high,low,close", "2020-01-01T00:00:00Z,1,2,0.5,1.5");
    DataInspection in = DataInspector.inspect(f, LoadOptions.defaults());
    assertThat(in.symbols().get(0).medianSpacing()).isEqualTo(Duration.ZERO);
    assertThat(in.symbols().get(0).gapCount()).isZero();
    assertThat(in.format()).contains("bars:           1");
  }

  @Test
  void otherLoadersPlugIn() {
    LoadResult loaded =
        new LoadResult(
            List.of(
                BarSeries.of(
                    "X",
                    new long[] {0, 60_000, 120_000},
                    new double[] {1, 1, 1},
                    new double[] {1, 1, 1},
                    new double[] {1, 1, 1},
                    new double[] {1, 1, 1},
                    null)),
            3,
            0,
            List.of(),
            0,
            List.of());
    DataInspection in =
        DataInspector.inspect(
            "x.parquet",
            LoadOptions.defaults(),
            opts -> {
              assertThat(opts.dropBadRows()).isTrue();
              return loaded;
            });
    assertThat(in.file()).isEqualTo("x.parquet");
    assertThat(in.symbols().get(0).medianSpacing()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void humanDurations() {
    assertThat(DataInspection.human(Duration.ofHours(36))).isEqualTo("1d 12h");
    assertThat(DataInspection.human(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    assertThat(DataInspection.human(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DataInspection.human(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void flagsPricesUnderHalfOrOverTwiceThePreviousCloseAsNotes() {
    BarSeries s =
        io.quantzoo.core.testkit.Bars.of("X")
            .bar(100, 101, 99, 100)
            .bar(100, 101, 51, 100) // low 51 > 50: fine
            .bar(0.06, 101, 0.06, 100) // open and low under 50: flagged
            .bar(100, 201, 99, 100) // high over 200: flagged
            .bar(100, 200, 50, 100) // exactly twice / half: fine
            .build();
    java.util.List<String> notes = DataInspector.suspiciousPrints(s);
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0))
        .startsWith("X: 2 suspicious print(s)")
        .contains("2024-01-03T00:00:00Z: open 0.06, low 0.06 (previous close 100.0)")
        .contains("2024-01-04T00:00:00Z: high 201.0 (previous close 100.0)");
    assertThat(
            DataInspector.suspiciousPrints(
                io.quantzoo.core.testkit.Bars.of("Y").flat(1).flat(1.9).build()))
        .isEmpty();
  }

  @Test
  void theBundledBitcoinFileHasItsKnownBadOpenFlagged() {
    LoadResult r =
        CsvBarLoader.load(
            java.nio.file.Path.of("../data/btc-usd-4h-2016-2025.csv"), LoadOptions.defaults());
    DataInspection in = DataInspector.inspect("btc", r);
    assertThat(String.join("\n", in.notes())).contains("2017-04-15T20:00:00Z: open 0.06, low 0.06");
  }
}
