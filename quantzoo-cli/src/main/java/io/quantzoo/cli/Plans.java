package io.quantzoo.cli;

import io.quantzoo.cli.config.ConfigLoader;
import io.quantzoo.cli.config.RunConfigFile;
import io.quantzoo.cli.config.RunPlan;
import io.quantzoo.cli.config.RunPlanner;
import io.quantzoo.core.strategy.StrategyRegistry;
import java.nio.file.Path;

/** Loads and plans a config file for the commands that take {@code -c CONFIG.yaml}. */
public final class Plans {
  private Plans() {}

  /** Loads {@code config} and plans it (relative paths resolved as for {@code qz run}). */
  public static RunPlan load(Path config) {
    RunConfigFile file = ConfigLoader.load(config);
    Path dir = config.toAbsolutePath().getParent();
    return new RunPlanner(StrategyRegistry.builtIn(), dir, QzCommand.home()).plan(file);
  }
}
