/**
 * The event-driven backtest engine. Start with {@link io.quantzoo.core.engine.BacktestEngine}: it
 * takes {@link io.quantzoo.core.engine.SymbolData} and a strategy under an {@link
 * io.quantzoo.core.engine.EngineConfig} and returns a {@link
 * io.quantzoo.core.engine.BacktestResult}. Semantics: docs/ENGINE.md.
 */
package io.quantzoo.core.engine;
