package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qz indicator} and {@code qz strategies list}, in-process on small files. */
class IndicatorCommandTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result qz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path closes(String name, double... closes) throws IOException {
    StringBuilder sb = new StringBuilder("timestamp,open,high,low,close,volume\n");
    for (int i = 0; i < closes.length; i++) {
      double c = closes[i];
      sb.append(String.format("2024-01-%02dT00:00:00Z,%s,%s,%s,%s,100%n", i + 1, c, c, c, c));
    }
    Path p = tmp.resolve(name);
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void writesOneRowPerBarWithNanDuringTheWarmup() throws IOException {
    Path data = closes("c.csv", 1, 2, 3, 4, 5);
    Path out = tmp.resolve("out/sma.csv");
    Result r =
        qz("indicator", "sma", "--param", "period=3", "--data", data.toString(), "--out", "" + out);
    assertThat(r.code()).as(r.err()).isZero();
    // SMA(3) of 1..5: NaN, NaN, (1+2+3)/3 = 2, 3, 4
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "timestamp,sma",
            "2024-01-01T00:00:00Z,NaN",
            "2024-01-02T00:00:00Z,NaN",
            "2024-01-03T00:00:00Z,2.0",
            "2024-01-04T00:00:00Z,3.0",
            "2024-01-05T00:00:00Z,4.0");
  }

  @Test
  void multiOutputIndicatorsWriteEveryColumnToStdout() throws IOException {
    Path data = closes("c.csv", 10, 11, 12, 11, 10, 11, 12, 13);
    Result r = qz("indicator", "stddev", "-p", "period=2", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0)).isEqualTo("timestamp,stddev");
    // population std of {10, 11} = 0.5
    assertThat(lines.get(2)).isEqualTo("2024-01-02T00:00:00Z,0.5");
  }

  @Test
  void badParametersAreRefusedNamingTheRuleAndValue() throws IOException {
    Path data = closes("c.csv", 1, 2, 3);
    Result r = qz("indicator", "rsi", "-p", "period=0", "--data", data.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("period").contains("[1, 100000]").contains("was 0");
    assertThat(r.err()).doesNotContain("Exception");
    Result unknown = qz("indicator", "rsi", "-p", "length=3", "--data", data.toString());
    assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.err()).contains("unknown parameter 'length'").contains("period");
    Result name = qz("indicator", "nope", "--data", data.toString());
    assertThat(name.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(name.err()).contains("unknown indicator 'nope'").contains("rsi");
    Result noData = qz("indicator", "rsi");
    assertThat(noData.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void listShowsEveryIndicatorWithParametersAndOutputs() {
    Result r = qz("indicator", "--list");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("rsi - ")
        .contains("smoothing")
        .contains("default wilder")
        .contains("atr - ")
        .contains("warm-up with defaults: 14 bars");
  }

  @Test
  void strategiesListShowsDescriptionsAndParameterDefaults() {
    Result r = qz("strategies", "list");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("sma_cross - ").contains("buy_and_hold - ");
    assertThat(r.out()).containsPattern("fast\\s+default 10\\s+integer in \\[1, 10000\\]");
  }

  @Test
  void synthMnqDefaultsReproduceTheBundledSyntheticFile() throws IOException {
    Path out = tmp.resolve("synth/mnq.csv");
    Result r = qz("data", "synth-mnq", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("SYNTHETIC").contains("5764");
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(Path.of("../data/mnq-15m-synthetic-2025q1.csv")));
    Result bad = qz("data", "synth-mnq", "--out", out.toString(), "--from", "2025-13-01");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--from must be a date YYYY-MM-DD, was 2025-13-01");
  }
}
