package io.quantzoo.report;

import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.run.RunInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The format-independent content of a report: every value already formatted as text (not yet
 * escaped), charts already rendered. The Markdown and HTML renderers only lay it out, so both
 * formats show the same numbers.
 */
final class ReportModel {

  /** Colour hint of a cell: positive (green), negative (red) or none. */
  enum Tone {
    NONE,
    POSITIVE,
    NEGATIVE;

    static Tone of(double v) {
      if (v > 0) {
        return POSITIVE;
      }
      return v < 0 ? NEGATIVE : NONE;
    }
  }

  /** One table cell: unescaped text plus a colour hint. */
  record Cell(String text, Tone tone) {
    static Cell of(String text) {
      return new Cell(text, Tone.NONE);
    }
  }

  /**
   * A table. {@code numeric[i]} right-aligns column i.
   *
   * @param id HTML id of the table element
   */
  record Table(String id, List<String> header, List<Boolean> numeric, List<List<Cell>> rows) {
    Table {
      header = List.copyOf(header);
      numeric = List.copyOf(numeric);
      rows = List.copyOf(rows);
      if (numeric.size() != header.size()) {
        throw new IllegalArgumentException("numeric flags must match header");
      }
    }
  }

  /** A chart section: heading, image (or a note when there is nothing to plot). */
  static final class ChartImage {
    private final String id;
    private final String heading;
    private final String alt;
    private final byte[] png;
    private final String emptyNote;

    /**
     * @param id short id, also the file suffix: {@code <runId>-<id>.png}
     * @param heading section heading
     * @param alt alternative text of the image
     * @param png the image, or null when there is nothing to plot
     * @param emptyNote what the section says when {@code png} is null
     */
    ChartImage(String id, String heading, String alt, byte[] png, String emptyNote) {
      this.id = id;
      this.heading = heading;
      this.alt = alt;
      this.png = png;
      this.emptyNote = emptyNote;
    }

    String id() {
      return id;
    }

    String heading() {
      return heading;
    }

    String alt() {
      return alt;
    }

    /** The PNG bytes (internal, do not modify), or null when there is nothing to plot. */
    byte[] png() {
      return png;
    }

    String emptyNote() {
      return emptyNote;
    }
  }

  static final int MAX_TRADE_ROWS = 1000;
  static final String NO_TRADES = "No trades.";
  static final String NO_EQUITY = "No equity data.";

  static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  final String runId;
  final String title;
  final Table provenance;
  final Table keyMetrics;
  final Table allMetrics;
  final List<ChartImage> charts;
  final Table monthly; // null when the curve is empty
  final Table trades; // null when there are no trades
  final int tradeCount;
  final int tradesOmitted;
  final String configYaml;
  final List<Section> sections; // extra sections after the summary (portfolios), may be empty

  /**
   * An extra section: a heading, an optional note and a table.
   *
   * @param id HTML id suffix
   * @param heading section heading
   * @param note text under the heading, or null
   * @param table the table
   */
  record Section(String id, String heading, String note, Table table) {}

  ReportModel(ReportInput in) {
    this(in, "Backtest report: ", List.of(), List.of());
  }

  /**
   * A report with extra sections after the summary and extra charts after the drawdown chart.
   *
   * @param titlePrefix e.g. {@code "Portfolio report: "}
   */
  ReportModel(
      ReportInput in, String titlePrefix, List<Section> sections, List<ChartImage> extraCharts) {
    RunInfo info = in.info();
    this.runId = info.runId();
    this.title = titlePrefix + runId;
    this.sections = List.copyOf(sections);
    this.provenance = provenance(in);
    this.keyMetrics = keyMetrics(in.metrics());
    this.allMetrics = allMetrics(in.metrics());
    List<ChartImage> base =
        List.of(
            new ChartImage(
                "equity",
                "Equity curve",
                "Equity curve of run " + runId,
                Charts.equity(in.equity()),
                NO_EQUITY),
            new ChartImage(
                "drawdown",
                "Drawdown",
                "Drawdown (underwater) chart of run " + runId,
                Charts.drawdown(in.equity()),
                NO_EQUITY),
            new ChartImage(
                "trade-pnl",
                "Trade P&L distribution",
                "Histogram of trade net P&L of run " + runId,
                Charts.tradePnl(in.trades()),
                NO_TRADES));
    List<ChartImage> all = new ArrayList<>(base.subList(0, 2));
    all.addAll(extraCharts);
    all.addAll(base.subList(2, base.size()));
    this.charts = List.copyOf(all);
    this.monthly = monthly(MonthlyReturns.of(in.equity(), in.initialCash()));
    this.tradeCount = in.trades().size();
    this.tradesOmitted = Math.max(0, tradeCount - MAX_TRADE_ROWS);
    this.trades = trades(in.trades());
    this.configYaml = info.configYaml();
  }

