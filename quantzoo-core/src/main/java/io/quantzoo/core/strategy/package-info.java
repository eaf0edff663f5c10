/**
 * The strategy API. Implement {@link io.quantzoo.core.strategy.Strategy}; the engine passes a
 * {@link io.quantzoo.core.strategy.StrategyContext} that exposes the current bar and earlier ones
 * only. Declare parameters as a typed record annotated with {@link io.quantzoo.core.param.Param}
 * and register a {@link io.quantzoo.core.strategy.StrategyFactory} in the {@link
 * io.quantzoo.core.strategy.StrategyRegistry}. Built-ins ({@link
 * io.quantzoo.core.strategy.StrategyRegistry#builtIn()}): sma_cross, buy_and_hold, mnq808,
 * momentum, vol_breakout, pairs, bollinger_reversion, donchian_breakout, rsi_reversion, macd_trend;
 * docs/strategies/ has a page per strategy and docs/STRATEGY-API.md a guide.
 */
package io.quantzoo.core.strategy;
