package io.quantzoo.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The QuantZoo version, filtered into a resource at build time; stored with every run. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a build. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
