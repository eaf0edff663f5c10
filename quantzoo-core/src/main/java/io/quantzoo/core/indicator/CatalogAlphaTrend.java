package io.quantzoo.core.indicator;

/** Registers the built-in AlphaTrend. */
final class CatalogAlphaTrend {
  private CatalogAlphaTrend() {}

  static void register(IndicatorRegistry r) {
    // filled in with r.register(IndicatorFactory.of(...)) per indicator
  }
}
