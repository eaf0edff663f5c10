package io.quantzoo.live.safety;

/**
 * Told of every change a store makes, after the new state is durable: for the audit log. Called in
 * the process that made the change only (other processes see the new state through the store but
 * are not told), on the thread that made it.
 */
@FunctionalInterface
public interface StateChangeListener {
  /**
   * The state changed from {@code before} (possibly a failed, fail-closed read) to {@code after}.
   */
  void changed(SafetyState before, SafetyState after);
}
