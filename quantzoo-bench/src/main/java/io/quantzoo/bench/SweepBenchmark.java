package io.quantzoo.bench;

import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.strategy.SmaCross;
import io.quantzoo.core.sweep.PointEvaluator;
import io.quantzoo.core.sweep.SweepRunner;
import io.quantzoo.core.sweep.SweepSpec;
import io.quantzoo.core.sweep.TopK;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sweep throughput in the core (no store): a 16-point sma_cross grid on 1M seeded synthetic bars
 * shared by every worker thread, each point a full backtest with metrics and return statistics. One
 * operation is one backtest, so the score reads as backtests per second; compare threads = 1 and 2
 * for the scaling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms1g", "-Xmx1g"})
public class SweepBenchmark {
  static final int POINTS = 16;

  @Param({"1", "2"})
  public int threads;

  private SweepSpec spec;
  private PointEvaluator evaluator;

  @Setup
  public void setup() {
    BarSeries bars = SyntheticBars.generate(1_000_000, 42);
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("fast", 10);
    base.put("slow", 30);
    base.put("direction", "long_short");
    base.put("stop_atr", 0.0);
    base.put("take_profit_atr", 0.0);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("fast", List.of(5, 10, 15, 20));
    params.put("slow", List.of(50, 100, 150, 200));
    spec = SweepSpec.fromMap(Map.of("params", params), new SmaCross.Factory().params(), base);
    evaluator =
        new PointEvaluator(
            new SmaCross.Factory(),
            spec.space(),
            List.of(new SymbolData(bars, Instrument.equity("SYNTH"))),
            EngineConfig.defaults(),
            new MetricsOptions(0, Double.NaN),
            spec.objective(),
            1,
            16);
  }

  /** The whole grid on {@code threads} workers; the best point is kept like a sweep does. */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public TopK grid() {
    TopK top = new TopK(5);
    SweepRunner.run(spec.space(), evaluator::evaluate, threads, i -> false, top::offer);
    return top;
  }
}
