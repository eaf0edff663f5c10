package io.quantzoo.core.engine;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.instrument.Instrument;
import java.util.Objects;

/**
 * One symbol's bars with its contract specification.
 *
 * @param bars the bar series
 * @param instrument the instrument traded on those bars
 */
public record SymbolData(BarSeries bars, Instrument instrument) {
  public SymbolData {
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(instrument, "instrument");
  }
}
