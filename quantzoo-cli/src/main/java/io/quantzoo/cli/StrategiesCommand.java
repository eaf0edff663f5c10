package io.quantzoo.cli;

import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.strategy.StrategyFactory;
import io.quantzoo.core.strategy.StrategyRegistry;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qz strategies}: the strategy library. */
@Command(
    name = "strategies",
    mixinStandardHelpOptions = true,
    description = "The built-in strategies.",
    subcommands = {StrategiesCommand.ListStrategies.class, CommandLine.HelpCommand.class})
final class StrategiesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code qz strategies list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Each strategy with its description and parameters (defaults and ranges).")
  static final class ListStrategies implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      PrintWriter w = spec.commandLine().getOut();
      for (StrategyFactory f : StrategyRegistry.builtIn().all()) {
        w.printf("%s - %s%n", f.name(), f.description());
        if (f.params().isEmpty()) {
          w.println("    (no parameters)");
        }
        for (ParamSpec s : f.params()) {
          w.println(ParamArgs.describe(s));
        }
        w.println();
      }
      w.println("Pages: docs/strategies/<name>.md; sample configs: configs/<name>.yaml");
      w.flush();
    }
  }
}
