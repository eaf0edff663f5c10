/**
 * The YAML run configuration: {@link io.quantzoo.app.config.ConfigLoader} reads a file into {@link
 * io.quantzoo.app.config.RunConfigFile} (unknown keys refused by name and line), and {@link
 * io.quantzoo.app.config.RunPlanner} validates it, fills every default and produces a {@link
 * io.quantzoo.app.config.RunPlan}. Format: docs/CONFIG.md.
 */
package io.quantzoo.app.config;
