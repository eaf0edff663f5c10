package io.quantzoo.core.risk;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Overrides held in memory (tests, and a trader whose operator grants them in process). Safe to
 * grant from another thread than the trading one.
 */
public final class InMemoryRiskOverrides implements RiskOverrides {
  private final List<RiskOverride> granted = new ArrayList<>();

  /** Grants one override; it lifts its rule for the first matching order only. */
  public synchronized void grant(RiskOverride override) {
    granted.add(Objects.requireNonNull(override, "override"));
  }

  /** Overrides granted and not used yet, oldest first. */
  public synchronized List<RiskOverride> pending() {
    return List.copyOf(granted);
  }

  @Override
  public synchronized Optional<RiskOverride> consume(DenialRule rule, OrderRequest request) {
    for (int i = 0; i < granted.size(); i++) {
      if (granted.get(i).matches(rule, request)) {
        return Optional.of(granted.remove(i));
      }
    }
    return Optional.empty();
  }
}
