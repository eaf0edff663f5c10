/**
 * Parameter sweeps: {@link io.quantzoo.app.sweep.SweepService} (run, resume, complete), {@link
 * io.quantzoo.app.sweep.SweepImporter} (results computed elsewhere, e.g. on Spark) and {@link
 * io.quantzoo.app.sweep.Sweeps} (the spec, evaluator and fingerprint other front ends share).
 */
package io.quantzoo.app.sweep;
