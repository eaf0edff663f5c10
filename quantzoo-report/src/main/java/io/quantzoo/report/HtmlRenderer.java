package io.quantzoo.report;

import java.util.Base64;
import java.util.List;

/**
 * Lays a {@link ReportModel} out as one self-contained HTML5 file: inline CSS, charts as {@code
 * data:image/png;base64} images, no script, no web font and no external reference of any kind. A
 * Content-Security-Policy meta tag ({@code default-src 'none'}) makes the browser refuse any
 * network load, should one ever slip in. Every text is escaped with {@link Fmt#html}.
 */
final class HtmlRenderer {
  private HtmlRenderer() {}

  static final String CSS =
      """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
             sans-serif; margin: 0; padding: 24px 32px; color: #1d2430; background: #fff;
             line-height: 1.4; }
      main { max-width: 1280px; margin: 0 auto; }
      h1 { font-size: 1.6em; margin: 0 0 12px; }
      h2 { font-size: 1.25em; margin: 32px 0 10px; padding-bottom: 4px;
           border-bottom: 1px solid #d8dde6; }
      h3 { font-size: 1.05em; margin: 20px 0 8px; }
      table { border-collapse: collapse; font-size: 0.88em; margin: 4px 0 12px; }
      th, td { border: 1px solid #d8dde6; padding: 3px 8px; vertical-align: top; }
      th { background: #f2f4f8; text-align: left; font-weight: 600; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.pos { color: #1b6e20; }
      td.neg { color: #b71c1c; }
      #trades td { white-space: nowrap; }
      #trades td:nth-last-child(-n+2) { white-space: normal; min-width: 8em; }
      #monthly-returns td.pos { background: #e8f5e9; }
      #monthly-returns td.neg { background: #fdecea; }
      .scroll { overflow-x: auto; }
      .summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
      img.chart { display: block; max-width: 100%; height: auto; border: 1px solid #e4e7ec; }
      .note, .empty { color: #5b6472; font-style: italic; }
      pre { background: #f6f8fa; border: 1px solid #d8dde6; padding: 12px; overflow-x: auto;
            font-size: 0.85em; }
      footer { margin-top: 32px; color: #5b6472; font-size: 0.85em; }
      """;

  static String render(ReportModel m) {
    StringBuilder b = new StringBuilder(256 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " img-src data:; style-src 'unsafe-inline'\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<title>").append(Fmt.html(m.title)).append("</title>\n");
    b.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");

    b.append("<h1>").append(Fmt.html(m.title)).append("</h1>\n");
    table(b, m.provenance);

    b.append("<h2 id=\"summary\">Summary</h2>\n");
    table(b, m.keyMetrics);
    b.append("<h3>All metrics</h3>\n");
    table(b, m.allMetrics);

    for (ReportModel.Section sec : m.sections) {
      b.append("<h2 id=\"section-").append(sec.id()).append("\">");
      b.append(Fmt.html(sec.heading())).append("</h2>\n");
      if (sec.note() != null) {
        b.append("<p class=\"note\">").append(Fmt.html(sec.note())).append("</p>\n");
      }
      table(b, sec.table());
    }

    for (ReportModel.ChartImage c : m.charts) {
      b.append("<h2 id=\"section-").append(c.id()).append("\">");
      b.append(Fmt.html(c.heading())).append("</h2>\n");
      if (c.png() == null) {
        empty(b, c.emptyNote());
      } else {
        b.append("<img class=\"chart\" id=\"chart-")
            .append(c.id())
            .append("\" width=\"")
            .append(Charts.WIDTH)
            .append("\" height=\"")
            .append(Charts.HEIGHT)
            .append("\" alt=\"")
            .append(Fmt.html(c.alt()))
            .append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(c.png()))
            .append("\">\n");
      }
    }

    b.append("<h2 id=\"section-monthly\">Monthly returns</h2>\n");
    if (m.monthly == null) {
      empty(b, ReportModel.NO_EQUITY);
    } else {
      b.append(
          "<p class=\"note\">Month-end equity over the previous month-end (the first month over"
              + " the initial cash), UTC calendar months; Year = the months compounded.</p>\n");
      table(b, m.monthly);
    }

    b.append("<h2 id=\"section-trades\">Trades</h2>\n");
    if (m.trades == null) {
      empty(b, ReportModel.NO_TRADES);
    } else {
      String note = m.tradesOmittedNote();
      if (note != null) {
        b.append("<p class=\"note\" id=\"trades-omitted\">")
            .append(Fmt.html(note))
            .append("</p>\n");
      }
      table(b, m.trades);
    }

    b.append("<h2 id=\"section-config\">Configuration</h2>\n");
    if (m.configYaml.isBlank()) {
      empty(b, "No configuration recorded.");
    } else {
      b.append("<pre><code class=\"language-yaml\">")
          .append(Fmt.html(m.configYaml))
          .append("</code></pre>\n");
    }
    b.append("<footer>Generated by QuantZoo. Times are UTC.</footer>\n");
    b.append("</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void empty(StringBuilder b, String text) {
    b.append("<p class=\"empty\">").append(Fmt.html(text)).append("</p>\n");
  }

  private static void table(StringBuilder b, ReportModel.Table t) {
    b.append("<div class=\"scroll\"><table id=\"").append(t.id()).append("\">\n<thead><tr>");
    for (int i = 0; i < t.header().size(); i++) {
      b.append(t.numeric().get(i) ? "<th class=\"num\">" : "<th>");
      b.append(Fmt.html(t.header().get(i))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<ReportModel.Cell> row : t.rows()) {
      b.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        ReportModel.Cell c = row.get(i);
        String cls = t.numeric().get(i) ? "num" : "";
        if (c.tone() == ReportModel.Tone.POSITIVE) {
          cls += " pos";
        } else if (c.tone() == ReportModel.Tone.NEGATIVE) {
          cls += " neg";
        }
        cls = cls.trim();
        b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">");
        b.append(Fmt.html(c.text())).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
  }
}
