package io.quantzoo.live;

import io.quantzoo.live.safety.SafetyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one machine-wide directory where everything live is kept: {@code $QUANTZOO_TRADING_DIR}, or
 * {@code ~/.quantzoo/trading} when that is unset or empty. Always absolute, never relative to the
 * working directory, so that every trader and every command started anywhere finds the same
 * sessions (a relative {@code QUANTZOO_TRADING_DIR} is refused).
 *
 * <pre>
 * &lt;trading dir&gt;/
 *   sessions/&lt;session id&gt;/
 *     journal.jsonl   append-only record of the session, one JSON object per line; its last
 *                     line is the session's end once it ended
 *     lock            locked (an OS file lock) by the trader running the session
 *   audit/            the audit trail (io.quantzoo.live.audit, docs/AUDIT.md)
 *   keys/audit.key    the audit key, when QUANTZOO_AUDIT_KEY is not set
 * </pre>
 */
public final class TradingDirectory {
  /** The environment variable that names the trading directory. */
  public static final String ENV = "QUANTZOO_TRADING_DIR";

  private final Path root;

  private TradingDirectory(Path root) {
    this.root = root;
  }

  /** The directory {@code root} (absolute). */
  public static TradingDirectory at(Path root) {
    if (!root.isAbsolute()) {
      throw new IllegalArgumentException(
          "the trading directory must be an absolute path, was " + root);
    }
    return new TradingDirectory(root.normalize());
  }

  /** The trading directory of this process's environment and user. */
  public static TradingDirectory fromEnvironment() {
    return resolve(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * The trading directory named by {@code env}, else {@code <home>/.quantzoo/trading}.
   *
   * @throws TradingRefusedException if {@code QUANTZOO_TRADING_DIR} is set to a relative path
   */
  public static TradingDirectory resolve(Map<String, String> env, String home) {
    String v = env.get(ENV);
    if (v != null && !v.isBlank()) {
      Path p = Path.of(v.strip());
      if (!p.isAbsolute()) {
        throw new TradingRefusedException(
            SafetyRule.TRADING_DIRECTORY,
            ENV
                + " must be an absolute path (the trading directory is machine-wide, never"
                + " relative to the working directory), was '"
                + v
                + "'");
      }
      return at(p);
    }
    if (home == null || home.isBlank()) {
      throw new TradingRefusedException(
          SafetyRule.TRADING_DIRECTORY,
          "no home directory to put the trading directory in: set " + ENV);
    }
    return at(Path.of(home, ".quantzoo", "trading").toAbsolutePath());
  }

  /** The directory itself (absolute). */
  public Path root() {
    return root;
  }

  /** Where the sessions are. */
  public Path sessionsDir() {
    return root.resolve("sessions");
  }

  /** The directory of one session (not created). */
  public Path sessionDir(String sessionId) {
    if (!SessionId.isValid(sessionId)) {
      throw new IllegalArgumentException("not a session id: '" + sessionId + "'");
    }
    return sessionsDir().resolve(sessionId);
  }

  /** Creates the directory and its {@code sessions/} if they do not exist yet. */
  public TradingDirectory create() {
    try {
      Files.createDirectories(sessionsDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the trading directory " + root, e);
    }
    return this;
  }

  /** Ids of every session directory, oldest first (ids sort by their start time). */
  public List<String> sessionIds() {
    Path dir = sessionsDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(SessionId::isValid)
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
