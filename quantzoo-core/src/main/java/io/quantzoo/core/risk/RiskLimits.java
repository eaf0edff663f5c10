package io.quantzoo.core.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-trade limits of a {@link PreTradeRiskGate} (the {@code risk:} section of a run config;
 * docs/SAFETY-CONTROLS.md). Every limit is optional: a NaN number, a zero count or window, or
 * {@code false} for {@code sessionHours} means unset, and the control is off. Amounts are in the
 * account currency; notional is quantity × price × point value.
 *
 * @param maxOrderQuantity {@code max_order_quantity}: the most units one order may have
 * @param maxOrderNotional {@code max_order_notional}: the largest notional of one order
 * @param maxPositionQuantity {@code max_position_quantity}: the largest |position| of a symbol,
 *     counting its working orders that may add exposure and the order itself
 * @param maxPositionNotional {@code max_position_notional}: the same, as notional at the last price
 * @param maxGrossExposure {@code max_gross_exposure}: the largest gross exposure, all symbols,
 *     positions and working orders included
 * @param maxOpenOrders {@code max_open_orders}: the most working orders
 * @param maxOrdersPerSecond {@code max_orders_per_second}: the throttle, a sliding second of the
 *     engine clock
 * @param priceCollarPct {@code price_collar_pct}: how far (percent of the last price) a limit or
 *     stop price may be from the last price
 * @param duplicateWindowMillis {@code duplicate_window}: the window of the duplicate-order guard
 * @param leverage {@code leverage}: buying power is equity × leverage
 * @param maxDailyLoss {@code max_daily_loss}: the most the account may lose in one exchange session
 *     day before the gate halts trading for the rest of it
 * @param maxDrawdownPct {@code max_drawdown_pct}: the largest drawdown from peak equity (percent)
 *     before the gate lets only reducing orders through
 * @param staleBars {@code stale_bars}: new exposure is denied when the symbol's newest bar is older
 *     than this many bar intervals
 * @param sessionHours {@code session_hours}: new exposure only within the instrument's regular
 *     session
 */
