package io.quantzoo.store;

import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.run.RunInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A completed run read back from the store.
 *
 * @param info the run's identity, provenance and status (always {@code COMPLETED})
 * @param metrics every metric under its snake_case name, in the order it was stored (the order of
 *     {@link io.quantzoo.core.analytics.Metrics#asMap()}); NaN where the metric was undefined.
 *     Unmodifiable.
 * @param equity the equity curve, point for point as written
 * @param trades closed trades in trade id order
 * @param fills fills in fill id order
 */
public record StoredRun(
    RunInfo info,
    Map<String, Double> metrics,
    EquityCurve equity,
    List<Trade> trades,
    List<Fill> fills) {

  public StoredRun {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(equity, "equity");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    trades = List.copyOf(trades);
    fills = List.copyOf(fills);
  }
}
