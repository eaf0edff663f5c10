package io.quantzoo.core.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * <b>Synthetic</b> (made-up, not market) 15-minute bars shaped like Micro E-mini Nasdaq-100 (MNQ)
 * futures, reproducible per seed. For tests, examples and demonstrations where real MNQ data cannot
 * be shipped; nothing measured on them says anything about the real market.
 *
 * <p>What is realistic:
 *
 * <ul>
 *   <li><b>Calendar</b>: bars only inside CME Globex sessions ({@link CmeEquityCalendar}): Sunday
 *       18:00 to Friday 17:00 New York time with the daily 17:00-18:00 break, no bars on weekends,
 *       none on full closures (New Year's Day, Good Friday, Christmas), sessions cut at 13:00 or
 *       13:15 on early-close holidays. Bar times are open times on the 15-minute grid of New York
 *       wall-clock time, so they follow daylight-saving time.
 *   <li><b>Prices</b>: a driftless log random walk with Student-t (5 degrees of freedom) bar
 *       returns; intraday volatility is U-shaped (highest in the 09:30 bar, high again before the
 *       16:00 cash close and at 08:30 data releases, quiet overnight); the level of each session's
 *       volatility follows a slow log-AR(1) process; each session opens with a small gap from the
 *       previous close. The variances are scaled so that a full session has the variance {@code
 *       annualVolatility² / 252}. High and low come from a 15-step Brownian bridge inside the bar.
 *       Every price is on the 0.25 tick and {@code low <= open, close <= high}; a bar opens at the
 *       previous close inside a session.
 *   <li><b>Volume</b>: positive whole contracts, U-shaped like volatility (tens of thousands in the
 *       opening cash bar, a few thousand overnight), larger on bars that moved more.
 * </ul>
 *
 * <p>Deterministic: the same {@link Spec} gives bit-identical bars on every JVM (a {@link
 * SplittableRandom} and {@link StrictMath} only).
 */
public final class SyntheticMnqBars {
  /** Symbol of the generated series. */
  public static final String SYMBOL = "MNQ";

  /** MNQ tick size. */
  public static final double TICK = 0.25;

  /** Bar length in minutes. */
  public static final int BAR_MINUTES = 15;

  private static final double TRADING_DAYS_PER_YEAR = 252;
  private static final int SUB_STEPS = 15;
  private static final double T_DOF = 5;
  private static final double VOL_AR = 0.8;
  private static final double VOL_SHOCK = 0.15;
  private static final double GAP_WEIGHT = 0.8;
  private static final double BASE_VOLUME = 9_000;
  private static final int SESSION_START_MINUTE = 18 * 60;
  private static final int BARS_PER_FULL_SESSION = 23 * 60 / BAR_MINUTES;
  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /**
   * What to generate.
   *
   * @param seed seed of the random source
   * @param firstDay first trading day (its session starts at 18:00 the day before)
   * @param lastDay last trading day, inclusive (&gt;= firstDay)
   * @param startPrice price at the first open (&gt; 0)
   * @param annualVolatility target annualised volatility of log returns, e.g. 0.22 (in (0, 5])
   */
  public record Spec(
      long seed,
      LocalDate firstDay,
      LocalDate lastDay,
      double startPrice,
      double annualVolatility) {
    public Spec {
      Objects.requireNonNull(firstDay, "firstDay");
      Objects.requireNonNull(lastDay, "lastDay");
      if (lastDay.isBefore(firstDay)) {
        throw new IllegalArgumentException(
            "lastDay must not be before firstDay " + firstDay + ", was " + lastDay);
      }
      if (!(startPrice > 0) || !Double.isFinite(startPrice)) {
        throw new IllegalArgumentException("startPrice must be > 0, was " + startPrice);
      }
      if (!(annualVolatility > 0 && annualVolatility <= 5)) {
        throw new IllegalArgumentException(
            "annualVolatility must be in (0, 5], was " + annualVolatility);
      }
    }

    /** MNQ around its 2025 level: start price 21,000, 22 % annualised volatility. */
    public static Spec mnq2025(long seed, LocalDate firstDay, LocalDate lastDay) {
      return new Spec(seed, firstDay, lastDay, 21_000, 0.22);
    }
  }

  private SyntheticMnqBars() {}

  /** Generates the bars of every trading day from {@code firstDay} to {@code lastDay}. */
  public static BarSeries generate(Spec spec) {
    SplittableRandom rnd = new SplittableRandom(spec.seed());
    Gauss gauss = new Gauss(rnd);
    double sessionWeights = GAP_WEIGHT * GAP_WEIGHT;
    for (int k = 0; k < BARS_PER_FULL_SESSION; k++) {
      double w = volWeight(SESSION_START_MINUTE + k * BAR_MINUTES);
      sessionWeights += w * w;
    }
    double dailySd = spec.annualVolatility() / StrictMath.sqrt(TRADING_DAYS_PER_YEAR);
    double unitSd = dailySd / StrictMath.sqrt(sessionWeights);
    double hSd = VOL_SHOCK / StrictMath.sqrt(1 - VOL_AR * VOL_AR);
    double h = hSd * gauss.next();
    double[] path = new double[SUB_STEPS + 1];

    BarSeriesBuilder b = new BarSeriesBuilder(SYMBOL, 6_000);
    double price = spec.startPrice();
    boolean first = true;
    for (LocalDate day = spec.firstDay(); !day.isAfter(spec.lastDay()); day = day.plusDays(1)) {
      LocalTime close = CmeEquityCalendar.sessionClose(day);
      if (close == null) {
        continue;
      }
      h = VOL_AR * h + VOL_SHOCK * gauss.next();
      double level = StrictMath.exp(h - hSd * hSd); // E[level^2] = 1
      double dayVolume = StrictMath.exp(0.5 * h + 0.15 * gauss.next());
      double sd = unitSd * level;
      if (!first) {
        price *= StrictMath.exp(sd * GAP_WEIGHT * studentT(gauss));
      }
      first = false;
      LocalDateTime t = LocalDateTime.of(day.minusDays(1), CmeEquityCalendar.SESSION_OPEN);
      LocalDateTime end = LocalDateTime.of(day, close);
      for (; t.isBefore(end); t = t.plusMinutes(BAR_MINUTES)) {
        int minute = t.getHour() * 60 + t.getMinute();
        double w = volWeight(minute);
        double barSd = sd * w;
        double ret = barSd * studentT(gauss);
        // Brownian bridge from 0 to ret in SUB_STEPS steps: the path inside the bar
        double stepSd = barSd / StrictMath.sqrt(SUB_STEPS);
        double walk = 0;
        double max = 0;
        double min = 0;
        for (int s = 1; s <= SUB_STEPS; s++) {
          walk += stepSd * gauss.next();
          path[s] = walk;
        }
        for (int s = 1; s < SUB_STEPS; s++) {
          double x = path[s] + (ret - walk) * s / SUB_STEPS;
          max = Math.max(max, x);
          min = Math.min(min, x);
        }
        max = Math.max(max, ret);
        min = Math.min(min, ret);
        double o = tick(price);
        double c = tick(price * StrictMath.exp(ret));
        double hi = tick(price * StrictMath.exp(max));
        double lo = tick(price * StrictMath.exp(min));
        double move = Math.abs(ret) / barSd;
        double v =
            BASE_VOLUME
                * StrictMath.pow(w, 1.5)
                * dayVolume
                * (0.6 + 0.4 * move)
                * StrictMath.exp(0.3 * gauss.next());
        long volume = Math.max(1, Math.round(v));
        long millis = t.atZone(CmeEquityCalendar.ZONE).toInstant().toEpochMilli();
        b.add(millis, o, hi, lo, c, (double) volume);
        price *= StrictMath.exp(ret);
      }
    }
    return b.build();
  }

  /**
   * Relative volatility of the bar opening at {@code minute} (minutes after local midnight; values
   * past 24:00 wrap): quiet overnight, a spike at the 18:00 reopen and the 08:30 data releases, and
   * a U across the 09:30-16:00 cash session (about 2.6 in the first bar, 0.95 at midday, 1.4 in the
   * last).
   */
  static double volWeight(int minute) {
    int m = minute % (24 * 60);
    if (m >= 18 * 60) {
      return m == 18 * 60 ? 1.0 : m < 20 * 60 ? 0.45 : 0.35;
    }
    if (m < 3 * 60) {
      return 0.35;
    }
    if (m < 8 * 60) {
      return 0.5;
    }
    if (m < 8 * 60 + 30) {
      return 0.7;
    }
    if (m < 8 * 60 + 45) {
      return 1.4;
    }
    if (m < 9 * 60 + 30) {
      return 0.8;
    }
    if (m < 16 * 60) {
      double since = m - (9 * 60 + 30);
      double until = 16 * 60 - (m + BAR_MINUTES);
      return 0.95 + 1.7 * StrictMath.exp(-since / 30) + 0.7 * StrictMath.exp(-until / 40);
    }
    return m < 16 * 60 + 15 ? 0.9 : 0.55;
  }

  /** Nearest multiple of the tick. */
  private static double tick(double p) {
    return Math.round(p / TICK) * TICK;
  }

  /** A Student-t draw with {@link #T_DOF} degrees of freedom, scaled to unit variance. */
  private static double studentT(Gauss gauss) {
    double chi2 = 0;
    for (int i = 0; i < (int) T_DOF; i++) {
      double z = gauss.next();
      chi2 += z * z;
    }
    return gauss.next() / StrictMath.sqrt(chi2 / T_DOF) * StrictMath.sqrt((T_DOF - 2) / T_DOF);
  }

  /** Standard normal draws by Marsaglia's polar method, from {@link StrictMath} only. */
  private static final class Gauss {
    private final SplittableRandom rnd;
    private double spare;
    private boolean hasSpare;

    Gauss(SplittableRandom rnd) {
      this.rnd = rnd;
    }

    double next() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      double u;
      double v;
      double s;
      do {
        u = 2 * rnd.nextDouble() - 1;
        v = 2 * rnd.nextDouble() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s == 0);
      double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      spare = v * f;
      hasSpare = true;
      return u * f;
    }
  }

  /**
   * The bars as CSV: header {@code timestamp,open,high,low,close,volume}; timestamps are bar open
   * times in New York time with their UTC offset ({@code 2025-01-02T09:30:00-05:00}), prices with
   * two decimals, volume as a whole number; one line per bar, each ending in {@code \n}.
   */
  public static String toCsv(BarSeries bars) {
    StringBuilder sb = new StringBuilder(64 * (bars.size() + 1));
    sb.append("timestamp,open,high,low,close,volume\n");
    for (int i = 0; i < bars.size(); i++) {
      ZonedDateTime t = bars.time(i).atZone(CmeEquityCalendar.ZONE);
      sb.append(CSV_TIME.format(t));
      price(sb.append(','), bars.open(i));
      price(sb.append(','), bars.high(i));
      price(sb.append(','), bars.low(i));
      price(sb.append(','), bars.close(i));
      sb.append(',').append(Math.round(bars.volume(i))).append('\n');
    }
    return sb.toString();
  }

  private static void price(StringBuilder sb, double p) {
    long cents = Math.round(p * 100);
    long frac = cents % 100;
    sb.append(cents / 100).append('.').append(frac < 10 ? "0" : "").append(frac);
  }
}
