/**
 * The strategy API. Implement {@link io.quantzoo.core.strategy.Strategy}; the engine passes a
 * {@link io.quantzoo.core.strategy.StrategyContext} that exposes the current bar and earlier ones
 * only. Declare parameters with {@link io.quantzoo.core.strategy.ParamSpec} and register a {@link
 * io.quantzoo.core.strategy.StrategyFactory} in the {@link
 * io.quantzoo.core.strategy.StrategyRegistry}. Built-ins: sma_cross, buy_and_hold, momentum,
 * vol_breakout, rsi_reversion (docs/strategies/).
 */
package io.quantzoo.core.strategy;
