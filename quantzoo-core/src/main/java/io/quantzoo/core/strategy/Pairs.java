package io.quantzoo.core.strategy;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.param.Param;
import io.quantzoo.core.util.ConfigException;
import java.util.List;
import java.util.Locale;

/**
 * Statistical arbitrage on two real symbols of one multi-symbol run (docs/strategies/pairs.md has
 * the full rules).
 *
 * <p>The strategy works on <em>aligned bars</em>: timestamps at which both legs have a bar. At each
 * aligned bar it takes the two closes, transforms them ({@code prices}: log or raw) into {@code y}
 * (leg A) and {@code x} (leg B) and, once {@code lookback} aligned bars are stored, computes over
 * the last {@code lookback} of them:
 *
 * <ul>
 *   <li>{@code beta}: the OLS slope of y on x (with intercept) for {@code hedge = rolling_ols}, or
 *       {@code hedge_ratio} for {@code hedge = fixed};
 *   <li>the spreads {@code s_i = y_i − beta·x_i} of the whole window with that one beta, and {@code
 *       z = (s_now − mean(s)) / std(s)} (population std; no signal when the std is zero);
 *   <li>{@code corr}: the correlation of the legs' log returns between consecutive bars of the
 *       window ({@code lookback − 1} returns), only when {@code min_correlation > −1}.
 * </ul>
 *
 * <p>Flat: {@code z > z_entry} and {@code corr >= min_correlation} → short spread (sell A, buy B);
 * {@code z < −z_entry} and the same filter → long spread (buy A, sell B). Each leg's quantity is
 * {@code leg_percent}% of equity divided by its close, rounded down to its lot step; nothing is
 * traded unless both quantities are positive. In a position, checked in this order: the opposite
 * entry condition ({@code z > z_entry} while long, {@code z < −z_entry} while short) → exit,
 * "PairsOpposite", no flip on the same bar; mean reversion ({@code z > −z_exit} while long, {@code
 * z < z_exit} while short: back inside the exit band or past the mean) → exit, "PairsRevert"; the
 * time stop ({@code max_holding} aligned bars since the entry signal) → exit, "PairsTimeStop".
 *
 * <p>Once per timestamp, on the second leg's call: the engine calls {@link #onBar} once per symbol
 * per timestamp, and a leg's latest bar has the current timestamp only after the engine has stepped
 * it. So the bar is handled on the call at which the <em>other</em> leg's latest bar time equals
 * the current bar's time: on the first leg's call the other leg is still at an earlier time; when
 * one leg has no bar at this timestamp the check fails on the only call. This holds whichever leg
 * comes first in the data order. A guard on the last handled timestamp makes the "once" explicit.
 * Only bars-ago 0 reads are used: no look-ahead.
 */
public final class Pairs implements Strategy {

