package io.quantzoo.app;

import io.quantzoo.app.config.ConfigLoader;
import io.quantzoo.app.config.PortfolioPlan;
import io.quantzoo.app.config.PortfolioPlanner;
import io.quantzoo.app.config.RunConfigFile;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.config.RunPlanner;
import io.quantzoo.core.strategy.StrategyRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads and plans config files with the built-in strategies: relative data paths are resolved
 * against the working directory, then the config's directory, then the QuantZoo {@link #home()}.
 */
public final class Plans {
  /** The system property the launcher sets to the QuantZoo home (repository root). */
  public static final String HOME_PROPERTY = "quantzoo.home";

  private Plans() {}

  /** Loads {@code config} and plans it (relative paths resolved as for {@code qz run}). */
  public static RunPlan load(Path config) {
    return plan(ConfigLoader.load(config), config.toAbsolutePath().getParent());
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

  /**
   * Plans an already read config file.
   *
   * @param configDir the directory relative data paths are resolved against (after the working
   *     directory), or null
   */
  public static RunPlan plan(RunConfigFile file, Path configDir) {
    return new RunPlanner(StrategyRegistry.builtIn(), configDir, home()).plan(file);
  }

  /**
   * Loads the portfolio config {@code config} and plans it (paths resolved as for {@link #load}).
   */
  public static PortfolioPlan loadPortfolio(Path config) {
    return new PortfolioPlanner(
            StrategyRegistry.builtIn(), config.toAbsolutePath().getParent(), home())
        .plan(ConfigLoader.loadPortfolio(config));
  }

  /** The QuantZoo home (repository root) the launcher set as {@value #HOME_PROPERTY}, or null. */
  public static Path home() {
    String h = System.getProperty(HOME_PROPERTY);
    return h == null || h.isBlank() ? null : Path.of(h);
  }
}
