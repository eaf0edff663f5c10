/**
 * The QuantZoo core: JDK only. Packages: {@code data} (bars, loading, validation), {@code
 * instrument}, {@code order}, {@code execution}, {@code engine}, {@code ledger}, {@code strategy},
 * {@code indicator}, {@code analytics} (metrics) and {@code run}. Start with {@link
 * io.quantzoo.core.engine.BacktestEngine}.
 */
package io.quantzoo.core;
