package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingDirectoryTest {
  @TempDir Path tmp;

  @Test
  void defaultsToDotQuantzooTradingInTheHomeDirectory() {
    TradingDirectory d = TradingDirectory.resolve(Map.of(), "/home/ann");
    assertThat(d.root()).isEqualTo(Path.of("/home/ann/.quantzoo/trading"));
  }

  @Test
  void theEnvironmentVariableNamesIt() {
    TradingDirectory d =
        TradingDirectory.resolve(Map.of(TradingDirectory.ENV, tmp.toString()), "/home/ann");
    assertThat(d.root()).isEqualTo(tmp);
    assertThat(TradingDirectory.resolve(Map.of(TradingDirectory.ENV, " "), "/h").root())
        .isEqualTo(Path.of("/h/.quantzoo/trading"));
  }

  @Test
  void aRelativePathIsRefusedNeverResolvedAgainstTheWorkingDirectory() {
    assertThatThrownBy(
            () -> TradingDirectory.resolve(Map.of(TradingDirectory.ENV, "trading"), "/h"))
        .isInstanceOf(TradingRefusedException.class)
        .hasMessageContaining("absolute")
        .hasMessageContaining("'trading'");
    assertThatThrownBy(() -> TradingDirectory.at(Path.of("rel")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createMakesTheSessionsDirectoryAndListsSessionsOldestFirst() throws Exception {
    TradingDirectory d = TradingDirectory.at(tmp.resolve("t")).create();
    assertThat(Files.isDirectory(d.sessionsDir())).isTrue();
    Files.createDirectory(d.sessionDir("20260102-030405-beef"));
    Files.createDirectory(d.sessionDir("20250102-030405-0000"));
    Files.createDirectory(d.sessionsDir().resolve("not-a-session"));
    assertThat(d.sessionIds()).containsExactly("20250102-030405-0000", "20260102-030405-beef");
  }

  @Test
  void sessionIdsLookLikeRunIdsAndGiveAClientOrderIdPrefix() {
    String id =
        SessionId.next(java.time.Instant.parse("2026-12-02T14:30:30Z"), new java.util.Random(1));
    assertThat(id).matches("20261202-143030-[0-9a-f]{4}");
    assertThat(SessionId.isValid(id)).isTrue();
    assertThat(SessionId.clientIdPrefix("20261202-143030-00ff")).isEqualTo("qz2026120214303000ff");
  }
}
