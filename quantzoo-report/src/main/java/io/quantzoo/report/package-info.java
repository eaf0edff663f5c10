/**
 * Backtest reports: a Markdown file with PNG charts beside it, and a single self-contained HTML
 * file that can be opened offline.
 *
 * <p>Entry point: {@link io.quantzoo.report.ReportWriter#write}. The input is a {@link
 * io.quantzoo.report.ReportInput} (run provenance, metrics, equity curve, trades); the writer
 * renders the charts with XChart on the server side, so the output needs no JavaScript and no
 * network. All times are printed in UTC; nothing in the content depends on the machine's time zone,
 * locale or clock (the "generated at" time is supplied by the caller). Every string that comes from
 * the user (strategy name, symbols, order tags, config text, messages) is escaped. The sections and
 * formulas are documented in {@code docs/REPORTS.md}.
 */
package io.quantzoo.report;
