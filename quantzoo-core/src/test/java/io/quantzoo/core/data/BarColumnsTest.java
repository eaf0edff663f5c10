package io.quantzoo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarColumnsTest {
  @Test
  void findsColumnsByTrimmedCaseInsensitiveName() {
    BarColumns c =
        BarColumns.resolve(List.of(" Ticker", "DATE", "Open ", "high", "Low", "CLOSE", "x"));
    assertThat(c.symbol()).isZero();
    assertThat(c.time()).isEqualTo(1);
    assertThat(c.open()).isEqualTo(2);
    assertThat(c.close()).isEqualTo(5);
    assertThat(c.volume()).isEqualTo(-1);
    assertThat(c.missing()).isEmpty();
    assertThat(c.ignored()).containsExactly("x");
    assertThat(c.names().get(0)).isEqualTo("Ticker");
  }

  @Test
  void timeColumnPreferenceIsTimestampDatetimeDateTimeTs() {
    assertThat(BarColumns.resolve(List.of("ts", "time", "date", "datetime", "timestamp")).time())
        .isEqualTo(4);
    assertThat(BarColumns.resolve(List.of("ts", "time", "date", "datetime")).time()).isEqualTo(3);
    assertThat(BarColumns.resolve(List.of("ts", "time", "date")).time()).isEqualTo(2);
    assertThat(BarColumns.resolve(List.of("ts", "time")).time()).isEqualTo(1);
    assertThat(BarColumns.resolve(List.of("x", "ts")).time()).isEqualTo(1);
    assertThat(BarColumns.resolve(List.of("", "open")).time()).isZero();
    assertThat(BarColumns.resolve(List.of("open", "")).time()).isEqualTo(-1);
  }

  @Test
  void symbolIsPreferredOverTicker() {
    assertThat(BarColumns.resolve(List.of("ticker", "symbol")).symbol()).isEqualTo(1);
  }

  @Test
  void missingListsTheRequiredColumnsAbsent() {
    assertThat(BarColumns.resolve(List.of("open", "low", "volume")).missing())
        .containsExactly("timestamp", "high", "close");
  }
}
