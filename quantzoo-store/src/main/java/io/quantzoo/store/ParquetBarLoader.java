package io.quantzoo.store;

import io.quantzoo.core.data.BarAssembler;
import io.quantzoo.core.data.BarColumns;
import io.quantzoo.core.data.DataException;
import io.quantzoo.core.data.DataProblem;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.data.LoadResult;
import io.quantzoo.core.data.TimestampParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads OHLCV bars from a Parquet file through an in-memory DuckDB connection.
 *
 * <p>Columns are found by name as {@link BarColumns} describes (case-insensitive; time column
 * {@code timestamp}, {@code datetime}, {@code date}, {@code time} or {@code ts}; {@code volume}
 * optional; symbol column {@code symbol} or {@code ticker}), and rows are validated by {@link
 * BarAssembler}, so the rules, messages, refuse-by-default behaviour and {@link
 * LoadOptions#dropBadRows()} are those of the CSV loader. The time column may be:
 *
 * <ul>
 *   <li>{@code TIMESTAMP} (any precision) or {@code DATE}: naive, read in {@link
 *       LoadOptions#zone()} (a date is midnight there);
 *   <li>{@code TIMESTAMP WITH TIME ZONE}: an instant, taken as is;
 *   <li>{@code VARCHAR}: parsed like a CSV field ({@link TimestampParser});
 *   <li>an integer or decimal number: epoch seconds if its absolute value is below {@code 1e11},
 *       else epoch milliseconds.
 * </ul>
 *
 * <p>Price and volume columns may be numbers or text. Problems carry the 1-based row number in the
 * file's order in place of a line number (the first data row is row 1: Parquet has no header line);
 * problems about the columns themselves are reported on row 1 like the CSV header's.
 *
 * <p>Each call opens and closes its own connection; the path is bound as a parameter, and column
 * names are quoted, so no file or column name is ever read as SQL.
 */
public final class ParquetBarLoader {
  private static final Set<String> INTEGER_TYPES =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT");
  private static final Set<String> DECIMAL_TYPES = Set.of("FLOAT", "REAL", "DOUBLE");

  /** How a column's values reach Java. */
  private enum Kind {
    /** Naive wall-clock time as epoch ms read as UTC, to be placed in the zone. */
    LOCAL_MILLIS,
    /** Epoch ms of an instant. */
    UTC_MILLIS,
    /** An integer epoch number (s or ms). */
    EPOCH_LONG,
    /** A decimal epoch number (s or ms), or a number field. */
    DOUBLE,
    /** Text, parsed in Java. */
    TEXT
  }

  private ParquetBarLoader() {}

  /**
   * Loads {@code file}.
   *
   * @return one series per symbol, with what was found
   * @throws DataException if the file is missing or not readable Parquet, lacks a required column,
   *     has a time column of an unusable type, has no row, or has any bad row (unless {@link
   *     LoadOptions#dropBadRows()}, then only if no row is good)
   */
  public static LoadResult load(Path file, LoadOptions opts) {
    String label = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new DataException(new DataProblem(label, 0, "", "file must exist", ""));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return load(c, file, label, opts);
    } catch (SQLException e) {
      throw new DataException(
          new DataProblem(
              label, 0, "", "file must be readable Parquet", String.valueOf(e.getMessage())));
    }
  }

  private static LoadResult load(Connection c, Path file, String label, LoadOptions opts)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM read_parquet(?) LIMIT 0")) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnName(i));
          types.add(md.getColumnTypeName(i).toUpperCase(Locale.ROOT));
        }
      }
    }
    BarAssembler asm = new BarAssembler(label, opts);
    BarColumns cols = BarColumns.resolve(names);
    if (!asm.acceptColumns(cols)) {
      throw asm.refusal();
    }
    int[] fieldColumns = {
      cols.time(), cols.open(), cols.high(), cols.low(), cols.close(), cols.volume()
    };
    Kind[] kinds = new Kind[fieldColumns.length];
    List<String> select = new ArrayList<>();
    for (int f = 0; f < fieldColumns.length; f++) {
      int col = fieldColumns[f];
      if (col < 0) {
        select.add("0.0");
        kinds[f] = Kind.DOUBLE;
        continue;
      }
      String type = types.get(col);
      String id = quote(names.get(col));
      Kind kind = f == BarAssembler.TIME ? timeKind(type) : numberKind(type);
      if (kind == null) {
        asm.problem(
            1,
            names.get(col),
            f == BarAssembler.TIME
                ? "time column must be TIMESTAMP, TIMESTAMP WITH TIME ZONE, DATE, VARCHAR or a"
                    + " number"
                : "column must be a number or VARCHAR",
            type);
        continue;
      }
      kinds[f] = kind;
      select.add(
          switch (kind) {
            case LOCAL_MILLIS -> "epoch_ms(CAST(" + id + " AS TIMESTAMP))";
            case UTC_MILLIS -> "epoch_ms(" + id + ")";
            case EPOCH_LONG -> "TRY_CAST(" + id + " AS BIGINT)";
            case DOUBLE -> "TRY_CAST(" + id + " AS DOUBLE)";
            case TEXT -> "CAST(" + id + " AS VARCHAR)";
          });
    }
    if (asm.problemCount() > 0) {
      throw asm.refusal();
    }
    boolean hasSymbol = cols.symbol() >= 0;
    if (hasSymbol) {
      select.add("CAST(" + quote(names.get(cols.symbol())) + " AS VARCHAR)");
    }
    String sql = "SELECT " + String.join(", ", select) + " FROM read_parquet(?)";
    TimestampParser times = new TimestampParser(opts.zone());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, file.toString());
      try (ResultSet rs = ps.executeQuery()) {
        double[] v = new double[fieldColumns.length];
        long row = 0;
        while (rs.next()) {
          row++;
          boolean bad = false;
          long t = readTime(rs, kinds[BarAssembler.TIME], times);
          if (t == TimestampParser.INVALID) {
            String raw = rs.getString(1);
            asm.badTime(row, raw == null ? "" : raw);
            bad = true;
          }
          for (int f = BarAssembler.OPEN; f <= BarAssembler.VOLUME; f++) {
            v[f] = readNumber(rs, f + 1, kinds[f]);
            if (!Double.isFinite(v[f])) {
              String text = rs.getString(f + 1);
              asm.badNumber(row, f, text == null ? "" : text);
              bad = true;
            }
          }
          String symbol = null;
          if (hasSymbol) {
            symbol = rs.getString(fieldColumns.length + 1);
            if (symbol == null || symbol.isBlank()) {
              asm.problem(
                  row, asm.columnName(BarAssembler.SYMBOL), BarAssembler.RULE_NOT_EMPTY, "");
              bad = true;
            } else {
              symbol = symbol.strip();
            }
          }
          if (bad) {
            asm.rejectRow();
          } else {
            asm.add(
                row,
                symbol,
                t,
                v[BarAssembler.OPEN],
                v[BarAssembler.HIGH],
                v[BarAssembler.LOW],
                v[BarAssembler.CLOSE],
                v[BarAssembler.VOLUME]);
          }
        }
      }
    }
    return asm.finish();
  }

  private static long readTime(ResultSet rs, Kind kind, TimestampParser times) throws SQLException {
    switch (kind) {
      case LOCAL_MILLIS, UTC_MILLIS, EPOCH_LONG -> {
        long x = rs.getLong(1);
        if (rs.wasNull()) {
          return TimestampParser.INVALID;
        }
        return kind == Kind.LOCAL_MILLIS
            ? times.localToUtcMillis(x)
            : kind == Kind.UTC_MILLIS ? x : TimestampParser.epochToMillis(x);
      }
      case DOUBLE -> {
        double x = rs.getDouble(1);
        return rs.wasNull() ? TimestampParser.INVALID : TimestampParser.epochToMillis(x);
      }
      case TEXT -> {
        String s = rs.getString(1);
        return s == null ? TimestampParser.INVALID : times.parse(s);
      }
    }
    throw new AssertionError(kind);
  }

  /** The column's finite value, or NaN if it is null, not a number, or not finite. */
  private static double readNumber(ResultSet rs, int index, Kind kind) throws SQLException {
    if (kind == Kind.TEXT) {
      String s = rs.getString(index);
      if (s == null) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    double x = rs.getDouble(index);
    return rs.wasNull() ? Double.NaN : x;
  }

  private static Kind timeKind(String type) {
    if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
      return Kind.UTC_MILLIS;
    }
    if (type.startsWith("TIMESTAMP") || type.equals("DATE")) {
      return Kind.LOCAL_MILLIS;
    }
    if (type.equals("VARCHAR")) {
      return Kind.TEXT;
    }
    if (INTEGER_TYPES.contains(type)) {
      return Kind.EPOCH_LONG;
    }
    if (DECIMAL_TYPES.contains(type) || type.startsWith("DECIMAL")) {
      return Kind.DOUBLE;
    }
    return null;
  }

  private static Kind numberKind(String type) {
    if (type.equals("VARCHAR")) {
      return Kind.TEXT;
    }
    if (INTEGER_TYPES.contains(type)
        || DECIMAL_TYPES.contains(type)
        || type.startsWith("DECIMAL")) {
      return Kind.DOUBLE;
    }
    return null;
  }

  /** A SQL identifier for a column name: double-quoted, inner quotes doubled. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
