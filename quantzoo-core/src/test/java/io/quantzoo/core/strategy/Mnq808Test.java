package io.quantzoo.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import io.quantzoo.core.data.CsvBarLoader;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.CommissionModel;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.execution.SlippageModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.util.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MNQ808 on hand-built 15-minute MNQ bars; every expected trade is worked out in the comments.
 *
 * <p>Bar {@code i} opens at 09:00 + 15·i minutes New York time on Monday 6 January 2025 (bar 7 at
 * 10:45, bar 8 at 11:00, bar 11 at 11:45), volume 1000. With {@code lookback 2} and {@code atr_mult
 * 1} the AlphaTrend of bars 0-7 is the one worked out in {@code AlphaTrendTest}: AT = -, -, 8, 9,
 * 9, 9, 9, 8.5, a <b>sell signal at bar 7</b> (AT[1] = 9 >= AT[3] = 9 and AT = 8.5 < AT[2] = 9),
 * none before. Over the base tail (bars 8-12, AT 8.5, 8.5, 8.5, 9.8, ...) there is a <b>buy signal
 * at bar 11</b> (8.5 <= 8.5 and 9.8 > 8.5) and none at bars 8-10. Orders fill at the next bar's
 * open; P&amp;L is points × $2 (MNQ: tick 0.25 = $0.50).
 */
class Mnq808Test {
  private static final Instrument MNQ = InstrumentCatalog.find("MNQ").orElseThrow();
  private static final ZoneId NY = ZoneId.of("America/New_York");
  private static final long T0 =
      ZonedDateTime.of(2025, 1, 6, 9, 0, 0, 0, NY).toInstant().toEpochMilli();
  private static final long BAR = 15 * 60_000L;
  private static final double EPS = 1e-9;

  /** Bars 0-7 {open, high, low, close}: the AlphaTrendTest bars with opens inside the range. */
  private static final double[][] HEAD = {
    {9, 10, 8, 9},
    {9, 11, 9, 10},
    {10, 12, 10, 11},
    {11, 13, 11, 12},
    {12, 12.5, 9.5, 12.5},
    {12, 12, 8, 8.5},
    {8.5, 8.5, 6.5, 7},
    {7, 7, 6, 6.5}
  };

  /** Bars 8-12 of the base case (AT 8.5, 8.5, 8.5, 9.8 at bars 8-11 as in AlphaTrendTest). */
  private static final double[][] BASE_TAIL = {
    {7, 8, 7, 7.8},
    {8, 9, 8, 8.8},
    {10, 11, 10, 10.8},
    {11.5, 12, 11.5, 11.9},
    {12, 12.5, 11.5, 12.2}
  };

  private static BarSeries bars(double[][]... parts) {
    BarSeriesBuilder b = new BarSeriesBuilder("MNQ");
    for (double[][] part : parts) {
      for (double[] x : part) {
        b.add(T0 + b.size() * BAR, x[0], x[1], x[2], x[3], 1000);
      }
    }
    return b.build();
  }

  private static EngineConfig noCosts() {
    return EngineConfig.defaults().withSizing(new SizingModel.Fixed(1));
  }

  private static BacktestResult run(Map<String, Object> params, BarSeries bars) {
    return run(params, bars, noCosts());
  }

  private static BacktestResult run(Map<String, Object> params, BarSeries bars, EngineConfig cfg) {
    Map<String, Object> p = new HashMap<>(Map.of("lookback", 2, "atr_mult", 1.0));
    p.putAll(params);
    StrategyFactory f = StrategyRegistry.builtIn().get("mnq808");
    Strategy s = f.create(Params.resolve("mnq808", f.params(), p));
    return new BacktestEngine(cfg).run(new SymbolData(bars, MNQ), s);
  }

