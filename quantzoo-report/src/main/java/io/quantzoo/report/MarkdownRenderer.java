package io.quantzoo.report;

import java.util.List;

/**
 * Lays a {@link ReportModel} out as GitHub-flavoured Markdown. Charts are referenced as relative
 * links to PNG files beside the report. User text is escaped with {@link Fmt#md}; the config is in
 * a fenced code block longer than any backtick run inside it.
 */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  /** The chart PNG file name for {@code chartId}: {@code <runId>-<chartId>.png}. */
  static String chartFileName(String runId, String chartId) {
    return runId + "-" + chartId + ".png";
  }

  static String render(ReportModel m) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("# ").append(Fmt.md(m.title)).append("\n\n");
    table(b, m.provenance);

    b.append("## Summary\n\n");
    table(b, m.keyMetrics);
    b.append("### All metrics\n\n");
    table(b, m.allMetrics);

    for (ReportModel.Section sec : m.sections) {
      b.append("## ").append(Fmt.md(sec.heading())).append("\n\n");
      if (sec.note() != null) {
        b.append(Fmt.md(sec.note())).append("\n\n");
      }
      table(b, sec.table());
    }

    for (ReportModel.ChartImage c : m.charts) {
      b.append("## ").append(Fmt.md(c.heading())).append("\n\n");
      if (c.png() == null) {
        b.append("_").append(c.emptyNote()).append("_\n\n");
      } else {
        b.append("![")
            .append(Fmt.md(c.alt()))
            .append("](")
            .append(chartFileName(m.runId, c.id()))
            .append(")\n\n");
      }
    }

    b.append("## Monthly returns\n\n");
    if (m.monthly == null) {
      b.append("_").append(ReportModel.NO_EQUITY).append("_\n\n");
    } else {
      b.append(
          "Month-end equity over the previous month-end (the first month over the initial cash),"
              + " UTC calendar months; Year = the months compounded.\n\n");
      table(b, m.monthly);
    }

    b.append("## Trades\n\n");
    if (m.trades == null) {
      b.append("_").append(ReportModel.NO_TRADES).append("_\n\n");
    } else {
      String note = m.tradesOmittedNote();
      if (note != null) {
        b.append("_").append(note).append("_\n\n");
      }
      table(b, m.trades);
    }

    b.append("## Configuration\n\n");
    if (m.configYaml.isBlank()) {
      b.append("_No configuration recorded._\n");
    } else {
      String fence = Fmt.fence(m.configYaml);
      b.append(fence).append("yaml\n").append(m.configYaml);
      if (!m.configYaml.endsWith("\n")) {
        b.append('\n');
      }
      b.append(fence).append('\n');
    }
    return b.toString();
  }

  private static void table(StringBuilder b, ReportModel.Table t) {
    b.append('|');
    for (String h : t.header()) {
      b.append(' ').append(Fmt.md(h)).append(" |");
    }
    b.append("\n|");
    for (boolean numeric : t.numeric()) {
      b.append(numeric ? " ---: |" : " --- |");
    }
    b.append('\n');
    for (List<ReportModel.Cell> row : t.rows()) {
      b.append('|');
      for (ReportModel.Cell c : row) {
        b.append(' ').append(Fmt.md(c.text())).append(" |");
      }
      b.append('\n');
    }
    b.append('\n');
  }
}
