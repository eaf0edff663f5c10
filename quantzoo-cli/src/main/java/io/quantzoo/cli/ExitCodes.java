package io.quantzoo.cli;

/** Process exit codes of {@code qz}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** An internal error (a bug, or the environment: disk, locked database). */
  public static final int INTERNAL = 1;

  /** Wrong command-line usage. */
  public static final int USAGE = 2;

  /** Bad data or configuration: the user's input was refused. */
  public static final int BAD_INPUT = 3;

  /** Refused by a safety rule (e.g. a trading session another trader holds). */
  public static final int REFUSED = 4;

  private ExitCodes() {}
}
