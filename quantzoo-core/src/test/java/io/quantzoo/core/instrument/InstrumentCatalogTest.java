package io.quantzoo.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog carries CME Group's published contract specifications. */
class InstrumentCatalogTest {

  @ParameterizedTest
  @CsvSource({
    // symbol, tick size, tick value ($), point value ($)
    "ES, 0.25, 12.50, 50",
    "NQ, 0.25, 5.00, 20",
    "YM, 1.00, 5.00, 5",
    "RTY, 0.10, 5.00, 50",
    "MES, 0.25, 1.25, 5",
    "MNQ, 0.25, 0.50, 2"
  })
  void futuresHaveTheirExchangeSpecs(String symbol, double tick, double tickValue, double point) {
    Instrument i = InstrumentCatalog.find(symbol).orElseThrow();
    assertThat(i.assetClass()).isEqualTo(AssetClass.FUTURE);
    assertThat(i.tickSize()).isEqualTo(tick);
    assertThat(i.tickValue()).isCloseTo(tickValue, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(i.pointValue()).isEqualTo(point);
    assertThat(i.lotStep()).isEqualTo(1);
    assertThat(i.currency()).isEqualTo("USD");
  }

  @Test
  void cryptoTradesFractionalLotsAroundTheClock() {
    Instrument btc = InstrumentCatalog.find("btc-usd").orElseThrow();
    assertThat(btc.assetClass()).isEqualTo(AssetClass.CRYPTO);
    assertThat(btc.lotStep()).isEqualTo(1e-8);
    assertThat(btc.hasSession()).isFalse();
    assertThat(btc.roundLotDown(0.123456789)).isEqualTo(0.12345678);
    assertThat(btc.assetClass().tradingDaysPerYear()).isEqualTo(365);
  }

  @Test
  void genericEquityTradesWholeSharesInTheNewYorkSession() {
    Instrument eq = InstrumentCatalog.find("EQUITY").orElseThrow();
    assertThat(eq.roundLotDown(10.99)).isEqualTo(10);
    assertThat(eq.exchangeZone().getId()).isEqualTo("America/New_York");
    assertThat(eq.sessionOpen()).hasToString("09:30");
    assertThat(eq.sessionClose()).hasToString("16:00");
  }

  @Test
  void specsAreValidated() {
    assertThatThrownBy(() ->
            new Instrument(
                "X", AssetClass.EQUITY, 0, 1, "USD", 1, java.time.ZoneId.of("UTC"), null, null))
        .hasMessage("tick_size must be > 0, was 0.0");
    assertThat(InstrumentCatalog.find("NOPE")).isEmpty();
  }
}
