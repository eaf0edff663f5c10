package io.quantzoo.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What every task needs to rebuild the sweep on an executor: the config text as the driver read it
 * (a {@code RunPlan} is not serializable and need not be), where relative paths were resolved, the
 * data files as the driver resolved them, and what the driver expects the loaded data to be.
 *
 * @param configYaml the config file's content
 * @param configSource the config's path on the driver (for messages)
 * @param configDir the config's directory on the driver
 * @param home the QuantZoo home on the driver, or null
 * @param dataPaths the absolute data paths the driver planned, in config order
 * @param groups the sweeps: one whole-config group, or one per symbol
 */
record SweepJobSpec(
    String configYaml,
    String configSource,
    String configDir,
    String home,
    List<String> dataPaths,
    List<Group> groups)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  SweepJobSpec {
    dataPaths = List.copyOf(dataPaths);
    groups = List.copyOf(groups);
  }

  /**
   * One sweep of the job.
   *
   * @param symbolIndex the position of the group's only symbol in the loaded data, or -1 for all
   * @param symbols the group's symbols, comma separated (as stored with a sweep)
   * @param fingerprint the sweep's fingerprint on the driver; every executor checks its own
   * @param from with {@code to}: the group sweeps the bars with open time in {@code [from, to]} (a
   *     walk-forward window's in-sample range, cut by {@code WindowData.slice}); null for all
   * @param to the last bar time of the range, or null for all
   */
  record Group(int symbolIndex, String symbols, String fingerprint, Long from, Long to)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    Group {
      if ((from == null) != (to == null)) {
        throw new IllegalArgumentException("from and to are both set or both null");
      }
    }

    /** A group over all the bars of its symbols. */
    Group(int symbolIndex, String symbols, String fingerprint) {
      this(symbolIndex, symbols, fingerprint, null, null);
    }
  }

  /** Key of the per-JVM cache of loaded data: equal keys load equal data. */
  String cacheKey() {
    StringBuilder b = new StringBuilder();
    b.append(configYaml).append('\0').append(configDir).append('\0').append(home).append('\0');
    dataPaths.forEach(p -> b.append(p).append('\0'));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
