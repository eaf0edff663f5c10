package io.quantzoo.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock a trader holds on its session ({@code lock} in the session directory) for as long as it
 * runs, so that two traders never run one session. An OS file lock: the OS releases it when the
 * process dies, even by {@code kill -9}, so a crashed session is resumable at once. The file holds
 * the owner's PID, for messages only.
 */
public final class SessionLock implements AutoCloseable {
  /** The lock file's name in a session directory. */
  public static final String FILE = "lock";

  /**
   * Lock files this process holds. POSIX releases a process's lock when it closes any descriptor of
   * the file, so this process never opens a file it holds a second time.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private SessionLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of the session in {@code sessionDir}, or empty if another holder has it. */
  public static Optional<SessionLock> tryAcquire(Path sessionDir) {
    Path file = sessionDir.resolve(FILE).toAbsolutePath().normalize();
    if (!HELD.add(file)) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null; // held by this very process
      }
      if (l == null) {
        ch.close();
        HELD.remove(file);
        return Optional.empty();
      }
      ch.truncate(0);
      ch.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      return Optional.of(new SessionLock(file, ch, l));
    } catch (IOException e) {
      HELD.remove(file);
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  /** Whether a trader holds the session in {@code sessionDir} right now. */
  public static boolean isHeld(Path sessionDir) {
    Path file = sessionDir.resolve(FILE).toAbsolutePath().normalize();
    if (HELD.contains(file)) {
      return true;
    }
    if (!Files.exists(file)) {
      return false;
    }
    Optional<SessionLock> l = tryAcquire(sessionDir);
    l.ifPresent(SessionLock::close);
    return l.isEmpty();
  }

  /** The PID the lock file names, or "?" when unknown. */
  public static String holderPid(Path sessionDir) {
    try {
      String s = Files.readString(sessionDir.resolve(FILE), StandardCharsets.US_ASCII).strip();
      return s.isEmpty() ? "?" : s;
    } catch (IOException e) {
      return "?";
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the session lock", e);
    } finally {
      HELD.remove(file);
    }
  }
}
