/**
 * Walk-forward analysis: windows ({@link io.quantzoo.core.walkforward.WindowPlanner}), the
 * out-of-sample trading of each window's chosen parameters with warm-up and no look-ahead ({@link
 * io.quantzoo.core.walkforward.WalkForwardStrategy}), and the summary figures (walk-forward
 * efficiency, parameter stability).
 */
package io.quantzoo.core.walkforward;
