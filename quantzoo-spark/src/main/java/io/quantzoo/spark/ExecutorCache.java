package io.quantzoo.spark;

import io.quantzoo.app.sweep.Sweeps;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.ParamSpace;
import io.quantzoo.core.sweep.PointEvaluator;
import io.quantzoo.core.walkforward.WindowData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bars and evaluators of the sweeps an executor JVM works on, loaded once per JVM (not per
 * task) and shared read-only by its tasks. Keyed by the config text, its directory and the data
 * paths; at most {@value #MAX_ENTRIES} configs are kept. The groups of a config (symbols,
 * walk-forward windows) share its bars: a window's in-sample bars are a slice of them. Before a
 * group's first point, the data's fingerprint is checked against the driver's: an executor that
 * reads other files than the driver (a stale copy, another mount) fails its tasks instead of
 * returning different results.
 */
final class ExecutorCache {
  private ExecutorCache() {}

  static final int MAX_ENTRIES = 2;

  private static final Map<String, Entry> CACHE = new LinkedHashMap<>(4, 0.75f, true);

  /** Loads done by this JVM (tests check that a JVM loads once per config). */
  static final AtomicInteger LOADS = new AtomicInteger();

  /**
   * What a task evaluates with.
   *
   * @param space the sweep's points
   * @param evaluator runs one point (thread-safe)
   */
  record Prepared(ParamSpace space, PointEvaluator evaluator) {}

  private static final class Entry {
    final LoadedSweep sweep;
    final Map<SweepJobSpec.Group, Prepared> byGroup = new HashMap<>();

    Entry(LoadedSweep sweep) {
      this.sweep = sweep;
    }
  }

  /** The evaluator of group {@code g} of {@code job}, loading the data if this JVM has not yet. */
  static synchronized Prepared prepared(SweepJobSpec job, int g) {
    String key = job.cacheKey();
    Entry e = CACHE.get(key);
    boolean fresh = e == null;
    if (fresh) {
      e = load(job, key);
    }
    SweepJobSpec.Group group = job.groups().get(g);
    Prepared p = e.byGroup.get(group);
    if (p != null) {
      return p;
    }
    List<SymbolData> data = e.sweep.groupData(group.symbolIndex());
    if (group.from() != null) {
      data = WindowData.slice(data, group.from(), group.to());
    }
    String fp = Sweeps.fingerprint(e.sweep.plan(), e.sweep.spec(), data);
    if (!fp.equals(group.fingerprint())) {
      if (!fresh) {
        CACHE.remove(key); // the files changed since this JVM read them: read them again
        return prepared(job, g);
      }
      throw new IllegalStateException(
          "executor "
              + executorId()
              + " read other data than the driver for "
              + group.symbols()
              + " (sweep fingerprint "
              + fp
              + ", driver "
              + group.fingerprint()
              + ") from "
              + job.dataPaths()
              + "; every executor must read the same files at the same paths (docs/SPARK.md)");
    }
    p =
        new Prepared(
            e.sweep.spec().space(), Sweeps.evaluator(e.sweep.plan(), e.sweep.spec(), data));
    e.byGroup.put(group, p);
    return p;
  }

  private static Entry load(SweepJobSpec job, String key) {
    Entry e = new Entry(LoadedSweep.load(job));
    LOADS.incrementAndGet();
    CACHE.put(key, e);
    while (CACHE.size() > MAX_ENTRIES) {
      String eldest = CACHE.keySet().iterator().next();
      CACHE.remove(eldest);
    }
    return e;
  }

  /** Forgets every loaded config (tests). */
  static synchronized void clear() {
    CACHE.clear();
  }

  private static String executorId() {
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    return env == null ? "?" : env.executorId();
  }
}
