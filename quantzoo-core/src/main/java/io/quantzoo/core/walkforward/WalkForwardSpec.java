package io.quantzoo.core.walkforward;

import io.quantzoo.core.util.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code walkforward:} section.
 *
 * @param mode sliding (fixed-length in-sample) or anchored (in-sample grows from the start)
 * @param unit what the lengths count: bars, or calendar days, weeks or months (UTC)
 * @param inSample in-sample length (the first window's, when anchored)
 * @param outOfSample out-of-sample length
 * @param step how far each window moves (default: the out-of-sample length, so out-of-sample
 *     windows tile the data without gaps or overlap)
 * @param warmupBars bars before each out-of-sample window fed to its instance without trading; -1
 *     means the window's whole in-sample range
 * @param carryPositions pass positions and working orders from one window to the next
 */
public record WalkForwardSpec(
    Mode mode,
    Unit unit,
    int inSample,
    int outOfSample,
    int step,
    int warmupBars,
    boolean carryPositions) {

  /** Window modes. */
  public enum Mode {
    SLIDING,
    ANCHORED
  }

  /** Length units. */
  public enum Unit {
    BARS,
    DAYS,
    WEEKS,
    MONTHS
  }

  /** Keys allowed in the section. */
  public static final Set<String> KEYS =
      Set.of("mode", "unit", "in_sample", "out_of_sample", "step", "warmup", "carry_positions");

  public WalkForwardSpec {
    if (inSample < 1 || outOfSample < 1 || step < 1) {
      throw new ConfigException(
          "walkforward",
          "in_sample, out_of_sample and step must be >= 1, were "
              + inSample
              + ", "
              + outOfSample
              + ", "
              + step);
    }
    if (step > outOfSample) {
      throw new ConfigException(
          "walkforward.step",
          "step must be <= out_of_sample ("
              + outOfSample
              + "), else bars between windows are never traded out of sample; was "
              + step);
    }
  }

  /**
   * Validates a {@code walkforward:} section as parsed from YAML.
   *
   * @throws ConfigException naming the key, rule and value
   */
  public static WalkForwardSpec fromMap(Map<String, ?> raw) {
    if (raw == null) {
      throw new ConfigException("walkforward", "the config has no 'walkforward:' section");
    }
    for (String k : raw.keySet()) {
      if (!KEYS.contains(k)) {
        List<String> allowed = new ArrayList<>(KEYS);
        allowed.sort(null);
        throw new ConfigException(
            "walkforward." + k,
            "unknown key 'walkforward." + k + "'; allowed: " + String.join(", ", allowed));
      }
    }
    Mode mode =
        switch (text(raw, "mode", "sliding")) {
          case "sliding" -> Mode.SLIDING;
          case "anchored", "expanding" -> Mode.ANCHORED;
          default ->
              throw new ConfigException(
                  "walkforward.mode", "mode must be sliding or anchored, was " + raw.get("mode"));
        };
    Unit unit =
        switch (text(raw, "unit", "bars")) {
          case "bars" -> Unit.BARS;
          case "days" -> Unit.DAYS;
          case "weeks" -> Unit.WEEKS;
          case "months" -> Unit.MONTHS;
          default ->
              throw new ConfigException(
                  "walkforward.unit",
                  "unit must be bars, days, weeks or months, was " + raw.get("unit"));
        };
    int is = required(raw, "in_sample");
    int oos = required(raw, "out_of_sample");
    int step = raw.get("step") == null ? oos : required(raw, "step");
    int warm;
    Object w = raw.get("warmup");
    if (w == null || "in_sample".equals(String.valueOf(w))) {
      warm = -1;
    } else {
      warm = whole(w, "warmup", 0);
    }
    Object c = raw.get("carry_positions");
    if (c != null && !(c instanceof Boolean)) {
      throw new ConfigException(
          "walkforward.carry_positions", "carry_positions must be true or false, was " + c);
    }
    return new WalkForwardSpec(mode, unit, is, oos, step, warm, Boolean.TRUE.equals(c));
  }

  private static String text(Map<String, ?> raw, String k, String def) {
    Object o = raw.get(k);
    return o == null ? def : String.valueOf(o).strip().toLowerCase(Locale.ROOT);
  }

  private static int required(Map<String, ?> raw, String k) {
    Object o = raw.get(k);
    if (o == null) {
      throw new ConfigException("walkforward." + k, "key 'walkforward." + k + "' is required");
    }
    return whole(o, k, 1);
  }

  private static int whole(Object o, String k, int min) {
    if (!(o instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > Integer.MAX_VALUE) {
      throw new ConfigException(
          "walkforward." + k, k + " must be a whole number >= " + min + ", was " + o);
    }
    return n.intValue();
  }
}
