/**
 * The safety layer's trading state (docs/SAFETY.md): the operator's ACTIVE / REDUCING / HALTED,
 * shared by every trader, the CLI and the Safety API on a machine. {@link
 * io.quantzoo.live.safety.TradingStateStore} is the contract (a cheap {@code tradingState()} read
 * for the gate before each order, fail closed, only operators lower the state, the daily-loss
 * rule); {@link io.quantzoo.live.safety.FileTradingStateStore} keeps it in the trading directory.
 */
package io.quantzoo.live.safety;
