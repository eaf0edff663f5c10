package io.quantzoo.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.analytics.MetricsOptions;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.strategy.SmaCross;
import io.quantzoo.core.testkit.RandomBars;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
  private static final List<SymbolData> DATA =
      List.of(new SymbolData(RandomBars.walk("TEST", 3_000, 11), Instrument.equity("TEST")));

  private static SweepSpec spec() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("fast", Map.of("min", 2, "max", 20, "step", 3)); // 7 values
    params.put("slow", Map.of("min", 10, "max", 60, "step", 10)); // 6 values
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("fast", 10);
    base.put("slow", 30);
    base.put("direction", "long_short");
    base.put("stop_atr", 0.0);
    base.put("take_profit_atr", 0.0);
    return SweepSpec.fromMap(
        Map.of("params", params, "constraints", "fast < slow", "min_trades", 5, "top_k", 5),
        new SmaCross.Factory().params(),
        base);
  }

  private static PointEvaluator evaluator(SweepSpec s) {
    return new PointEvaluator(
        new SmaCross.Factory(),
        s.space(),
        DATA,
        EngineConfig.defaults(),
        new MetricsOptions(0, Double.NaN),
        s.objective(),
        s.minTrades(),
        s.blocks());
  }

  private static Map<Long, PointResult> runAll(int threads, BitSet done) {
    SweepSpec s = spec();
    Map<Long, PointResult> out = new LinkedHashMap<>();
    SweepRunner.run(
        s.space(),
        evaluator(s)::evaluate,
        threads,
        i -> done.get((int) i),
        r -> out.put(r.index(), r));
    return out;
  }

  @Test
  void everyValidPointOnceAndThreadsDoNotChangeResults() {
    Map<Long, PointResult> one = runAll(1, new BitSet());
    Map<Long, PointResult> two = runAll(2, new BitSet());
    // 7 x 6 = 42 combinations; fast < slow rejects (fast, slow) with slow = 10 and fast >= 10
    // (11, 14, 17, 20: 4) and slow = 20 with fast = 20 (1): 37 valid.
    assertThat(spec().space().countValid()).isEqualTo(37);
    assertThat(one).hasSize(37);
    assertThat(two.keySet()).isEqualTo(one.keySet());
    for (long i : one.keySet()) {
      assertThat(two.get(i).metrics()).isEqualTo(one.get(i).metrics());
      assertThat(two.get(i).objective()).isEqualTo(one.get(i).objective());
    }
  }

  @Test
  void aResumedSweepSkipsFinishedPointsAndEndsWithTheSameResults() {
    Map<Long, PointResult> full = runAll(2, new BitSet());
    BitSet done = new BitSet();
    List<Long> first = new ArrayList<>(full.keySet()).subList(0, 20);
    first.forEach(i -> done.set(i.intValue()));
    Map<Long, PointResult> rest = runAll(2, done);
    assertThat(rest.keySet()).doesNotContainAnyElementsOf(first);
    assertThat(rest).hasSize(full.size() - 20);
    rest.forEach((i, r) -> assertThat(r.metrics()).isEqualTo(full.get(i).metrics()));
  }

  @Test
  void topKKeepsTheBestRankedByScoreThenIndex() {
    SweepSpec s = spec();
    Map<Long, PointResult> all = runAll(2, new BitSet());
    TopK top = new TopK(5);
    all.values().forEach(top::offer);
    List<PointResult> expected =
        all.values().stream()
            .filter(r -> r.status() == PointResult.Status.OK)
            .sorted((a, b) -> {
              int c = Double.compare(b.objective(), a.objective());
              return c != 0 ? c : Long.compare(a.index(), b.index());
            })
            .limit(5)
            .toList();
    assertThat(top.sorted()).containsExactlyElementsOf(expected);
    // Points under min_trades are stored as FEW_TRADES and never ranked.
    assertThat(all.values())
        .filteredOn(r -> r.status() == PointResult.Status.FEW_TRADES)
        .allSatisfy(r -> assertThat(r.metrics().trades()).isLessThan(5));
  }

  @Test
  void minimisingRanksTheSmallestFirst() {
    Objective o = Objective.parse("max_drawdown_pct", false);
    assertThat(o.score(5)).isGreaterThan(o.score(10));
    assertThat(o.score(Double.NaN)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void returnStatsSplitBlocksAndMomentsByHand() {
    // Equity 100, 110, 99, 99, 108.9: returns 0.1, -0.1, 0, 0.1 (m = 4).
    ReturnStats r = ReturnStats.of(new double[] {100, 110, 99, 99, 108.9}, 2);
    assertThat(r.count()).isEqualTo(4);
    assertThat(r.mean()).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-12));
    // Block b holds j with floor(j * 2 / 4) == b: block 0 = {0.1, -0.1}, block 1 = {0, 0.1}.
    assertThat(r.blockCount()).containsExactly(2, 2);
    assertThat(r.blockSum()[0]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.blockSum()[1]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    // Deviations 0.075, -0.125, -0.025, 0.075: squares sum 0.0275; sample var 0.0275/3.
    assertThat(r.std())
        .isCloseTo(Math.sqrt(0.0275 / 3), org.assertj.core.data.Offset.offset(1e-12));
    // Third moment: (0.075^3*2 - 0.125^3 - 0.025^3)/4 = (0.000843750 - 0.001953125 - 0.000015625)/4
    double m2 = 0.0275 / 4;
    double m3 = (2 * Math.pow(0.075, 3) - Math.pow(0.125, 3) - Math.pow(0.025, 3)) / 4;
    assertThat(r.skewness())
        .isCloseTo(m3 / Math.pow(m2, 1.5), org.assertj.core.data.Offset.offset(1e-9));
  }
}