  /**
   * Typed parameters of {@code pairs}.
   *
   * @param legA symbol of leg A (bought on a long spread)
   * @param legB symbol of leg B (sold on a long spread)
   * @param lookback window length in aligned bars
   * @param hedge how beta is obtained
   * @param prices price space of the spread
   * @param hedgeRatio beta for {@code hedge = fixed}
   * @param zEntry entry threshold on |z|
   * @param zExit exit band around the mean (&lt; zEntry)
   * @param maxHolding time stop in aligned bars, 0 = off
   * @param minCorrelation entry filter on the legs' return correlation, -1 = off
   * @param legPercent percent of equity per leg
   */
  public record Params(
      @Param(
              value =
                  "symbol of leg A (bought on a long spread); empty = the run's first symbol (or"
                      + " the one that is not leg_b)",
              def = "")
          String legA,
      @Param(
              value =
                  "symbol of leg B (sold on a long spread); empty = the run's second symbol (or"
                      + " the one that is not leg_a)",
              def = "")
          String legB,
      @Param(
              value = "window in aligned bars (both legs present) for beta, z-score, correlation",
              def = "60",
              min = 3,
              max = 100_000)
          int lookback,
      @Param(
              value = "hedge ratio beta: rolling OLS of A on B over the window, or hedge_ratio",
              def = "rolling_ols",
              choices = {"rolling_ols", "fixed"})
          String hedge,
      @Param(
              value = "price space of the spread A - beta*B",
              def = "log",
              choices = {"log", "raw"})
          String prices,
      @Param(value = "beta when hedge = fixed", def = "1", min = 0.0001, max = 10_000)
          double hedgeRatio,
      @Param(value = "enter when z > z_entry or z < -z_entry", def = "2.0", min = 0.01, max = 100)
          double zEntry,
      @Param(
              value = "exit band: exit once z is back above -z_exit (long) / below z_exit (short)",
              def = "0.5",
              min = 0,
              max = 100)
          double zExit,
      @Param(
              value = "time stop: exit after this many aligned bars; 0 = off",
              def = "20",
              min = 0,
              max = 1_000_000)
          int maxHolding,
      @Param(
              value = "no entry while the legs' log-return correlation is below this; -1 = off",
              def = "0.7",
              min = -1,
              max = 1)
          double minCorrelation,
      @Param(value = "percent of equity per leg (notional)", def = "45", min = 0.01, max = 100)
          double legPercent) {

    public Params {
      legA = legA.strip();
      legB = legB.strip();
      if (!(zExit < zEntry)) {
        throw new ConfigException(
            "params.z_exit",
            "parameter 'z_exit' of pairs must be < z_entry (" + zEntry + "), was " + zExit);
      }
      // The newest of n values is at most sqrt(n - 1) population std devs from their mean (all
      // others equal), so a threshold at or above that could never trigger an entry.
      double maxZ = Math.sqrt(lookback - 1.0);
      if (zEntry >= maxZ) {
        throw new ConfigException(
            "params.z_entry",
            String.format(
                Locale.ROOT,
                "parameter 'z_entry' of pairs must be < sqrt(lookback - 1) = %.4f (no z-score over"
                    + " %d bars can reach it), was %s",
                maxZ,
                lookback,
                zEntry));
      }
      if (!legA.isEmpty() && legA.equals(legB)) {
        throw new ConfigException(
            "params.leg_b",
            "parameter 'leg_b' of pairs must differ from leg_a (" + legA + "), was " + legB);
      }
    }
  }

  private static final int FLAT = 0;
  private static final int LONG_SPREAD = 1;
  private static final int SHORT_SPREAD = -1;

  private final Params p;
  private final boolean fixedHedge;
  private final boolean logPrices;
  private final int n;
  private final double[] ringA;
  private final double[] ringB;
  private final double[] x;
  private final double[] y;
  private final double[] retA;
  private final double[] retB;
  private String legA;
  private String legB;
  private Instrument instA;
  private Instrument instB;
  private int head;
  private int stored;
  private long aligned;
  private long lastTime = Long.MIN_VALUE;
  private int state = FLAT;
  private long entryAligned;

  public Pairs(Params p) {
    this.p = p;
    this.fixedHedge = p.hedge().equals("fixed");
    this.logPrices = p.prices().equals("log");
    this.n = p.lookback();
    ringA = new double[n];
    ringB = new double[n];
    x = new double[n];
    y = new double[n];
    retA = new double[n - 1];
    retB = new double[n - 1];
  }

  /** The registry entry. */
  public static StrategyFactory factory() {
    return StrategyFactory.of(
        "pairs",
        "Pairs trading on two symbols: z-score of the spread A - beta*B (rolling OLS or fixed"
            + " beta), dollar-neutral legs.",
        Params.class,
        Pairs::new);
  }

  /** The legs as resolved at the start of the run: [leg A, leg B]. */
  List<String> legs() {
    return List.of(legA, legB);
  }

  @Override
  public void onStart(StrategyContext ctx) {
    List<String> symbols = ctx.symbols();
    if (symbols.size() != 2) {
      throw new ConfigException(
          "data",
          "strategy pairs needs exactly 2 symbols (one data source per leg), got "
              + symbols.size()
              + ": "
              + symbols);
    }
    String a = p.legA();
    String b = p.legB();
    checkLeg("leg_a", a, symbols);
    checkLeg("leg_b", b, symbols);
    if (a.isEmpty() && b.isEmpty()) {
      a = symbols.get(0);
      b = symbols.get(1);
    } else if (a.isEmpty()) {
      a = other(symbols, b);
    } else if (b.isEmpty()) {
      b = other(symbols, a);
    }
    legA = a;
    legB = b;
  }

