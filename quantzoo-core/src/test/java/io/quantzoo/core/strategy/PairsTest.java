package io.quantzoo.core.strategy;

import static io.quantzoo.core.order.Side.BUY;
import static io.quantzoo.core.order.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.FillModel;
import io.quantzoo.core.instrument.AssetClass;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.Bars;
import io.quantzoo.core.util.ConfigException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-worked two-symbol scenarios for {@code pairs}.
 *
 * <p>Unless a test says otherwise: daily flat bars (open = high = low = close, so a next-open fill
 * happens at the next bar's price), 100,000 cash, no costs, whole-unit lots (lot step 1, so
 * quantities are easy floors), and hand-friendly parameters: hedge fixed with beta 1 on raw prices
 * (spread = A − B in dollars), lookback 4, z_entry 1.5, z_exit 0.5, no correlation filter, 45 % of
 * equity per leg. A useful fact: four spreads 0, 0, 0, d have mean d/4 and population std d√3/4, so
 * z = √3 ≈ 1.732 (> 1.5) for any d ≠ 0, with the sign of d.
 */
class PairsTest {
  private static final Map<String, Object> HAND =
      Map.of(
          "hedge",
          "fixed",
          "hedge_ratio",
          1,
          "prices",
          "raw",
          "lookback",
          4,
          "z_entry",
          1.5,
          "z_exit",
          0.5,
          "min_correlation",
          -1,
          "leg_percent",
          45);

  private static Instrument wholeUnits(String symbol) {
    return new Instrument(
        symbol, AssetClass.CRYPTO, 0.01, 1.0, "USD", 1.0, ZoneId.of("UTC"), null, null);
  }

  /** Flat daily bars with these prices, one per day from day 0. */
  private static BarSeries flat(String symbol, double... prices) {
    Bars b = Bars.of(symbol);
    for (double p : prices) {
      b.flat(p);
    }
    return b.build();
  }

  /** Flat daily bars with these prices, except that day {@code missing} has no bar. */
  private static BarSeries flatWithout(String symbol, int missing, double... prices) {
    Bars b = Bars.of(symbol);
    for (int d = 0; d < prices.length; d++) {
      if (d != missing) {
        b.barAt(Bars.START + d * Bars.DAY, prices[d], prices[d], prices[d], prices[d]);
      }
    }
    return b.build();
  }

  private static Strategy pairs(Map<String, Object> overrides) {
    Map<String, Object> raw = new HashMap<>(HAND);
    raw.putAll(overrides);
    StrategyFactory f = StrategyRegistry.builtIn().get("pairs");
    return f.create(Params.resolve("pairs", f.params(), raw));
  }

  private static BacktestResult run(Map<String, Object> overrides, BarSeries... legs) {
    return run(EngineConfig.defaults(), pairs(overrides), legs);
  }

  private static BacktestResult run(EngineConfig cfg, Strategy s, BarSeries... legs) {
    List<SymbolData> data = new ArrayList<>();
    for (BarSeries b : legs) {
      data.add(new SymbolData(b, wholeUnits(b.symbol())));
    }
    return new BacktestEngine(cfg).run(data, s);
  }

  private static List<Tuple> fills(BacktestResult r) {
    return r.fills().stream()
        .map(f -> tuple(f.symbol(), f.barIndex(), f.side(), f.quantity(), f.price(), f.tag()))
        .toList();
  }

