/**
 * The YAML run configuration: {@link io.quantzoo.cli.config.ConfigLoader} reads a file into {@link
 * io.quantzoo.cli.config.RunConfigFile} (unknown keys refused by name and line), and {@link
 * io.quantzoo.cli.config.RunPlanner} validates it, fills every default and produces a {@link
 * io.quantzoo.cli.config.RunPlan}. Format: docs/CONFIG.md.
 */
package io.quantzoo.cli.config;
