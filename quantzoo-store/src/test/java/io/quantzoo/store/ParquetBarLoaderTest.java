package io.quantzoo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantzoo.core.data.BarAssembler;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.DataException;
import io.quantzoo.core.data.DataInspection;
import io.quantzoo.core.data.DataInspector;
import io.quantzoo.core.data.DataProblem;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.data.LoadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected times are computed by hand: 2016-05-18T04:00:00Z is (16939 days * 86400 + 14400) s =
 * 1,463,544,000 s.
 */
class ParquetBarLoaderTest {
  private static final long T0 = 1_463_544_000_000L;
  private static final long HOUR = 3_600_000L;

  @TempDir Path dir;

  /** Writes the rows of {@code select} to {@code name} as Parquet, through DuckDB. */
  private Path parquet(String name, String select) throws SQLException {
    Path file = dir.resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
    }
    return file;
  }

  private static LoadResult load(Path file) {
    return ParquetBarLoader.load(file, LoadOptions.defaults());
  }

  @Test
  void timestampWithTimeZoneAndDoubles() throws SQLException {
    Path f =
        parquet(
            "btc.parquet",
            "SELECT * FROM (VALUES"
                + " (TIMESTAMPTZ '2016-05-18 04:00:00+00', 456.16, 456.81, 455.3, 456.02,"
                + " 561.88098307),"
                + " (TIMESTAMPTZ '2016-05-18 10:00:00+02', 456.14, 456.33, 454.79, 456.1,"
                + " 446.0329534))"
                + " t(timestamp, open, high, low, close, volume)");
    LoadResult r = load(f);
    BarSeries s = r.single();
    assertThat(s.symbol()).isEqualTo("BTC");
    assertThat(s.timesArray()).containsExactly(T0, T0 + 4 * HOUR);
    assertThat(s.openArray()).containsExactly(456.16, 456.14);
    assertThat(s.highArray()).containsExactly(456.81, 456.33);
    assertThat(s.lowArray()).containsExactly(455.3, 454.79);
    assertThat(s.closeArray()).containsExactly(456.02, 456.1);
    assertThat(s.volumeArray()).containsExactly(561.88098307, 446.0329534);
    assertThat(r.rowsRead()).isEqualTo(2);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void naiveTimestampsAreReadInTheOptionsZone() throws SQLException {
    Path f =
        parquet(
            "x.parquet",
            "SELECT TIMESTAMP '2016-05-18 06:00:00' AS Datetime, 1.0 AS Open, 2.0 AS High,"
                + " 0.5 AS Low, 1.5 AS Close");
    LoadResult r =
        ParquetBarLoader.load(f, LoadOptions.defaults().withZone(ZoneId.of("Europe/Berlin")));
    // Berlin in May is UTC+2.
    assertThat(r.single().timeMillis(0)).isEqualTo(T0);
    assertThat(r.single().volume(0)).isZero();
    assertThat(r.notes()).contains("no volume column: volume read as 0");
    assertThat(load(f).single().timeMillis(0)).isEqualTo(T0 + 2 * HOUR);
  }

  @Test
  void datesAreMidnightInTheZone() throws SQLException {
    Path f =
        parquet(
            "x.parquet",
            "SELECT DATE '2016-05-18' AS date, 1 AS open, 2 AS high, 1 AS low, 1 AS close,"
                + " 7 AS volume");
    assertThat(load(f).single().timeMillis(0)).isEqualTo(T0 - 4 * HOUR);
    // Tokyo is UTC+9: midnight there is 15:00 UTC the day before.
    LoadResult tokyo =
        ParquetBarLoader.load(f, LoadOptions.defaults().withZone(ZoneId.of("Asia/Tokyo")));
    assertThat(tokyo.single().timeMillis(0)).isEqualTo(T0 - 13 * HOUR);
    assertThat(tokyo.single().volume(0)).isEqualTo(7);
  }

  @Test
  void textTimesAndPricesAreParsedLikeCsv() throws SQLException {
    Path f =
        parquet(
            "x.parquet",
            "SELECT * FROM (VALUES ('2016-05-18T04:00:00Z', '1.5', '2', '1', '1.25'),"
                + " ('2016-05-18 08:00', '1.5', '2', '1', '1.75'),"
                + " ('1463572800', '1.5', '2', '1', '1.5'))"
                + " t(ts, open, high, low, close)");
    BarSeries s = load(f).single();
    assertThat(s.timesArray()).containsExactly(T0, T0 + 4 * HOUR, T0 + 8 * HOUR);
    assertThat(s.closeArray()).containsExactly(1.25, 1.75, 1.5);
  }

  @Test
  void epochNumbersAreSecondsBelow1e11ElseMilliseconds() throws SQLException {
    String prices = ", 1.0 AS open, 2.0 AS high, 1.0 AS low, 1.0 AS close";
    Path seconds = parquet("s.parquet", "SELECT 1463544000::BIGINT AS time" + prices);
    Path millis = parquet("ms.parquet", "SELECT 1463544000000::BIGINT AS time" + prices);
    Path decimal = parquet("d.parquet", "SELECT 1463544000.5::DOUBLE AS time" + prices);
    Path integer = parquet("i.parquet", "SELECT 86400::INTEGER AS time" + prices);
    assertThat(load(seconds).single().timeMillis(0)).isEqualTo(T0);
    assertThat(load(millis).single().timeMillis(0)).isEqualTo(T0);
    assertThat(load(decimal).single().timeMillis(0)).isEqualTo(T0 + 500);
    assertThat(load(integer).single().timeMillis(0)).isEqualTo(86_400_000L);
  }

  private Path fileWithABadRow() throws SQLException {
    return parquet(
        "bad.parquet",
        "SELECT * FROM (VALUES"
            + " (TIMESTAMP '2016-05-18 04:00:00', 1.5, 2.0, 1.0, 1.5, 10.0),"
            + " (TIMESTAMP '2016-05-18 08:00:00', 1.5, 1.0, 2.0, 1.5, 10.0),"
            + " (TIMESTAMP '2016-05-18 12:00:00', 1.5, 2.0, 1.0, NULL, 10.0),"
            + " (TIMESTAMP '2016-05-18 12:00:00', 1.5, 2.0, 1.0, 1.5, 10.0))"
            + " t(timestamp, open, high, low, close, volume)");
  }

  @Test
  void aBadRowRefusesTheFileWithItsRowNumber() throws SQLException {
    Path f = fileWithABadRow();
    DataException e = assertThrows(DataException.class, () -> load(f));
    assertThat(e.problems())
        .containsExactly(
            new DataProblem(f.toString(), 2, "high", "high must be >= low", "high 1.0 < low 2.0"),
            new DataProblem(f.toString(), 3, "close", BarAssembler.RULE_NOT_EMPTY, ""));
    assertThat(e.getMessage()).startsWith(f + ": 2 problem(s) found; first ones:\n");
  }

  @Test
  void dropBadRowsSkipsThem() throws SQLException {
    Path f = fileWithABadRow();
    LoadResult r = ParquetBarLoader.load(f, LoadOptions.defaults().withDropBadRows(true));
    assertThat(r.single().timesArray()).containsExactly(T0, T0 + 8 * HOUR);
    assertThat(r.rowsRead()).isEqualTo(4);
    assertThat(r.rowsDropped()).isEqualTo(2);
    assertThat(r.problemCount()).isEqualTo(2);
  }

  @Test
  void multiSymbolFilesGiveOneSeriesPerSymbol() throws SQLException {
    Path f =
        parquet(
            "m.parquet",
            "SELECT * FROM (VALUES ('ETH', TIMESTAMP '2016-05-18 08:00:00', 10, 11, 9, 10),"
                + " ('BTC', TIMESTAMP '2016-05-18 04:00:00', 450, 460, 440, 455),"
                + " ('ETH', TIMESTAMP '2016-05-18 12:00:00', 10, 12, 10, 11))"
                + " t(Ticker, timestamp, open, high, low, close)");
    LoadResult r = load(f);
    assertThat(r.series()).extracting(BarSeries::symbol).containsExactly("ETH", "BTC");
    assertThat(r.find("ETH").orElseThrow().timesArray())
        .containsExactly(T0 + 4 * HOUR, T0 + 8 * HOUR);
  }

  @Test
  void aMissingColumnIsAProblemOnRow1() throws SQLException {
    Path f = parquet("x.parquet", "SELECT 1 AS ts, 1.0 AS open, 2.0 AS high, 1.0 AS low");
    DataException e = assertThrows(DataException.class, () -> load(f));
    assertThat(e.problems())
        .containsExactly(
            new DataProblem(
                f.toString(),
                1,
                "close",
                "required column must be present; columns found: ts, open, high, low",
                ""));
  }

  @Test
  void anUnusableTimeTypeIsRefused() throws SQLException {
    Path f =
        parquet(
            "x.parquet",
            "SELECT true AS timestamp, 1.0 AS open, 2.0 AS high, 1.0 AS low, 1.0 AS close");
    DataException e = assertThrows(DataException.class, () -> load(f));
    assertThat(e.problems()).extracting(DataProblem::value).containsExactly("BOOLEAN");
  }

  @Test
  void oddFileAndColumnNamesAreNeverReadAsSql() throws SQLException {
    Path f =
        parquet(
            "it's here.parquet",
            "SELECT TIMESTAMP '2016-05-18 04:00:00' AS \"timestamp\", 1.0 AS \"Open\", 2.0 AS"
                + " high, 1.0 AS low, 1.0 AS close, 5 AS \"x\"\"); DROP TABLE y; --\"");
    LoadResult r = load(f);
    assertThat(r.single().symbol()).isEqualTo("IT'S HERE");
    assertThat(r.notes()).contains("ignored columns: x\"); DROP TABLE y; --");
    assertThat(ParquetBarLoader.quote("a\"b")).isEqualTo("\"a\"\"b\"");
  }

  @Test
  void missingAndNonParquetFilesAreRefused() throws IOException {
    Path missing = dir.resolve("none.parquet");
    DataException e1 = assertThrows(DataException.class, () -> load(missing));
    assertThat(e1.problems())
        .containsExactly(new DataProblem(missing.toString(), 0, "", "file must exist", ""));

    Path text = dir.resolve("text.parquet");
    Files.writeString(text, "timestamp,open\n", StandardCharsets.UTF_8);
    DataException e2 = assertThrows(DataException.class, () -> load(text));
    assertThat(e2.problems().get(0).rule()).isEqualTo("file must be readable Parquet");
  }

  @Test
  void theInspectorWorksOnParquet() throws SQLException {
    Path f =
        parquet(
            "x.parquet",
            "SELECT TIMESTAMP '2016-05-18 00:00:00' + to_hours(h) AS timestamp, 1.0 AS open,"
                + " 2.0 AS high, 1.0 AS low, 1.0 AS close FROM (VALUES (0), (1), (2), (5), (6))"
                + " v(h)");
    DataInspection in =
        DataInspector.inspect(
            f.toString(), LoadOptions.defaults(), o -> ParquetBarLoader.load(f, o));
    DataInspection.SymbolStats s = in.symbols().get(0);
    assertThat(s.rows()).isEqualTo(5);
    assertThat(s.medianSpacing()).isEqualTo(Duration.ofHours(1));
    assertThat(s.gapCount()).isEqualTo(1);
  }
}
