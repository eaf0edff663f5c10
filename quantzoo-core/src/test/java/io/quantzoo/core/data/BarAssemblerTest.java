package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarAssemblerTest {
  private static final LoadOptions DROP = LoadOptions.defaults().withDropBadRows(true);

  private static BarAssembler assembler(LoadOptions opts, String... columns) {
    BarAssembler a = new BarAssembler("rows.parquet", opts);
    assertThat(a.acceptColumns(BarColumns.resolve(List.of(columns)))).isTrue();
    return a;
  }

  @Test
  void goodRowsBecomeOneSeriesPerSymbolInOrderOfFirstAppearance() {
    BarAssembler a =
        assembler(LoadOptions.defaults(), "ts", "symbol", "open", "high", "low", "close", "x");
    assertThat(a.add(1, "B", 1000, 1, 2, 0.5, 1.5, 0)).isTrue();
    assertThat(a.add(2, "A", 500, 1, 2, 0.5, 1.5, 0)).isTrue();
    assertThat(a.add(3, "B", 2000, 1, 2, 0.5, 1.75, 0)).isTrue();
    LoadResult r = a.finish();
    assertThat(r.series()).extracting(BarSeries::symbol).containsExactly("B", "A");
    assertThat(r.find("B").orElseThrow().closeArray()).containsExactly(1.5, 1.75);
    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.notes())
        .containsExactly("no volume column: volume read as 0", "ignored columns: x");
  }

  @Test
  void theDefaultSymbolComesFromTheFileName() {
    BarAssembler a = assembler(LoadOptions.defaults(), "date", "open", "high", "low", "close");
    a.add(1, null, 0, 1, 1, 1, 1, 0);
    assertThat(a.finish().single().symbol()).isEqualTo("ROWS");
  }

  @Test
  void problemsUseTheColumnNamesAsTheInputSpellsThem() {
    BarAssembler a = assembler(DROP, "Date", "Open", "High", "Low", "Close", "Volume");
    a.add(1, null, 1000, 1, 2, 0.5, 1.5, 0);
    a.add(2, null, 1000, 1, 2, 0.5, 1.5, 0);
    a.add(3, null, 2000, 1, 0.25, 0.5, 1.5, 0);
    a.badNumber(4, BarAssembler.VOLUME, " NaN ");
    a.rejectRow();
    a.badTime(5, "");
    a.rejectRow();
    LoadResult r = a.finish();
    assertThat(r.problems())
        .containsExactly(
            new DataProblem(
                "rows.parquet",
                2,
                "Date",
                "timestamp must be unique, same as line 1",
                "1970-01-01T00:00:01Z"),
            new DataProblem(
                "rows.parquet", 3, "High", "high must be >= low", "high 0.25 < low 0.5"),
            new DataProblem("rows.parquet", 4, "Volume", "must be finite", "NaN"),
            new DataProblem("rows.parquet", 5, "Date", "must not be empty", ""));
    assertThat(r.rowsRead()).isEqualTo(5);
    assertThat(r.rowsDropped()).isEqualTo(4);
    assertThat(r.single().size()).isEqualTo(1);
  }

  @Test
  void anInvalidTimeIsABadRow() {
    BarAssembler a = assembler(LoadOptions.defaults(), "time", "open", "high", "low", "close");
    assertThat(a.add(7, null, TimestampParser.INVALID, 1, 1, 1, 1, 0)).isFalse();
    DataException e = assertThrows(DataException.class, a::finish);
    assertThat(e.problems()).extracting(DataProblem::line).containsExactly(7L);
  }

  @Test
  void missingColumnsAreProblemsOnLine1() {
    BarAssembler a = new BarAssembler("x.csv", LoadOptions.defaults());
    assertThat(a.acceptColumns(BarColumns.resolve(List.of("time", "open", "close")))).isFalse();
    DataException e = a.refusal();
    assertThat(e.problems())
        .extracting(DataProblem::line, DataProblem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "high"),
            org.assertj.core.groups.Tuple.tuple(1L, "low"));
    assertThat(e.getMessage())
        .isEqualTo(
            "x.csv: 2 problem(s) found; first ones:\n"
                + "x.csv:1: column 'high': required column must be present; columns found: time,"
                + " open, close\n"
                + "x.csv:1: column 'low': required column must be present; columns found: time,"
                + " open, close");
  }
}
