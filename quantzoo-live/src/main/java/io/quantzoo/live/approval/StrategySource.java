package io.quantzoo.live.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The hash an approval binds to: SHA-256 over the compiled code of a strategy class and its nest
 * (nested and inner classes), in name order. Any change to the strategy's code changes it; the same
 * build gives the same hash on every machine.
 */
public final class StrategySource {
  private StrategySource() {}

  /** The strategy class's source hash (hex). */
  public static String hash(Class<?> strategyClass) {
    Class<?> host = strategyClass.getNestHost();
    Class<?>[] members = host.getNestMembers().clone();
    Arrays.sort(members, Comparator.comparing(Class::getName));
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Class<?> c : members) {
      String res = "/" + c.getName().replace('.', '/') + ".class";
      try (InputStream in = c.getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("no class file for " + c.getName());
        }
        md.update(c.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
