package io.quantzoo.core.instrument;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in instrument catalog: CME equity-index futures with their real contract specs, a
 * generic equity and BTC-USD.
 *
 * <p>Futures specs (CME Group contract specifications): ES tick 0.25 = $12.50 ($50/pt); NQ tick
 * 0.25 = $5.00 ($20/pt); YM tick 1.0 = $5.00 ($5/pt); RTY tick 0.10 = $5.00 ($50/pt); MNQ tick 0.25
 * = $0.50 ($2/pt); MES tick 0.25 = $1.25 ($5/pt). Regular trading hours are given as the US equity
 * session 09:30-16:00 America/New_York, although Globex trades nearly 24h (Sunday-Friday
 * 18:00-17:00 ET); strategies that trade overnight ignore the session.
 */
public final class InstrumentCatalog {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Map<String, Instrument> BUILT_IN;

  static {
    Map<String, Instrument> m = new LinkedHashMap<>();
    put(m, future("ES", 0.25, 50.0));
    put(m, future("NQ", 0.25, 20.0));
    put(m, future("YM", 1.0, 5.0));
    put(m, future("RTY", 0.10, 50.0));
    put(m, future("MES", 0.25, 5.0));
    put(m, future("MNQ", 0.25, 2.0));
    put(m, Instrument.crypto("BTC-USD"));
    put(m, Instrument.crypto("ETH-USD"));
    put(m, Instrument.equity("EQUITY"));
    put(m, Instrument.equity("AAPL"));
    put(m, Instrument.equity("SPX"));
    BUILT_IN = Collections.unmodifiableMap(m);
  }

  private InstrumentCatalog() {}

  private static void put(Map<String, Instrument> m, Instrument i) {
    m.put(i.symbol(), i);
  }

  private static Instrument future(String symbol, double tick, double pointValue) {
    return new Instrument(
        symbol,
        AssetClass.FUTURE,
        tick,
        pointValue,
        "USD",
        1.0,
        NEW_YORK,
        LocalTime.of(9, 30),
        LocalTime.of(16, 0));
  }

  /** Every built-in instrument, in catalog order. */
  public static Map<String, Instrument> all() {
    return BUILT_IN;
  }

  /** Looks a symbol up, case-insensitively. */
  public static Optional<Instrument> find(String symbol) {
    if (symbol == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BUILT_IN.get(symbol.toUpperCase(Locale.ROOT)));
  }
}
