package io.quantzoo.core.risk;

import java.util.Objects;

/**
 * A gate's answer.
 *
 * @param allowed whether the order may go to the venue
 * @param rule the refusing rule's name (empty when allowed)
 * @param detail the checked values, e.g. "order value 125,000 > max 100,000" (empty when allowed)
 */
public record RiskDecision(boolean allowed, String rule, String detail) {
  /** The answer that lets an order through. */
  public static final RiskDecision ALLOW = new RiskDecision(true, "", "");

  public RiskDecision {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
    if (!allowed && rule.isBlank()) {
      throw new IllegalArgumentException("a refusal must name its rule");
    }
  }

  /** A refusal by {@code rule}, with the values it checked. */
  public static RiskDecision deny(String rule, String detail) {
    return new RiskDecision(false, rule, detail);
  }
}
