package io.quantzoo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code qz} in a child JVM on this test's class path (what {@code ./qz} runs), with its stdout and
 * stderr in files: for tests that kill it, signal it, or run it beside another {@code qz}.
 */
final class ChildQz implements AutoCloseable {
  final Process process;
  final Path out;
  final Path err;

  private ChildQz(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code qz args} in {@code workDir}, with {@code env} added to this JVM's environment.
   */
  static ChildQz start(Path workDir, Map<String, String> env, String... args) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Dquantzoo.home=" + Path.of("..").toAbsolutePath().normalize());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "qz", ".out");
    Path err = Files.createTempFile(workDir, "qz", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    return new ChildQz(pb.start(), out, err);
  }

  /** Runs {@code qz args} in {@code workDir} to its end. */
  static CliTest.Result run(Path workDir, String... args) throws IOException, InterruptedException {
    try (ChildQz c = start(workDir, Map.of(), args)) {
      int code = c.process.waitFor();
      return new CliTest.Result(code, c.stdout(), c.stderr());
    }
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /**
   * Sends Ctrl-C's signal, SIGINT; if this process was started with SIGINT ignored (as background
   * jobs of a non-interactive shell are, and the JVM then keeps ignoring it), SIGTERM, which runs
   * the same shutdown hooks.
   */
  void interrupt() throws IOException, InterruptedException {
    boolean intIgnored = false;
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
        intIgnored = (mask & (1L << (2 - 1))) != 0;
      }
    }
    if (intIgnored) {
      process.destroy();
    } else {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly().onExit().join();
    }
  }
}
