package io.quantzoo.core.indicator;

import io.quantzoo.core.param.Param;

/** Registers the built-in AlphaTrend. */
final class CatalogAlphaTrend {
  private CatalogAlphaTrend() {}

  /** AlphaTrend parameters. */
  record AlphaTrendParams(
      @Param(value = "ATR, MFI and RSI look-back in bars", def = "14", min = 1, max = 100_000)
          int period,
      @Param(
              value = "ATR multiplier of the bands low - ATR*coeff, high + ATR*coeff",
              def = "1",
              min = 0,
              max = 1000)
          double coeff,
      @Param(
              value =
                  "momentum >= 50 selects the up branch: mfi, rsi (close), or auto (rsi on"
                      + " bars with volume 0, else mfi)",
              def = "auto",
              choices = {"auto", "mfi", "rsi"})
          String momentum) {}

  static void register(IndicatorRegistry r) {
    r.register(
        IndicatorFactory.of(
            "alphatrend",
            "AlphaTrend (TradingView): ATR = SMA of TR; AT = max(low - ATR*coeff, AT[1]) when"
                + " MFI (or RSI) >= 50, else min(high + ATR*coeff, AT[1]); signal = AT[2]",
            AlphaTrendParams.class,
            p -> new AlphaTrend(p.period(), p.coeff(), AlphaTrend.Momentum.parse(p.momentum()))));
  }
}