  private static Table provenance(ReportInput in) {
    RunInfo info = in.info();
    List<List<Cell>> rows = new ArrayList<>();
    addRow(rows, "Run id", info.runId());
    addRow(rows, "Strategy", info.strategy());
    addRow(rows, "Symbols", info.symbols());
    addRow(rows, "Status", info.status().dbName());
    addRow(rows, "Seed", Long.toString(info.seed()));
    addRow(rows, "Data fingerprint", info.dataFingerprint());
    addRow(rows, "Engine version", info.engineVersion());
    addRow(rows, "Kind", info.kind().dbName());
    addRow(rows, "Created at", Fmt.instant(info.createdAt()));
    addRow(rows, "Finished at", Fmt.instant(info.finishedAt()));
    addRow(
        rows,
        "Elapsed",
        info.elapsedMillis() < 0
            ? Fmt.NA
            : String.format(Locale.ROOT, "%,d ms", info.elapsedMillis()));
    if (!info.message().isEmpty()) {
      addRow(rows, "Message", info.message());
    }
    addRow(rows, "Report generated at", Fmt.instant(in.generatedAt()));
    return new Table("run-info", List.of("Field", "Value"), List.of(false, false), rows);
  }

  private static void addRow(List<List<Cell>> rows, String field, String value) {
    rows.add(List.of(Cell.of(field), Cell.of(value)));
  }

  private static Table keyMetrics(Map<String, Double> metrics) {
    List<List<Cell>> rows = new ArrayList<>();
    for (String name : MetricCatalog.KEY_METRICS) {
      Double v = metrics.get(name);
      if (v != null) {
        rows.add(metricRow(name, v));
      }
    }
    return new Table("key-metrics", List.of("Metric", "Value"), List.of(false, true), rows);
  }

  private static Table allMetrics(Map<String, Double> metrics) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      List<Cell> row = new ArrayList<>(metricRow(e.getKey(), e.getValue()));
      row.add(Cell.of(e.getKey()));
      rows.add(row);
    }
    return new Table(
        "all-metrics", List.of("Metric", "Value", "Name"), List.of(false, true, false), rows);
  }

  private static List<Cell> metricRow(String name, double value) {
    MetricCatalog.Spec spec = MetricCatalog.spec(name);
    return List.of(Cell.of(spec.label()), Cell.of(MetricCatalog.format(spec.unit(), value)));
  }

  private static Table monthly(MonthlyReturns returns) {
    if (returns.years().isEmpty()) {
      return null;
    }
    List<String> header = new ArrayList<>();
    header.add("");
    header.addAll(MONTHS);
    header.add("Year");
    List<Boolean> numeric = new ArrayList<>(Collections.nCopies(header.size(), true));
    numeric.set(0, false);
    List<List<Cell>> rows = new ArrayList<>();
    for (MonthlyReturns.YearRow y : returns.years()) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(Integer.toString(y.year())));
      for (double r : y.months()) {
        row.add(Double.isNaN(r) ? Cell.of("") : percentCell(r));
      }
      row.add(percentCell(y.yearReturn()));
      rows.add(row);
    }
    return new Table("monthly-returns", header, numeric, rows);
  }

  private static Cell percentCell(double fraction) {
    return new Cell(Fmt.fractionAsPercent(fraction), Tone.of(fraction));
  }

  private static Table trades(List<Trade> trades) {
    if (trades.isEmpty()) {
      return null;
    }
    List<String> header =
        List.of(
            "#",
            "Symbol",
            "Direction",
            "Qty",
            "Entry time (UTC)",
            "Exit time (UTC)",
            "Entry price",
            "Exit price",
            "Net P&L",
            "Return",
            "Bars",
            "MAE",
            "MFE",
            "Entry reason",
            "Exit reason");
    List<Boolean> numeric =
        List.of(
            true, false, false, true, false, false, true, true, true, true, true, true, true, false,
            false);
    List<List<Cell>> rows = new ArrayList<>();
    int shown = Math.min(trades.size(), MAX_TRADE_ROWS);
    for (int i = 0; i < shown; i++) {
      Trade t = trades.get(i);
      rows.add(
          List.of(
              Cell.of(Long.toString(t.tradeId())),
              Cell.of(t.symbol()),
              Cell.of(t.direction().name()),
              Cell.of(Fmt.plain(t.quantity(), 0)),
              Cell.of(Fmt.time(t.entryTimeMillis())),
              Cell.of(Fmt.time(t.exitTimeMillis())),
              Cell.of(Fmt.plain(t.entryPrice(), 2)),
              Cell.of(Fmt.plain(t.exitPrice(), 2)),
              new Cell(Fmt.grouped(t.netPnl(), 2), Tone.of(t.netPnl())),
              new Cell(Fmt.percent(t.returnPct()), Tone.of(t.returnPct())),
              Cell.of(Integer.toString(t.barsHeld())),
              Cell.of(Fmt.grouped(t.mae(), 2)),
              Cell.of(Fmt.grouped(t.mfe(), 2)),
              Cell.of(t.entryReason()),
              Cell.of(t.exitReason())));
    }
    return new Table("trades", header, numeric, rows);
  }

  /** The note under the trade heading when rows were cut, else null. */
  String tradesOmittedNote() {
    if (tradesOmitted == 0) {
      return null;
    }
    return "Showing the first "
        + Fmt.grouped(MAX_TRADE_ROWS, 0)
        + " of "
        + Fmt.grouped(tradeCount, 0)
        + " trades; "
        + Fmt.grouped(tradesOmitted, 0)
        + " omitted.";
  }
}
