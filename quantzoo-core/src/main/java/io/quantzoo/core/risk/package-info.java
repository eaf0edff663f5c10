/**
 * The seam between a strategy and a venue: every order, the strategy's own and the protective exits
 * the core places, passes a {@link io.quantzoo.core.risk.RiskGate} before it is sent. The rules
 * themselves (trading state, kill switch, pre-trade limits) plug in here; a refusal becomes an
 * {@link io.quantzoo.core.order.OrderDenied} event with the rule and values.
 */
package io.quantzoo.core.risk;
