package io.quantzoo.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.testkit.Bars;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategy-facing API added for the strategy library: sessions, multi-symbol, helpers. */
class StrategyContextTest {
  private static final Instrument EQ = Instrument.equity("TEST");

  private static BacktestResult run(BarSeries bars, Instrument inst, Strategy s) {
    return new BacktestEngine(EngineConfig.defaults().withSizing(new SizingModel.Fixed(1)))
        .run(new SymbolData(bars, inst), s);
  }

  @Test
  void sessionTimeIsExchangeLocalAcrossDaylightSavingChanges() {
    // MNQ trades in New York time. 13:00 UTC is 08:00 EST in winter and 09:00 EDT in summer;
    // the US switched to EDT on 2025-03-09 (02:00 local).
    long winter = ZonedDateTime.parse("2025-03-07T13:00:00Z").toInstant().toEpochMilli();
    long summer = ZonedDateTime.parse("2025-03-10T13:00:00Z").toInstant().toEpochMilli();
    long lateSummer = ZonedDateTime.parse("2025-03-10T20:45:00Z").toInstant().toEpochMilli();
    BarSeries bars =
        new BarSeriesBuilder("MNQ")
            .add(winter, 1, 1, 1, 1, 1)
            .add(summer, 1, 1, 1, 1, 1)
            .add(lateSummer, 1, 1, 1, 1, 1)
            .build();
    List<LocalTime> seen = new ArrayList<>();
    List<Boolean> inSession = new ArrayList<>();
    run(
        bars,
        InstrumentCatalog.find("MNQ").orElseThrow(),
        ctx -> {
          seen.add(ctx.localTime());
          inSession.add(ctx.inSession(LocalTime.of(8, 0), LocalTime.of(16, 30)));
        });
    assertThat(seen).containsExactly(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(16, 45));
    // 08:00 is inside [08:00, 16:30] (inclusive), 16:45 is outside
    assertThat(inSession).containsExactly(true, true, false);
  }

  @Test
  void sessionWindowsMayWrapPastMidnight() {
    long t = ZonedDateTime.parse("2025-01-06T23:30:00Z").toInstant().toEpochMilli(); // 18:30 NY
    BarSeries bars = new BarSeriesBuilder("MNQ").add(t, 1, 1, 1, 1, 1).build();
    List<Boolean> got = new ArrayList<>();
    run(
        bars,
        InstrumentCatalog.find("MNQ").orElseThrow(),
        ctx -> {
          got.add(ctx.inSession(LocalTime.of(18, 0), LocalTime.of(17, 0)));
          got.add(ctx.inSession(LocalTime.of(9, 30), LocalTime.of(16, 0)));
        });
    assertThat(got).containsExactly(true, false);
  }

  @Test
  void everySymbolsBarAtTheCurrentTimeIsVisibleAndGapsShowTheLatestEarlierBar() {
    BarSeries a = Bars.of("A").bar(10, 10, 10, 10).bar(11, 11, 11, 11).bar(12, 12, 12, 12).build();
    // B has no bar on day 1 (a gap): on day 1 its latest bar is still day 0's
    BarSeries b =
        Bars.of("B")
            .barAt(Bars.START, 20, 20, 20, 20)
            .barAt(Bars.START + 2 * Bars.DAY, 22, 22, 22, 22)
            .build();
    List<String> log = new ArrayList<>();
    new BacktestEngine(EngineConfig.defaults())
        .run(
            List.of(
                new SymbolData(a, Instrument.equity("A")),
                new SymbolData(b, Instrument.equity("B"))),
            ctx -> {
              if (ctx.symbol().equals("A")) {
                assertThat(ctx.symbols()).containsExactly("A", "B");
                log.add(
                    ctx.barIndex()
                        + ": B "
                        + ctx.close("B", 0)
                        + " from day "
                        + (ctx.timeMillis("B", 0) - Bars.START) / Bars.DAY);
              }
            });
    // A is called first at each time, yet B's bar of the same time has already closed and is
    // visible (day 0 and day 2); on day 1 B has no bar, so its latest is day 0's.
    assertThat(log)
        .containsExactly("0: B 20.0 from day 0", "1: B 20.0 from day 0", "2: B 22.0 from day 2");
  }

