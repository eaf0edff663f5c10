package io.quantzoo.bench;

import io.quantzoo.core.risk.TradingState;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.safety.FileTradingStateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Kill-switch propagation between two processes (bench/killswitch.sh; goal 10 ms): this process
 * activates and deactivates the kill switch through a {@link FileTradingStateStore}; a watcher
 * process (this class with {@code --watch}) reads {@code tradingState()} in a tight loop, as a
 * trader does before each order, and reports the wall-clock time it saw each change.
 *
 * <p>Both processes read the same clock ({@link Instant#now}, the system's real-time clock), so the
 * times compare across processes. Per change: <b>propagation</b>, from the call to
 * activate/deactivate to the watcher seeing the new state (the durable write, two fsyncs, is part
 * of it: the state is published only once it is on disk); <b>after the write</b>, from the write's
 * return to the watcher seeing it (negative when it was seen before the call returned: the counter
 * is bumped before its page is flushed); and the write alone. Also the cost of one cheap read.
 * Usage: {@code KillSwitchBenchmark [changes] [trading dir]}.
 */
public final class KillSwitchBenchmark {
  private KillSwitchBenchmark() {}

  private static final int WARMUP = 50;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--watch")) {
      watch(Path.of(args[1]), Integer.parseInt(args[2]));
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path root =
        args.length > 1
            ? Path.of(args[1]).toAbsolutePath()
            : Files.createTempDirectory("qz-killswitch-bench");
    TradingDirectory dir = TradingDirectory.at(root);
    FileTradingStateStore store = FileTradingStateStore.open(dir);
    store.deactivate("bench", "start", true);
    System.out.printf(
        Locale.ROOT,
        "kill-switch propagation: %d changes (after %d warm-up) through %s%n",
        n,
        WARMUP,
        store.location());

    Process watcher =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    KillSwitchBenchmark.class.getName(),
                    "--watch",
                    root.toString(),
                    Integer.toString(WARMUP + n)))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    int half = n / 2;
    long[] killSeen = new long[half]; // activate: call -> seen
    long[] liftSeen = new long[half]; // deactivate: call -> seen
    long[] liftNotice = new long[half]; // deactivate: the call's return -> seen
    long[] write = new long[2 * half];
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8))) {
      expect(in.readLine(), "ready");
      for (int i = 0; i < WARMUP + n; i++) {
        Thread.sleep(2); // a change now and then, not back to back
        boolean halt = i % 2 == 0;
        long t0 = wallNanos();
        if (halt) {
          store.activate("bench", "propagation " + i);
        } else {
          store.deactivate("bench", "propagation " + i, false);
        }
        long t1 = wallNanos();
        String[] seen = expect(in.readLine(), "seen").split(" ");
        TradingState want = halt ? TradingState.HALTED : TradingState.ACTIVE;
        if (!seen[1].equals(want.name())) {
          throw new IllegalStateException("the watcher saw " + seen[1] + ", expected " + want);
        }
        long t2 = Long.parseLong(seen[2]);
        int k = i - WARMUP;
        if (k >= 0 && k < 2 * half) {
          if (halt) {
            killSeen[k / 2] = t2 - t0;
          } else {
            liftSeen[k / 2] = t2 - t0;
            liftNotice[k / 2] = t2 - t1;
          }
          write[k] = t1 - t0;
        }
      }
    }
    watcher.waitFor();
    report("kill switch: activate -> seen", killSeen);
    report("deactivate -> seen", liftSeen);
    report("deactivate returned -> seen", liftNotice);
    report("a durable write (the call)", write);
    report("one fsync of 200 bytes", fsyncs(root, 100));

    int reads = 20_000_000;
    long start = System.nanoTime();
    int halted = 0;
    for (int i = 0; i < reads; i++) {
      if (store.tradingState() == TradingState.HALTED) {
        halted++;
      }
    }
    double ns = (System.nanoTime() - start) / (double) reads;
    System.out.printf(Locale.ROOT, "  one cheap read (tradingState()): %.1f ns (%d)%n", ns, halted);
  }

  /** One small write and fsync, {@code n} times, next to the state: what the disk costs. */
  private static long[] fsyncs(Path root, int n) throws IOException {
    Path f = root.resolve("fsync-probe");
    long[] out = new long[n];
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        ch.write(ByteBuffer.wrap(new byte[200]), 0);
        ch.force(true);
        out[i] = System.nanoTime() - t0;
      }
    }
    Files.delete(f);
    return out;
  }

  private static void watch(Path root, int changes) {
    FileTradingStateStore store = FileTradingStateStore.open(TradingDirectory.at(root));
    TradingState last = store.tradingState();
    System.out.println("ready");
    System.out.flush();
    for (int seen = 0; seen < changes; ) {
      TradingState now = store.tradingState();
      if (now != last) {
        long t = wallNanos();
        System.out.println("seen " + now + " " + t);
        System.out.flush();
        last = now;
        seen++;
      }
    }
  }

  private static long wallNanos() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static String expect(String line, String prefix) throws IOException {
    if (line == null || !line.startsWith(prefix)) {
      throw new IOException("the watcher said '" + line + "', expected '" + prefix + "...'");
    }
    return line;
  }

  private static void report(String what, long[] nanos) {
    long[] a = nanos.clone();
    Arrays.sort(a);
    int n = a.length;
    System.out.printf(
        Locale.ROOT,
        "  %-28s p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms   (min %.3f)%n",
        what,
        a[n / 2] / 1e6,
        a[Math.max(0, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
        a[n - 1] / 1e6,
        a[0] / 1e6);
  }
}