  @Test
  void shortSpreadEntersAboveZEntryAndExitsOnMeanReversion() {
    // Spread A − B: 0, 0, 0, 10, 10, 0, 0.
    // Day 3: window 0,0,0,10 → z = √3 > 1.5 → short spread. Notional 45 % × 100,000 = 45,000:
    //   A: floor(45,000 / 110) = floor(409.09) = 409; B: 45,000 / 100 = 450. Fill at day 4:
    // 110/100.
    // Day 4: window 0,0,10,10: mean 5, std 5, z = 1 → hold (not < 0.5, not < −1.5).
    // Day 5: window 0,10,10,0: z = (0 − 5) / 5 = −1 → z < z_exit: exit (an overshoot past the mean
    //   counts as reverted, although |z| = 1 > 0.5). Fill at day 6: A 100, B 100.
    // Day 6 (flat): window 10,10,0,0: z = −1 → no entry.
    // P&L: A short 409 × (110 − 100) = +4,090; B long 450 × 0 = 0.
    BacktestResult r =
        run(
            Map.of(),
            flat("A", 100, 100, 100, 110, 110, 100, 100),
            flat("B", 100, 100, 100, 100, 100, 100, 100));
    assertThat(fills(r))
        .containsExactly(
            tuple("A", 4, SELL, 409.0, 110.0, "PairsShort"),
            tuple("B", 4, BUY, 450.0, 100.0, "PairsShort"),
            tuple("A", 6, BUY, 409.0, 100.0, "PairsRevert"),
            tuple("B", 6, SELL, 450.0, 100.0, "PairsRevert"));
    assertThat(r.trades()).extracting(Trade::netPnl).containsExactly(4_090.0, 0.0);
    assertThat(r.equity().finalEquity()).isCloseTo(104_090, within(1e-6));
  }

  /** Long-spread scenario: spread 0, 0, 0, −10, −10, −10, −10. */
  private static final double[] TS_A = {100, 100, 100, 90, 90, 90, 95};

  private static final double[] TS_B = {100, 100, 100, 100, 100, 100, 105};

  @Test
  void longSpreadLeavesOnTheTimeStop() {
    // Day 3: window 0,0,0,−10 → z = −√3 < −1.5 → long spread: buy A floor(45,000 / 90) = 500,
    //   sell B 450; fill at day 4: A 90, B 100.
    // Day 4: window 0,0,−10,−10 → z = −1: not reverted (needs z > −0.5); held 1 bar.
    // Day 5: window 0,−10,−10,−10 → mean −7.5, variance (56.25 + 3 × 6.25) / 4 = 18.75,
    //   z = −2.5 / 4.33 = −0.577: still not reverted; held 2 = max_holding → time stop.
    // Fill at day 6: A sells 500 at 95 (+2,500), B buys back 450 at 105 (−2,250) → +250.
    // Day 6 (flat): window all −10 → std 0 → no signal.
    BacktestResult r = run(Map.of("max_holding", 2), flat("A", TS_A), flat("B", TS_B));
    assertThat(fills(r))
        .containsExactly(
            tuple("A", 4, BUY, 500.0, 90.0, "PairsLong"),
            tuple("B", 4, SELL, 450.0, 100.0, "PairsLong"),
            tuple("A", 6, SELL, 500.0, 95.0, "PairsTimeStop"),
            tuple("B", 6, BUY, 450.0, 105.0, "PairsTimeStop"));
    assertThat(r.equity().finalEquity()).isCloseTo(100_250, within(1e-6));

    // Without the time stop nothing exits the spread before the data ends (day 6: z undefined).
    BacktestResult off = run(Map.of("max_holding", 0), flat("A", TS_A), flat("B", TS_B));
    assertThat(off.trades()).extracting(Trade::exitReason).containsOnly("EndOfData");
  }

  @Test
  void holdingIsCountedInAlignedBarsOnly() {
    // The time-stop scenario with one extra day (day 5) on which only B has a bar: A's days are
    // 0,1,2,3,4,6,7 and B's 0..7, B's day 5 price 100. The aligned sequence is the same as above,
    // so the time stop fires on the second aligned bar after the signal, day 6 (not on B's lone
    // day 5), and fills on day 7 at A 95 / B 105.
    BarSeries a = flatWithout("A", 5, 100, 100, 100, 90, 90, 0, 90, 95);
    BarSeries b = flat("B", 100, 100, 100, 100, 100, 100, 100, 105);
    BacktestResult r = run(Map.of("max_holding", 2), a, b);
    long day7 = Bars.START + 7 * Bars.DAY;
    assertThat(r.fills())
        .extracting(Fill::symbol, Fill::timeMillis, Fill::side, Fill::price, Fill::tag)
        .containsExactly(
            tuple("A", Bars.START + 4 * Bars.DAY, BUY, 90.0, "PairsLong"),
            tuple("B", Bars.START + 4 * Bars.DAY, SELL, 100.0, "PairsLong"),
            tuple("A", day7, SELL, 95.0, "PairsTimeStop"),
            tuple("B", day7, BUY, 105.0, "PairsTimeStop"));
  }

