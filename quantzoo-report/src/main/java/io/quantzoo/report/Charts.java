package io.quantzoo.report;

import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.ledger.Trade;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders the report charts as PNG bytes with XChart (server side; no fonts or scripts are needed
 * by the viewer). Time axes are epoch milliseconds labelled in UTC. Long curves are reduced with
 * {@link Downsampler} to at most {@link #MAX_POINTS} points.
 */
final class Charts {
  static final int WIDTH = 1000;
  static final int HEIGHT = 380;
  static final int MAX_POINTS = 2000;

  /** Largest |y| for which a custom y tick format is used; see {@link #yDecimalPattern}. */
  static final double MAX_PATTERNED_Y = 1e13;

  private static final Color EQUITY = new Color(0x1f, 0x5f, 0xa8);
  private static final Color DRAWDOWN = new Color(0xc6, 0x28, 0x28);
  private static final Color WIN = new Color(0x2e, 0x7d, 0x32);
  private static final Color LOSS = new Color(0xc6, 0x28, 0x28);
  private static final long DAY = 86_400_000L;

  private Charts() {}

  /** The equity curve (downsampled), or {@code null} for an empty curve. */
  static byte[] equity(EquityCurve curve) {
    if (curve.size() == 0) {
      return null;
    }
    Downsampler.Series s = Downsampler.minMax(curve.timesArray(), curve.equityArray(), MAX_POINTS);
    XYChart chart = timeChart("Equity", "Equity", s);
    XYSeries series = chart.addSeries("Equity", s.x, s.y);
    series.setLineColor(EQUITY);
    series.setLineWidth(1.5f);
    series.setMarker(s.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    series.setMarkerColor(EQUITY);
    return png(chart);
  }

  /**
   * Underwater curve in percent: {@code dd(t) = (E(t) / max_{s<=t} E(s) − 1) × 100}, computed on
   * the full curve before downsampling (so the deepest trough survives). 0 while the running peak
   * is not &gt; 0.
   */
  static double[] drawdownPct(double[] equity) {
    double[] dd = new double[equity.length];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < equity.length; i++) {
      double e = equity[i];
      if (e > peak) {
        peak = e;
      }
      dd[i] = peak > 0 && Double.isFinite(e) ? (e / peak - 1) * 100 : 0;
    }
    return dd;
  }

  /** The drawdown chart, or {@code null} for an empty curve. */
  static byte[] drawdown(EquityCurve curve) {
    if (curve.size() == 0) {
      return null;
    }
    Downsampler.Series s =
        Downsampler.minMax(curve.timesArray(), drawdownPct(curve.equityArray()), MAX_POINTS);
    XYChart chart = timeChart("Drawdown (underwater)", "Drawdown (%)", s);
    yDecimalPattern(chart.getStyler(), s, "0.#");
    chart.getStyler().setYAxisMax(0.0);
    XYSeries series = chart.addSeries("Drawdown", s.x, s.y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    series.setLineColor(DRAWDOWN);
    series.setFillColor(new Color(0xc6, 0x28, 0x28, 0x59));
    series.setLineWidth(1f);
    series.setMarker(s.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    series.setMarkerColor(DRAWDOWN);
    return png(chart);
  }

  /**
   * Lines of each sleeve's actual weight over time ({@code w[t][i]}, names in sleeve order), one
   * point every {@code ceil(T / MAX_POINTS)} bars plus the last; {@code null} for no points.
   */
  static byte[] weights(long[] times, double[][] w, List<String> names) {
    int n = times.length;
    if (n == 0) {
      return null;
    }
    int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    int k = (n - 1) / step + 1 + ((n - 1) % step == 0 ? 0 : 1);
    double[] x = new double[k];
    int[] at = new int[k];
    int p = 0;
    for (int t = 0; t < n; t += step) {
      at[p] = t;
      x[p++] = times[t];
    }
    if (at[p - 1] != n - 1) {
      at[p] = n - 1;
      x[p++] = times[n - 1];
    }
    Downsampler.Series s = new Downsampler.Series(x, new double[p]);
    XYChart chart = timeChart("Sleeve weights (actual)", "Weight (%)", s);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisDecimalPattern("0.#");
    for (int i = 0; i < names.size(); i++) {
      double[] y = new double[p];
      for (int j = 0; j < p; j++) {
        double v = w[at[j]][i];
        y[j] = Double.isFinite(v) ? v * 100 : 0;
      }
      XYSeries series = chart.addSeries(names.get(i), x, y);
      series.setLineWidth(1.2f);
      series.setMarker(p == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    return png(chart);
  }

  /** Histogram of trade net P&amp;L, wins green and losses red; {@code null} with no trades. */
  static byte[] tradePnl(List<Trade> trades) {
    if (trades.isEmpty()) {
      return null;
    }
    double[] pnl = new double[trades.size()];
    for (int i = 0; i < pnl.length; i++) {
      pnl[i] = trades.get(i).netPnl();
    }
    PnlHistogram h = PnlHistogram.of(pnl);
    List<String> labels = new ArrayList<>(h.bins());
    // Edges are multiples of the width, so the width's decimals print them exactly.
    int decimals = Math.max(0, BigDecimal.valueOf(h.width()).stripTrailingZeros().scale());
    for (int i = 0; i < h.bins(); i++) {
      labels.add(Fmt.grouped(h.lowerEdge(i), decimals));
    }
    CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
    chart.setTitle("Trade net P&L distribution");
    chart.setXAxisTitle("Net P&L per trade (bin lower edge)");
    chart.setYAxisTitle("Trades");
    style(chart.getStyler());
    chart.getStyler().setStacked(true);
    chart.getStyler().setAvailableSpaceFill(0.95);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setXAxisLabelRotation(h.bins() > 12 ? 45 : 0);
    CategorySeries wins = chart.addSeries("Wins", labels, h.wins());
    wins.setFillColor(WIN);
    CategorySeries losses = chart.addSeries("Losses", labels, h.losses());
    losses.setFillColor(LOSS);
    return png(chart);
  }

  private static XYChart timeChart(String title, String yTitle, Downsampler.Series s) {
    XYChart chart = new XYChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    chart.setXAxisTitle("Date (UTC)");
    chart.setYAxisTitle(yTitle);
    AxesChartStyler st = chart.getStyler();
    style(st);
    st.setLegendVisible(false);
    yDecimalPattern(st, s, "#,##0.##");
    long from = (long) s.x[0];
    long to = (long) s.x[s.size() - 1];
    if (from == to) {
      // XChart needs a non-empty range: show one day around a single point.
      st.setXAxisMin((double) (from - DAY));
      st.setXAxisMax((double) (to + DAY));
    }
    st.setXAxisTickLabelsFormattingFunction(timeLabels(Math.max(to - from, 2 * DAY)));
    return chart;
  }

  /**
   * Sets a y-axis decimal pattern only for values below {@link #MAX_PATTERNED_Y} in magnitude.
   * XChart 4.0.3's tick calculation never finishes with a custom y format once the values reach
   * about 1e15 (it loops over a vanishing tick step), so beyond that the chart keeps XChart's own
   * (scientific) format. Equity that large is absurd but must not hang a report.
   */
  private static void yDecimalPattern(AxesChartStyler st, Downsampler.Series s, String pattern) {
    double maxAbs = 0;
    for (double v : s.y) {
      if (Double.isFinite(v)) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    }
    if (maxAbs < MAX_PATTERNED_Y) {
      st.setYAxisDecimalPattern(pattern);
    }
  }

  /**
   * Tick labels in UTC, as precise as the tick spacing needs. XChart places about a dozen ticks at
   * round numbers of milliseconds (not calendar boundaries), so the pattern is chosen from an
   * estimated tick spacing of span / 15: a year pattern only when ticks are surely over a year
   * apart, and so on, so that two ticks never show the same label.
   */
  static Function<Double, String> timeLabels(long spanMillis) {
    long spacing = spanMillis / 15;
    String pattern;
    if (spacing > 400 * DAY) {
      pattern = "yyyy";
    } else if (spacing > 40 * DAY) {
      pattern = "yyyy-MM";
    } else if (spacing > DAY) {
      pattern = "yyyy-MM-dd";
    } else {
      pattern = "MM-dd HH:mm";
    }
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    return x -> f.format(Instant.ofEpochMilli(Math.round(x)));
  }

  private static void style(Styler st) {
    st.setLocale(Locale.ROOT);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderColor(new Color(0xcc, 0xcc, 0xcc));
    st.setChartTitleBoxVisible(false);
    st.setAntiAlias(true);
    if (st instanceof AxesChartStyler a) {
      a.setPlotGridLinesColor(new Color(0xe4, 0xe4, 0xe4));
      a.setPlotGridLinesStroke(new BasicStroke(1f));
      a.setAxisTickPadding(6);
    }
  }

  private static byte[] png(IChart chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
        if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", ios)) {
          throw new IOException("no PNG writer available");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render chart", e);
    }
  }
}
