package io.quantzoo.bench;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.indicator.Indicator;
import io.quantzoo.core.indicator.IndicatorFactory;
import io.quantzoo.core.indicator.IndicatorRegistry;
import io.quantzoo.core.param.Params;
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
 * Incremental indicator throughput with default parameters on 1M seeded synthetic bars: one
 * operation is one bar, so the score reads as bars per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class IndicatorBenchmark {
  static final int BARS = 1_000_000;

  @Param({"sma", "ema", "rsi", "atr", "macd", "bollinger", "adx", "supertrend", "alphatrend"})
  public String name;

  private BarSeries bars;
  private IndicatorFactory factory;
  private Params params;

  @Setup
  public void setup() {
    bars = SyntheticBars.generate(BARS, 42);
    factory = IndicatorRegistry.builtIn().get(name);
    params = Params.resolve(name, factory.params(), Map.of());
  }

  /** A fresh indicator fed every bar; returns the last value so nothing is optimised away. */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double update() {
    Indicator ind = factory.create(params);
    long[] t = bars.timesArray();
    double[] o = bars.openArray();
    double[] h = bars.highArray();
    double[] l = bars.lowArray();
    double[] c = bars.closeArray();
    double[] v = bars.volumeArray();
    for (int i = 0; i < c.length; i++) {
      ind.update(t[i], o[i], h[i], l[i], c[i], v[i]);
    }
    return ind.value();
  }
}
