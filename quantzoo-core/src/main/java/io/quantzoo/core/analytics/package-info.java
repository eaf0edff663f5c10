/**
 * Performance analytics of a finished run.
 *
 * <p>{@link io.quantzoo.core.analytics.MetricsCalculator} turns a {@link
 * io.quantzoo.core.engine.BacktestResult} into {@link io.quantzoo.core.analytics.Metrics}, with the
 * annualisation factor from {@link io.quantzoo.core.analytics.MetricsOptions} or estimated by
 * {@link io.quantzoo.core.analytics.PeriodsPerYear}. Every formula, unit and undefined ({@code
 * NaN}) case is written out in {@code docs/METRICS.md}; the code implements exactly that text.
 * Everything here is pure: no clock, no default timezone, no I/O.
 */
package io.quantzoo.core.analytics;
