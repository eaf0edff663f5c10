/**
 * The {@code qz} command line: picocli commands that parse options, call the application layer
 * ({@code io.quantzoo.app}: config planning, run, portfolio, sweep and walk-forward services), and
 * print text, JSON and reports. Start with {@link io.quantzoo.cli.Main} (exit codes in {@link
 * io.quantzoo.cli.ExitCodes}) and {@link io.quantzoo.cli.RunCommand}.
 */
package io.quantzoo.cli;