  /** Spread 0, 0, 0, −10, 20, 50, 50 (B flat at 100). */
  private static final double[] OPP_A = {100, 100, 100, 90, 120, 150, 150};

  private static final double[] OPP_B = {100, 100, 100, 100, 100, 100, 100};

  @Test
  void oppositeSignalExitsWithoutFlippingThenEntersOnALaterBar() {
    // Day 3: z = −√3 → long spread: buy A 500 (45,000 / 90), sell B 450; fill day 4: A 120, B 100.
    // Day 4: window 0,0,−10,20: mean 2.5, variance (6.25 + 6.25 + 156.25 + 306.25) / 4 = 118.75,
    //   z = 17.5 / 10.897 = 1.606 > 1.5 → the opposite entry: exit only. Fill day 5: A 150, B 100.
    //   Cash: 100,000 − 60,000 + 45,000 = 85,000, then + 75,000 − 45,000 = 115,000.
    // Day 5 (flat): window 0,−10,20,50: mean 15, variance (225 + 625 + 25 + 1225) / 4 = 525,
    //   z = 35 / 22.913 = 1.528 > 1.5 → short spread on 45 % of 115,000 = 51,750:
    //   A floor(51,750 / 150) = 345, B floor(517.5) = 517. Fill day 6: A 150, B 100.
    // Day 6: window −10,20,50,50: mean 27.5, variance 618.75, z = 22.5 / 24.87 = 0.905 → hold;
    //   the data ends and the engine closes both legs at day 6's close.
    BacktestResult r = run(Map.of(), flat("A", OPP_A), flat("B", OPP_B));
    assertThat(fills(r))
        .containsExactly(
            tuple("A", 4, BUY, 500.0, 120.0, "PairsLong"),
            tuple("B", 4, SELL, 450.0, 100.0, "PairsLong"),
            tuple("A", 5, SELL, 500.0, 150.0, "PairsOpposite"),
            tuple("B", 5, BUY, 450.0, 100.0, "PairsOpposite"),
            tuple("A", 6, SELL, 345.0, 150.0, "PairsShort"),
            tuple("B", 6, BUY, 517.0, 100.0, "PairsShort"),
            tuple("A", 6, BUY, 345.0, 150.0, "EndOfData"),
            tuple("B", 6, SELL, 517.0, 100.0, "EndOfData"));
    assertThat(r.equity().finalEquity()).isCloseTo(115_000, within(1e-6));
  }

  @Test
  void legsAreFoundByNameWhateverTheDataOrder() {
    BacktestResult ab = run(Map.of(), flat("A", OPP_A), flat("B", OPP_B));
    // Data order B, A: the bar is now handled on A's call, yet with leg_a = A the same orders
    // are placed (fills within a timestamp come in data order, hence "in any order").
    BacktestResult ba = run(Map.of("leg_a", "A"), flat("B", OPP_B), flat("A", OPP_A));
    assertThat(fills(ba)).containsExactlyInAnyOrderElementsOf(fills(ab));
    BacktestResult explicit =
        run(Map.of("leg_a", "A", "leg_b", "B"), flat("A", OPP_A), flat("B", OPP_B));
    assertThat(fills(explicit)).isEqualTo(fills(ab));
    // Defaults follow the data order: with data B, A and no legs named, leg A is B. The spread
    // B − A is the mirror image (−10 → +10 on day 3): a short spread that sells B and buys A.
    BacktestResult mirrored = run(Map.of(), flat("B", OPP_B), flat("A", OPP_A));
    assertThat(fills(mirrored).subList(0, 2))
        .containsExactly(
            tuple("B", 4, SELL, 450.0, 100.0, "PairsShort"),
            tuple("A", 4, BUY, 500.0, 120.0, "PairsShort"));
  }

