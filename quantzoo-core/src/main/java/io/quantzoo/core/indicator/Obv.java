package io.quantzoo.core.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * On-balance volume (Granville 1963): a running total that adds the bar's volume when the close
 * rose against the previous close, subtracts it when the close fell, and leaves it unchanged when
 * the close did not move. The first bar has no previous close; its value is set by {@link Start}:
 * the first bar's volume (TA-Lib {@code OBV}, default) or 0. Warm-up 0.
 *
 * <p>The total is exact while volumes are whole numbers below 2⁵³; fractional volumes add ordinary
 * floating-point rounding to the running total.
 */
public final class Obv implements Indicator {
  private static final List<String> OUT = List.of("obv");

  /** The value of the first bar. */
  public enum Start {
    /** The first bar's volume (TA-Lib). Default. */
    FIRST_VOLUME,
    /** Zero. */
    ZERO;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Start parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  private final Start start;
  private double prevClose = Double.NaN;
  private double value = Double.NaN;

  public Obv() {
    this(Start.FIRST_VOLUME);
  }

  public Obv(Start start) {
    this.start = Objects.requireNonNull(start, "start");
  }

  /** Feeds a bar's close and volume; returns the OBV. */
  public double update(double close, double volume) {
    double pc = prevClose;
    prevClose = close;
    if (Double.isNaN(pc)) {
      value = start == Start.ZERO ? 0 : volume;
    } else if (close > pc) {
      value += volume;
    } else if (close < pc) {
      value -= volume;
    }
    return value;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(close, volume);
  }

  @Override
  public List<String> outputs() {
    return OUT;
  }

  @Override
  public double value(int k) {
    if (k != 0) {
      throw new IndexOutOfBoundsException("output " + k + " of " + OUT);
    }
    return value;
  }

  @Override
  public int warmup() {
    return 0;
  }
}