  private static void checkLeg(String name, String leg, List<String> symbols) {
    if (!leg.isEmpty() && !symbols.contains(leg)) {
      throw new ConfigException(
          "params." + name,
          "parameter '"
              + name
              + "' of pairs must be one of the run's symbols "
              + symbols
              + ", was "
              + leg);
    }
  }

  private static String other(List<String> two, String one) {
    return two.get(0).equals(one) ? two.get(1) : two.get(0);
  }

  @Override
  public void onBar(StrategyContext ctx) {
    String sym = ctx.symbol();
    boolean isA = sym.equals(legA);
    if (!isA && !sym.equals(legB)) {
      return;
    }
    if (isA) {
      instA = ctx.instrument();
    } else {
      instB = ctx.instrument();
    }
    long now = ctx.timeMillis();
    String otherLeg = isA ? legB : legA;
    if (now == lastTime || ctx.barIndex(otherLeg) < 0 || ctx.timeMillis(otherLeg, 0) != now) {
      return; // the other leg has no bar at this timestamp (a gap) or has not been stepped yet
    }
    lastTime = now;
    double pa = ctx.close(legA, 0);
    double pb = ctx.close(legB, 0);
    ringA[head] = pa;
    ringB[head] = pb;
    head = (head + 1) % n;
    stored = Math.min(stored + 1, n);
    aligned++;

    double z = Double.NaN;
    if (stored == n) {
      fillWindow();
      double beta = fixedHedge ? p.hedgeRatio() : PairStats.olsSlope(x, y, n);
      z = PairStats.spreadZ(x, y, n, beta);
    }

    if (state != FLAT) {
      String reason = exitReason(z);
      if (reason != null) {
        ctx.exitPosition(legA, reason);
        ctx.exitPosition(legB, reason);
        state = FLAT;
      }
      return; // an exit never flips on the same bar
    }
    int dir = z > p.zEntry() ? SHORT_SPREAD : z < -p.zEntry() ? LONG_SPREAD : FLAT;
    if (dir == FLAT || !correlationAllowsEntry()) {
      return;
    }
    double equity = ctx.equity();
    if (!(equity > 0)) {
      return;
    }
    double notional = equity * p.legPercent() / 100.0;
    double qa = instA.roundLotDown(notional / (pa * instA.pointValue()));
    double qb = instB.roundLotDown(notional / (pb * instB.pointValue()));
    if (!(qa > 0) || !(qb > 0)) {
      return; // never one leg alone
    }
    String tag = dir == LONG_SPREAD ? "PairsLong" : "PairsShort";
    ctx.order(legA, dir == LONG_SPREAD ? Side.BUY : Side.SELL, qa, tag);
    ctx.order(legB, dir == LONG_SPREAD ? Side.SELL : Side.BUY, qb, tag);
    state = dir;
    entryAligned = aligned;
  }

  /** Why to exit the open spread at this aligned bar, or null to hold. NaN z: time stop only. */
  private String exitReason(double z) {
    boolean isLong = state == LONG_SPREAD;
    if (isLong ? z > p.zEntry() : z < -p.zEntry()) {
      return "PairsOpposite";
    }
    if (isLong ? z > -p.zExit() : z < p.zExit()) {
      return "PairsRevert";
    }
    if (p.maxHolding() > 0 && aligned - entryAligned >= p.maxHolding()) {
      return "PairsTimeStop";
    }
    return null;
  }

  /** Copies the ring, oldest first, into x (leg B) and y (leg A) in the chosen price space. */
  private void fillWindow() {
    for (int i = 0; i < n; i++) {
      int j = (head + i) % n;
      x[i] = logPrices ? StrictMath.log(ringB[j]) : ringB[j];
      y[i] = logPrices ? StrictMath.log(ringA[j]) : ringA[j];
    }
  }

  private boolean correlationAllowsEntry() {
    if (p.minCorrelation() <= -1) {
      return true; // filter off
    }
    for (int i = 1; i < n; i++) {
      int j = (head + i) % n;
      int k = (head + i - 1) % n;
      retA[i - 1] = StrictMath.log(ringA[j] / ringA[k]);
      retB[i - 1] = StrictMath.log(ringB[j] / ringB[k]);
    }
    double corr = PairStats.correlation(retA, retB, n - 1);
    return corr >= p.minCorrelation();
  }
}
