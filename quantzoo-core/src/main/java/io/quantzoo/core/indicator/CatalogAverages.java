package io.quantzoo.core.indicator;

/**
 * Registers the built-in averages and statistics: WMA, DEMA, TEMA, HMA, KAMA, NATR, Keltner, ROC,
 * z-score, correlation, beta, linear-regression slope.
 */
final class CatalogAverages {
  private CatalogAverages() {}

  static void register(IndicatorRegistry r) {
    // filled in with r.register(IndicatorFactory.of(...)) per indicator
  }
}
