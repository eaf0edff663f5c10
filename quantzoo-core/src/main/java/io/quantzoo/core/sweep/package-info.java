/**
 * Parameter sweeps: the space of points ({@link io.quantzoo.core.sweep.ParamSpace}), the objective,
 * a multi-threaded runner over shared read-only bars with bounded memory, and the per-point return
 * statistics the overfitting diagnostics need.
 */
package io.quantzoo.core.sweep;
