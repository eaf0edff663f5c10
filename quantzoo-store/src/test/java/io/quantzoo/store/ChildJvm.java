package io.quantzoo.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a child JVM on this test's class path and waits for announced lines. */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Path errFile;

  private ChildJvm(Process process, Path errFile) {
    this.process = process;
    this.errFile = errFile;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code mainClass} with {@code args} on {@code classPath}, stderr to a file in dir. */
  static ChildJvm start(
      Path dir, String classPath, List<String> jvmArgs, String mainClass, String... args)
      throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    Path errFile = Files.createTempFile(dir, "child", ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(errFile.toFile()))
            .start();
    return new ChildJvm(p, errFile);
  }

  /** Starts {@code mainClass} on this JVM's own class path. */
  static ChildJvm start(Path dir, Class<?> mainClass, String... args) throws IOException {
    return start(dir, System.getProperty("java.class.path"), List.of(), mainClass.getName(), args);
  }

  long pid() {
    return process.pid();
  }

  /** The next stdout line starting with {@code prefix} (earlier lines skipped). */
  String awaitLine(String prefix) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException(
        "child ended without printing '"
            + prefix
            + "'; stderr:\n"
            + Files.readString(errFile, StandardCharsets.UTF_8));
  }

  /** Waits for a normal exit and returns all remaining stdout. */
  String awaitOutput() throws IOException, InterruptedException {
    StringBuilder sb = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      sb.append(line).append('\n');
    }
    int rc = process.waitFor();
    if (rc != 0) {
      throw new IllegalStateException(
          "child exited with "
              + rc
              + "; stderr:\n"
              + Files.readString(errFile, StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /** Kills the child with SIGKILL (no shutdown hooks, no cleanup) and waits for it to die. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Kills the child if still alive (waiting uninterruptibly for it to end) and closes its pipe. */
  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroyForcibly().onExit().join();
    }
    out.close();
  }
}
