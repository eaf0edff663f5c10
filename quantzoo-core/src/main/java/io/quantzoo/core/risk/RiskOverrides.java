package io.quantzoo.core.risk;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import java.util.Optional;

/**
 * Where a {@link PreTradeRiskGate} looks for an operator's {@link RiskOverride} when a rule would
 * deny an order (only then: the port costs nothing on orders that pass). An override is one-shot:
 * {@link #consume} hands it out once and forgets it.
 */
@FunctionalInterface
public interface RiskOverrides {

  /** No overrides. */
  RiskOverrides NONE = (rule, request) -> Optional.empty();

  /**
   * Takes the override that lifts {@code rule} for {@code request}, if the operator granted one; it
   * is used up.
   */
  Optional<RiskOverride> consume(DenialRule rule, OrderRequest request);
}
