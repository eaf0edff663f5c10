package io.quantzoo.bench;

import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditKey;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.audit.AuditVerification;
import io.quantzoo.live.audit.AuditVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The audit trail's append path, measured (bench/audit.sh; figures in docs/BENCHMARKS.md and
 * docs/AUDIT.md): 1, 4 and 16 threads append order-intent-sized events to one {@link AuditLog} for
 * a fixed time each; every append returns only when its line is fsynced, so concurrent appends
 * share a batch (group commit). Reports lines per second, lines per batch (fsync) and the latency
 * of one append (p50, p99), then the time {@link AuditVerifier} takes over everything written.
 *
 * <p>A plain main, not JMH: the files and fsyncs are the point. Usage: {@code AuditBenchmark
 * [seconds per run] [trading dir]}; the trading dir defaults to a temporary directory, whose disk
 * sets the figures.
 */
public final class AuditBenchmark {
  private AuditBenchmark() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    boolean temp = args.length <= 1;
    Path root =
        temp ? Files.createTempDirectory("qz-audit-bench") : Path.of(args[1]).toAbsolutePath();
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    AuditKey key = AuditKey.of(k, "benchmark key");
    System.out.printf(Locale.ROOT, "audit append, %.1f s per run; directory %s%n", seconds, root);
    Path dirPath = Files.createTempDirectory(root, "audit");
    try {
      TradingDirectory td = TradingDirectory.at(dirPath);
      try (AuditLog log = AuditLog.open(td, key, Clock.systemUTC(), 0)) {
        run(log, 1, Math.min(1, seconds)); // warm-up
        for (int threads : new int[] {1, 4, 16}) {
          Result r = run(log, threads, seconds);
          System.out.printf(
              Locale.ROOT,
              "%2d thread(s): %,9.0f lines/s  %6.1f lines per fsync  append p50 %7.1f us  p99"
                  + " %8.1f us  (%,d lines)%n",
              threads,
              r.lines / r.seconds,
              (double) r.lines / r.batches,
              r.p50 / 1e3,
              r.p99 / 1e3,
              r.lines);
        }
      }
      long t0 = System.nanoTime();
      AuditVerification v = AuditVerifier.verify(td, key);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "verify: %s, %,d lines in %.2f s (%,.0f lines/s)%n",
          v.ok() ? "OK" : "NOT OK " + v.problem(),
          v.lines(),
          s,
          v.lines() / s);
    } finally {
      delete(temp ? root : dirPath);
    }
  }

  private record Result(long lines, long batches, double seconds, long p50, long p99) {}

  private static Result run(AuditLog log, int threads, double seconds) throws Exception {
    long lines0 = log.appended();
    long batches0 = log.batches();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    CountDownLatch start = new CountDownLatch(1);
    List<long[]> lat = new ArrayList<>();
    List<Thread> ts = new ArrayList<>();
    int[] counts = new int[threads];
    for (int t = 0; t < threads; t++) {
      long[] mine = new long[2_000_000];
      lat.add(mine);
      int id = t;
      Thread th =
          new Thread(() -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              return;
            }
            int i = 0;
            while (System.nanoTime() < end && i < mine.length) {
              long a = System.nanoTime();
              log.append(event(id, i));
              mine[i++] = System.nanoTime() - a;
            }
            counts[id] = i;
          });
      ts.add(th);
      th.start();
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread th : ts) {
      th.join();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(lat.get(t), 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Result(
        log.appended() - lines0, log.batches() - batches0, s, pct(all, 0.5), pct(all, 0.99));
  }

  private static AuditEvent event(int thread, int i) {
    return AuditEvent.builder(AuditEventType.ORDER_INTENT)
        .broker("paper")
        .symbol("BTC-USD")
        .side(i % 2 == 0 ? Side.BUY : Side.SELL)
        .quantity(0.25)
        .orderType(OrderType.LIMIT)
        .orderId(Integer.toString(i))
        .clientOrderId("qz7f3a-" + thread + "-" + i)
        .operator("trader-" + thread)
        .reason("sma_cross entry")
        .session("qz20261202143000-bench")
        .detail("limit_price", 97_123.5)
        .build();
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  private static void delete(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(x -> {
            try {
              Files.delete(x);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