  @Test
  void sellSignalGoesShortAndTheBuySignalReverses() {
    // Sell signal at bar 7 (10:45, in 08:00-16:30) -> short 1 at bar 8's open 7. Buy signal at bar
    // 11 -> close the short and go long at bar 12's open 12. The short: (7 - 12) x $2 = -$10. The
    // long closes at the end of data, bar 12's close 12.2: (12.2 - 12) x $2 = +$0.40. Stop-loss 150
    // ticks = 37.5 points away, trailing stop off: neither can trigger.
    BacktestResult r = run(Map.of("trail_mult", 0.0), bars(HEAD, BASE_TAIL));
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(8, 12, 12, 12);
    assertThat(r.trades()).hasSize(2);
    Trade s = r.trades().get(0);
    assertThat(s.direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(s.quantity()).isEqualTo(1);
    assertThat(s.entryPrice()).isEqualTo(7);
    assertThat(s.exitPrice()).isEqualTo(12);
    assertThat(s.grossPnl()).isCloseTo(-10, within(EPS));
    assertThat(s.entryReason()).isEqualTo(Mnq808.SHORT);
    assertThat(s.exitReason()).isEqualTo(Mnq808.LONG);
    Trade l = r.trades().get(1);
    assertThat(l.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(l.entryPrice()).isEqualTo(12);
    assertThat(l.grossPnl()).isCloseTo(0.4, within(EPS));
    assertThat(l.exitReason()).isEqualTo("EndOfData");
  }

  @Test
  void contractsFixTheQuantityAndZeroUsesTheRunSizing() {
    BacktestResult two = run(Map.of("trail_mult", 0.0, "contracts", 2), bars(HEAD, BASE_TAIL));
    assertThat(two.trades()).extracting(Trade::quantity).containsExactly(2.0, 2.0);
    assertThat(two.trades().get(0).grossPnl()).isCloseTo(-20, within(EPS));
    BacktestResult sized =
        run(
            Map.of("trail_mult", 0.0, "contracts", 0),
            bars(HEAD, BASE_TAIL),
            EngineConfig.defaults().withSizing(new SizingModel.Fixed(3)));
    assertThat(sized.trades()).extracting(Trade::quantity).containsExactly(3.0, 3.0);
  }

  @Test
  void sessionFilterBlocksEntriesSignalledOutsideIt() {
    // Session 11:00-16:30: the sell signal of bar 7 (10:45) is out of session, no short. The buy
    // signal of bar 11 (11:45) is in: long at bar 12's open 12, closed at the end of data at 12.2.
    BacktestResult r =
        run(Map.of("trail_mult", 0.0, "session_start", "11:00"), bars(HEAD, BASE_TAIL));
    assertThat(r.trades()).hasSize(1);
    Trade l = r.trades().get(0);
    assertThat(l.direction()).isEqualTo(Trade.Direction.LONG);
    assertThat(l.entryPrice()).isEqualTo(12);
    assertThat(l.entryTimeMillis()).isEqualTo(T0 + 12 * BAR);
    // Session 08:00-10:30: no signal bar is in session, nothing trades.
    assertThat(run(Map.of("session_end", "10:30"), bars(HEAD, BASE_TAIL)).trades()).isEmpty();
  }

  @Test
  void anOppositeSignalOutOfSessionClosesWithoutReversing() {
    // Session 08:00-10:45: short at bar 8's open 7 from the bar-7 signal (10:45, in session). The
    // buy signal of bar 11 (11:45) is out of session: it closes the short at bar 12's open 12
    // (-$10) and opens nothing.
    BacktestResult r =
        run(Map.of("trail_mult", 0.0, "session_end", "10:45"), bars(HEAD, BASE_TAIL));
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitReason()).isEqualTo(Mnq808.LONG);
    assertThat(r.trades().get(0).grossPnl()).isCloseTo(-10, within(EPS));
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(8, 12);
  }

  @Test
  void stopLossRiskTicksFromTheFillPrice() {
    // risk_ticks 4 = 1 point: the short filled at 7 stops at 8; bar 8 (filled at its open, so its
    // range counts) reaches high 8 -> StopLoss at 8, (7 - 8) x $2 = -$2, on bar 8 itself. The buy
    // signal of bar 11 then goes long at 12 with its stop at 11; bar 12's low 11.5 stays above it.
    BacktestResult r = run(Map.of("trail_mult", 0.0, "risk_ticks", 4), bars(HEAD, BASE_TAIL));
    assertThat(r.trades()).hasSize(2);
    Trade s = r.trades().get(0);
    assertThat(s.exitReason()).isEqualTo("StopLoss");
    assertThat(s.exitPrice()).isEqualTo(8);
    assertThat(s.exitTimeMillis()).isEqualTo(T0 + 8 * BAR);
    assertThat(s.grossPnl()).isCloseTo(-2, within(EPS));
    assertThat(r.trades().get(1).exitReason()).isEqualTo("EndOfData");
  }

  @Test
  void stopLossWithCommissionAndSlippage() {
    // 1 tick slippage and $0.62 per contract per fill. The short sells at 7 - 0.25 = 6.75; its stop
    // is 4 ticks from that fill, 7.75; bar 8's high 8 reaches it and the buy fills 1 tick worse at
    // 8. Gross (6.75 - 8) x $2 = -$2.50; commission 2 x 0.62 = 1.24; net -$3.74.
    EngineConfig cfg =
        noCosts()
            .withCommission(new CommissionModel.PerUnit(0.62, 0))
            .withSlippage(new SlippageModel.Ticks(1));
    BacktestResult r = run(Map.of("trail_mult", 0.0, "risk_ticks", 4), bars(HEAD, BASE_TAIL), cfg);
    Trade s = r.trades().get(0);
    assertThat(s.entryPrice()).isEqualTo(6.75);
    assertThat(s.exitPrice()).isEqualTo(8);
    assertThat(s.exitReason()).isEqualTo("StopLoss");
    assertThat(s.grossPnl()).isCloseTo(-2.5, within(EPS));
    assertThat(s.commission()).isCloseTo(1.24, within(EPS));
    assertThat(s.netPnl()).isCloseTo(-3.74, within(EPS));
  }

  @Test
  void trailingStopFollowsTheBestPriceByAtrMultiples() {
    // ATR at the signal bar 7 = mean of the true ranges of bars 6 and 7 = (2 + 1) / 2 = 1.5; with
    // trail_mult 1 the short's trailing stop starts at 6.5 + 1.5 = 8. Bars after the signal:
    //   bar 8 {6.5, 6.75, 5.5, 5.75}: high 6.75 < 8; then lowest low 5.5 -> stop 7
    //   bar 9 {5.75, 6, 4.5, 4.75}: high 6 < 7; lowest low 4.5 -> stop 6
    //   bar 10 {4.75, 6.25, 4.75, 6}: high 6.25 >= 6 -> TrailingStop at 6: (6.5 - 6) x $2 = +$1.
    // AlphaTrend over these bars (no new signal): bar 8 TP 6 falls, MFI 0, TR 1.25, ATR 1.125, AT
    // min(6.75 + 1.125, 8.5) = 7.875; bar 9 TP 5.08 falls, TR 1.5, ATR 1.375, AT min(7.375, 7.875)
    // = 7.375; bar 10 TP 5.67 rises, MFI 5666.7 / (5666.7 + 5083.3) = 52.7, up branch, AT
    // max(4.75 - 1.5, 7.375) = 7.375. Up at 8: 8.5 <= 9 but 7.875 > 9 fails; up at 9: 7.375 > 8.5
    // fails; up at 10: 7.375 > 7.875 fails; down needs AT[1] >= AT[3]: 8.5 >= 9, 7.875 >= 9, 7.375
    // >= 8.5 all fail.
    double[][] tail = {{6.5, 6.75, 5.5, 5.75}, {5.75, 6, 4.5, 4.75}, {4.75, 6.25, 4.75, 6}};
    BacktestResult r = run(Map.of("trail_mult", 1.0), bars(HEAD, tail));
    assertThat(r.trades()).hasSize(1);
    Trade s = r.trades().get(0);
    assertThat(s.direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(s.entryPrice()).isEqualTo(6.5);
    assertThat(s.exitReason()).isEqualTo("TrailingStop");
    assertThat(s.exitPrice()).isEqualTo(6);
    assertThat(s.exitTimeMillis()).isEqualTo(T0 + 10 * BAR);
    assertThat(s.grossPnl()).isCloseTo(1, within(EPS));
  }

  @Test
  void oneBarAdverseExitWhenEnabled() {
    // Short at bar 8's open 6.5. Bar 8 {6.5, 7.25, 6.25, 7}, the first complete bar after the
    // entry, closes at 7 > 6.5: against the short. Enabled: exit at bar 9's open 7, -$1. Disabled:
    // held to the end of data, bar 9's close 7.25, -$1.50. AlphaTrend: bar 8 TP 6.83 rises, MFI
    // 6833 / (6833 + 6500) = 51.2, up, TR 1, ATR 1, AT max(5.25, 8.5) = 8.5; bar 9 {7, 7.25, 6.75,
    // 7.25} TP 7.08 rises, MFI 100, TR 0.5, ATR 0.75, AT 8.5. No signal (up: 8.5 > 9 and 8.5 > 8.5
    // fail; down: 8.5 >= 9 fails at both bars).
    double[][] against = {{6.5, 7.25, 6.25, 7}, {7, 7.25, 6.75, 7.25}};
    Map<String, Object> on = Map.of("trail_mult", 0.0, "one_bar_adverse", true);
    BacktestResult r = run(on, bars(HEAD, against));
    assertThat(r.trades()).hasSize(1);
    assertThat(r.trades().get(0).exitReason()).isEqualTo(Mnq808.ADVERSE);
    assertThat(r.trades().get(0).exitPrice()).isEqualTo(7);
    assertThat(r.trades().get(0).grossPnl()).isCloseTo(-1, within(EPS));
    BacktestResult off = run(Map.of("trail_mult", 0.0), bars(HEAD, against));
    assertThat(off.trades().get(0).exitReason()).isEqualTo("EndOfData");
    assertThat(off.trades().get(0).grossPnl()).isCloseTo(-1.5, within(EPS));
    // Bar 8 {6.5, 7.25, 6, 6.25} closes at 6.25 < 6.5, in the short's favour: no exit. (TP 6.5
    // equals bar 7's, no flow; MFI 0, TR 1.25, ATR 1.125, AT min(8.375, 8.5) = 8.375; bar 9 {6.25,
    // 6.5, 6, 6.25} AT min(6.5 + 0.875, 8.375) = 7.375; no signal.) End of data at 6.25: +$0.50.
    double[][] favour = {{6.5, 7.25, 6, 6.25}, {6.25, 6.5, 6, 6.25}};
    BacktestResult kept = run(on, bars(HEAD, favour));
    assertThat(kept.trades()).hasSize(1);
    assertThat(kept.trades().get(0).exitReason()).isEqualTo("EndOfData");
    assertThat(kept.trades().get(0).grossPnl()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void flatAtSessionEndWhenEnabled() {
    // Session 08:00-11:00 with 15-minute bars: bar 8 (11:00) is the last in session, since 11:15 is
    // past the end. Short at bar 8's open 7; at bar 8's close the position is closed -> SessionEnd
    // at bar 9's open 8: (7 - 8) x $2 = -$2. The buy signal of bar 11 is out of session: no entry.
    Map<String, Object> p = Map.of("trail_mult", 0.0, "session_end", "11:00");
    BacktestResult on =
        run(
            Map.of("trail_mult", 0.0, "session_end", "11:00", "flat_at_session_end", true),
            bars(HEAD, BASE_TAIL));
    assertThat(on.trades()).hasSize(1);
    Trade t = on.trades().get(0);
    assertThat(t.exitReason()).isEqualTo(Mnq808.SESSION_END);
    assertThat(t.exitPrice()).isEqualTo(8);
    assertThat(t.exitTimeMillis()).isEqualTo(T0 + 9 * BAR);
    assertThat(t.grossPnl()).isCloseTo(-2, within(EPS));
    // Disabled: the short is held until the out-of-session buy signal closes it at bar 12's open.
    BacktestResult off = run(p, bars(HEAD, BASE_TAIL));
    assertThat(off.trades()).hasSize(1);
    assertThat(off.trades().get(0).exitReason()).isEqualTo(Mnq808.LONG);
    // Session ending at 10:45: the signal bar 7 is the last in session, so with
    // flat_at_session_end no entry is placed there (it would fill after the session).
    BacktestResult none =
        run(
            Map.of("trail_mult", 0.0, "session_end", "10:45", "flat_at_session_end", true),
            bars(HEAD, BASE_TAIL));
    assertThat(none.trades()).isEmpty();
  }

  /** The bundled synthetic file under the costs of configs/mnq808.yaml. */
  private static BacktestResult runOnSyntheticFile(BarSeries bars) {
    EngineConfig cfg =
        noCosts()
            .withCommission(new CommissionModel.PerUnit(0.62, 0))
            .withSlippage(new SlippageModel.Ticks(1));
    return new BacktestEngine(cfg)
        .run(new SymbolData(bars, MNQ), new Mnq808(Mnq808.Settings.defaults()));
  }

  private static BarSeries syntheticFile() {
    return CsvBarLoader.load(
            Path.of("../data/mnq-15m-synthetic-2025q1.csv"),
            LoadOptions.defaults().withSymbol("MNQ"))
        .single();
  }

  /**
   * Regression pin: the default strategy on data/mnq-15m-synthetic-2025q1.csv (5,764 bars,
   * SYNTHETIC: no real MNQ data may be bundled) with the costs of configs/mnq808.yaml ($0.62 per
   * contract per fill, 1 tick slippage, 1 contract, next-open fills). The trade count, the exit
   * split and the net P&amp;L below were recorded from the first run of this implementation, not
   * worked out by hand: they say nothing about MNQ, and exist so that any change of behaviour in
   * the strategy, AlphaTrend, the engine's exits or the generated file shows up here and is
   * reviewed. (The pin moved once, from 87 stop-loss exits and +$280.61, when the engine began
   * filling the stop nearer the open first where the stop-loss and the trailing stop both trigger
   * in one bar: 29 exits became the trailing stop's better price; and again, from +$1,081.81 to
   * +$1,056.06 with the same exits, when trailing-stop levels began to be rounded to the 0.25 tick
   * in the direction of a worse fill.) What can be checked by hand is checked too: every trade pays
   * 2 × $0.62; a stop-loss sits 150 ticks from the entry fill and its fill slips 1 tick further, so
   * it loses (37.5 + 0.25) points × $2 = $75.50, except where the price gaps through the stop (once
   * here, at a session's 18:00 open, losing more); entries are signalled on bars opening
   * 08:00-16:30 and so fill on bars opening 08:15-16:45.
   */
  @Test
  void regressionOnTheBundledSyntheticFile() {
    BacktestResult r = runOnSyntheticFile(syntheticFile());
    assertThat(r.trades()).hasSize(181);
    assertThat(r.trades().stream().filter(t -> t.direction() == Trade.Direction.LONG)).hasSize(91);
    assertThat(r.trades().stream().filter(t -> t.exitReason().equals("StopLoss"))).hasSize(58);
    assertThat(r.trades().stream().filter(t -> t.exitReason().equals("TrailingStop"))).hasSize(123);
    double net = r.trades().stream().mapToDouble(Trade::netPnl).sum();
    assertThat(net).isCloseTo(1056.06, within(1e-6));
    assertThat(r.equity().equity(r.equity().size() - 1)).isCloseTo(100_000 + 1056.06, within(1e-6));
    int gapped = 0;
    for (Trade t : r.trades()) {
      assertThat(t.commission()).isCloseTo(1.24, within(EPS));
      if (t.exitReason().equals("StopLoss") && Math.abs(t.grossPnl() + 75.5) > EPS) {
        gapped++;
        assertThat(t.grossPnl()).isLessThan(-75.5);
      }
      int minute =
          Instant.ofEpochMilli(t.entryTimeMillis()).atZone(NY).toLocalTime().toSecondOfDay() / 60;
      assertThat(minute).isBetween(8 * 60 + 15, 16 * 60 + 45);
    }
    assertThat(gapped).isEqualTo(1);
  }

  /** No look-ahead: cutting the data never changes a fill before the cut. */
  @Test
  void truncatingTheSyntheticFileNeverChangesEarlierFills() {
    BarSeries full = syntheticFile();
    List<Fill> all = runOnSyntheticFile(full).fills();
    for (int cut = 300; cut < full.size(); cut += 977) {
      int last = cut - 1;
      List<Fill> part =
          runOnSyntheticFile(full.slice(0, cut)).fills().stream()
              .filter(f -> !f.tag().equals("EndOfData"))
              .toList();
      assertThat(part)
          .as("fills before cut %d", cut)
          .isEqualTo(all.stream().filter(f -> f.barIndex() <= last).toList());
    }
  }

  @Test
  void parametersAreValidated() {
    StrategyFactory f = StrategyRegistry.builtIn().get("mnq808");
    assertThatThrownBy(() -> Params.resolve("mnq808", f.params(), Map.of("risk_ticks", 250)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be integer in [1, 200], was 250");
    for (String bad : new String[] {"8:00", "24:00", "12:60", "noon", "08:00:00"}) {
      assertThatThrownBy(
              () -> f.create(Params.resolve("mnq808", f.params(), Map.of("session_start", bad))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'session_start' of mnq808 must be a time HH:MM")
          .hasMessageContaining("was " + bad);
    }
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> f.create(Params.resolve("mnq808", f.params(), Map.of("session_end", "4pm"))));
    assertThat(e.key()).isEqualTo("params.session_end");
    Params defaults = Params.resolve("mnq808", f.params(), Map.of());
    assertThat(defaults.asMap())
        .containsEntry("atr_mult", 1.5)
        .containsEntry("lookback", 10)
        .containsEntry("use_mfi", true)
        .containsEntry("trail_mult", 1.0)
        .containsEntry("contracts", 1)
        .containsEntry("risk_ticks", 150)
        .containsEntry("session_start", "08:00")
        .containsEntry("session_end", "16:30")
        .containsEntry("one_bar_adverse", false)
        .containsEntry("flat_at_session_end", false);
    assertThat(Mnq808.Settings.defaults())
        .isEqualTo(io.quantzoo.core.param.ParamRecords.bind(Mnq808.Settings.class, defaults));
  }
}
