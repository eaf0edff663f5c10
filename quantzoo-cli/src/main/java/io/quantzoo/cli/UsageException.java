package io.quantzoo.cli;

/**
 * A wrong option value or combination that picocli's own checks do not catch. Printed as one line
 * without a stack trace; exit code {@link ExitCodes#USAGE}.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