  @Test
  void noActionOnATimestampWhereOneLegIsMissing() {
    // With all bars present, A's 110 on day 3 makes the spread 0,0,0,10 → short spread (filled
    // day 4); day 4's window 0,0,10,0 gives z = −2.5 / 4.33 = −0.577 → exit (filled day 5).
    double[] a = {100, 100, 100, 110, 100, 100};
    double[] b = {100, 100, 100, 100, 100, 100};
    assertThat(run(Map.of(), flat("A", a), flat("B", b)).fills()).hasSize(4); // entry + exit
    // B (the second leg in data order) has no bar on day 3: day 3 is not an aligned bar, A's 110
    // never enters the window, and the aligned spreads are 0,0,0,0,0 → std 0 → no order ever.
    // (Pairing A's 110 with B's stale day-2 close would have signalled.)
    assertThat(run(Map.of(), flat("A", a), flatWithout("B", 3, b)).fills()).isEmpty();
    // The same with the first leg in data order missing: B drops to 90 on day 3 while A has no
    // bar; A's stale 100 against 90 would be a spread of 10.
    double[] b90 = {100, 100, 100, 90, 100, 100};
    assertThat(run(Map.of(), flat("A", b), flat("B", b90)).fills()).hasSize(4);
    assertThat(run(Map.of(), flatWithout("A", 3, b), flat("B", b90)).fills()).isEmpty();
  }

  @Test
  void correlationFilterBlocksEntriesOfLegsMovingApart() {
    // Day 3 log returns in the window (days 0..3): A 0, 0, ln 1.1; B 0, 0, ln 0.95 → the
    // correlation of (0,0,a) and (0,0,b) is sign(a·b) = −1. The spread 0,0,0,15 gives z = √3.
    BarSeries a = flat("A", 100, 100, 100, 110, 110);
    BarSeries apart = flat("B", 100, 100, 100, 95, 95);
    assertThat(run(Map.of("min_correlation", 0.7), a, apart).fills()).isEmpty();
    // Day 4's window 0,0,15,15 gives z = 1: no later entry either. With the filter off (-1) the
    // day-3 signal trades: sell A floor(45,000 / 110) = 409, buy B floor(45,000 / 95) = 473.
    assertThat(fills(run(Map.of("min_correlation", -1), a, apart)).subList(0, 2))
        .containsExactly(
            tuple("A", 4, SELL, 409.0, 110.0, "PairsShort"),
            tuple("B", 4, BUY, 473.0, 95.0, "PairsShort"));
    // B up 5 % with A up 10 %: correlation +1 ≥ 0.7, spread 0,0,0,5 → z = √3 → short spread.
    BarSeries together = flat("B", 100, 100, 100, 105, 105);
    assertThat(fills(run(Map.of("min_correlation", 0.7), a, together)).subList(0, 2))
        .containsExactly(
            tuple("A", 4, SELL, 409.0, 110.0, "PairsShort"),
            tuple("B", 4, BUY, 428.0, 105.0, "PairsShort"));
  }

