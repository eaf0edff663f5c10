package io.quantzoo.app.sweep;

import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.PointEvaluator;
import io.quantzoo.core.sweep.SweepSpec;
import java.util.List;

/**
 * How {@code qz sweep} turns a planned config into a sweep, for other composition roots (the Spark
 * job): the same sweep section validation, the same point evaluator and the same fingerprint, so a
 * sweep run elsewhere gives the same points, results and fingerprint as {@code qz sweep}.
 */
public final class Sweeps {
  private Sweeps() {}

  /** The validated {@code sweep:} section of a plan. */
  public static SweepSpec spec(RunPlan plan) {
    return SweepSpec.fromMap(plan.sweep(), plan.strategy().params(), plan.params().asMap());
  }

  /** The evaluator of the sweep's points over {@code data}. */
  public static PointEvaluator evaluator(RunPlan plan, SweepSpec spec, List<SymbolData> data) {
    return new PointEvaluator(
            plan.strategy(),
            spec.space(),
            data,
            plan.engine(),
            plan.metrics(),
            spec.objective(),
            spec.minTrades(),
            spec.blocks())
        .withRisk(plan.researchRiskLimits().orElse(null));
  }

  /** The sweep's fingerprint as {@code qz sweep} stores it (config, data and space). */
  public static String fingerprint(RunPlan plan, SweepSpec spec, List<SymbolData> data) {
    return SweepService.fingerprint(plan, spec, data);
  }

  /** The symbols of the data, comma separated, as stored with a sweep. */
  public static String symbols(List<SymbolData> data) {
    return SweepService.symbols(data);
  }
}
