package io.quantzoo.cli;

/** A user mistake found by the CLI itself (unknown run id, bad option value). No stack trace. */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  UserInputException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