  @Test
  void rollingOlsHedgesInTheChosenPriceSpace() {
    // A = B² exactly: B 10, 10, 20, 40, 40; A 100, 100, 400, 1600, 1600. lookback 4, z_entry 0.5.
    BarSeries a = flat("A", 100, 100, 400, 1600, 1600);
    BarSeries b = flat("B", 10, 10, 20, 40, 40);
    Map<String, Object> p = Map.of("z_entry", 0.5, "z_exit", 0.1);
    // Log prices: ln A = 2 ln B, so the OLS beta is 2 and every spread ln A − 2 ln B is 0 → std 0
    // → never a signal.
    Map<String, Object> ols = new HashMap<>(p);
    ols.put("hedge", "rolling_ols");
    ols.put("prices", "log");
    assertThat(run(ols, a, b).fills()).isEmpty();
    // Raw prices, day 3: x = 10,10,20,40, y = 100,100,400,1600; x̄ = 20, ȳ = 550;
    // Σ(x−x̄)(y−ȳ) = 4,500 + 4,500 + 0 + 21,000 = 30,000; Σ(x−x̄)² = 600 → beta 50, intercept
    // −450; residuals 50, 50, −150, 50; std √7,500 = 86.6; z = 50 / 86.6 = 0.577 > 0.5 → short:
    // A floor(45,000 / 1,600) = 28, B 45,000 / 40 = 1,125.
    ols.put("prices", "raw");
    List<Tuple> shortEntry =
        List.of(
            tuple("A", 4, SELL, 28.0, 1600.0, "PairsShort"),
            tuple("B", 4, BUY, 1125.0, 40.0, "PairsShort"));
    assertThat(fills(run(ols, a, b)).subList(0, 2)).isEqualTo(shortEntry);
    // Fixed beta 1 on log prices: the spread is ln A − ln B = ln B = ln 10 + ln 2 · (0,0,1,2);
    // in units of ln 2: mean 0.75, variance 0.6875, z = 1.25 / 0.829 = 1.508 > 0.5 → short.
    Map<String, Object> fixedLog = new HashMap<>(p);
    fixedLog.put("prices", "log");
    assertThat(fills(run(fixedLog, a, b)).subList(0, 2)).isEqualTo(shortEntry);
  }

  @Test
  void quantitiesRoundDownToTheLotStep() {
    // Real crypto lot step 1e-8: A 45,000 / 110 = 409.0909090909… → 409.09090909.
    BacktestResult r =
        new BacktestEngine(EngineConfig.defaults())
            .run(
                List.of(
                    new SymbolData(flat("A", 100, 100, 100, 110, 110), Instrument.crypto("A")),
                    new SymbolData(flat("B", 100, 100, 100, 100, 100), Instrument.crypto("B"))),
                pairs(Map.of()));
    assertThat(r.fills().get(0).quantity()).isCloseTo(409.09090909, within(1e-9));
    assertThat(r.fills().get(1).quantity()).isEqualTo(450.0);
  }

