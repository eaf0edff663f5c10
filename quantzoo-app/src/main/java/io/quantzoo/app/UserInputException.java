package io.quantzoo.app;

/**
 * A request the application refuses because of the user's input (an unknown sweep id, a sweep in
 * the wrong state, unreadable sweep results), found by the application itself rather than by the
 * config or data validation. The message is meant for the user as is; {@code qz} prints it without
 * a stack trace and exits with "bad input".
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }
}
