package io.quantzoo.core.risk;

import io.quantzoo.core.order.DenialRule;
import java.util.Objects;

/**
 * A gate's answer. A refusal becomes an {@link io.quantzoo.core.order.OrderDenied} event carrying
 * the same rule, limit, value and detail.
 *
 * @param allowed whether the order may go to the venue
 * @param rule the refusing rule (null when allowed)
 * @param limit the limit the rule checked against, NaN when not numeric (or allowed)
 * @param value the checked value, NaN when not numeric (or allowed)
 * @param detail the checked values in words, e.g. "order notional 125,000.00 &gt;
 *     max_order_notional 100,000.00" (empty when allowed)
 */
public record RiskDecision(
    boolean allowed, DenialRule rule, double limit, double value, String detail) {
  /** The answer that lets an order through. */
  public static final RiskDecision ALLOW = new RiskDecision(true, null, Double.NaN, Double.NaN, "");

  public RiskDecision {
    Objects.requireNonNull(detail, "detail");
    if (!allowed && rule == null) {
      throw new IllegalArgumentException("a refusal must name its rule");
    }
    if (allowed && rule != null) {
      throw new IllegalArgumentException("an allowed order has no refusing rule, was " + rule);
    }
  }

  /** A refusal by {@code rule}, with the limit, the checked value and the detail. */
  public static RiskDecision deny(DenialRule rule, double limit, double value, String detail) {
    return new RiskDecision(false, Objects.requireNonNull(rule, "rule"), limit, value, detail);
  }

  /**
   * A refusal by a user-written gate's own rule: {@link DenialRule#RISK_GATE}, the detail {@code
   * name + ": " + detail}, no numeric limit or value.
   */
  public static RiskDecision deny(String name, String detail) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a refusal must name its rule");
    }
    return new RiskDecision(
        false, DenialRule.RISK_GATE, Double.NaN, Double.NaN, name + ": " + detail);
  }
}