  @Test
  void badSetupsAreReportedAtTheStart() {
    BarSeries a = flat("A", 100, 100);
    BarSeries b = flat("B", 100, 100);
    BarSeries c = flat("C", 100, 100);
    assertThatThrownBy(() -> run(Map.of(), a))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exactly 2 symbols")
        .hasMessageContaining("got 1: [A]");
    assertThatThrownBy(() -> run(Map.of(), a, b, c))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("got 3: [A, B, C]");
    assertThatThrownBy(() -> run(Map.of("leg_a", "ETH-USD"), a, b))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'leg_a' of pairs must be one of the run's symbols [A, B]")
        .hasMessageContaining("was ETH-USD")
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo("params.leg_a");
    assertThatThrownBy(() -> run(Map.of("leg_b", "X"), a, b))
        .hasMessageContaining("'leg_b' of pairs must be one of the run's symbols");
    assertThatThrownBy(() -> pairs(Map.of("leg_a", "A", "leg_b", "A")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'leg_b' of pairs must differ from leg_a (A)");
    assertThatThrownBy(() -> pairs(Map.of("z_entry", 1.0, "z_exit", 1.0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'z_exit' of pairs must be < z_entry (1.0), was 1.0");
    // lookback 4: |z| ≤ √3 = 1.7321 (three equal spreads and one outlier), so z_entry 1.8 could
    // never trigger.
    assertThatThrownBy(() -> pairs(Map.of("z_entry", 1.8)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'z_entry' of pairs must be < sqrt(lookback - 1) = 1.7321")
        .hasMessageContaining("was 1.8");
    assertThatThrownBy(() -> pairs(Map.of("hedge", "kalman")))
        .hasMessageContaining("one of rolling_ols, fixed");
    assertThatThrownBy(() -> pairs(Map.of("lookback", 2)))
        .hasMessageContaining("'lookback' of pairs must be integer in [3, 100000], was 2");
  }

  @Test
  void defaultsAreDeclared() {
    StrategyFactory f = StrategyRegistry.builtIn().get("pairs");
    Params p = Params.resolve("pairs", f.params(), Map.of());
    assertThat(p.asMap())
        .containsEntry("leg_a", "")
        .containsEntry("leg_b", "")
        .containsEntry("lookback", 60)
        .containsEntry("hedge", "rolling_ols")
        .containsEntry("prices", "log")
        .containsEntry("hedge_ratio", 1.0)
        .containsEntry("z_entry", 2.0)
        .containsEntry("z_exit", 0.5)
        .containsEntry("max_holding", 20)
        .containsEntry("min_correlation", 0.7)
        .containsEntry("leg_percent", 45.0);
  }

  // ---------------------------------------------------------------- no look-ahead

  /**
   * Two correlated hourly walks (a shared factor plus a mean-reverting spread on A) with gaps: B
   * lacks every 29th bar from 7 on, A every 41st from 13 on.
   */
  private static List<BarSeries> pairedWalks(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    BarSeriesBuilder a = new BarSeriesBuilder("A");
    BarSeriesBuilder b = new BarSeriesBuilder("B");
    double common = 0;
    double spread = 0;
    double prevA = 100;
    double prevB = 50;
    for (int i = 0; i < n; i++) {
      common += rnd.nextGaussian() * 0.01;
      spread = 0.9 * spread + rnd.nextGaussian() * 0.005;
      double ca = 100 * Math.exp(common + spread);
      double cb = 50 * Math.exp(common);
      long t = Bars.START + i * 3_600_000L;
      if (i % 41 != 13) {
        a.add(t, prevA, Math.max(prevA, ca), Math.min(prevA, ca), ca, 1000);
      }
      if (i % 29 != 7) {
        b.add(t, prevB, Math.max(prevB, cb), Math.min(prevB, cb), cb, 1000);
      }
      prevA = ca;
      prevB = cb;
    }
    return List.of(a.build(), b.build());
  }

  private static Strategy lookAheadStrategy() {
    StrategyFactory f = StrategyRegistry.builtIn().get("pairs");
    return f.create(
        Params.resolve(
            "pairs",
            f.params(),
            Map.of(
                "lookback", 30,
                "z_entry", 1.5,
                "z_exit", 0.3,
                "max_holding", 15,
                "min_correlation", 0.5)));
  }

  /** Bars with open time before {@code cut}. */
  private static BarSeries before(BarSeries s, long cut) {
    int end = 0;
    while (end < s.size() && s.timeMillis(end) < cut) {
      end++;
    }
    return s.slice(0, end);
  }

  /**
   * Truncating the data never changes an earlier decision: for many cut times, every fill of the
   * full run before the cut (other than the forced end-of-data closes) equals the fills of the run
   * on the truncated data, under both fill models.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void truncatingFutureBarsNeverChangesEarlierOrders(long seed) {
    List<BarSeries> full = pairedWalks(600, seed);
    for (FillModel fm : FillModel.values()) {
      EngineConfig cfg = EngineConfig.defaults().withFillModel(fm);
      BacktestResult all = run(cfg, lookAheadStrategy(), full.get(0), full.get(1));
      assertThat(all.trades())
          .as("the property needs trades to mean anything")
          .hasSizeGreaterThan(10);
      for (int cutBar = 40; cutBar <= 600; cutBar += 23) {
        long cut = Bars.START + cutBar * 3_600_000L;
        BacktestResult part =
            run(cfg, lookAheadStrategy(), before(full.get(0), cut), before(full.get(1), cut));
        List<Fill> expected =
            all.fills().stream()
                .filter(f -> f.timeMillis() < cut && !f.tag().equals("EndOfData"))
                .toList();
        List<Fill> actual =
            part.fills().stream().filter(f -> !f.tag().equals("EndOfData")).toList();
        assertThat(actual).as("fills before cut %d (%s)", cutBar, fm).isEqualTo(expected);
      }
    }
  }
}
