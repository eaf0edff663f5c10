package io.quantzoo.live;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Trading session ids: {@code yyyyMMdd-HHmmss-xxxx} (UTC start time and four random hex digits),
 * the same shape as stored run ids, so that an imported session keeps its id as its run id. The
 * client order ids of a session are {@code qz<id without dashes>-<order number>}, unique at any
 * broker across sessions.
 */
public final class SessionId {
  private static final Pattern PATTERN = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{4}");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SessionId() {}

  /** A new id for a session started at {@code now}. */
  public static String next(Instant now, RandomGenerator random) {
    return TIME.format(now) + "-" + String.format(Locale.ROOT, "%04x", random.nextInt(0x10000));
  }

  /** Whether {@code s} is a session id. */
  public static boolean isValid(String s) {
    return s != null && PATTERN.matcher(s).matches();
  }

  /** The client order id prefix of a session. */
  public static String clientIdPrefix(String sessionId) {
    return "qz" + sessionId.replace("-", "");
  }
}
