package io.quantzoo.core.risk;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import java.util.Objects;

/**
 * An operator's one-shot permission: lifts one rule for one named order. The order is named by its
 * symbol and its tag (the reason the strategy gives it, e.g. "Breakout"); the first order of that
 * symbol and tag that the rule would deny passes that rule once, and the use is reported to the
 * gate's {@link RiskListener} so it is audited. The operator's trading state (HALTED, REDUCING) is
 * not a limit and cannot be lifted this way: the operator changes the state instead.
 *
 * @param rule the rule to lift
 * @param symbol the order's symbol
 * @param tag the order's tag
 * @param operator who granted it
 * @param reason why
 */
public record RiskOverride(
    DenialRule rule, String symbol, String tag, String operator, String reason) {
  public RiskOverride {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(reason, "reason");
    if (rule.configKey().isEmpty()
        || rule == DenialRule.TRADING_HALTED
        || rule == DenialRule.TRADING_REDUCING) {
      throw new IllegalArgumentException(
          "only a pre-trade limit can be lifted for one order, not " + rule);
    }
    if (operator.isBlank()) {
      throw new IllegalArgumentException("an override must name its operator");
    }
  }

  /** Whether this override lifts {@code rule} for {@code request}. */
  public boolean matches(DenialRule rule, OrderRequest request) {
    return this.rule == rule && symbol.equals(request.symbol()) && tag.equals(request.tag());
  }
}
