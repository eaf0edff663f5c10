/**
 * Walk-forward analysis ({@link io.quantzoo.app.walkforward.WalkForwardService}): in-sample sweeps,
 * then one stitched out-of-sample run. Format and metrics: docs/WALKFORWARD.md.
 */
package io.quantzoo.app.walkforward;
