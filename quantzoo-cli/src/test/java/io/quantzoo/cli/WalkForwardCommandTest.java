package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qz walkforward end to end on the bundled BTC 4h data. */
class WalkForwardCommandTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void home() {
    System.setProperty("quantzoo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  static final String CFG =
      """
      strategy: sma_cross
      params: {fast: 20, slow: 50, direction: long_only}
      data: {path: data/btc-usd-4h-2016-2025.csv}
      instrument: BTC-USD
      execution:
        commission: {type: percent, percent: 0.1}
      sizing: {type: percent_equity, percent: 95}
      sweep:
        params:
          fast: [5, 10, 20]
          slow: [30, 60]
        min_trades: 3
      walkforward:
        in_sample: 3000
        out_of_sample: 1500
        warmup: 200
      """;

  static JsonNode run(Path cfg, Path db) throws IOException {
    SweepCommandTest.Result r =
        SweepCommandTest.qz("walkforward", "-c", cfg.toString(), "--db", db.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void windowsAreContiguousOutOfSampleAndStitchedTradesAddUp() throws IOException {
    Path cfg = tmp.resolve("wf.yaml");
    Files.writeString(cfg, CFG);
    Path db = tmp.resolve("wf.duckdb");
    JsonNode j = run(cfg, db);
    JsonNode ws = j.get("windows");
    // The bundled file has 20,394 bars: IS ends 3000 + 1500 k < 20394 for k = 0..11: 12 windows.
    assertThat(ws).hasSize(12);
    int trades = 0;
    for (int k = 0; k < ws.size(); k++) {
      JsonNode w = ws.get(k);
      Instant isTo = Instant.parse(w.get("is_to").asText());
      Instant oosFrom = Instant.parse(w.get("oos_from").asText());
      // In-sample data ends strictly before the out-of-sample window starts (no look-ahead).
      assertThat(isTo).isBefore(oosFrom);
      assertThat(Instant.parse(w.get("warmup_from").asText())).isBefore(oosFrom);
      if (k > 0) {
        Instant prevTo = Instant.parse(ws.get(k - 1).get("oos_to").asText());
        assertThat(prevTo).isBefore(oosFrom);
      }
      trades += w.get("oos_metrics").get("trades").asInt();
      assertThat(w.get("params").get("fast").asInt()).isIn(5, 10, 20);
    }
    // Positions are closed at each window end, so every stitched trade belongs to one window.
    assertThat(j.get("oos_metrics").get("trades").asInt()).isEqualTo(trades);

    SweepCommandTest.Result show =
        SweepCommandTest.qz(
            "runs", "show", j.get("run_id").asText(), "--db", db.toString(), "--json");
    assertThat(show.code()).as(show.err()).isZero();
    JsonNode shown = new ObjectMapper().readTree(show.out());
    assertThat(shown.get("kind").asText()).isEqualTo("walkforward");
    // The run is linked from its walk-forward; its message stays empty (it is for errors).
    assertThat(shown.get("walkforward_id").asText()).isEqualTo(j.get("walkforward_id").asText());
    assertThat(shown.get("message").asText()).isEmpty();
    SweepCommandTest.Result text =
        SweepCommandTest.qz("runs", "show", j.get("run_id").asText(), "--db", db.toString());
    assertThat(text.out())
        .contains("stitched out-of-sample run of walk-forward " + j.get("walkforward_id").asText())
        .doesNotContain("message:");

    // Running it again reuses every completed in-sample sweep and gives the same results.
    JsonNode again = run(cfg, db);
    assertThat(again.get("oos_metrics").toString()).isEqualTo(j.get("oos_metrics").toString());
    for (int k = 0; k < ws.size(); k++) {
      assertThat(again.get("windows").get(k).get("sweep_id").asText())
          .isEqualTo(ws.get(k).get("sweep_id").asText());
    }
  }

  @Test
  void tooShortDataIsAClearConfigError() throws IOException {
    Path cfg = tmp.resolve("short.yaml");
    Files.writeString(cfg, CFG.replace("in_sample: 3000", "in_sample: 30000"));
    SweepCommandTest.Result r =
        SweepCommandTest.qz(
            "walkforward", "-c", cfg.toString(), "--db", tmp.resolve("s.duckdb").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("too short for one window");
  }

  @Test
  void bundledWalkForwardConfigRuns() throws IOException {
    JsonNode j =
        run(Path.of("..", "configs", "walkforward_sma_cross.yaml"), tmp.resolve("cfg.duckdb"));
    assertThat(j.get("windows")).hasSize(15);
    assertThat(j.get("oos_metrics").get("trades").asInt()).isPositive();
  }
}
