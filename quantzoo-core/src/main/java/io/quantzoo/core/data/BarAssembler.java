package io.quantzoo.core.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles rows that a loader has already split into fields into one {@link BarSeries} per symbol,
 * applying the rules every loader shares, so that CSV, Parquet and any other format accept and
 * refuse the same data with the same messages.
 *
 * <p>Rules: the columns must include time, open, high, low and close ({@link #acceptColumns}); each
 * field must parse (the loader reports failures through {@link #badNumber}, {@link #badTime},
 * {@link #problem} and then {@link #rejectRow}); each bar must pass {@link BarRules#check}; and per
 * symbol, timestamps must strictly increase: a row whose timestamp repeats or goes back is bad, and
 * the earlier row is kept. Every problem is a {@link DataProblem} with the row's line number.
 *
 * <p>By default one problem refuses the whole input: {@link #finish()} throws a {@link
 * DataException} listing the first {@link LoadOptions#maxProblems()} problems. With {@link
 * LoadOptions#dropBadRows()}, bad rows are skipped and counted, and only an input without a single
 * good row is refused.
 *
 * <p>Typical use: {@code acceptColumns}, then per row either {@code add} or (after reporting its
 * problems) {@code rejectRow}, then {@code finish}. Not thread-safe.
 */
public final class BarAssembler {
  /** Field index of the time column, for {@link #columnName} and {@link #badNumber}. */
  public static final int TIME = 0;

  public static final int OPEN = 1;
  public static final int HIGH = 2;
  public static final int LOW = 3;
  public static final int CLOSE = 4;
  public static final int VOLUME = 5;
  public static final int SYMBOL = 6;

  /** Rule of a field that does not parse as a number. */
  public static final String RULE_NUMBER = "must be a number";

  /** Rule of a number field holding NaN or an infinity. */
  public static final String RULE_FINITE = "must be finite";

  /** Rule of an empty (or null) field. */
  public static final String RULE_NOT_EMPTY = "must not be empty";

  /** Rule of a time field that does not parse. */
  public static final String RULE_TIMESTAMP =
      "must be a timestamp (ISO-8601 date-time, yyyy-MM-dd, or epoch seconds or milliseconds)";

  private static final String[] CANONICAL = {
    "timestamp", "open", "high", "low", "close", "volume", "symbol"
  };

  private final String file;
  private final LoadOptions opts;
  private final String defaultSymbol;
  private final String[] columnNames = CANONICAL.clone();
  private final Map<String, Series> bySymbol = new LinkedHashMap<>();
  private final List<DataProblem> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private boolean symbolColumn;
  private int expectedRows = 1024;
  private Series last;
  private long problemCount;
  private long rowsRead;
  private long rowsBad;

  /** Per-symbol state: the bars so far and the last accepted row. */
  private static final class Series {
    final String symbol;
    final BarSeriesBuilder builder;
    long lastTime = Long.MIN_VALUE;
    long lastLine;

    Series(String symbol, int expectedRows) {
      this.symbol = symbol;
      builder = new BarSeriesBuilder(symbol, expectedRows);
    }
  }

  /**
   * @param file the file as the user named it, for messages and the default symbol
   * @param opts load options
   */
  public BarAssembler(String file, LoadOptions opts) {
    this.file = Objects.requireNonNull(file, "file");
    this.opts = Objects.requireNonNull(opts, "opts");
    this.defaultSymbol = opts.symbolFor(file);
  }

  /**
   * Takes the input's column layout: records a problem on line 1 for each required column that is
   * missing (naming it and listing the columns found), and notes for what is assumed (volume read
   * as 0, ignored columns, a symbol option the symbol column overrides).
   *
   * @return {@code true} if rows can be read; if {@code false}, throw {@link #refusal()}
   */
  public boolean acceptColumns(BarColumns columns) {
    List<String> names = columns.names();
    String found = String.join(", ", names.stream().map(n -> n.isEmpty() ? "''" : n).toList());
    boolean ok = true;
    for (String missing : columns.missing()) {
      String rule =
          missing.equals("timestamp")
              ? "a time column (timestamp, datetime, date, time or ts) must be present; columns"
                  + " found: "
                  + found
              : "required column must be present; columns found: " + found;
      problem(1, missing, rule, "");
      ok = false;
    }
    if (columns.time() >= 0
        && names.get(columns.time()).equalsIgnoreCase("date")
        && names.stream().anyMatch(n -> n.equalsIgnoreCase("time"))) {
      problem(
          1,
          "time",
          "date and time must be in one column (e.g. timestamp), were in two: date, time",
          "");
      ok = false;
    }
    if (!ok) {
      return false;
    }
    int[] idx = {
      columns.time(),
      columns.open(),
      columns.high(),
      columns.low(),
      columns.close(),
      columns.volume(),
      columns.symbol()
    };
    for (int f = 0; f < idx.length; f++) {
      columnNames[f] = idx[f] < 0 ? CANONICAL[f] : names.get(idx[f]);
    }
    if (columnNames[TIME].isEmpty()) {
      columnNames[TIME] = "column 1";
      notes.add("the unnamed first column is read as the time column");
    }
    if (columns.volume() < 0) {
      notes.add("no volume column: volume read as 0");
    }
    symbolColumn = columns.symbol() >= 0;
    if (symbolColumn && opts.symbol() != null) {
      notes.add("symbol column present: the symbol option " + opts.symbol() + " is not used");
    }
    List<String> ignored = columns.ignored();
    if (!ignored.isEmpty()) {
      notes.add("ignored columns: " + String.join(", ", ignored));
    }
    return true;
  }

  /** A hint: about how many rows the first symbol will have. */
  public void expectRows(int rows) {
    expectedRows = Math.max(16, rows);
  }

  /**
   * The name, as the input spells it, of field {@code field} ({@link #TIME} .. {@link #SYMBOL}).
   */
  public String columnName(int field) {
    return columnNames[field];
  }

  /** Adds a note to the result. */
  public void note(String note) {
    notes.add(Objects.requireNonNull(note, "note"));
  }

  /**
   * Adds one row whose fields parsed.
   *
   * @param line the row's 1-based line (or row) number, for messages
   * @param symbol the row's symbol, or {@code null} for the default (options or file name)
   * @return {@code true} if the row is good, {@code false} if it broke a bar or ordering rule (the
   *     problem is recorded)
   */
  public boolean add(
      long line,
      String symbol,
      long timeMillis,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    rowsRead++;
    Series s = series(symbol == null ? defaultSymbol : symbol);
    if (timeMillis == TimestampParser.INVALID) {
      problem(line, columnNames[TIME], RULE_TIMESTAMP, "");
      rowsBad++;
      return false;
    }
    String broken = BarRules.check(open, high, low, close, volume);
    if (broken != null) {
      barProblem(line, broken);
      rowsBad++;
      return false;
    }
    if (timeMillis <= s.lastTime) {
      orderProblem(line, s, timeMillis);
      rowsBad++;
      return false;
    }
    s.lastTime = timeMillis;
    s.lastLine = line;
    if (problemCount == 0 || opts.dropBadRows()) {
      s.builder.add(timeMillis, open, high, low, close, volume);
    }
    return true;
  }

  /** Counts a row that is bad before {@link #add} (its problems already recorded). */
  public void rejectRow() {
    rowsRead++;
    rowsBad++;
  }

  /**
   * Records a problem (kept if fewer than {@link LoadOptions#maxProblems()} are kept, always
   * counted). Does not count a row: call {@link #rejectRow()} once for the row afterwards.
   */
  public void problem(long line, String column, String rule, String value) {
    problemCount++;
    if (problems.size() < opts.maxProblems()) {
      problems.add(new DataProblem(file, line, column, rule, value));
    }
  }

  /** Whether another problem would be kept; if not, callers may skip building its text. */
  public boolean keepsMoreProblems() {
    return problems.size() < opts.maxProblems();
  }

  /**
   * Records a number field that did not give a finite number: empty ({@link #RULE_NOT_EMPTY}), NaN
   * or infinite ({@link #RULE_FINITE}), or not a number ({@link #RULE_NUMBER}).
   */
  public void badNumber(long line, int field, String text) {
    String t = text.strip();
    String rule;
    if (t.isEmpty()) {
      rule = RULE_NOT_EMPTY;
    } else if (isNonFinite(t)) {
      rule = RULE_FINITE;
    } else {
      rule = RULE_NUMBER;
    }
    problem(line, columnNames[field], rule, t);
  }

  /** Records a time field that did not parse. */
  public void badTime(long line, String text) {
    String t = text.strip();
    problem(line, columnNames[TIME], t.isEmpty() ? RULE_NOT_EMPTY : RULE_TIMESTAMP, t);
  }

  /** All problems recorded so far, kept or not. */
  public long problemCount() {
    return problemCount;
  }

  /**
   * The result.
   *
   * @throws DataException if any problem was found and bad rows are not dropped, if there was no
   *     data row, or if no row was good
   */
  public LoadResult finish() {
    return finish(false);
  }

  /** As {@link #finish()}; with {@code allowEmpty}, all-bad input gives a result with no series. */
  LoadResult finish(boolean allowEmpty) {
    if (problemCount > 0 && !opts.dropBadRows()) {
      throw refusal();
    }
    if (rowsRead == 0) {
      problem(0, "", "file must have at least one data row after the header", "");
      throw refusal();
    }
    List<BarSeries> out = new ArrayList<>(bySymbol.size());
    for (Series s : bySymbol.values()) {
      if (s.builder.size() > 0) {
        out.add(s.builder.build());
      }
    }
    if (out.isEmpty() && !allowEmpty) {
      problem(0, "", "file must have at least one valid data row", "0 of " + rowsRead);
      throw refusal();
    }
    return new LoadResult(out, rowsRead, rowsBad, problems, problemCount, notes);
  }

  /**
   * The exception that refuses the input: its message is {@code <file>: N problem(s) found; first
   * ones:} and then one {@link DataProblem#describe()} line per kept problem.
   */
  public DataException refusal() {
    StringBuilder sb =
        new StringBuilder(file)
            .append(": ")
            .append(problemCount)
            .append(" problem(s) found; first ones:");
    for (DataProblem p : problems) {
      sb.append('\n').append(p.describe());
    }
    return new DataException(sb.toString(), problems);
  }

  private Series series(String symbol) {
    Series s = last;
    if (s != null && s.symbol.equals(symbol)) {
      return s;
    }
    s = bySymbol.get(symbol);
    if (s == null) {
      s = new Series(symbol, bySymbol.isEmpty() ? expectedRows : 1024);
      bySymbol.put(symbol, s);
    }
    last = s;
    return s;
  }

  /** Splits a {@link BarRules} message into rule and value and finds the column it names. */
  private void barProblem(long line, String message) {
    if (!keepsMoreProblems()) {
      problemCount++;
      return;
    }
    String column = "";
    for (int f = OPEN; f <= VOLUME; f++) {
      if (message.startsWith(CANONICAL[f] + " ")) {
        column = columnNames[f];
      }
    }
    if (message.startsWith("prices")) {
      column = columnNames[LOW];
    }
    // "rule, was value", or "rule, low was value" for the price rule
    int was = message.indexOf(", was ");
    int comma = message.indexOf(", ");
    int subjectWas = message.indexOf(" was ", comma + 1);
    if (was > 0) {
      problem(line, column, message.substring(0, was), message.substring(was + 6));
    } else if (comma > 0 && subjectWas > 0) {
      problem(line, column, message.substring(0, comma), message.substring(subjectWas + 5));
    } else {
      problem(line, column, message, "");
    }
  }

  private void orderProblem(long line, Series s, long timeMillis) {
    if (!keepsMoreProblems()) {
      problemCount++;
      return;
    }
    String forSymbol = symbolColumn ? " for " + s.symbol : "";
    String rule =
        timeMillis == s.lastTime
            ? "timestamp must be unique" + forSymbol + ", same as line " + s.lastLine
            : "timestamps must increase"
                + forSymbol
                + ", line "
                + s.lastLine
                + " has "
                + Instant.ofEpochMilli(s.lastTime);
    problem(line, columnNames[TIME], rule, Instant.ofEpochMilli(timeMillis).toString());
  }

  private static boolean isNonFinite(String t) {
    try {
      return !Double.isFinite(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      String u = t.toLowerCase(Locale.ROOT);
      if (u.startsWith("-") || u.startsWith("+")) {
        u = u.substring(1);
      }
      return u.equals("nan") || u.equals("inf") || u.equals("infinity");
    }
  }
}
