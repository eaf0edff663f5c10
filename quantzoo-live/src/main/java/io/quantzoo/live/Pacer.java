package io.quantzoo.live;

import java.util.concurrent.locks.LockSupport;

/** The wall clock a replay is paced by: read it, and wait until a moment. Tests give a fake one. */
public interface Pacer {

  /** Now, in nanoseconds of an arbitrary origin (as {@link System#nanoTime()}). */
  long nanoTime();

  /**
   * Waits until {@link #nanoTime()} reaches {@code deadline}, or less if {@code wakeUp} says so
   * (checked whenever the waiting thread wakes).
   *
   * @throws InterruptedException if the thread is interrupted
   */
  void waitUntil(long deadline, java.util.function.BooleanSupplier wakeUp)
      throws InterruptedException;

  /** The real clock: {@link System#nanoTime()} and {@link LockSupport#parkNanos}. */
  Pacer SYSTEM =
      new Pacer() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void waitUntil(long deadline, java.util.function.BooleanSupplier wakeUp)
            throws InterruptedException {
          long left;
          while ((left = deadline - System.nanoTime()) > 0 && !wakeUp.getAsBoolean()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
              throw new InterruptedException("replay wait interrupted");
            }
          }
        }
      };
}
