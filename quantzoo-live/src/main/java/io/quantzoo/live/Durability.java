package io.quantzoo.live;

/** How far an order intent is written before the order is sent. */
public enum Durability {
  /**
   * Handed to the operating system (a {@code write} call): survives the trader being killed, even
   * by {@code kill -9}, but not a power loss or a kernel crash. The default.
   */
  OS,
  /**
   * Forced to the disk ({@code fsync}) before every order is sent: survives a power loss, at the
   * cost of one disk flush per order (docs/BENCHMARKS.md).
   */
  DISK
}
