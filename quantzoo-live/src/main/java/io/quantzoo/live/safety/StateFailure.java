package io.quantzoo.live.safety;

import java.util.Objects;

/**
 * Why the trading state could not be read. The state is then HALTED (fail closed) until an operator
 * writes a fresh one; {@link #message} names the file, the problem and the recovery command.
 *
 * @param kind what went wrong
 * @param message for the operator: the file, the problem and what to do
 */
public record StateFailure(Kind kind, String message) {
  /** What went wrong. */
  public enum Kind {
    /** The state file is gone, although the store's creation is recorded. */
    MISSING,
    /** The state file's content is not a valid state (garbage, truncated, an unknown state). */
    CORRUPT,
    /** The state file (or the generation counter) exists but cannot be read: permissions, I/O. */
    UNREADABLE
  }

  public StateFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
