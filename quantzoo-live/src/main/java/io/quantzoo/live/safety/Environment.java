package io.quantzoo.live.safety;

import io.quantzoo.core.util.ConfigException;
import java.util.Locale;
import java.util.Map;

/**
 * Where this process runs, from {@code QUANTZOO_ENV}: {@code development} (the default), {@code
 * paper} or {@code production}. Only {@code production} may trade real money, and there every
 * pre-trade limit must be set (docs/SAFETY.md).
 */
public enum Environment {
  /** A developer's machine: paper only. The default. */
  DEVELOPMENT,
  /** A paper-trading deployment: paper only. */
  PAPER,
  /** The only environment where real-money trading may start. */
  PRODUCTION;

  /** The environment variable. */
  public static final String ENV = "QUANTZOO_ENV";

  /**
   * The environment named by {@code env}'s {@code QUANTZOO_ENV}; {@link #DEVELOPMENT} when unset.
   *
   * @throws ConfigException for any other value (a typo must not silently mean "development")
   */
  public static Environment from(Map<String, String> env) {
    String v = env.get(ENV);
    if (v == null || v.isBlank()) {
      return DEVELOPMENT;
    }
    for (Environment e : values()) {
      if (e.label().equals(v.strip().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new ConfigException(
        ENV, ENV + " must be development, paper or production, was '" + v.strip() + "'");
  }

  /** The lower-case name used in {@code QUANTZOO_ENV} and in the audit log. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
