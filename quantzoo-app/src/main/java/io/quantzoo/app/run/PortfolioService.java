package io.quantzoo.app.run;

import io.quantzoo.app.PlanData;
import io.quantzoo.app.config.PortfolioPlan;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.portfolio.PortfolioEngine;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.portfolio.Sleeve;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.store.RunStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one planned portfolio end to end: load every sleeve's data, start the run (kind {@code
 * portfolio}) in the store, run the portfolio engine, compute the account's metrics and write the
 * run, its sleeves, weights and rebalances in one transaction ({@link RunLifecycle}).
 */
public final class PortfolioService {
  private final Clock clock;

  /**
   * @param clock dates the run
   */
  public PortfolioService(Clock clock) {
    this.clock = clock;
  }

  /**
   * What a portfolio run produced.
   *
   * @param info the stored run after completion
   * @param result the portfolio result (account, sleeves, rebalances)
   * @param metrics the account's metrics
   * @param bars bars loaded, over every distinct symbol
   * @param notes notes on the data (dropped rows, suspicious prints)
   */
  public record Outcome(
      RunInfo info, PortfolioResult result, Metrics metrics, int bars, List<String> notes) {}

  /**
   * Loads every sleeve's data, then runs and stores the portfolio.
   *
   * @param store the store, asked for once the data is loaded (see {@link RunService#run})
   * @throws ConfigException if the portfolio engine refuses the sleeves
   */
  public Outcome run(PortfolioPlan plan, Supplier<RunStore> store) {
    List<String> notes = new ArrayList<>();
    List<Sleeve> sleeves = new ArrayList<>();
    Set<String> symbols = new LinkedHashSet<>();
    List<String> fingerprints = new ArrayList<>();
    int bars = 0;
    for (PortfolioPlan.SleevePlan sp : plan.sleeves()) {
      RunPlan p = sp.plan();
      List<SymbolData> data = PlanData.load(p, notes);
      for (SymbolData d : data) {
        if (symbols.add(d.instrument().symbol())) {
          fingerprints.add(d.bars().fingerprint());
          bars += d.bars().size();
        }
      }
      sleeves.add(
          new Sleeve(
              sp.name(),
              p.strategy().name(),
              p.params().asMap().toString(),
              data,
              p.strategy().create(p.params()),
              p.engine().sizing()));
    }
    RunLifecycle.NewRun what =
        new RunLifecycle.NewRun(
            RunKind.PORTFOLIO,
            "portfolio(" + plan.config().allocator().name() + ")",
            String.join(",", symbols),
            plan.effectiveYaml(),
            plan.config().execution().seed(),
            String.join(",", fingerprints));
    RunLifecycle.Completed<Ran> done =
        new RunLifecycle(store.get(), clock)
            .run(
                what,
                run -> {
                  long t0 = System.nanoTime();
                  PortfolioResult result;
                  try {
                    result = new PortfolioEngine(plan.config()).run(sleeves);
                  } catch (IllegalArgumentException e) {
                    throw new ConfigException("sleeves", e.getMessage());
                  }
                  long elapsed = (System.nanoTime() - t0) / 1_000_000;
                  Metrics metrics = MetricsCalculator.compute(result.portfolio(), plan.metrics());
                  run.completePortfolio(result, () -> metrics, elapsed);
                  return new Ran(result, metrics);
                });
    return new Outcome(done.info(), done.value().result(), done.value().metrics(), bars, notes);
  }

  private record Ran(PortfolioResult result, Metrics metrics) {}
}
