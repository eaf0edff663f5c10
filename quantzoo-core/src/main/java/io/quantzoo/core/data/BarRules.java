package io.quantzoo.core.data;

/** The validity rules every bar obeys, as one check shared by the builder and the loaders. */
public final class BarRules {
  private BarRules() {}

  /**
   * Checks one bar's values.
   *
   * @return {@code null} if the bar is valid, else a message naming the rule and the offending
   *     value
   */
  public static String check(double o, double h, double l, double c, double v) {
    if (!Double.isFinite(o)) {
      return "open must be finite, was " + o;
    }
    if (!Double.isFinite(h)) {
      return "high must be finite, was " + h;
    }
    if (!Double.isFinite(l)) {
      return "low must be finite, was " + l;
    }
    if (!Double.isFinite(c)) {
      return "close must be finite, was " + c;
    }
    if (!Double.isFinite(v)) {
      return "volume must be finite, was " + v;
    }
    if (l <= 0) {
      return "prices must be positive, low was " + l;
    }
    if (h < l) {
      return "high must be >= low, was high " + h + " < low " + l;
    }
    if (o < l || o > h) {
      return "open must lie in [low, high], was " + o + " outside [" + l + ", " + h + "]";
    }
    if (c < l || c > h) {
      return "close must lie in [low, high], was " + c + " outside [" + l + ", " + h + "]";
    }
    if (v < 0) {
      return "volume must be >= 0, was " + v;
    }
    return null;
  }
}
