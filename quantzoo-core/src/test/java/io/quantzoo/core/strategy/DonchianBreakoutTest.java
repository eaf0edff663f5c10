package io.quantzoo.core.strategy;

import static io.quantzoo.core.strategy.BollingerReversionTest.assertTrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.Bars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked trades of {@code donchian_breakout} with entry_period 3, exit_period 2, one share, no
 * costs, next-open fills. Bars (open, high, low, close), with the channels of the <em>prior</em>
 * bars (high, low) and the true range:
 *
 * <pre>
 * bar  O     H     L     C      entry(3)     exit(2)      TR
 *  0   10    11    9     10     -            -            2
 *  1   10    11    9     10     -            -            2
 *  2   10    11    9     10     -            11 / 9       2
 *  3   10    13    10    12.5   11 / 9       11 / 9       3
 *  4   12    13    11.5  12     13 / 9       13 / 9       1.5
 *  5   12    12.5  11    11.4   13 / 9       13 / 10      1.5
 *  6   11    11.2  10.5  10.8   13 / 10      13 / 11      0.9
 *  7   10.6  10.7  9     9.2    13 / 10.5    12.5 / 10.5  1.8
 *  8   9     9.5   8     8.5    12.5 / 9     11.2 / 9     1.5
 *  9   8.5   10    8.4   9.8    11.2 / 8     10.7 / 8     1.6
 * 10   10    12    9.9   11.9   10.7 / 8     10 / 8       2.2
 * 11   12    12.5  11.5  12     12 / 8       12 / 8.4     1.0
 * </pre>
 */
class DonchianBreakoutTest {
  // pinned by the regression test at the end (see its comment)
  private static final int TRADES = 563;
  // 1,135,263.47 before protective levels were rounded to the tick (worse for us).
  private static final double NET = 1_135_113.13;
  private static final Instrument EQ = Instrument.equity("TEST");
  private static final double[][] OHLC = {
    {10, 11, 9, 10},
    {10, 11, 9, 10},
    {10, 11, 9, 10},
    {10, 13, 10, 12.5},
    {12, 13, 11.5, 12},
    {12, 12.5, 11, 11.4},
    {11, 11.2, 10.5, 10.8},
    {10.6, 10.7, 9, 9.2},
    {9, 9.5, 8, 8.5},
    {8.5, 10, 8.4, 9.8},
    {10, 12, 9.9, 11.9},
    {12, 12.5, 11.5, 12}
  };

  private static BarSeries bars() {
    Bars b = Bars.of("TEST");
    for (double[] r : OHLC) {
      b.bar(r[0], r[1], r[2], r[3]);
    }
    return b.build();
  }

  private static BacktestResult run(Map<String, Object> extra) {
    StrategyFactory f = StrategyRegistry.builtIn().get("donchian_breakout");
    Map<String, Object> raw =
        new HashMap<>(Map.of("entry_period", 3, "exit_period", 2, "stop_atr", 0.0));
    raw.putAll(extra);
    Strategy s = f.create(Params.resolve("donchian_breakout", f.params(), raw));
    EngineConfig cfg = EngineConfig.defaults().withSizing(new SizingModel.Fixed(1));
    return new BacktestEngine(cfg).run(new SymbolData(bars(), EQ), s);
  }

  @Test
  void longShortBreakoutsExitsAndReversal() {
    // bar 3: close 12.5 > prior-3 high 11 -> long at bar 4's open 12 (the channel including bar 3
    //   would be 13: the prior bars matter).
    // bar 6: close 10.8 < prior-2 low 11 -> exit at bar 7's open 10.6 (-1.4); 10.8 is not below
    //   the prior-3 low 10, so no short.
    // bar 7: flat, close 9.2 < prior-3 low 10.5 -> short at bar 8's open 9.
    // bar 10: close 11.9 > prior-2 high 10 (exit) and > prior-3 high 10.7 (long signal) -> reverse
    //   at bar 11's open 12: short -3; the long closes at the end of data at 12 (0).
    BacktestResult r = run(Map.of());
    assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(4, 7, 8, 11, 11, 11);
    List<Trade> t = r.trades();
    assertThat(t).hasSize(3);
    assertTrade(t.get(0), Trade.Direction.LONG, 12, 10.6, "DonchianLong", "DonchianExit");
    assertTrade(t.get(1), Trade.Direction.SHORT, 9, 12, "DonchianShort", "DonchianLong");
    assertTrade(t.get(2), Trade.Direction.LONG, 12, 12, "DonchianLong", "EndOfData");
    assertThat(t.get(0).netPnl()).isCloseTo(-1.4, within(1e-9));
    assertThat(t.get(1).netPnl()).isCloseTo(-3, within(1e-9));
  }

