package io.quantzoo.app.run;

import io.quantzoo.core.execution.OrderEventListener;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderRejected;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the orders a run refused that are not the pre-trade controls' (those have their own note):
 * our own rules (sized to zero, no ATR yet, not reducing, a user gate) and the venue's rejections,
 * each with the first one's reason, so a run never ends with "0 trades" and no word why.
 */
final class RefusalCounter implements OrderEventListener {
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, String> first = new LinkedHashMap<>();
  private long total;

  @Override
  public void onEvent(OrderEvent e) {
    switch (e) {
      case OrderDenied d when d.rule().configKey().isEmpty() -> add(d.rule().name(), d.detail());
      case OrderRejected r -> add("VENUE_REJECTED", r.reason());
      default -> {}
    }
  }

  private void add(String key, String detail) {
    counts.computeIfAbsent(key, k -> new long[1])[0]++;
    first.putIfAbsent(key, detail);
    total++;
  }

  long total() {
    return total;
  }

  /** "orders refused: 3 (SIZE_ZERO 3, first: quantity 0.4 rounds down to 0 lots of 1)", if any. */
  Optional<String> note() {
    if (total == 0) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder("orders refused: ").append(total).append(" (");
    boolean firstEntry = true;
    for (Map.Entry<String, long[]> c : counts.entrySet()) {
      if (!firstEntry) {
        b.append("; ");
      }
      firstEntry = false;
      String detail = first.get(c.getKey());
      b.append(c.getKey()).append(' ').append(c.getValue()[0]);
      if (detail != null && !detail.isBlank()) {
        b.append(", first: ").append(detail);
      }
    }
    return Optional.of(b.append(')').toString());
  }
}
