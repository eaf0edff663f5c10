package io.quantzoo.live.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditFixtures.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key comes from, how it is kept, and that it is never shown. */
class AuditKeyTest {
  @TempDir Path tmp;

  static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

  @Test
  void aKeyFileIsCreatedForTheOwnerOnlyAndUsedAgain() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    AuditKey k = AuditKey.forWriting(td, Map.of());
    Path file = AuditKey.keyFile(td);
    assertThat(file).exists();
    assertThat(file.getParent().getFileName().toString()).isEqualTo("keys");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).matches("[0-9a-f]{64}");
    try (AuditLog log = AuditLog.open(td, k, new TestClock(T0))) {
      AuditFixtures.appendIntents(log, 2);
    }
    // a reader in another process reads the same file
    AuditVerification v = AuditVerifier.verify(td, AuditKey.forReading(td, Map.of()));
    assertThat(v.ok()).isTrue();
    assertThat(k.source()).contains(file.toString());
  }

  @Test
  void aKeyFileThatGroupOrOthersMayReadIsRefused() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    AuditKey.forWriting(td, Map.of());
    Path file = AuditKey.keyFile(td);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> AuditKey.forReading(td, Map.of()))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
    assertThatThrownBy(() -> AuditKey.forWriting(td, Map.of())).isInstanceOf(AuditException.class);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-----w-"));
    assertThatThrownBy(() -> AuditKey.forReading(td, Map.of())).isInstanceOf(AuditException.class);
  }

  @Test
  void aShortKeyFileIsRefused() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    Path file = AuditKey.keyFile(td);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "00112233\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> AuditKey.forReading(td, Map.of()))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("00112233");
  }

  @Test
  void noKeyToVerifyWithIsAClearError() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    assertThatThrownBy(() -> AuditKey.forReading(td, Map.of()))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining(AuditKey.ENV)
        .hasMessageContaining(AuditKey.keyFile(td).toString());
    assertThat(AuditKey.keyFile(td)).doesNotExist();
  }

  @Test
  void theEnvironmentKeyIsHexOrBase64AndBothGiveTheSameTags() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    byte[] b = AuditFixtures.bytes(0x33);
    AuditKey hex = AuditKey.forWriting(td, Map.of(AuditKey.ENV, HexFormat.of().formatHex(b)));
    AuditKey b64 =
        AuditKey.forReading(td, Map.of(AuditKey.ENV, Base64.getEncoder().encodeToString(b)));
    try (AuditLog log = AuditLog.open(td, hex, new TestClock(T0))) {
      AuditFixtures.appendIntents(log, 3);
    }
    assertThat(AuditVerifier.verify(td, b64).ok()).isTrue();
    assertThat(AuditKey.keyFile(td)).as("no key file when the environment has one").doesNotExist();
    assertThat(hex.source()).isEqualTo("environment variable QUANTZOO_AUDIT_KEY");
  }

  @Test
  void aShortOrBadEnvironmentKeyIsRefusedWithoutShowingIt() {
    TradingDirectory td = AuditFixtures.dir(tmp);
    for (String bad : new String[] {"c0ffee", "too-short-canary", "not base64 at all!!"}) {
      assertThatThrownBy(() -> AuditKey.forWriting(td, Map.of(AuditKey.ENV, bad)))
          .isInstanceOf(AuditException.class)
          .hasMessageContaining(AuditKey.ENV)
          .hasMessageNotContaining(bad);
    }
  }

  @Test
  void theKeyIsNeverInItsToString() {
    byte[] b = AuditFixtures.bytes(0x44);
    AuditKey k = AuditKey.of(b, "test");
    assertThat(k.toString())
        .doesNotContain(HexFormat.of().formatHex(b))
        .doesNotContain(Base64.getEncoder().encodeToString(b))
        .isEqualTo("AuditKey[test]");
  }
}
