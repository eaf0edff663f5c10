package io.quantzoo.core.indicator;

import java.util.List;

/**
 * Parabolic SAR (Wilder 1978), as TA-Lib {@code SAR} / {@code SAREXT}: the stop level in force
 * during each bar. Output {@code sar}, first value at bar 1 ({@code warmup() = 1}).
 *
 * <p>Start: the direction is short if bar 1 has a minus directional movement ({@code L₀ − L₁ > 0}
 * and {@code L₀ − L₁ > H₁ − H₀}), else long (TA-Lib). Long: SAR = L₀, extreme point EP = H₁; short:
 * SAR = H₀, EP = L₁; acceleration factor AF = {@code afStart}.
 *
 * <p>Each bar t ≥ 1, long (short mirrored, with highs and lows swapped and inequalities reversed):
 *
 * <ul>
 *   <li>if {@code L ≤ SAR}, reverse: the bar's SAR is the EP, raised to at least the previous and
 *       current high; then short with AF = {@code afStart}, EP = L, and the next SAR = {@code SAR +
 *       AF·(EP − SAR)} raised to at least the previous and current high;
 *   <li>else the bar's SAR is the current one; a new high above the EP becomes the EP and raises AF
 *       by {@code afStep} (at most {@code afMax}); next SAR = {@code SAR + AF·(EP − SAR)}, lowered
 *       to at most the previous and current low.
 * </ul>
 *
 * <p>At bar 1 the "previous" bar is bar 1 itself, as in TA-Lib. Defaults 0.02 / 0.02 / 0.2.
 */
public final class ParabolicSar implements Indicator {
  private static final List<String> OUT = List.of("sar");
  private final double afStart;
  private final double afStep;
  private final double afMax;
  private int count;
  private double firstHigh;
  private double firstLow;
  private double prevHigh;
  private double prevLow;
  private boolean isLong;
  private double sar;
  private double ep;
  private double af;
  private double value = Double.NaN;

  public ParabolicSar() {
    this(0.02, 0.02, 0.2);
  }

  public ParabolicSar(double afStart, double afStep, double afMax) {
    if (!(afStart > 0) || !Double.isFinite(afStart)) {
      throw new IllegalArgumentException("af_start must be > 0 and finite, was " + afStart);
    }
    if (!(afStep >= 0) || !Double.isFinite(afStep)) {
      throw new IllegalArgumentException("af_step must be >= 0 and finite, was " + afStep);
    }
    if (!(afMax >= afStart) || !Double.isFinite(afMax)) {
      throw new IllegalArgumentException(
          "af_max must be >= af_start (" + afStart + ") and finite, was " + afMax);
    }
    this.afStart = afStart;
    this.afStep = afStep;
    this.afMax = afMax;
  }

  /** Feeds a bar's high and low; returns the SAR in force during it (NaN at bar 0). */
  public double update(double high, double low) {
    count++;
    if (count == 1) {
      firstHigh = high;
      firstLow = low;
      return value;
    }
    if (count == 2) {
      double up = high - firstHigh;
      double down = firstLow - low;
      isLong = !(down > 0 && down > up);
      if (isLong) {
        ep = high;
        sar = firstLow;
      } else {
        ep = low;
        sar = firstHigh;
      }
      af = afStart;
      prevHigh = high;
      prevLow = low;
    }
    double ph = prevHigh;
    double pl = prevLow;
    prevHigh = high;
    prevLow = low;
    if (isLong) {
      if (low <= sar) {
        isLong = false;
        sar = Math.max(ep, Math.max(ph, high));
        value = sar;
        af = afStart;
        ep = low;
        sar = Math.max(sar + af * (ep - sar), Math.max(ph, high));
      } else {
        value = sar;
        if (high > ep) {
          ep = high;
          af = Math.min(af + afStep, afMax);
        }
        sar = Math.min(sar + af * (ep - sar), Math.min(pl, low));
      }
    } else {
      if (high >= sar) {
        isLong = true;
        sar = Math.min(ep, Math.min(pl, low));
        value = sar;
        af = afStart;
        ep = high;
        sar = Math.min(sar + af * (ep - sar), Math.min(pl, low));
      } else {
        value = sar;
        if (low < ep) {
          ep = low;
          af = Math.min(af + afStep, afMax);
        }
        sar = Math.max(sar + af * (ep - sar), Math.max(ph, high));
      }
    }
    return value;
  }

  @Override
  public void update(
      long timeMillis, double open, double high, double low, double close, double volume) {
    update(high, low);
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
    return 1;
  }
}
