package io.quantzoo.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable atomic replacement of small files: a reader sees the old content or the new, never a mix,
 * and after {@link #write} returns the new content survives a crash or power loss (the file and its
 * directory are forced to the disk).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}: writes a temporary file beside it, forces it,
   * renames it over the target and forces the directory.
   */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, content, true);
  }

  /**
   * As {@link #write(Path, byte[])}; without {@code syncDirectory} the rename is atomic but may be
   * lost to a power loss (for files whose loss the reader recovers from, such as the audit head).
   */
  public static void write(Path target, byte[] content, boolean syncDirectory) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (syncDirectory) {
      forceDirectory(dir);
    }
  }

  /** Forces a directory's entries (a rename or a new file) to the disk, where the OS allows it. */
  public static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some platforms cannot open a directory for reading; the rename is still atomic there
    }
  }
}
