package io.quantzoo.live.audit;

import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.sweep.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;

/**
 * The text of audit lines, of the head and of the anchor, and their tags (docs/AUDIT.md).
 *
 * <p>A line is {@code BODY,"tag":"TAG"}} where BODY is a JSON object without its closing brace
 * whose last field is {@code "prev":"PREV"}, and TAG is the lower-case hex of HMAC-SHA256(key,
 * bytes(PREV) || UTF-8(BODY)): the 32 bytes of the previous line's tag (zeros for the first line of
 * a log), then the line's text up to, not including, {@code ,"tag":}. The head and the anchor are
 * sealed the same way with a {@code mac} field: HMAC-SHA256(key, UTF-8(DOMAIN) || 0 ||
 * UTF-8(BODY)).
 */
final class AuditFormat {
  /** The tag before the first line of a log. */
  static final String GENESIS = "0".repeat(64);

  static final String HEAD_DOMAIN = "quantzoo-audit-head";
  static final String ANCHOR_DOMAIN = "quantzoo-audit-anchor";

  private static final String TAG_FIELD = ",\"tag\":\"";
  private static final String MAC_FIELD = ",\"mac\":\"";

  /** Characters after the body: {@code ,"tag":"} + 64 hex digits + {@code "}}. */
  private static final int TAG_SUFFIX = TAG_FIELD.length() + 64 + 2;

  private static final HexFormat HEX = HexFormat.of();

  private AuditFormat() {}

  /** A line's body: every field of {@code e} (timestamp set), then {@code prev}. */
  static String body(long seq, AuditEvent e, String prev) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    m.put("timestamp", e.timestamp().toString());
    m.put("event_type", e.eventType().jsonName());
    m.put("broker", e.broker());
    m.put("symbol", e.symbol());
    m.put("side", e.side() == null ? null : e.side().name().toLowerCase(Locale.ROOT));
    m.put("quantity", e.quantity());
    m.put(
        "order_type", e.orderType() == null ? null : e.orderType().name().toLowerCase(Locale.ROOT));
    m.put("order_id", e.orderId());
    m.put("client_order_id", e.clientOrderId());
    m.put("operator", e.operator());
    m.put("reason", e.reason());
    m.put("session", e.session());
    m.putAll(e.details());
    m.put("prev", prev);
    String json = Json.object(m);
    return json.substring(0, json.length() - 1);
  }

  /** The tag of a line with this body after a line tagged {@code prev}. */
  static String tag(Mac mac, String prev, String body) {
    mac.update(HEX.parseHex(prev));
    return HEX.formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The line (no newline). */
  static String line(String body, String tag) {
    return body + TAG_FIELD + tag + "\"}";
  }

  /**
   * A line taken apart; its tag is not checked here.
   *
   * @param body the text the tag covers
   * @param tag the tag written on the line
   * @param seq the line's seq
   * @param prev the previous tag the line names
   * @param fields every field but the tag, in their order
   */
  record Parsed(String body, String tag, long seq, String prev, Map<String, Object> fields) {

    /** Whether the tag is the HMAC of the line's own prev and body. */
    boolean authentic(Mac mac) {
      return tag.equals(AuditFormat.tag(mac, prev, body));
    }
  }

  /**
   * Takes a line apart.
   *
   * @throws IllegalArgumentException with the reason, if it is not an audit line
   */
  static Parsed parse(String line) {
    int n = line.length();
    if (n < TAG_SUFFIX + 2
        || !line.endsWith("\"}")
        || !line.startsWith(TAG_FIELD, n - TAG_SUFFIX)
        || !isHex(line, n - 66, n - 2)) {
      throw new IllegalArgumentException(
          "it does not end in a tag (,\"tag\":\"<64 hex digits>\"})");
    }
    String body = line.substring(0, n - TAG_SUFFIX);
    String tag = line.substring(n - 66, n - 2);
    Map<String, Object> f;
    try {
      f = Json.parseObject(body + "}");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("it is not a JSON object: " + e.getMessage(), e);
    }
    if (!(f.get("seq") instanceof Number seq)) {
      throw new IllegalArgumentException("it has no numeric seq");
    }
    if (!(f.get("prev") instanceof String prev) || prev.length() != 64 || !isHex(prev, 0, 64)) {
      throw new IllegalArgumentException("it has no prev tag");
    }
    return new Parsed(body, tag, seq.longValue(), prev, f);
  }

  /**
   * The event of a line's fields.
   *
   * @throws IllegalArgumentException naming the field, if one is not what it should be
   */
  static AuditEvent event(Map<String, Object> f) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : f.entrySet()) {
      if (!AuditEvent.RESERVED.contains(e.getKey())) {
        details.put(e.getKey(), e.getValue());
      }
    }
    String ts = str(f, "timestamp");
    Instant t;
    try {
      t = ts == null ? null : Instant.parse(ts);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp '" + ts + "' is not an ISO-8601 instant", e);
    }
    String type = str(f, "event_type");
    if (type == null) {
      throw new IllegalArgumentException("event_type is missing");
    }
    Object q = f.get("quantity");
    String side = str(f, "side");
    String orderType = str(f, "order_type");
    try {
      return new AuditEvent(
          t,
          AuditEventType.fromJson(type),
          str(f, "broker"),
          str(f, "symbol"),
          side == null ? null : Side.valueOf(side.toUpperCase(Locale.ROOT)),
          q instanceof Number num ? num.doubleValue() : Double.NaN,
          orderType == null ? null : OrderType.valueOf(orderType.toUpperCase(Locale.ROOT)),
          str(f, "order_id"),
          str(f, "client_order_id"),
          str(f, "operator"),
          str(f, "reason"),
          str(f, "session"),
          details);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a field is not valid: " + e.getMessage(), e);
    }
  }

  private static String str(Map<String, Object> f, String k) {
    Object v = f.get(k);
    return v == null ? null : v.toString();
  }

  /** {@code fields} as a sealed JSON line: the fields, then {@code "mac"}. */
  static String seal(Mac mac, String domain, Map<String, Object> fields) {
    String json = Json.object(fields);
    String body = json.substring(0, json.length() - 1);
    return body + MAC_FIELD + sealMac(mac, domain, body) + "\"}";
  }

  /**
   * The fields of a sealed line whose mac checks out.
   *
   * @throws IllegalArgumentException with the reason otherwise
   */
  static Map<String, Object> unseal(Mac mac, String domain, String text) {
    String s = text.strip();
    int n = s.length();
    int at = n - MAC_FIELD.length() - 64 - 2;
    if (at < 1 || !s.endsWith("\"}") || !s.startsWith(MAC_FIELD, at) || !isHex(s, n - 66, n - 2)) {
      throw new IllegalArgumentException("it is not sealed (no mac)");
    }
    String body = s.substring(0, at);
    if (!s.substring(n - 66, n - 2).equals(sealMac(mac, domain, body))) {
      throw new IllegalArgumentException(
          "its mac does not match: it was edited, or the key is not the one it was written with");
    }
    try {
      return Json.parseObject(body + "}");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("it is not a JSON object: " + e.getMessage(), e);
    }
  }

  private static String sealMac(Mac mac, String domain, String body) {
    mac.update(domain.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return HEX.formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