  @Test
  void readingAnotherSymbolsFutureOrBeforeItsFirstBarThrows() {
    BarSeries a = Bars.of("A").bar(10, 10, 10, 10).bar(11, 11, 11, 11).build();
    BarSeries b = Bars.of("B").bar(20, 20, 20, 20).bar(21, 21, 21, 21).build();
    List<String> errors = new ArrayList<>();
    new BacktestEngine(EngineConfig.defaults())
        .run(
            List.of(
                new SymbolData(a, Instrument.equity("A")),
                new SymbolData(b, Instrument.equity("B"))),
            ctx -> {
              if (ctx.symbol().equals("B") && ctx.barIndex() == 1) {
                try {
                  ctx.close("A", -1);
                } catch (IllegalArgumentException e) {
                  errors.add(e.getMessage());
                }
                try {
                  ctx.close("A", 2);
                } catch (IllegalArgumentException e) {
                  errors.add(e.getMessage());
                }
              }
            });
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).contains("cannot read future bars");
    assertThat(errors.get(1)).contains("barIndex of A (1)");
  }

  @Test
  void barsSinceEntryCountsFromTheFillBar() {
    BarSeries bars = Bars.of("TEST").flat(10).flat(10).flat(10).flat(10).flat(10).build();
    List<Integer> since = new ArrayList<>();
    run(
        bars,
        EQ,
        ctx -> {
          since.add(ctx.barsSinceEntry());
          if (ctx.barIndex() == 0) {
            ctx.buy(1, "in");
          }
        });
    // ordered on bar 0, filled at bar 1's open: -1 (flat) on bar 0, then 0, 1, 2, 3
    assertThat(since).containsExactly(-1, 0, 1, 2, 3);
  }

  @Test
  void limitAndStopHelpersPlaceWorkingOrdersWithExits() {
    // bar 0 places a buy limit at 9 and a sell stop at 8 (fixed 1 each, no position yet)
    // bar 1: low 8.5 touches the limit at 9 -> buy 1 at 9 (open 10 above the limit)
    BarSeries bars =
        Bars.of("TEST").bar(10, 10, 10, 10).bar(10, 10.5, 8.5, 10).bar(10, 10, 7, 7).build();
    BacktestResult r =
        run(
            bars,
            EQ,
            ctx -> {
              if (ctx.barIndex() == 0) {
                ctx.limit(Side.BUY, 1, 9, "dip", Exits.NONE);
              }
              if (ctx.barIndex() == 1) {
                ctx.stop(Side.SELL, 1, 8, "stop", Exits.NONE);
              }
            });
    assertThat(r.fills()).extracting(Fill::tag).containsExactly("dip", "stop");
    assertThat(r.fills()).extracting(Fill::price).containsExactly(9.0, 8.0);
  }

  @Test
  void historyAndCrossHelpers() {
    io.quantzoo.core.indicator.History a = new io.quantzoo.core.indicator.History(3);
    io.quantzoo.core.indicator.History b = new io.quantzoo.core.indicator.History(3);
    assertThat(a.get(0)).isNaN();
    a.add(1);
    b.add(2);
    assertThat(a.crossedAbove(b)).isFalse(); // no previous value yet
    a.add(3);
    b.add(2);
    assertThat(a.crossedAbove(b)).isTrue(); // 1 <= 2 and 3 > 2
    assertThat(a.crossedBelow(b)).isFalse();
    a.add(2);
    b.add(2);
    assertThat(a.crossedBelow(b)).isFalse(); // 3 >= 2 but 2 is not < 2
    a.add(5);
    assertThat(a.get(0)).isEqualTo(5);
    assertThat(a.get(2)).isEqualTo(3);
    assertThat(a.get(3)).as("older than the capacity").isNaN();
    assertThat(a.crossedAbove(4.0)).isTrue();
    assertThatThrownBy(() -> a.get(-1)).hasMessageContaining("future");
  }
}
