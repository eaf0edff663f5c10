package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarLoaderTest {
  private static final String HEADER = "timestamp,open,high,low,close,volume";
  private static final long T0 = Instant.parse("2016-05-18T04:00:00Z").toEpochMilli();
  private static final long HOUR = 3_600_000L;

  @TempDir Path dir;

  private Path csv(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static LoadResult load(Path file) {
    return CsvBarLoader.load(file, LoadOptions.defaults());
  }

  /** The single problem that refuses {@code file}. */
  private static DataProblem onlyProblem(Path file) {
    DataException e = assertThrows(DataException.class, () -> load(file));
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static DataProblem problem(
      Path file, long line, String column, String rule, String value) {
    return new DataProblem(file.toString(), line, column, rule, value);
  }

  // --- the happy path -------------------------------------------------------------------

  @Test
  void loadsAWellFormedFile() throws IOException {
    Path f =
        csv(
            "btc.csv",
            HEADER,
            "2016-05-18T04:00:00Z,456.16,456.81,455.3,456.02,561.88098307",
            "2016-05-18T08:00:00Z,456.14,456.33,454.79,456.1,446.0329534");
    LoadResult r = load(f);
    BarSeries s = r.single();
    assertThat(s.symbol()).isEqualTo("BTC");
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.timeMillis(0)).isEqualTo(T0);
    assertThat(s.timeMillis(1)).isEqualTo(T0 + 4 * HOUR);
    assertThat(s.open(0)).isEqualTo(456.16);
    assertThat(s.high(0)).isEqualTo(456.81);
    assertThat(s.low(0)).isEqualTo(455.3);
    assertThat(s.close(0)).isEqualTo(456.02);
    assertThat(s.volume(0)).isEqualTo(561.88098307);
    assertThat(r.rowsRead()).isEqualTo(2);
    assertThat(r.rowsDropped()).isZero();
    assertThat(r.problems()).isEmpty();
    assertThat(r.problemCount()).isZero();
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void aOneRowFileLoads() throws IOException {
    Path f = csv("one.csv", HEADER, "2016-05-18T04:00:00Z,1,2,0.5,1.5,10");
    BarSeries s = load(f).single();
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.timeMillis(0)).isEqualTo(T0);
  }

  @Test
  void columnNamesAreCaseInsensitiveTrimmedAndInAnyOrderWithExtrasIgnored() throws IOException {
    Path f =
        csv(
            "x.csv",
            " Close , Adj Close,LOW,High ,Open,Volume,Date",
            "1.5,1.4,1,2,1.2,100,2013-01-02");
    LoadResult r = load(f);
    BarSeries s = r.single();
    assertThat(s.open(0)).isEqualTo(1.2);
    assertThat(s.high(0)).isEqualTo(2);
    assertThat(s.low(0)).isEqualTo(1);
    assertThat(s.close(0)).isEqualTo(1.5);
    assertThat(s.volume(0)).isEqualTo(100);
    // 2013-01-02 is epoch day 15707 (43 years with 11 leap days, plus 1).
    assertThat(s.timeMillis(0)).isEqualTo(15_707L * 86_400_000L);
    assertThat(r.notes()).contains("ignored columns: Adj Close");
  }

  @Test
  void aMissingVolumeColumnReadsAsZeroWithANote() throws IOException {
    Path f = csv("x.csv", "timestamp,open,high,low,close", "2016-05-18T04:00:00Z,1,2,0.5,1.5");
    LoadResult r = load(f);
    assertThat(r.single().volume(0)).isZero();
    assertThat(r.notes()).contains("no volume column: volume read as 0");
  }

  @Test
  void theSymbolOptionNamesTheSeries() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1,2,0.5,1.5,10");
    LoadResult r = CsvBarLoader.load(f, LoadOptions.defaults().withSymbol("ETH-USD"));
    assertThat(r.single().symbol()).isEqualTo("ETH-USD");
  }

  @Test
  void theTimeColumnIsTheFirstOfTheAcceptedNamesAndAnUnnamedFirstColumnIsAccepted()
      throws IOException {
    Path ts = csv("ts.csv", "ts,datetime,open,high,low,close", "1,2016-05-18T04:00:00Z,1,2,1,1");
    assertThat(load(ts).single().timeMillis(0)).isEqualTo(T0);

    Path unnamed = csv("unnamed.csv", ",Open,High,Low,Close", "2016-05-18 04:00:00,1,2,1,1");
    LoadResult r = load(unnamed);
    assertThat(r.single().timeMillis(0)).isEqualTo(T0);
    assertThat(r.notes()).contains("the unnamed first column is read as the time column");
  }

  // --- timestamp forms ------------------------------------------------------------------

  private long firstTime(String timeText, LoadOptions opts) throws IOException {
    Path f = csv("t.csv", HEADER, timeText + ",1,2,0.5,1.5,10");
    return CsvBarLoader.load(f, opts).single().timeMillis(0);
  }

  private long firstTime(String timeText) throws IOException {
    return firstTime(timeText, LoadOptions.defaults());
  }

  @Test
  void everyTimestampFormGivesTheHandComputedEpochValue() throws IOException {
    // 2016-05-18T04:00:00Z = (16939 days * 86400 + 4 * 3600) s = 1,463,544,000 s.
    assertThat(T0).isEqualTo(1_463_544_000_000L);
    assertThat(firstTime("2016-05-18T04:00:00Z")).isEqualTo(T0);
    assertThat(firstTime("2016-05-18T06:00:00+02:00")).isEqualTo(T0);
    assertThat(firstTime("2016-05-18T04:00:00")).isEqualTo(T0);
    assertThat(firstTime("2016-05-18 04:00:00")).isEqualTo(T0);
    assertThat(firstTime("2016-05-18 04:00:00.250")).isEqualTo(T0 + 250);
    assertThat(firstTime("2016-05-18")).isEqualTo(T0 - 4 * HOUR);
    assertThat(firstTime("1463544000")).isEqualTo(T0);
    assertThat(firstTime("1463544000000")).isEqualTo(T0);
    assertThat(firstTime("1463544000.75")).isEqualTo(T0 + 750);
  }

  @Test
  void naiveTimesAreReadInTheOptionsZone() throws IOException {
    LoadOptions berlin = LoadOptions.defaults().withZone(ZoneId.of("Europe/Berlin"));
    // May in Berlin is UTC+2.
    assertThat(firstTime("2016-05-18 06:00:00", berlin)).isEqualTo(T0);
    assertThat(firstTime("2016-05-18", berlin)).isEqualTo(T0 - 6 * HOUR);
    // Offsets and epoch numbers do not depend on the zone.
    assertThat(firstTime("2016-05-18T04:00:00Z", berlin)).isEqualTo(T0);
    assertThat(firstTime("1463544000", berlin)).isEqualTo(T0);
  }

  // --- one fixture per rule -------------------------------------------------------------

  @Test
  void wrongFieldCount() throws IOException {
    Path f =
        csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1,2,0.5,1.5,10", "2016-05-18T08:00:00Z,1,2,1");
    assertThat(onlyProblem(f))
        .isEqualTo(problem(f, 3, "", "row must have 6 fields like the header", "4"));
  }

  @Test
  void unparsableNumber() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1,abc,0.5,1.5,10");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 2, "high", "must be a number", "abc"));
  }

  @Test
  void emptyNumber() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,,2,0.5,1.5,10");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 2, "open", "must not be empty", ""));
  }

  @Test
  void unparsableDate() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-13-01,1,2,0.5,1.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(problem(f, 2, "timestamp", BarAssembler.RULE_TIMESTAMP, "2016-13-01"));
  }

  @Test
  void nanAndInfinity() throws IOException {
    Path nan = csv("nan.csv", HEADER, "2016-05-18T04:00:00Z,1,2,0.5,NaN,10");
    assertThat(onlyProblem(nan)).isEqualTo(problem(nan, 2, "close", "must be finite", "NaN"));
    Path inf = csv("inf.csv", HEADER, "2016-05-18T04:00:00Z,1,2,0.5,1.5,inf");
    assertThat(onlyProblem(inf)).isEqualTo(problem(inf, 2, "volume", "must be finite", "inf"));
    Path big = csv("big.csv", HEADER, "2016-05-18T04:00:00Z,1e999,2,0.5,1.5,1");
    assertThat(onlyProblem(big)).isEqualTo(problem(big, 2, "open", "must be finite", "1e999"));
  }

  @Test
  void highBelowLow() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1.5,1,2,1.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(problem(f, 2, "high", "high must be >= low", "high 1.0 < low 2.0"));
  }

  @Test
  void openOutsideTheRange() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,3,2,1,1.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(problem(f, 2, "open", "open must lie in [low, high]", "3.0 outside [1.0, 2.0]"));
  }

  @Test
  void closeOutsideTheRange() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1.5,2,1,0.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(
            problem(f, 2, "close", "close must lie in [low, high]", "0.5 outside [1.0, 2.0]"));
  }

  @Test
  void nonPositivePrice() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,0,1,0,0.5,10");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 2, "low", "prices must be positive", "0.0"));
  }

  @Test
  void negativeVolume() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1,2,0.5,1.5,-5");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 2, "volume", "volume must be >= 0", "-5.0"));
  }

  @Test
  void duplicateTimestamp() throws IOException {
    Path f =
        csv(
            "x.csv",
            HEADER,
            "2016-05-18T04:00:00Z,1,2,0.5,1.5,10",
            "2016-05-18T04:00:00Z,1,2,0.5,1.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(
            problem(
                f,
                3,
                "timestamp",
                "timestamp must be unique, same as line 2",
                "2016-05-18T04:00:00Z"));
  }

  @Test
  void decreasingTimestamp() throws IOException {
    Path f =
        csv(
            "x.csv",
            HEADER,
            "2016-05-18T08:00:00Z,1,2,0.5,1.5,10",
            "2016-05-18T04:00:00Z,1,2,0.5,1.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(
            problem(
                f,
                3,
                "timestamp",
                "timestamps must increase, line 2 has 2016-05-18T08:00:00Z",
                "2016-05-18T04:00:00Z"));
  }

  @Test
  void emptyFile() throws IOException {
    Path f = dir.resolve("empty.csv");
    Files.write(f, new byte[0]);
    assertThat(onlyProblem(f))
        .isEqualTo(problem(f, 0, "", "file must have a header row, was empty", ""));
  }

  @Test
  void headerOnly() throws IOException {
    Path f = csv("x.csv", HEADER);
    assertThat(onlyProblem(f))
        .isEqualTo(problem(f, 0, "", "file must have at least one data row after the header", ""));
  }

  @Test
  void missingRequiredColumn() throws IOException {
    Path f = csv("x.csv", "timestamp,open,high,low,volume", "2016-05-18T04:00:00Z,1,2,0.5,10");
    assertThat(onlyProblem(f))
        .isEqualTo(
            problem(
                f,
                1,
                "close",
                "required column must be present; columns found: timestamp, open, high, low,"
                    + " volume",
                ""));
  }

  @Test
  void missingTimeColumn() throws IOException {
    Path f = csv("x.csv", "bar,open,high,low,close", "0,1,2,0.5,1.5");
    assertThat(onlyProblem(f))
        .isEqualTo(
            problem(
                f,
                1,
                "timestamp",
                "a time column (timestamp, datetime, date, time or ts) must be present; columns"
                    + " found: bar, open, high, low, close",
                ""));
  }

  @Test
  void separateDateAndTimeColumnsAreRefused() throws IOException {
    Path f = csv("x.csv", "date,time,open,high,low,close", "2016-05-18,04:00,1,2,0.5,1.5");
    assertThat(onlyProblem(f).column()).isEqualTo("time");
  }

  @Test
  void aMissingFileIsRefused() {
    Path f = dir.resolve("nope.csv");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 0, "", "file must exist", ""));
  }

  @Test
  void emptySymbol() throws IOException {
    Path f = csv("x.csv", "symbol," + HEADER, ",2016-05-18T04:00:00Z,1,2,0.5,1.5,10");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 2, "symbol", "must not be empty", ""));
  }

  // --- refuse by default, or drop ---------------------------------------------------------

  private Path fileWithThreeBadRows() throws IOException {
    return csv(
        "bad.csv",
        HEADER,
        "2016-05-18T04:00:00Z,1,2,0.5,1.5,10", // line 2: good
        "2016-05-18T08:00:00Z,1,x,0.5,1.5,10", // line 3: bad number
        "2016-05-18T08:00:00Z,1,2,0.5,1.6,10", // line 4: good
        "2016-05-18T08:00:00Z,1,2,0.5,1.7,10", // line 5: duplicate of line 4
        "2016-05-18T12:00:00Z,1,2,0.5,3.0,10", // line 6: close above high
        "2016-05-18T16:00:00Z,1,2,0.5,1.8,10"); // line 7: good
  }

  @Test
  void anyProblemRefusesTheFileByDefaultListingEveryProblem() throws IOException {
    Path f = fileWithThreeBadRows();
    DataException e = assertThrows(DataException.class, () -> load(f));
    assertThat(e.problems())
        .containsExactly(
            problem(f, 3, "high", "must be a number", "x"),
            problem(
                f,
                5,
                "timestamp",
                "timestamp must be unique, same as line 4",
                "2016-05-18T08:00:00Z"),
            problem(f, 6, "close", "close must lie in [low, high]", "3.0 outside [0.5, 2.0]"));
    List<String> lines = e.getMessage().lines().toList();
    assertThat(lines.get(0)).isEqualTo(f + ": 3 problem(s) found; first ones:");
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyElementsOf(e.problems().stream().map(DataProblem::describe).toList());
    assertThat(lines.get(1)).isEqualTo(f + ":3: column 'high': must be a number, was 'x'");
  }

  @Test
  void maxProblemsLimitsTheProblemsListedButNotTheCount() throws IOException {
    Path f = fileWithThreeBadRows();
    DataException e =
        assertThrows(
            DataException.class,
            () -> CsvBarLoader.load(f, LoadOptions.defaults().withMaxProblems(2)));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).startsWith(f + ": 3 problem(s) found; first ones:\n");
    assertThat(e.getMessage().lines()).hasSize(3);
  }

  @Test
  void dropBadRowsSkipsThemAndReportsTheCount() throws IOException {
    Path f = fileWithThreeBadRows();
    LoadResult r = CsvBarLoader.load(f, LoadOptions.defaults().withDropBadRows(true));
    BarSeries s = r.single();
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.timeMillis(0)).isEqualTo(T0);
    assertThat(s.timeMillis(1)).isEqualTo(T0 + 4 * HOUR);
    assertThat(s.timeMillis(2)).isEqualTo(T0 + 12 * HOUR);
    // The duplicate keeps the earlier row (close 1.6, not 1.7).
    assertThat(s.close(1)).isEqualTo(1.6);
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.rowsDropped()).isEqualTo(3);
    assertThat(r.problemCount()).isEqualTo(3);
    assertThat(r.problems()).extracting(DataProblem::line).containsExactly(3L, 5L, 6L);
  }

  @Test
  void dropBadRowsStillRefusesAFileWithoutAGoodRow() throws IOException {
    Path f = csv("x.csv", HEADER, "2016-05-18T04:00:00Z,1,x,0.5,1.5,10", "bad,1,2,0.5,1.5,10");
    DataException e =
        assertThrows(
            DataException.class,
            () -> CsvBarLoader.load(f, LoadOptions.defaults().withDropBadRows(true)));
    assertThat(e.problems())
        .last()
        .isEqualTo(problem(f, 0, "", "file must have at least one valid data row", "0 of 2"));
    assertThat(e.getMessage()).startsWith(f + ": 3 problem(s) found; first ones:");
  }

  @Test
  void dropBadRowsDoesNotForgiveAMissingColumn() throws IOException {
    Path f = csv("x.csv", "timestamp,open,high,low", "2016-05-18T04:00:00Z,1,2,0.5");
    assertThatThrownBy(() -> CsvBarLoader.load(f, LoadOptions.defaults().withDropBadRows(true)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("column 'close'");
  }

  // --- multi-symbol -----------------------------------------------------------------------

  @Test
  void multiSymbolFilesGiveOneSeriesPerSymbolInOrderOfFirstAppearance() throws IOException {
    Path f =
        csv(
            "multi.csv",
            "ticker,timestamp,open,high,low,close,volume",
            "ETH,2016-05-18T08:00:00Z,10,11,9,10.5,1",
            "BTC,2016-05-18T04:00:00Z,450,460,440,455,2",
            "ETH,2016-05-18T12:00:00Z,10.5,12,10,11,3",
            "BTC,2016-05-18T08:00:00Z,455,470,450,465,4");
    LoadResult r = load(f);
    assertThat(r.series()).extracting(BarSeries::symbol).containsExactly("ETH", "BTC");
    BarSeries eth = r.find("ETH").orElseThrow();
    BarSeries btc = r.find("BTC").orElseThrow();
    assertThat(eth.timesArray()).containsExactly(T0 + 4 * HOUR, T0 + 8 * HOUR);
    assertThat(eth.volumeArray()).containsExactly(1, 3);
    assertThat(btc.timesArray()).containsExactly(T0, T0 + 4 * HOUR);
    assertThat(btc.closeArray()).containsExactly(455, 465);
    assertThatThrownBy(r::single)
        .isInstanceOf(DataException.class)
        .hasMessage("data must hold exactly one symbol, was 2 (ETH, BTC)");
  }

  @Test
  void orderingIsCheckedPerSymbol() throws IOException {
    Path f =
        csv(
            "multi.csv",
            "symbol," + HEADER,
            "A,2016-05-18T08:00:00Z,1,2,0.5,1.5,1",
            "B,2016-05-18T04:00:00Z,1,2,0.5,1.5,1",
            "A,2016-05-18T04:00:00Z,1,2,0.5,1.5,1");
    assertThat(onlyProblem(f))
        .isEqualTo(
            problem(
                f,
                4,
                "timestamp",
                "timestamps must increase for A, line 2 has 2016-05-18T08:00:00Z",
                "2016-05-18T04:00:00Z"));
  }

  // --- file format details ----------------------------------------------------------------

  @Test
  void crlfLineEndingsAreAccepted() throws IOException {
    Path f = dir.resolve("crlf.csv");
    Files.writeString(
        f,
        HEADER
            + "\r\n2016-05-18T04:00:00Z,1,2,0.5,1.5,10\r\n2016-05-18T08:00:00Z,1,2,0.5,1.25,10\r\n",
        StandardCharsets.UTF_8);
    BarSeries s = load(f).single();
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.volume(0)).isEqualTo(10);
    assertThat(s.close(1)).isEqualTo(1.25);

    Files.writeString(
        f,
        HEADER + "\r\n2016-05-18T04:00:00Z,1,2,0.5,1.5,10\r\nbad,1,2,0.5,1.5,10",
        StandardCharsets.UTF_8);
    assertThat(onlyProblem(f).line()).isEqualTo(3);
  }

  @Test
  void quotedFieldsAreTolerated() throws IOException {
    Path f =
        csv(
            "q.csv",
            "\"symbol\",\"timestamp\",\"open\",\"high\",\"low\",\"close\",\"volume\"",
            "\"A, \"\"the\"\" one\",\"2016-05-18T04:00:00Z\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"",
            "\"A, \"\"the\"\" one\", \"2016-05-18T08:00:00Z\" ,1,2,0.5,1.75,10");
    BarSeries s = load(f).single();
    assertThat(s.symbol()).isEqualTo("A, \"the\" one");
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.close(1)).isEqualTo(1.75);
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() throws IOException {
    Path f = dir.resolve("bom.csv");
    byte[] body =
        (HEADER + "\n2016-05-18T04:00:00Z,1,2,0.5,1.5,10\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Files.write(f, bytes);
    assertThat(load(f).single().timeMillis(0)).isEqualTo(T0);
  }

  @Test
  void blankLinesAndSpacesAreSkippedAndLineNumbersStayPhysical() throws IOException {
    Path f =
        csv(
            "x.csv",
            HEADER,
            "",
            " 2016-05-18T04:00:00Z , 1 ,2,\t0.5,1.5,10",
            "",
            "2016-05-18T08:00:00Z,1,2,0.5,bad,10");
    assertThat(onlyProblem(f)).isEqualTo(problem(f, 5, "close", "must be a number", "bad"));
  }

  @Test
  void noFinalNewlineIsFine() throws IOException {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, HEADER + "\n2016-05-18T04:00:00Z,1,2,0.5,1.5,10", StandardCharsets.UTF_8);
    assertThat(load(f).single().volume(0)).isEqualTo(10);
  }

  // --- the bundled data -------------------------------------------------------------------

  @Test
  void bundledBtcLoads() {
    LoadResult r = load(Path.of("../data/btc-usd-4h-2016-2025.csv"));
    BarSeries s = r.single();
    assertThat(s.symbol()).isEqualTo("BTC-USD-4H-2016-2025");
    assertThat(s.size()).isEqualTo(20_695);
    assertThat(s.time(0)).isEqualTo(Instant.parse("2016-05-18T04:00:00Z"));
    assertThat(s.time(s.size() - 1)).isEqualTo(Instant.parse("2025-10-28T00:00:00Z"));
    assertThat(s.open(0)).isEqualTo(456.16);
    assertThat(s.volume(0)).isEqualTo(561.88098307);
    assertThat(r.rowsDropped()).isZero();
  }

  @Test
  void bundledEthAndSp500Load() {
    assertThat(load(Path.of("../data/eth-usd-4h-2016-2025.csv")).single().size()).isEqualTo(20_675);
    BarSeries sp = load(Path.of("../data/sp500-weekly-1950-2026.csv")).single();
    assertThat(sp.size()).isEqualTo(3_977);
    assertThat(sp.time(0)).isEqualTo(Instant.parse("1950-01-02T05:00:00Z"));
  }

  @Test
  void bundledAaplWithADateColumnLoads() {
    BarSeries s = load(Path.of("../data/aapl-daily-2013.csv")).single();
    assertThat(s.size()).isEqualTo(252);
    assertThat(s.time(0)).isEqualTo(Instant.parse("2013-01-02T00:00:00Z"));
    assertThat(s.time(251)).isEqualTo(Instant.parse("2013-12-31T00:00:00Z"));
    assertThat(s.open(0)).isEqualTo(553.82);
    assertThat(s.close(0)).isEqualTo(549.03);
    assertThat(s.volume(0)).isEqualTo(20_018_500);
  }
}
