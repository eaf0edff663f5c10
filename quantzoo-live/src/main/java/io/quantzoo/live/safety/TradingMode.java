package io.quantzoo.live.safety;

import io.quantzoo.core.util.ConfigException;
import java.util.Locale;

/** What a trading config asks for ({@code mode:}): {@code paper} (the default) or {@code live}. */
public enum TradingMode {
  /** Simulated fills or a broker's paper account: no real money. */
  PAPER,
  /** Real money at a real broker. */
  LIVE;

  /**
   * Parses a config value; null or blank means {@link #PAPER}.
   *
   * @throws ConfigException for any other value
   */
  public static TradingMode parse(String v) {
    if (v == null || v.isBlank()) {
      return PAPER;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "paper" -> PAPER;
      case "live" -> LIVE;
      default ->
          throw new ConfigException("mode", "mode must be paper or live, was '" + v.strip() + "'");
    };
  }

  /** The lower-case name used in configs and in the audit log. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
