package io.quantzoo.cli;

import io.quantzoo.cli.config.RunPlan;
import io.quantzoo.core.engine.SymbolData;
import java.util.List;

/** Loads a plan's bars (CSV or Parquet) and resolves their instruments, as {@code qz run} does. */
public final class PlanData {
  private PlanData() {}

  /**
   * Loads every data source of {@code plan}.
   *
   * @param notes receives notes on dropped rows and suspicious prints
   */
  public static List<SymbolData> load(RunPlan plan, List<String> notes) {
    return RunService.loadData(plan, notes);
  }
}
