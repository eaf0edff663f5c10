package io.quantzoo.report;

import java.util.Locale;

/** Output format of a report. */
public enum ReportFormat {
  /** {@code report-<runId>.md} plus the chart PNGs beside it. */
  MARKDOWN("md"),
  /** {@code report-<runId>.html}: one self-contained file, charts inlined as data URIs. */
  HTML("html");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension without the dot: {@code md} or {@code html}. */
  public String extension() {
    return extension;
  }

  /**
   * Parses a CLI-style format name: {@code md} or {@code markdown}, {@code html} or {@code htm}
   * (case-insensitive).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ReportFormat parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "md", "markdown" -> MARKDOWN;
      case "html", "htm" -> HTML;
      default ->
          throw new IllegalArgumentException(
              "unknown report format '" + name + "' (expected md or html)");
    };
  }
}
