package io.quantzoo.app;

import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.LoadResult;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.List;

/** Loads a plan's bars (CSV or Parquet) and resolves their instruments, as {@code qz run} does. */
public final class PlanData {
  private PlanData() {}

  /**
   * Loads every data source of {@code plan}.
   *
   * @param notes receives notes on dropped rows and suspicious prints
   * @throws io.quantzoo.core.data.DataException if a file is missing or its data is refused
   * @throws ConfigException if a symbol has no instrument
   */
  public static List<SymbolData> load(RunPlan plan, List<String> notes) {
    List<BarSeries> all = new ArrayList<>();
    for (RunPlan.Source s : plan.sources()) {
      LoadResult r = DataFiles.load(s);
      if (r.rowsDropped() > 0) {
        notes.add(s.path() + ": dropped " + r.rowsDropped() + " bad row(s) (drop_bad_rows: true)");
      }
      for (String n : r.notes()) {
        notes.add(s.path() + ": " + n);
      }
      all.addAll(r.series());
    }
    List<SymbolData> out = new ArrayList<>();
    for (BarSeries b : all) {
      Instrument in;
      if (plan.singleInstrument() != null) {
        if (all.size() > 1) {
          throw new ConfigException(
              "instrument",
              "the data holds " + all.size() + " symbols; give 'instruments: {SYMBOL: spec}'");
        }
        in = plan.singleInstrument();
        b = b.withSymbol(in.symbol());
      } else if (plan.instrumentsBySymbol().containsKey(b.symbol())) {
        in = plan.instrumentsBySymbol().get(b.symbol());
        b = b.withSymbol(in.symbol());
      } else {
        String sym = b.symbol();
        in =
            InstrumentCatalog.find(sym)
                .orElseThrow(() ->
                    new ConfigException(
                        "instrument",
                        "no instrument for symbol '"
                            + sym
                            + "': add 'instrument: <catalog symbol>' (one of "
                            + String.join(", ", InstrumentCatalog.all().keySet())
                            + ") or a full spec (asset_class, tick_size, point_value)"));
        b = b.withSymbol(in.symbol());
      }
      out.add(new SymbolData(b, in));
    }
    return out;
  }
}