public record RiskLimits(
    double maxOrderQuantity,
    double maxOrderNotional,
    double maxPositionQuantity,
    double maxPositionNotional,
    double maxGrossExposure,
    int maxOpenOrders,
    int maxOrdersPerSecond,
    double priceCollarPct,
    long duplicateWindowMillis,
    double leverage,
    double maxDailyLoss,
    double maxDrawdownPct,
    int staleBars,
    boolean sessionHours) {

  /** The default throttle of {@code qz trade}: 100 orders per second. */
  public static final int DEFAULT_ORDERS_PER_SECOND = 100;

  /** The default price collar of {@code qz trade}: 10 % from the last price. */
  public static final double DEFAULT_PRICE_COLLAR_PCT = 10;

  public RiskLimits {
    positiveOrUnset(maxOrderQuantity, "max_order_quantity");
    positiveOrUnset(maxOrderNotional, "max_order_notional");
    positiveOrUnset(maxPositionQuantity, "max_position_quantity");
    positiveOrUnset(maxPositionNotional, "max_position_notional");
    positiveOrUnset(maxGrossExposure, "max_gross_exposure");
    positiveOrUnset(priceCollarPct, "price_collar_pct");
    positiveOrUnset(leverage, "leverage");
    positiveOrUnset(maxDailyLoss, "max_daily_loss");
    positiveOrUnset(maxDrawdownPct, "max_drawdown_pct");
    if (maxDrawdownPct >= 100) {
      throw new IllegalArgumentException("max_drawdown_pct must be < 100, was " + maxDrawdownPct);
    }
    if (maxOpenOrders < 0) {
      throw new IllegalArgumentException("max_open_orders must be > 0, was " + maxOpenOrders);
    }
    if (maxOrdersPerSecond < 0) {
      throw new IllegalArgumentException(
          "max_orders_per_second must be > 0, was " + maxOrdersPerSecond);
    }
    if (duplicateWindowMillis < 0) {
      throw new IllegalArgumentException(
          "duplicate_window must be > 0, was " + duplicateWindowMillis + " ms");
    }
    if (staleBars < 0) {
      throw new IllegalArgumentException("stale_bars must be > 0, was " + staleBars);
    }
  }

  private static void positiveOrUnset(double v, String key) {
    if (!Double.isNaN(v) && (!(v > 0) || Double.isInfinite(v))) {
      throw new IllegalArgumentException(key + " must be > 0, was " + v);
    }
  }

  /** Every control off: {@code qz run} and research runs without a {@code risk:} section. */
  public static RiskLimits none() {
    double n = Double.NaN;
    return new RiskLimits(n, n, n, n, n, 0, 0, n, 0, n, n, n, 0, false);
  }

  /**
   * The documented defaults of {@code qz trade} for an account starting with {@code initialCash}:
   * order notional, position notional and gross exposure at most 2 × initial cash, buying power at
   * leverage 2, at most 50 working orders, 100 orders per second, a 10 % price collar, a 1 s
   * duplicate window, a daily loss of at most 5 % of initial cash, a drawdown of at most 20 %, data
   * no older than 3 bar intervals, new exposure only in the regular session. Order and position
   * quantities depend on the instrument and stay unset.
   */
  public static RiskLimits defaultsForTrading(double initialCash) {
    if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
      throw new IllegalArgumentException("initial cash must be > 0, was " + initialCash);
    }
    return new RiskLimits(
        Double.NaN,
        2 * initialCash,
        Double.NaN,
        2 * initialCash,
        2 * initialCash,
        50,
        DEFAULT_ORDERS_PER_SECOND,
        DEFAULT_PRICE_COLLAR_PCT,
        1_000,
        2,
        0.05 * initialCash,
        20,
        3,
        true);
  }

  /** Whether every control is off. */
  public boolean isNone() {
    return unsetLimits().size() == 14;
  }

  /**
   * The config keys of the controls that are unset (off), in the order of the config section; a
   * production trader refuses to start while this is not empty.
   */
  public List<String> unsetLimits() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : entries(true).entrySet()) {
      if (e.getValue() == null) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * The set controls as config values by key ({@code duplicate_window} as text, e.g. "1s"), in the
   * order of the config section: the {@code risk:} section of an effective config.
   */
  public Map<String, Object> asConfig() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries(false)
        .forEach((k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  private Map<String, Object> entries(boolean keepUnset) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_order_quantity", num(maxOrderQuantity));
    m.put("max_order_notional", num(maxOrderNotional));
    m.put("max_position_quantity", num(maxPositionQuantity));
    m.put("max_position_notional", num(maxPositionNotional));
    m.put("max_gross_exposure", num(maxGrossExposure));
    m.put("max_open_orders", maxOpenOrders > 0 ? maxOpenOrders : null);
    m.put("max_orders_per_second", maxOrdersPerSecond > 0 ? maxOrdersPerSecond : null);
    m.put("price_collar_pct", num(priceCollarPct));
    m.put(
        "duplicate_window",
        duplicateWindowMillis > 0 ? formatDuration(duplicateWindowMillis) : null);
    m.put("leverage", num(leverage));
    m.put("max_daily_loss", num(maxDailyLoss));
    m.put("max_drawdown_pct", num(maxDrawdownPct));
    m.put("stale_bars", staleBars > 0 ? staleBars : null);
    m.put("session_hours", sessionHours ? Boolean.TRUE : null);
    return m;
  }

  private static Double num(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** A window as config text: "250ms", "5s", "2m", "1h". */
  public static String formatDuration(long millis) {
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }

  /**
   * Reads a window written as a whole number and a unit: {@code ms}, {@code s}, {@code m} or {@code
   * h} (e.g. "500ms", "5s").
   *
   * @throws IllegalArgumentException naming the text when it is not such a window or not &gt; 0
   */
  public static long parseDuration(String text) {
    String t = text.strip();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      throw new IllegalArgumentException(
          "must be a duration such as 500ms, 5s, 2m or 1h, was " + text);
    }
    long n = Long.parseLong(t.substring(0, i));
    long unit =
        switch (t.substring(i).strip()) {
          case "ms" -> 1;
          case "s" -> 1_000;
          case "m" -> 60_000;
          case "h" -> 3_600_000;
          default ->
              throw new IllegalArgumentException(
                  "must be a duration such as 500ms, 5s, 2m or 1h, was " + text);
        };
    if (n == 0) {
      throw new IllegalArgumentException("must be > 0, was " + text);
    }
    return n * unit;
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder starting from {@link #none()}. */
  public static Builder builder() {
    return new Builder(none());
  }

  /** Sets limits one by one; {@link #build} validates them. */
  public static final class Builder {
    private double maxOrderQuantity;
    private double maxOrderNotional;
    private double maxPositionQuantity;
    private double maxPositionNotional;
    private double maxGrossExposure;
    private int maxOpenOrders;
    private int maxOrdersPerSecond;
    private double priceCollarPct;
    private long duplicateWindowMillis;
    private double leverage;
    private double maxDailyLoss;
    private double maxDrawdownPct;
    private int staleBars;
    private boolean sessionHours;

    private Builder(RiskLimits l) {
      maxOrderQuantity = l.maxOrderQuantity;
      maxOrderNotional = l.maxOrderNotional;
      maxPositionQuantity = l.maxPositionQuantity;
      maxPositionNotional = l.maxPositionNotional;
      maxGrossExposure = l.maxGrossExposure;
      maxOpenOrders = l.maxOpenOrders;
      maxOrdersPerSecond = l.maxOrdersPerSecond;
      priceCollarPct = l.priceCollarPct;
      duplicateWindowMillis = l.duplicateWindowMillis;
      leverage = l.leverage;
      maxDailyLoss = l.maxDailyLoss;
      maxDrawdownPct = l.maxDrawdownPct;
      staleBars = l.staleBars;
      sessionHours = l.sessionHours;
    }

    /** Sets {@link RiskLimits#maxOrderQuantity()}. */
    public Builder maxOrderQuantity(double v) {
      maxOrderQuantity = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxOrderNotional()}. */
    public Builder maxOrderNotional(double v) {
      maxOrderNotional = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxPositionQuantity()}. */
    public Builder maxPositionQuantity(double v) {
      maxPositionQuantity = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxPositionNotional()}. */
    public Builder maxPositionNotional(double v) {
      maxPositionNotional = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxGrossExposure()}. */
    public Builder maxGrossExposure(double v) {
      maxGrossExposure = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxOpenOrders()}. */
    public Builder maxOpenOrders(int v) {
      maxOpenOrders = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxOrdersPerSecond()}. */
    public Builder maxOrdersPerSecond(int v) {
      maxOrdersPerSecond = v;
      return this;
    }

    /** Sets {@link RiskLimits#priceCollarPct()}. */
    public Builder priceCollarPct(double v) {
      priceCollarPct = v;
      return this;
    }

    /** Sets {@link RiskLimits#duplicateWindowMillis()}. */
    public Builder duplicateWindowMillis(long v) {
      duplicateWindowMillis = v;
      return this;
    }

    /** Sets {@link RiskLimits#leverage()}. */
    public Builder leverage(double v) {
      leverage = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxDailyLoss()}. */
    public Builder maxDailyLoss(double v) {
      maxDailyLoss = v;
      return this;
    }

    /** Sets {@link RiskLimits#maxDrawdownPct()}. */
    public Builder maxDrawdownPct(double v) {
      maxDrawdownPct = v;
      return this;
    }

    /** Sets {@link RiskLimits#staleBars()}. */
    public Builder staleBars(int v) {
      staleBars = v;
      return this;
    }

    /** Sets {@link RiskLimits#sessionHours()}. */
    public Builder sessionHours(boolean v) {
      sessionHours = v;
      return this;
    }

    /**
     * The limits.
     *
     * @throws IllegalArgumentException naming the config key of a bad value
     */
    public RiskLimits build() {
      return new RiskLimits(
          maxOrderQuantity,
          maxOrderNotional,
          maxPositionQuantity,
          maxPositionNotional,
          maxGrossExposure,
          maxOpenOrders,
          maxOrdersPerSecond,
          priceCollarPct,
          duplicateWindowMillis,
          leverage,
          maxDailyLoss,
          maxDrawdownPct,
          staleBars,
          sessionHours);
    }
  }
}
