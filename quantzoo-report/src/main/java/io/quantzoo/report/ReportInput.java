package io.quantzoo.report;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.run.RunInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report shows about one run.
 *
 * @param info run identity and provenance; {@code info.runId()} names the output files and must be
 *     a safe file name ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
 * @param metrics metric values by snake_case name (as {@link Metrics#asMap()} gives them), in
 *     display order; {@code NaN} means undefined and prints as "n/a". Copied, order preserved; null
 *     keys or values are rejected
 * @param equity the equity curve; timestamps must be non-decreasing. May be empty or have a single
 *     point (the charts and tables then say so or show that one point)
 * @param trades closed trades in the order they closed (copied)
 * @param initialCash starting cash, finite and &gt; 0: the base of the first month's return
 * @param generatedAt when the report is generated, supplied by the caller (the report never reads
 *     the clock)
 */
public record ReportInput(
    RunInfo info,
    Map<String, Double> metrics,
    EquityCurve equity,
    List<Trade> trades,
    double initialCash,
    Instant generatedAt) {

  public ReportInput {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(trades, "trades");
    Objects.requireNonNull(generatedAt, "generatedAt");
    LinkedHashMap<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      copy.put(
          Objects.requireNonNull(e.getKey(), "metric name"),
          Objects.requireNonNull(e.getValue(), () -> "value of metric " + e.getKey()));
    }
    metrics = Collections.unmodifiableMap(copy);
    trades = List.copyOf(trades);
    if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
      throw new IllegalArgumentException("initialCash must be finite and > 0, was " + initialCash);
    }
    long[] times = equity.timesArray();
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        throw new IllegalArgumentException(
            "equity timestamps must be non-decreasing (index " + i + ")");
      }
    }
  }

  /**
   * Builds the input from a finished backtest: metrics from {@link Metrics#asMap()}, equity, trades
   * and initial cash from the result.
   */
  public static ReportInput of(
      RunInfo info, Metrics metrics, BacktestResult result, Instant generatedAt) {
    return new ReportInput(
        info, metrics.asMap(), result.equity(), result.trades(), result.initialCash(), generatedAt);
  }
}
