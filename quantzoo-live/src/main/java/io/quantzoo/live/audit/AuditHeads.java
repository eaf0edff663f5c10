package io.quantzoo.live.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;

/** The head and the anchor: small sealed files kept apart from the log lines. */
final class AuditHeads {
  private AuditHeads() {}

  /**
   * The end of the log.
   *
   * @param seq the last line's seq (0: no line yet)
   * @param tag the last line's tag (the anchor's, or zeros, when none)
   * @param file the last line's file (null: no line yet since the anchor)
   * @param size the file's size in bytes after that line
   */
  record Head(long seq, String tag, String file, long size) {}

  /**
   * Where the log starts after pruning.
   *
   * @param seq the seq of the last pruned line
   * @param tag its tag: the prev of the first line kept
   * @param through the last pruned file's name: files up to it are no longer part of the log
   */
  record Anchor(long seq, String tag, String through) {}

  static Head parseHead(Mac mac, String text) {
    Map<String, Object> f = AuditFormat.unseal(mac, AuditFormat.HEAD_DOMAIN, text);
    if (!(f.get("seq") instanceof Number seq)
        || !(f.get("tag") instanceof String tag)
        || !(f.get("size") instanceof Number size)) {
      throw new IllegalArgumentException("it lacks seq, tag or size");
    }
    Object file = f.get("file");
    return new Head(seq.longValue(), tag, file == null ? null : file.toString(), size.longValue());
  }

  static Anchor parseAnchor(Mac mac, String text) {
    Map<String, Object> f = AuditFormat.unseal(mac, AuditFormat.ANCHOR_DOMAIN, text);
    if (!(f.get("seq") instanceof Number seq)
        || !(f.get("tag") instanceof String tag)
        || !(f.get("through") instanceof String through)) {
      throw new IllegalArgumentException("it lacks seq, tag or through");
    }
    return new Anchor(seq.longValue(), tag, through);
  }

  /** The head of {@code dir}, or null if there is none. */
  static Head readHead(Path dir, Mac mac) {
    Path p = dir.resolve(AuditFiles.HEAD);
    String text = AuditFiles.readOrNull(p);
    if (text == null) {
      return null;
    }
    try {
      return parseHead(mac, text);
    } catch (IllegalArgumentException e) {
      throw new AuditException(
          "the audit head " + p + " is not valid: " + e.getMessage() + "; run qz audit verify", e);
    }
  }

  /** The anchor of {@code dir}, or null if there is none. */
  static Anchor readAnchor(Path dir, Mac mac) {
    Path p = dir.resolve(AuditFiles.ANCHOR);
    String text = AuditFiles.readOrNull(p);
    if (text == null) {
      return null;
    }
    try {
      return parseAnchor(mac, text);
    } catch (IllegalArgumentException e) {
      throw new AuditException(
          "the audit anchor " + p + " is not valid: " + e.getMessage() + "; run qz audit verify",
          e);
    }
  }

  static void writeHead(Path dir, Mac mac, Head h, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", h.seq());
    m.put("tag", h.tag());
    m.put("file", h.file());
    m.put("size", h.size());
    m.put("updated", now.toString());
    // no directory fsync: a head update lost to a power loss leaves the head behind the log, and
    // the lines after it (durable, chained, tagged) are adopted by the next writer
    AuditFiles.writeAtomically(
        dir.resolve(AuditFiles.HEAD),
        AuditFormat.seal(mac, AuditFormat.HEAD_DOMAIN, m) + "\n",
        false);
  }

  static void writeAnchor(Path dir, Mac mac, Anchor a, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", a.seq());
    m.put("tag", a.tag());
    m.put("through", a.through());
    m.put("updated", now.toString());
    // durable before any file is deleted
    AuditFiles.writeAtomically(
        dir.resolve(AuditFiles.ANCHOR),
        AuditFormat.seal(mac, AuditFormat.ANCHOR_DOMAIN, m) + "\n",
        true);
  }
}
