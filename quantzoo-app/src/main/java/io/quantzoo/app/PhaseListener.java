package io.quantzoo.app;

/**
 * Told when a phase of a service call ends ({@code "load data"}, {@code "backtest"}, ...), e.g. to
 * print phase timings.
 */
@FunctionalInterface
public interface PhaseListener {
  /** A listener that ignores every phase. */
  PhaseListener NONE = phase -> {};

  /** The phase named {@code phase} just ended. */
  void phaseDone(String phase);
}
