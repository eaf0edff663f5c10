package io.quantzoo.bench;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.SyntheticMnqBars;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.strategy.Mnq808;
import io.quantzoo.core.strategy.SmaCross;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine throughput on 1M seeded synthetic bars, next-open fills, no costs: sma_cross 10/30
 * long-short reversal on a 1-minute random walk, and mnq808 (AlphaTrend with MFI, session filter,
 * tick stop-loss and ATR trailing stop) on synthetic MNQ 15-minute bars on the CME calendar. Scores
 * are operations per second where one operation is one bar, so the score reads directly as bars per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g", "-Xmn600m"})
public class EngineBenchmark {
  static final int BARS = 1_000_000;

  private BarSeries bars;
  private SymbolData data;
  private BacktestEngine engine;
  private SymbolData mnq;

  @Setup
  public void setup() {
    bars = SyntheticBars.generate(BARS, 42);
    data = new SymbolData(bars, Instrument.equity("SYNTH"));
    engine = new BacktestEngine(EngineConfig.defaults());
    mnq =
        new SymbolData(
            mnqBars(BARS), InstrumentCatalog.find("MNQ").orElseThrow(IllegalStateException::new));
  }

  /** Exactly {@code n} synthetic MNQ 15-minute bars (about 43 years of CME sessions from 1990). */
  static BarSeries mnqBars(int n) {
    BarSeries all =
        SyntheticMnqBars.generate(
            SyntheticMnqBars.Spec.mnq2025(
                808, LocalDate.of(1990, 1, 2), LocalDate.of(2034, 12, 29)));
    if (all.size() < n) {
      throw new IllegalStateException("generated only " + all.size() + " MNQ bars, need " + n);
    }
    return all.slice(0, n);
  }

  /** mnq808 with its defaults (1 contract) on 1M synthetic MNQ 15-minute bars. */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public BacktestResult mnq808Engine() {
    return engine.run(mnq, new Mnq808(Mnq808.Settings.defaults()));
  }

  /** The full engine: orders, fills, ledger, equity curve. */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public BacktestResult smaCrossEngine() {
    return engine.run(data, new SmaCross(10, 30, "long_short", Exits.NONE));
  }

  /**
   * The floor: the same signals and next-open reversals in a hand-written loop over the arrays,
   * with an equity value per bar and nothing else.
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double handWrittenLoop() {
    double[] open = bars.openArray();
    double[] close = bars.closeArray();
    double[] equity = new double[close.length];
    double[] wf = new double[10];
    double[] ws = new double[30];
    double sf = 0;
    double ss = 0;
    double pf = Double.NaN;
    double ps = Double.NaN;
    double cash = 100_000;
    double pos = 0;
    int pending = 0;
    for (int i = 0; i < close.length; i++) {
      if (pending != 0) {
        double q = Math.floor((cash + pos * open[i]) / open[i]);
        cash += pos * open[i];
        pos = pending * q;
        cash -= pos * open[i];
        pending = 0;
      }
      double c = close[i];
      sf += c - wf[i % 10];
      wf[i % 10] = c;
      ss += c - ws[i % 30];
      ws[i % 30] = c;
      double f = i >= 9 ? sf / 10 : Double.NaN;
      double s = i >= 29 ? ss / 30 : Double.NaN;
      if (!Double.isNaN(ps)) {
        if (pf <= ps && f > s && pos <= 0) {
          pending = 1;
        } else if (pf >= ps && f < s && pos >= 0) {
          pending = -1;
        }
      }
      pf = f;
      ps = s;
      equity[i] = cash + pos * c;
    }
    return equity[equity.length - 1];
  }
}
