package io.quantzoo.report;

import io.quantzoo.core.engine.EquityCurve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A report of an analysis (a parameter sweep, a walk-forward, a portfolio, a leaderboard) built
 * from sections: key/value tables, tables, heatmaps, equity charts and preformatted text. Renders a
 * self-contained HTML file (inline CSS, charts as data URIs, no scripts) and a Markdown file with
 * the same tables. Deterministic: no clock reads.
 */
public final class AnalysisReport {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String title;
  private final List<Section> sections = new ArrayList<>();

  private sealed interface Section permits KeyValues, Table, Heatmap, Chart, Text {}

  private record KeyValues(String heading, Map<String, String> rows) implements Section {}

  private record Table(
      String heading, String id, List<String> header, List<List<String>> rows, String note)
      implements Section {}

  private record Heatmap(
      String heading,
      String xName,
      String yName,
      List<String> xLabels,
      List<String> yLabels,
      double[][] cells,
      String note)
      implements Section {}

  private record Chart(String heading, byte[] png) implements Section {}

  private record Text(String heading, String text) implements Section {}

  public AnalysisReport(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /** A two-column table of labels and values. */
  public AnalysisReport keyValues(String heading, Map<String, String> rows) {
    sections.add(new KeyValues(heading, rows));
    return this;
  }

  /**
   * A table. Cells that parse as numbers are right-aligned; numbers starting with '-' are red and
   * positive percentages green.
   */
  public AnalysisReport table(
      String heading, String id, List<String> header, List<List<String>> rows, String note) {
    sections.add(new Table(heading, id, List.copyOf(header), List.copyOf(rows), note));
    return this;
  }

  /**
   * A heatmap: {@code cells[y][x]}, NaN for an empty cell; colour from red (lowest) to green
   * (highest).
   */
  public AnalysisReport heatmap(
      String heading,
      String xName,
      String yName,
      List<String> xLabels,
      List<String> yLabels,
      double[][] cells,
      String note) {
    sections.add(new Heatmap(heading, xName, yName, xLabels, yLabels, cells, note));
    return this;
  }

  /** An equity chart (HTML only; the Markdown notes it), nothing for an empty curve. */
  public AnalysisReport equity(String heading, EquityCurve curve) {
    byte[] png = Charts.equity(curve);
    if (png != null) {
      sections.add(new Chart(heading, png));
    }
    return this;
  }

  /** Preformatted text (e.g. a configuration). */
  public AnalysisReport text(String heading, String text) {
    sections.add(new Text(heading, text));
    return this;
  }

  /** Formats a number with fixed decimals ("n/a" for NaN, "inf" for infinity). */
  public static String num(double v, int decimals) {
    return Fmt.fixed(v, decimals);
  }

  /** The HTML document. */
  public String html() {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " img-src data:; style-src 'unsafe-inline'\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<title>").append(Fmt.html(title)).append("</title>\n");
    b.append("<style>\n").append(HtmlRenderer.CSS);
    b.append("table.heatmap td { text-align: right; min-width: 3.5em; }\n");
    b.append("</style>\n</head>\n<body>\n<main>\n");
    b.append("<h1>").append(Fmt.html(title)).append("</h1>\n");
    for (Section s : sections) {
      switch (s) {
        case KeyValues kv -> {
          heading(b, kv.heading());
          b.append("<table>\n");
          kv.rows()
              .forEach((k, v) ->
                  b.append("<tr><th>")
                      .append(Fmt.html(k))
                      .append("</th><td")
                      .append(numeric(v) ? " class=\"num\"" : "")
                      .append('>')
                      .append(Fmt.html(v))
                      .append("</td></tr>\n"));
          b.append("</table>\n");
        }
        case Table t -> {
          heading(b, t.heading());
          if (t.note() != null && !t.note().isEmpty()) {
            b.append("<p class=\"note\">").append(Fmt.html(t.note())).append("</p>\n");
          }
          b.append("<div class=\"scroll\"><table id=\"").append(Fmt.html(t.id())).append("\">\n");
          b.append("<tr>");
          for (String h : t.header()) {
            b.append("<th>").append(Fmt.html(h)).append("</th>");
          }
          b.append("</tr>\n");
          for (List<String> row : t.rows()) {
            b.append("<tr>");
            for (String c : row) {
              b.append("<td").append(cellClass(c)).append('>').append(Fmt.html(c)).append("</td>");
            }
            b.append("</tr>\n");
          }
          b.append("</table></div>\n");
        }
        case Heatmap h -> heatmapHtml(b, h);
        case Chart c -> {
          heading(b, c.heading());
          b.append("<img class=\"chart\" alt=\"")
              .append(Fmt.html(c.heading()))
              .append("\" src=\"data:image/png;base64,")
              .append(Base64.getEncoder().encodeToString(c.png()))
              .append("\">\n");
        }
        case Text t -> {
          heading(b, t.heading());
          b.append("<pre>").append(Fmt.html(t.text())).append("</pre>\n");
        }
      }
    }
    b.append("<footer>QuantZoo</footer>\n</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void heatmapHtml(StringBuilder b, Heatmap h) {
    heading(b, h.heading());
    if (h.note() != null && !h.note().isEmpty()) {
      b.append("<p class=\"note\">").append(Fmt.html(h.note())).append("</p>\n");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : h.cells()) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    b.append("<div class=\"scroll\"><table class=\"heatmap\" id=\"heatmap\">\n<tr><th>")
        .append(Fmt.html(h.yName()))
        .append(" \\ ")
        .append(Fmt.html(h.xName()))
        .append("</th>");
    for (String x : h.xLabels()) {
      b.append("<th class=\"num\">").append(Fmt.html(x)).append("</th>");
    }
    b.append("</tr>\n");
    for (int y = 0; y < h.yLabels().size(); y++) {
      b.append("<tr><th class=\"num\">").append(Fmt.html(h.yLabels().get(y))).append("</th>");
      for (int x = 0; x < h.xLabels().size(); x++) {
        double v = h.cells()[y][x];
        if (!Double.isFinite(v)) {
          b.append("<td></td>");
          continue;
        }
        double f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        int hue = (int) Math.round(f * 120); // 0 red .. 120 green
        b.append("<td style=\"background:hsl(")
            .append(hue)
            .append(",65%,80%)\" title=\"")
            .append(
                Fmt.html(
                    h.xName()
                        + "="
                        + h.xLabels().get(x)
                        + ", "
                        + h.yName()
                        + "="
                        + h.yLabels().get(y)))
            .append("\">")
            .append(Fmt.fixed(v, 3))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table></div>\n");
  }

  /** The Markdown document (charts are HTML-only and noted). */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(md(title)).append("\n\n");
    for (Section s : sections) {
      switch (s) {
        case KeyValues kv -> {
          b.append("## ").append(md(kv.heading())).append("\n\n| | |\n| --- | --- |\n");
          kv.rows()
              .forEach((k, v) ->
                  b.append("| ").append(md(k)).append(" | ").append(md(v)).append(" |\n"));
          b.append('\n');
        }
        case Table t -> {
          b.append("## ").append(md(t.heading())).append("\n\n");
          if (t.note() != null && !t.note().isEmpty()) {
            b.append('_').append(md(t.note())).append("_\n\n");
          }
          b.append(markdownTable(t.header(), t.rows())).append('\n');
        }
        case Heatmap h -> {
          b.append("## ").append(md(h.heading())).append("\n\n");
          List<String> header = new ArrayList<>();
          header.add(h.yName() + " \\ " + h.xName());
          header.addAll(h.xLabels());
          row(b, header);
          b.append("|").append(" --- |".repeat(header.size())).append('\n');
          for (int y = 0; y < h.yLabels().size(); y++) {
            List<String> r = new ArrayList<>();
            r.add(h.yLabels().get(y));
            for (int x = 0; x < h.xLabels().size(); x++) {
              double v = h.cells()[y][x];
              r.add(Double.isFinite(v) ? Fmt.fixed(v, 3) : "");
            }
            row(b, r);
          }
          b.append('\n');
        }
        case Chart c ->
            b.append("## ").append(md(c.heading())).append("\n\n_(chart in the HTML report)_\n\n");
        case Text t ->
            b.append("## ")
                .append(md(t.heading()))
                .append("\n\n```\n")
                .append(t.text())
                .append(t.text().endsWith("\n") ? "" : "\n")
                .append("```\n\n");
      }
    }
    return b.toString();
  }

  /**
   * Writes {@code <name>.html} and {@code <name>.md} into {@code dir} (created if missing).
   *
   * @return the two files
   */
  public List<Path> write(Path dir, String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe file name: " + name);
    }
    try {
      Files.createDirectories(dir);
      Path html = dir.resolve(name + ".html");
      Path md = dir.resolve(name + ".md");
      Files.writeString(html, html(), StandardCharsets.UTF_8);
      Files.writeString(md, markdown(), StandardCharsets.UTF_8);
      return List.of(html, md);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void heading(StringBuilder b, String h) {
    String id = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    b.append("<h2 id=\"").append(Fmt.html(id)).append("\">").append(Fmt.html(h)).append("</h2>\n");
  }

  /** A Markdown table: header row, separator, rows; {@code |} in cells escaped. */
  public static String markdownTable(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    row(b, header);
    b.append("|").append(" --- |".repeat(header.size())).append('\n');
    rows.forEach(r -> row(b, r));
    return b.toString();
  }

  private static void row(StringBuilder b, List<String> cells) {
    b.append('|');
    for (String c : cells) {
      b.append(' ').append(md(c)).append(" |");
    }
    b.append('\n');
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static boolean numeric(String s) {
    return s.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?|n/a|inf|-inf");
  }

  private static String cellClass(String c) {
    if (!numeric(c)) {
      return "";
    }
    if (c.startsWith("-") && !c.equals("-inf")) {
      return " class=\"num neg\"";
    }
    return " class=\"num\"";
  }
}
