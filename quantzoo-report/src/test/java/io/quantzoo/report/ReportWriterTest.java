package io.quantzoo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.run.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Pattern IMG_DATA =
      Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  @TempDir Path dir;

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void writesBothFormatsWithChartsBesideTheMarkdown() {
    List<Path> files = ReportWriter.write(Fixtures.input(), dir, EnumSet.allOf(ReportFormat.class));
    assertThat(files)
        .containsExactly(
            dir.resolve("report-run-42.md"),
            dir.resolve("run-42-equity.png"),
            dir.resolve("run-42-drawdown.png"),
            dir.resolve("run-42-trade-pnl.png"),
            dir.resolve("report-run-42.html"));
    for (Path f : files) {
      assertThat(f).isRegularFile();
    }
    for (Path png : files.subList(1, 4)) {
      assertThat(png).binaryContent().startsWith(PNG_MAGIC);
    }
    // No temp files left behind.
    assertThat(dir.toFile().list()).hasSize(5);
  }

  @Test
  void markdownHasTheSectionsInOrderAndExactValues() throws IOException {
    ReportWriter.write(Fixtures.input(), dir, Set.of(ReportFormat.MARKDOWN));
    String md = read(dir.resolve("report-run-42.md"));

    assertThat(md).startsWith("# Backtest report: run-42\n");
    assertThat(md)
        .containsSubsequence(
            "# Backtest report: run-42",
            "| Run id | run-42 |",
            "| Strategy | SMA Cross &lt;fast & slow&gt; |",
            "| Symbols | AAPL,MSFT |",
            "| Status | completed |",
            "| Seed | 7 |",
            "| Data fingerprint | sha256:abc123 |",
            "| Engine version | 0.1.0-SNAPSHOT |",
            "## Summary",
            "### All metrics",
            "## Equity curve",
            "## Drawdown",
            "## Trade P&L distribution",
            "## Monthly returns",
            "## Trades",
            "## Configuration");
    assertThat(md)
        .contains("| Created at | 2024-03-31 22:15:00 UTC |")
        .contains("| Elapsed | 3,210 ms |")
        .contains("| Report generated at | 2024-04-01 12:00:00 UTC |");

    // Key metrics first, in the fixed order; NaN prints as n/a; -0.004 does not print as -0.00.
    assertThat(md)
        .contains(
            """
            | Metric | Value |
            | --- | ---: |
            | Total return | 16.42% |
            | CAGR | n/a |
            | Sharpe ratio | 1.23 |
            | Sortino ratio | 0.00 |
            | Max drawdown | 4.00% |
            | Trades | 3 |
            | Win rate | 33.33% |
            | Profit factor | 3.12 |
            | Final equity | 1,164.24 |
            """);
    // All metrics with labels, units and the raw name; unknown metrics still print.
    assertThat(md)
        .contains("| Total commission | 1,234,567.89 | total\\_commission |")
        .contains("| Max drawdown duration | 15 bars | max\\_drawdown\\_duration\\_bars |")
        .contains(
            "| Max drawdown duration (calendar) | 20.5 days | max\\_drawdown\\_duration\\_days |")
        .contains("| Recovery from deepest drawdown | n/a | recovery\\_bars |")
        .contains("| Average bars held | 3 bars | avg\\_bars\\_held |")
        .contains("| Periods per year | 252 | periods\\_per\\_year |")
        .contains("| Buy & hold return | 10.00% | buy\\_and\\_hold\\_return\\_pct |")
        .contains("| Custom edge | 1.50% | custom\\_edge\\_pct |");

    assertThat(md)
        .contains("![Equity curve of run run-42](run-42-equity.png)")
        .contains("![Drawdown (underwater) chart of run run-42](run-42-drawdown.png)")
        .contains("![Histogram of trade net P&L of run run-42](run-42-trade-pnl.png)");

    // Monthly returns: see MonthlyReturnsTest for the arithmetic.
    assertThat(md)
        .contains(
            "|  | Jan | Feb | Mar | Apr | May | Jun | Jul | Aug | Sep | Oct | Nov | Dec | Year |\n")
        .contains("| 2023 |" + "  |".repeat(10) + " 5.00% | -4.00% | 0.80% |\n")
        .contains("| 2024 | 10.00% |  | 5.00% |" + "  |".repeat(9) + " 15.50% |\n");

    // Trade list: UTC times (seconds only when non-zero), prices, escaped tags and pipes.
    assertThat(md)
        .contains(
            "| 1 | AAPL | LONG | 100 | 2024-01-02 14:30 | 2024-01-05 21:00 | 185.50 | 190.25 |"
                + " 473.00 | 2.55% | 3 | -120.50 | 600.00 |"
                + " &lt;script&gt;alert(1)&lt;/script&gt; | TakeProfit |\n")
        .contains(
            "| 2 | MSFT | SHORT | 10.5 | 2024-02-01 15:00:30 | 2024-02-09 20:00 | 402.125 |"
                + " 416.435 | -151.76 | -3.59% | 6 | -210.00 | 35.75 | cross\\|down | StopLoss |\n")
        .contains(
            "| 3 | AAPL | LONG | 50 | 2024-03-04 14:30 | 2024-03-04 21:00 | 175.00 | 175.00 |"
                + " 0.00 | 0.00% | 0 | -12.00 | 8.00 | entry | EndOfData |\n");
    assertThat(md).doesNotContain("omitted");

    // The config is verbatim inside a fenced code block (code is never rendered as HTML), and it
    // is the only place where raw markup appears.
    String fenced = "```yaml\n" + Fixtures.CONFIG + "```\n";
    assertThat(md).endsWith(fenced);
    assertThat(md.substring(0, md.length() - fenced.length())).doesNotContain("<script", "<b>");
  }

  @Test
  void htmlIsSelfContainedEscapedAndHasThreeImages() throws IOException {
    ReportWriter.write(Fixtures.input(), dir, Set.of(ReportFormat.HTML));
    assertThat(dir.toFile().list()).containsExactly("report-run-42.html");
    String html = read(dir.resolve("report-run-42.html"));

    assertThat(html).contains("<title>Backtest report: run-42</title>");
    // No external references: no http(s) or protocol-relative URL in any src/href, no scripts,
    // no stylesheet links, no CSS imports or url() loads.
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)");
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("<script", "<link", "@import", "url(", "<iframe", "<object");
    // Escaping of user strings: tags, strategy name, config.
    assertThat(html)
        .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
        .contains("<td>SMA Cross &lt;fast &amp; slow&gt;</td>")
        .contains("note: &quot;&lt;/code&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;");

    Matcher m = IMG_DATA.matcher(html);
    List<byte[]> images = new ArrayList<>();
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    assertThat(images).hasSize(3);
    assertThat(Pattern.compile("<img ").matcher(html).results().count()).isEqualTo(3);
    for (byte[] png : images) {
      assertThat(png).startsWith(PNG_MAGIC);
    }
    assertThat(html)
        .contains("id=\"chart-equity\"", "id=\"chart-drawdown\"", "id=\"chart-trade-pnl\"")
        .contains("<table id=\"monthly-returns\">", "<table id=\"trades\">")
        .contains("<td class=\"num pos\">5.00%</td><td class=\"num neg\">-4.00%</td>")
        .containsSubsequence(
            "id=\"summary\"",
            "id=\"section-equity\"",
            "id=\"section-drawdown\"",
            "id=\"section-trade-pnl\"",
            "id=\"section-monthly\"",
            "id=\"section-trades\"",
            "id=\"section-config\"");
  }

  @Test
  void emptyTradesAndOnePointCurveDoNotCrash() throws IOException {
    EquityCurve one =
        Fixtures.curve(new long[] {Fixtures.t("2024-05-17T00:00:00Z")}, new double[] {1000});
    ReportInput in =
        new ReportInput(Fixtures.info(""), Map.of(), one, List.of(), 1000, Fixtures.GENERATED_AT);
    List<Path> files = ReportWriter.write(in, dir, EnumSet.allOf(ReportFormat.class));
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "report-run-42.md", "run-42-equity.png", "run-42-drawdown.png", "report-run-42.html");

    String md = read(dir.resolve("report-run-42.md"));
    assertThat(md)
        .containsSubsequence(
            "## Trade P&L distribution", "_No trades._", "## Trades", "_No trades._")
        .contains("| 2024 |" + "  |".repeat(4) + " 0.00% |" + "  |".repeat(7) + " 0.00% |")
        .contains("_No configuration recorded._")
        .doesNotContain("run-42-trade-pnl.png");

    String html = read(dir.resolve("report-run-42.html"));
    assertThat(html)
        .contains("<p class=\"empty\">No trades.</p>")
        .doesNotContain("<table id=\"trades\">");
    assertThat(IMG_DATA.matcher(html).results().count()).isEqualTo(2);
  }

  @Test
  void emptyCurveSaysNoEquityData() throws IOException {
    EquityCurve empty = Fixtures.curve(new long[0], new double[0]);
    ReportInput in =
        new ReportInput(
            Fixtures.info("a: 1\n"), Map.of(), empty, List.of(), 1000, Fixtures.GENERATED_AT);
    List<Path> files = ReportWriter.write(in, dir, EnumSet.allOf(ReportFormat.class));
    assertThat(files).hasSize(2);
    String md = read(dir.resolve("report-run-42.md"));
    assertThat(md)
        .containsSubsequence(
            "## Equity curve",
            "_No equity data._",
            "## Drawdown",
            "_No equity data._",
            "## Monthly returns",
            "_No equity data._",
            "## Trades",
            "_No trades._");
    assertThat(read(dir.resolve("report-run-42.html"))).doesNotContain("<img ");
  }

  @Test
  void tradeListIsCappedWithANote() throws IOException {
    ReportInput in =
        new ReportInput(
            Fixtures.info(""),
            Map.of(),
            Fixtures.randomWalk(500, 1),
            Fixtures.manyTrades(1005),
            100_000,
            Fixtures.GENERATED_AT);
    ReportWriter.write(in, dir, EnumSet.allOf(ReportFormat.class));
    String note = "Showing the first 1,000 of 1,005 trades; 5 omitted.";
    String md = read(dir.resolve("report-run-42.md"));
    assertThat(md).contains("_" + note + "_").contains("| 1000 | BTC-USD |");
    assertThat(md).doesNotContain("| 1001 | BTC-USD |");
    String html = read(dir.resolve("report-run-42.html"));
    assertThat(html).contains(note);
    String table = html.substring(html.indexOf("<table id=\"trades\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(Pattern.compile("<tr>").matcher(table).results().count()).isEqualTo(1001);
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void millionBarCurveIsDownsampledForCharts() throws IOException {
    ReportInput in =
        new ReportInput(
            Fixtures.info(""),
            Map.of(),
            Fixtures.randomWalk(1_000_000, 7),
            List.of(),
            100_000,
            Fixtures.GENERATED_AT);
    // The charts plot at most 2,000 points each, so this takes about a second (mostly building
    // the curve); the timeout is generous for shared CI machines.
    ReportWriter.write(in, dir, Set.of(ReportFormat.HTML));
    // ~114 years of hourly bars -> one monthly row per year; the file stays small.
    assertThat(Files.size(dir.resolve("report-run-42.html"))).isLessThan(2_000_000);
  }

  @Test
  void outputIsIndependentOfDefaultTimeZoneAndLocale() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    ReportWriter.write(Fixtures.input(), a, EnumSet.allOf(ReportFormat.class));
    TimeZone tz = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Locale.setDefault(Locale.GERMANY);
      ReportWriter.write(Fixtures.input(), b, EnumSet.allOf(ReportFormat.class));
    } finally {
      TimeZone.setDefault(tz);
      Locale.setDefault(locale);
    }
    for (String name : a.toFile().list()) {
      assertThat(b.resolve(name)).as(name).hasSameBinaryContentAs(a.resolve(name));
    }
  }

  @Test
  void rejectsUnsafeRunIdsAndEmptyFormats() {
    RunInfo base = Fixtures.info("");
    RunInfo evil =
        new RunInfo(
            "../etc/passwd",
            base.kind(),
            base.strategy(),
            base.symbols(),
            base.configYaml(),
            base.seed(),
            base.dataFingerprint(),
            base.engineVersion(),
            base.status(),
            base.createdAt(),
            base.finishedAt(),
            base.elapsedMillis(),
            base.message());
    ReportInput in =
        new ReportInput(
            evil, Map.of(), Fixtures.monthlyCurve(), List.of(), 1000, Fixtures.GENERATED_AT);
    assertThatThrownBy(() -> ReportWriter.write(in, dir, Set.of(ReportFormat.HTML)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportWriter.write(Fixtures.input(), dir, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inputValidation() {
    EquityCurve backwards =
        Fixtures.curve(
            new long[] {Fixtures.t("2024-02-01T00:00:00Z"), Fixtures.t("2024-01-01T00:00:00Z")},
            new double[] {1, 2});
    assertThatThrownBy(() ->
            new ReportInput(
                Fixtures.info(""), Map.of(), backwards, List.of(), 1000, Fixtures.GENERATED_AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new ReportInput(
                Fixtures.info(""),
                Map.of(),
                Fixtures.monthlyCurve(),
                List.of(),
                0,
                Fixtures.GENERATED_AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatParsesCliNames() {
    assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
    assertThatThrownBy(() -> ReportFormat.parse("pdf"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
