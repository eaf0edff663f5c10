/**
 * The application layer: what every front end ({@code qz}, the Spark job, later a server) does with
 * a config, the data and the store, without any command line, HTTP or Spark.
 *
 * <ul>
 *   <li>{@link io.quantzoo.app.config}: YAML configs read, validated and planned.
 *   <li>{@link io.quantzoo.app.Plans} and {@link io.quantzoo.app.PlanData}: a config file planned,
 *       and its bars loaded with their instruments.
 *   <li>{@link io.quantzoo.app.run}: the one run lifecycle ({@link
 *       io.quantzoo.app.run.RunLifecycle}) and the backtest and portfolio services built on it.
 *   <li>{@link io.quantzoo.app.sweep} and {@link io.quantzoo.app.walkforward}: parameter sweeps,
 *       their import, and walk-forward analyses.
 * </ul>
 *
 * Services report a refused request as {@link io.quantzoo.app.UserInputException} (and bad data or
 * config as the core's exceptions), progress through {@link io.quantzoo.app.ProgressListener} and
 * phase timings through {@link io.quantzoo.app.PhaseListener}; the front end decides how to show
 * them.
 */
package io.quantzoo.app;
