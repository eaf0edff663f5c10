package io.quantzoo.core.indicator;

/**
 * Registers the built-in oscillators and trend: Stochastic, Williams %R, CCI, ADX, OBV, VWAP,
 * Parabolic SAR, SuperTrend.
 */
final class CatalogOscillators {
  private CatalogOscillators() {}

  static void register(IndicatorRegistry r) {
    // filled in with r.register(IndicatorFactory.of(...)) per indicator
  }
}
