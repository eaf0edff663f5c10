package io.quantzoo.cli;

import io.quantzoo.cli.config.ConfigLoader;
import io.quantzoo.cli.config.RunConfigFile;
import io.quantzoo.cli.config.RunPlan;
import io.quantzoo.cli.config.RunPlanner;
import io.quantzoo.core.strategy.StrategyRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

  /**
   * Plans a config given as text, as {@link #load} plans the file holding it.
   *
   * @param yaml the config file's content
   * @param source names the config in messages (its path)
   * @param configDir the directory relative data paths are resolved against (after the working
   *     directory), or null
   * @param home the QuantZoo home (last place data paths are looked for), or null
   */
  public static RunPlan parse(String yaml, String source, Path configDir, Path home) {
    RunConfigFile file =
        ConfigLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), source);
    return new RunPlanner(StrategyRegistry.builtIn(), configDir, home).plan(file);
  }

  /** The QuantZoo home (repository root) the launcher set, or null. */
  public static Path home() {
    return QzCommand.home();
  }
}
