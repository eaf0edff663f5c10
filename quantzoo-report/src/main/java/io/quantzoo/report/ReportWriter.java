package io.quantzoo.report;

import io.quantzoo.core.portfolio.PortfolioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes backtest reports. The sections, in order, are: title and run provenance (run id, strategy,
 * symbols, status, seed, data fingerprint, engine version, ...); summary metrics (key metrics, then
 * every metric with a readable label and unit); equity curve chart; drawdown chart; trade P&amp;L
 * histogram; monthly returns table; trade list (first {@value ReportModel#MAX_TRADE_ROWS} trades);
 * effective configuration. See {@code docs/REPORTS.md}.
 *
 * <p>Output is deterministic: the same input gives byte-identical files on any machine (times in
 * UTC, locale-independent number formats, no clock reads).
 */
public final class ReportWriter {

  /** Where {@code qz report} writes when no {@code --out} is given. */
  public static final String DEFAULT_OUT_DIR = "reports";

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private ReportWriter() {}

  /**
   * Renders the report of {@code in} in each of {@code formats} into {@code outDir} (created if
   * missing; existing files of the same names are replaced, each file atomically where the file
   * system allows).
   *
   * <ul>
   *   <li>{@link ReportFormat#MARKDOWN}: {@code report-<runId>.md} plus, beside it, the charts it
   *       links to: {@code <runId>-equity.png}, {@code <runId>-drawdown.png} and {@code
   *       <runId>-trade-pnl.png} (a chart with nothing to plot, e.g. the P&amp;L histogram of a run
   *       without trades, is not written and its section says so).
   *   <li>{@link ReportFormat#HTML}: {@code report-<runId>.html}, a single self-contained file
   *       (inline CSS, charts as data URIs, no scripts, no network references).
   * </ul>
   *
   * Charts are rendered once and shared by both formats.
   *
   * @return every file written: per format in enum order, the report file first, then the chart
   *     PNGs it uses
   * @throws IllegalArgumentException if {@code formats} is empty or the run id is not a safe file
   *     name ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
   * @throws UncheckedIOException if a file cannot be written
   */
  public static List<Path> write(ReportInput in, Path outDir, Set<ReportFormat> formats) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(formats, "formats");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("no report format requested");
    }
    String runId = in.info().runId();
    if (!SAFE_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "run id '" + runId + "' cannot be used in a file name ([A-Za-z0-9._-] only)");
    }
    return write(new ReportModel(in), outDir, formats);
  }

  /**
   * Renders the report of a portfolio run ({@code qz portfolio}): the sections of {@link #write}
   * plus, after the summary, the sleeves with their contributions to return and to risk, the
   * correlation of the sleeves' returns and the rebalances, and, after the drawdown chart, the
   * sleeves' weights over time. Same files, names and guarantees as {@link #write}.
   */
  public static List<Path> writePortfolio(
      ReportInput in, PortfolioResult portfolio, Path outDir, Set<ReportFormat> formats) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(formats, "formats");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("no report format requested");
    }
    checkId(in.info().runId());
    return write(PortfolioSections.model(in, portfolio), outDir, formats);
  }

  private static void checkId(String runId) {
    if (!SAFE_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "run id '" + runId + "' cannot be used in a file name ([A-Za-z0-9._-] only)");
    }
  }

  private static List<Path> write(ReportModel model, Path outDir, Set<ReportFormat> formats) {
    String runId = model.runId;
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (ReportFormat format : EnumSet.copyOf(formats)) {
        Path report = outDir.resolve(fileName(runId, format));
        switch (format) {
          case MARKDOWN -> {
            writeAtomically(
                report, MarkdownRenderer.render(model).getBytes(StandardCharsets.UTF_8));
            written.add(report);
            for (ReportModel.ChartImage c : model.charts) {
              if (c.png() != null) {
                Path png = outDir.resolve(MarkdownRenderer.chartFileName(runId, c.id()));
                writeAtomically(png, c.png());
                written.add(png);
              }
            }
          }
          case HTML -> {
            writeAtomically(report, HtmlRenderer.render(model).getBytes(StandardCharsets.UTF_8));
            written.add(report);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write report of run " + runId + " to " + outDir, e);
    }
    return List.copyOf(written);
  }

  /** The report file name: {@code report-<runId>.md} or {@code report-<runId>.html}. */
  public static String fileName(String runId, ReportFormat format) {
    return "report-" + runId + "." + format.extension();
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, content);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
