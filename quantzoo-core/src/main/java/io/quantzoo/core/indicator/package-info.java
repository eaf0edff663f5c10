/**
 * Incremental technical indicators: O(1) per bar, no allocation per bar, NaN during warm-up. The
 * full set arrives with the indicators issue; {@link io.quantzoo.core.indicator.Sma} is used by the
 * first strategies.
 */
package io.quantzoo.core.indicator;
