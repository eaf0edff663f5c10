package io.quantzoo.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.param.Params;
import io.quantzoo.core.testkit.RandomBars;
import io.quantzoo.core.util.ConfigException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered indicator must keep, checked as properties over many seeded random
 * series, for the default parameters and for a variant with short look-backs:
 *
 * <ul>
 *   <li>no look-ahead: for every cut point t, the values up to t computed on the series truncated
 *       at t equal those on the full series (bit for bit);
 *   <li>incremental = from scratch: the value after bar t of one long-running instance equals the
 *       last value of a fresh instance fed bars 0..t;
 *   <li>warm-up: every output is NaN before {@code warmup()} and finite from it on;
 *   <li>no allocation per bar once warmed up.
 * </ul>
 */
class IndicatorContractTest {
  private static final IndicatorRegistry REGISTRY = IndicatorRegistry.builtIn();
  private static final int SEEDS = 12;
  private static final int LENGTH = 260;

  /** Every registered indicator with its defaults, and with every look-back shortened. */
  static Stream<Arguments> variants() {
    List<Arguments> out = new ArrayList<>();
    for (IndicatorFactory f : REGISTRY.all()) {
      out.add(Arguments.of(Named.of(f.name() + " defaults", f), Map.of()));
      Map<String, Object> shortParams = new LinkedHashMap<>();
      for (ParamSpec s : f.params()) {
        if (s.type() == ParamSpec.Type.INT && ((Integer) s.defaultValue()) > 3) {
          int v = Math.max((int) s.min(), Math.max(2, ((Integer) s.defaultValue()) / 4));
          shortParams.put(s.name(), v);
        }
      }
      if (!shortParams.isEmpty()) {
        try {
          Params.resolve(f.name(), f.params(), shortParams);
          if (f.kind() == IndicatorFactory.Kind.BAR) {
            f.create(Params.resolve(f.name(), f.params(), shortParams));
          } else {
            f.createPair(Params.resolve(f.name(), f.params(), shortParams));
          }
          out.add(Arguments.of(Named.of(f.name() + " " + shortParams, f), shortParams));
        } catch (ConfigException | IllegalArgumentException e) {
          // a short variant that breaks a cross-parameter rule is not a valid case
        }
      }
    }
    return out.stream();
  }

  private static Runner runner(IndicatorFactory f, Map<String, Object> raw) {
    Params p = Params.resolve(f.name(), f.params(), raw);
    if (f.kind() == IndicatorFactory.Kind.PAIR) {
      PairIndicator ind = f.createPair(p);
      return new Runner(ind.outputs().size(), ind.warmup()) {
        @Override
        void feed(BarSeries a, BarSeries b, int i) {
          ind.update(a.close(i), b.close(i));
        }

        @Override
        double value(int k) {
          return ind.value(k);
        }
      };
    }
    Indicator ind = f.create(p);
    return new Runner(ind.outputs().size(), ind.warmup()) {
      @Override
      void feed(BarSeries a, BarSeries b, int i) {
        ind.update(a.timeMillis(i), a.open(i), a.high(i), a.low(i), a.close(i), a.volume(i));
      }

      @Override
      double value(int k) {
        return ind.value(k);
      }
    };
  }

  private abstract static class Runner {
    final int outputs;
    final int warmup;

    Runner(int outputs, int warmup) {
      this.outputs = outputs;
      this.warmup = warmup;
    }

    abstract void feed(BarSeries a, BarSeries b, int i);

    abstract double value(int k);

    double[][] run(BarSeries a, BarSeries b, int n) {
      double[][] out = new double[outputs][n];
      for (int i = 0; i < n; i++) {
        feed(a, b, i);
        for (int k = 0; k < outputs; k++) {
          out[k][i] = value(k);
        }
      }
      return out;
    }
  }

  private static BarSeries series(long seed, String sym) {
    return RandomBars.walk(sym, LENGTH, seed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void truncatingTheFutureNeverChangesThePast(IndicatorFactory f, Map<String, Object> raw) {
    SplittableRandom cuts = new SplittableRandom(7);
    for (int seed = 0; seed < SEEDS; seed++) {
      BarSeries a = series(seed, "A");
      BarSeries b = series(1000 + seed, "B");
      double[][] full = runner(f, raw).run(a, b, LENGTH);
      for (int c = 0; c < 12; c++) {
        int t = 1 + cuts.nextInt(LENGTH - 1);
        double[][] part = runner(f, raw).run(a, b, t);
        for (int k = 0; k < part.length; k++) {
          for (int i = 0; i < t; i++) {
            assertThat(Double.compare(part[k][i], full[k][i]))
                .as("%s output %d at bar %d, series cut at %d (seed %d)", f.name(), k, i, t, seed)
                .isZero();
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void incrementalEqualsFromScratchAtEveryBar(IndicatorFactory f, Map<String, Object> raw) {
    BarSeries a = series(42, "A");
    BarSeries b = series(4242, "B");
    double[][] full = runner(f, raw).run(a, b, LENGTH);
    for (int t = 1; t <= LENGTH; t += 3) {
      Runner fresh = runner(f, raw);
      for (int i = 0; i < t; i++) {
        fresh.feed(a, b, i);
      }
      for (int k = 0; k < full.length; k++) {
        assertThat(Double.compare(fresh.value(k), full[k][t - 1]))
            .as("%s output %d after bar %d", f.name(), k, t - 1)
            .isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void nanExactlyDuringTheDeclaredWarmup(IndicatorFactory f, Map<String, Object> raw) {
    for (int seed = 0; seed < SEEDS; seed++) {
      Runner r = runner(f, raw);
      assertThat(r.warmup).as("%s warm-up", f.name()).isBetween(0, LENGTH - 2);
      double[][] v = r.run(series(seed, "A"), series(500 + seed, "B"), LENGTH);
      for (int k = 0; k < v.length; k++) {
        for (int i = 0; i < LENGTH; i++) {
          if (i < r.warmup) {
            assertThat(v[k][i])
                .as("%s output %d at bar %d (warm-up %d)", f.name(), k, i, r.warmup)
                .isNaN();
          } else {
            assertThat(Double.isFinite(v[k][i]))
                .as("%s output %d at bar %d is %s (warm-up %d)", f.name(), k, i, v[k][i], r.warmup)
                .isTrue();
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void allocatesNothingPerBar(IndicatorFactory f, Map<String, Object> raw) {
    BarSeries a = series(9, "A");
    BarSeries b = series(99, "B");
    Runner r = runner(f, raw);
    r.run(a, b, LENGTH); // warm up (class loading, first values)
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().threadId();
    double sink = 0;
    long before = mx.getThreadAllocatedBytes(tid);
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < LENGTH; i++) {
        r.feed(a, b, i);
        sink += r.value(0);
      }
    }
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    assertThat(allocated)
        .as("%s allocated %d bytes over %d bars (sink %s)", f.name(), allocated, 200 * LENGTH, sink)
        .isLessThan(16_384);
  }
}
