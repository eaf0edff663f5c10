package io.quantzoo.core.util;

/**
 * A configuration mistake: names the key (dotted path, e.g. {@code execution.fill}) and says what
 * rule was broken and what value was given. A user error: reported without a stack trace.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The dotted configuration key at fault. */
  public String key() {
    return key;
  }
}
