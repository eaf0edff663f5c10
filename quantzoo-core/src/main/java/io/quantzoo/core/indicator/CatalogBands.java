package io.quantzoo.core.indicator;

/** Registers the built-in bands and MACD: Bollinger Bands, Donchian Channels, MACD. */
final class CatalogBands {
  private CatalogBands() {}

  static void register(IndicatorRegistry r) {
    // filled in with r.register(IndicatorFactory.of(...)) per indicator
  }
}
