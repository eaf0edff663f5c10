/**
 * Technical indicators. Every indicator implements {@link io.quantzoo.core.indicator.Indicator}
 * (bar by bar, O(1), no allocation, NaN during its declared warm-up) and can compute a whole column
 * with {@link io.quantzoo.core.indicator.Indicators#compute}. Conventions (Wilder vs simple vs
 * exponential smoothing, EMA seeding, MACD alignment, standard-deviation divisor, first true range)
 * are named options; see docs/INDICATORS.md. {@link io.quantzoo.core.indicator.IndicatorRegistry}
 * lists them by name. Strategies keep recent values in a {@link io.quantzoo.core.indicator.History}
 * and test crosses with {@link io.quantzoo.core.indicator.Cross}.
 */
package io.quantzoo.core.indicator;
