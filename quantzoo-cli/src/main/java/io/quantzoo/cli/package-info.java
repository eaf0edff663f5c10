/**
 * The {@code qz} command line, the composition root that wires data, engine, store and reports.
 * Start with {@link io.quantzoo.cli.Main} (exit codes in {@link io.quantzoo.cli.ExitCodes}) and
 * {@link io.quantzoo.cli.RunCommand}.
 */
package io.quantzoo.cli;
