package io.quantzoo.live.audit;

import io.quantzoo.live.TradingDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that the audit trail's tags are computed with (HMAC-SHA256), kept outside the log:
 * {@code $QUANTZOO_AUDIT_KEY} (hex or base64 of at least 32 bytes), else the key file {@code
 * <trading dir>/keys/audit.key}, which must be readable by its owner only (mode 0600; a key file
 * that group or others may read or write is refused). A writer creates the key file, 32 bytes from
 * {@link SecureRandom}, on first use; a reader never does.
 *
 * <p>Nothing here ever prints the key: {@link #toString} names its source only, and error messages
 * give a length at most.
 */
public final class AuditKey {
  /** The environment variable that holds the key. */
  public static final String ENV = "QUANTZOO_AUDIT_KEY";

  /** The shortest key accepted, in bytes. */
  public static final int MIN_BYTES = 32;

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final SecretKeySpec spec;
  private final String source;

  private AuditKey(byte[] bytes, String source) {
    this.spec = new SecretKeySpec(bytes, "HmacSHA256");
    Arrays.fill(bytes, (byte) 0);
    this.source = source;
  }

  /**
   * A key of these bytes (copied), for tests and tools.
   *
   * @throws AuditException if shorter than {@link #MIN_BYTES}
   */
  public static AuditKey of(byte[] bytes, String source) {
    if (bytes.length < MIN_BYTES) {
      throw new AuditException(
          "an audit key needs at least " + MIN_BYTES + " bytes, this one has " + bytes.length);
    }
    return new AuditKey(bytes.clone(), source);
  }

  /** The key file of {@code dir}: {@code <trading dir>/keys/audit.key}. */
  public static Path keyFile(TradingDirectory dir) {
    return dir.root().resolve("keys").resolve("audit.key");
  }

  /**
   * The key to append with: {@code env}'s {@value #ENV}, else the key file, created (0600, in a
   * 0700 directory) if there is none yet.
   *
   * @throws AuditException for a bad key or a key file others may read
   */
  public static AuditKey forWriting(TradingDirectory dir, Map<String, String> env) {
    AuditKey k = fromEnv(env);
    if (k != null) {
      return k;
    }
    Path file = keyFile(dir);
    if (!Files.exists(file)) {
      create(file);
    }
    return fromFile(file);
  }

  /**
   * The key to verify with: {@code env}'s {@value #ENV}, else the existing key file.
   *
   * @throws AuditException if there is none, or it is bad, or others may read the key file
   */
  public static AuditKey forReading(TradingDirectory dir, Map<String, String> env) {
    AuditKey k = fromEnv(env);
    if (k != null) {
      return k;
    }
    Path file = keyFile(dir);
    if (!Files.exists(file)) {
      throw new AuditException(
          "no audit key: " + ENV + " is not set and there is no key file " + file);
    }
    return fromFile(file);
  }

  /** Where the key came from (never the key). */
  public String source() {
    return source;
  }

  /** A new HMAC-SHA256 instance keyed with this key (not thread-safe; one per user). */
  Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(spec);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "AuditKey[" + source + "]";
  }

  private static AuditKey fromEnv(Map<String, String> env) {
    String v = env.get(ENV);
    if (v == null || v.isBlank()) {
      return null;
    }
    byte[] b = decode(v.strip());
    if (b == null || b.length < MIN_BYTES) {
      throw new AuditException(
          ENV
              + " must hold at least "
              + MIN_BYTES
              + " bytes as hex ("
              + 2 * MIN_BYTES
              + "+ hex digits) or base64; it holds "
              + (b == null ? "neither" : b.length + " bytes"));
    }
    return new AuditKey(b, "environment variable " + ENV);
  }

  private static AuditKey fromFile(Path file) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view != null) {
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
          throw new AuditException(
              "the audit key file "
                  + file
                  + " is open to group or others (permissions "
                  + PosixFilePermissions.toString(perms)
                  + "); it must be readable by its owner only: chmod 600 "
                  + file);
        }
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      byte[] b = decode(text);
      if (b == null || b.length < MIN_BYTES) {
        throw new AuditException(
            "the audit key file "
                + file
                + " must hold at least "
                + MIN_BYTES
                + " bytes as hex or base64; it holds "
                + (b == null ? "neither" : b.length + " bytes"));
      }
      return new AuditKey(b, "key file " + file);
    } catch (NoSuchFileException e) {
      throw new AuditException("no audit key file " + file, e);
    } catch (IOException e) {
      throw new AuditException("cannot read the audit key file " + file + ": " + e, e);
    }
  }

  /** Hex (only hex digits, even length), else base64 (standard or URL-safe); null if neither. */
  static byte[] decode(String s) {
    if (!s.isEmpty()
        && s.length() % 2 == 0
        && s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return HexFormat.of().parseHex(s);
    }
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(s);
      } catch (IllegalArgumentException e2) {
        return null;
      }
    }
  }

  /** Creates the key file atomically: a private temp file, linked to its name unless it exists. */
  private static void create(Path file) {
    Path dir = file.getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      byte[] key = new byte[MIN_BYTES];
      new SecureRandom().nextBytes(key);
      byte[] text = (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
      Arrays.fill(key, (byte) 0);
      Path tmp =
          posix
              ? Files.createTempFile(
                  dir,
                  "audit.key.",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, "audit.key.", ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          ByteBuffer buf = ByteBuffer.wrap(text);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        } finally {
          Arrays.fill(text, (byte) 0);
        }
        try {
          Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      AuditFiles.syncDirectory(dir);
    } catch (IOException e) {
      throw new AuditException("cannot create the audit key file " + file + ": " + e, e);
    }
  }
}
