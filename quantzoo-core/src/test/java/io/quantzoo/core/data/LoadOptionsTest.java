package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  @Test
  void defaults() {
    LoadOptions d = LoadOptions.defaults();
    assertThat(d.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(d.symbol()).isNull();
    assertThat(d.dropBadRows()).isFalse();
    assertThat(d.maxProblems()).isEqualTo(20);
  }

  @Test
  void symbolFromFileNameIsTheStemUpperCased() {
    assertThat(LoadOptions.symbolFromFileName("data/btc-usd-4h-2016-2025.csv"))
        .isEqualTo("BTC-USD-4H-2016-2025");
    assertThat(LoadOptions.symbolFromFileName("C:\\x\\spy.parquet")).isEqualTo("SPY");
    assertThat(LoadOptions.symbolFromFileName("aapl")).isEqualTo("AAPL");
    assertThat(LoadOptions.symbolFromFileName(".csv")).isEqualTo(".CSV");
    assertThat(LoadOptions.defaults().withSymbol(" eth ").symbolFor("x.csv")).isEqualTo("eth");
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> LoadOptions.defaults().withMaxProblems(0))
        .hasMessage("maxProblems must be >= 1, was 0");
    assertThatThrownBy(() -> LoadOptions.defaults().withSymbol(" "))
        .hasMessage("symbol must be null or not blank, was ' '");
    assertThatThrownBy(() -> LoadOptions.defaults().withZone(null))
        .isInstanceOf(NullPointerException.class);
  }
}
