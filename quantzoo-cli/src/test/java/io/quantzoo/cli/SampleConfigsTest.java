package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample config in configs/ runs to completion on the bundled data. */
class SampleConfigsTest {
  @TempDir Path tmp;

  static Stream<Path> configs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "configs"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void runsToCompletion(Path config) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // portfolio configs (a top-level 'sleeves' list) run with qz portfolio
    String command = Files.readString(config).contains("\nsleeves:") ? "portfolio" : "run";
    int code =
        Main.run(
            new String[] {
              command, "-c", config.toString(), "--db", tmp.resolve("q.duckdb").toString(), "--json"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("status").asText()).isEqualTo("completed");
    assertThat(j.get("metrics").get("trades").asInt()).isPositive();
  }
}