  @Test
  void longOnlyIgnoresTheDownsideBreakout() {
    // the bar-7 short signal is ignored; bar 10's long signal enters at bar 11's open 12.
    List<Trade> t = run(Map.of("direction", "long_only")).trades();
    assertThat(t).hasSize(2);
    assertTrade(t.get(0), Trade.Direction.LONG, 12, 10.6, "DonchianLong", "DonchianExit");
    assertTrade(t.get(1), Trade.Direction.LONG, 12, 12, "DonchianLong", "EndOfData");
  }

  @Test
  void shortOnlyExitsOnThePriorExitHigh() {
    // bar 3's long signal is ignored; short at bar 8's open 9; bar 10: 11.9 > prior-2 high 10 ->
    // exit at bar 11's open 12.
    List<Trade> t = run(Map.of("direction", "short_only")).trades();
    assertThat(t).hasSize(1);
    assertTrade(t.get(0), Trade.Direction.SHORT, 9, 12, "DonchianShort", "DonchianExit");
  }

  @Test
  void atrStopsFromTheEntryFill() {
    // stop_atr 0.5, atr_period 3 (simple mean of the last 3 true ranges at the signal bar).
    // Long signal bar 3: ATR (2+2+3)/3 = 7/3 -> stop 12 - 7/6 = 10.8333, rounded down to the tick
    //   (0.01; worse for a sell) = 10.83; bar 6 (open 11, low 10.5) reaches it: StopLoss at 10.83.
    // Short signal bar 7: ATR (1.5+0.9+1.8)/3 = 1.4 -> stop 9 + 0.7 = 9.7; bar 8's high 9.5 does
    //   not reach it, bar 9 (open 8.5, high 10) does: StopLoss at 9.7.
    // Long signal bar 10 (flat): ATR (1.5+1.6+2.2)/3 = 1.7667 -> stop 12 - 0.8833 = 11.1167;
    //   bar 11's low 11.5 stays above: closed at the end of data at 12.
    List<Trade> t = run(Map.of("stop_atr", 0.5, "atr_period", 3)).trades();
    assertThat(t).hasSize(3);
    assertTrade(t.get(0), Trade.Direction.LONG, 12, 10.83, "DonchianLong", "StopLoss");
    assertTrade(t.get(1), Trade.Direction.SHORT, 9, 9.7, "DonchianShort", "StopLoss");
    assertTrade(t.get(2), Trade.Direction.LONG, 12, 12, "DonchianLong", "EndOfData");
    assertThat(t.get(0).exitTimeMillis()).isEqualTo(Bars.START + 6 * Bars.DAY);
    assertThat(t.get(1).exitTimeMillis()).isEqualTo(Bars.START + 9 * Bars.DAY);
  }

  @Test
  void noEntryBeforeTheAtrOfTheStopExists() {
    // atr_period 6: the ATR exists from bar 5, so bar 3's breakout is not taken; the first entry
    // is the bar-7 short (ATR of bars 2..7).
    List<Trade> t = run(Map.of("stop_atr", 10.0, "atr_period", 6)).trades();
    assertThat(t).isNotEmpty();
    assertThat(t.get(0).direction()).isEqualTo(Trade.Direction.SHORT);
    assertThat(t.get(0).entryTimeMillis()).isEqualTo(Bars.START + 8 * Bars.DAY);
  }

  /**
   * Regression pin of configs/donchian_breakout.yaml (Coinbase BTC-USD 4h 2016-2025, defaults 20/10
   * with a 2 x ATR(20) stop, long-short, 0.1 % commission, 2 bps slippage, risking 1 % of equity
   * per trade). Pinned: the trade count and the net P&amp;L (sum of net trade P&amp;L, equal to
   * final equity minus initial cash), as first produced by this code and matched by {@code qz run
   * -c configs/donchian_breakout.yaml}. They are not a correctness reference (the hand-worked tests
   * above are): they catch unintended changes to the strategy, the channels or the engine. Update
   * them only for an intended change, and say why in the commit.
   */
  @Test
  void regressionOnBtc4h() {
    BacktestResult r =
        StrategyRuns.runBundled(
            "donchian_breakout",
            Map.of(),
            "btc-usd-4h-2016-2025.csv",
            "BTC-USD",
            0.1,
            2,
            new SizingModel.Risk(1));
    assertThat(r.trades()).hasSize(TRADES);
    assertThat(StrategyRuns.netPnl(r)).isCloseTo(NET, within(0.01));
    assertThat(r.equity().equity(r.equity().size() - 1) - r.initialCash())
        .isCloseTo(NET, within(0.01));
  }
}
