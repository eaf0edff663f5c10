package io.quantzoo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Identity of this host and of processes on it, used to find interrupted runs. */
final class HostInfo {
  /** Start times of one process read at different moments agree to within a few clock ticks. */
  private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

  private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private HostInfo() {}

  /**
   * This host's name. On Linux it is read from {@code /proc/sys/kernel/hostname} (no DNS lookup,
   * which can take seconds on a badly configured network); elsewhere from {@link
   * InetAddress#getLocalHost()}; {@code "unknown-host"} when neither works (then interrupted runs
   * cannot be told from live ones on other hosts, and are left alone).
   */
  static String hostName() {
    String name = "";
    if (Files.isReadable(LINUX_HOSTNAME)) {
      try {
        name = Files.readString(LINUX_HOSTNAME, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + LINUX_HOSTNAME, e);
      }
    }
    if (!name.isEmpty()) {
      return name;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // Documented degraded mode: runs are still stored; only the host check cannot match.
      return "unknown-host";
    }
  }

  /** When this JVM's process started, if the OS tells. */
  static Optional<Instant> currentProcessStart() {
    return ProcessHandle.current().info().startInstant();
  }

  /**
   * Whether the process that recorded a run is still alive: process {@code pid} exists and, when
   * both start times are known, started at {@code recordedStart} (a different start time means the
   * pid was reused by another process, common in containers).
   */
  static boolean isAlive(long pid, Instant recordedStart) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    if (recordedStart == null) {
      return true;
    }
    Optional<Instant> start = handle.get().info().startInstant();
    return start.isEmpty()
        || Duration.between(start.get(), recordedStart).abs().compareTo(START_TOLERANCE) <= 0;
  }
}
