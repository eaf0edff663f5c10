package io.quantzoo.live.audit;

import static io.quantzoo.live.audit.AuditFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.live.TradingDirectory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads, and several processes, append to one log: no line lost, one valid chain. */
class AuditConcurrencyTest {
  @TempDir Path tmp;

  @Test
  void manyThreadsShareWritesAndEveryLineIsThereOnce() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    int threads = 16;
    int each = 50;
    Set<Long> seqs = ConcurrentHashMap.newKeySet();
    AuditLog log = AuditLog.open(td, KEY, Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String op = "thread-" + t;
        fs.add(
            pool.submit(() -> {
              start.await();
              for (int i = 0; i < each; i++) {
                AuditSeq s =
                    log.append(
                        AuditEvent.builder(AuditEventType.ORDER_FILLED)
                            .operator(op)
                            .orderId(Integer.toString(i))
                            .build());
                assertThat(seqs.add(s.seq())).isTrue();
              }
              return null;
            }));
      }
      start.countDown();
      for (Future<?> f : fs) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
      log.close();
    }
    int total = threads * each;
    assertThat(seqs).hasSize(total);
    assertThat(log.appended()).isEqualTo(total);
    assertThat(log.batches())
        .as("concurrent appends share batches (group commit)")
        .isLessThan(total);
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.lines()).isEqualTo(total);
    // each thread's lines are all there, in its own order
    Map<String, List<String>> byOp =
        AuditReader.tail(AuditLog.directory(td), total).stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.event().operator(),
                    Collectors.mapping(r -> r.event().orderId(), Collectors.toList())));
    assertThat(byOp).hasSize(threads);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      expected.add(Integer.toString(i));
    }
    byOp.values().forEach(ids -> assertThat(ids).isEqualTo(expected));
  }

  @Test
  void twoProcessesAndThisOneAppendAtOnceToOneValidChain() throws Exception {
    TradingDirectory td = AuditFixtures.dir(tmp);
    String keyHex = HexFormat.of().formatHex(AuditFixtures.KEY_BYTES);
    int n = 150;
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<Process> children = new ArrayList<>();
    for (String op : List.of("child-a", "child-b")) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  AuditChild.class.getName(),
                  td.root().toString(),
                  Integer.toString(n),
                  op)
              .redirectError(ProcessBuilder.Redirect.to(tmp.resolve(op + ".err").toFile()));
      pb.environment().put(AuditKey.ENV, keyHex);
      children.add(pb.start());
    }
    try {
      for (Process p : children) {
        BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("ready");
      }
      try (AuditLog log = AuditLog.open(td, KEY, Clock.systemUTC())) {
        for (int i = 1; i <= n; i++) {
          log.append(
              AuditEvent.builder(AuditEventType.ORDER_SUBMITTED)
                  .operator("parent")
                  .orderId(Integer.toString(i))
                  .build());
        }
      }
      for (Process p : children) {
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue())
            .as(Files.readString(tmp.resolve(p == children.get(0) ? "child-a.err" : "child-b.err")))
            .isZero();
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }
    AuditVerification v = AuditVerifier.verify(td, KEY);
    assertThat(v.ok()).as("%s", v.problem()).isTrue();
    assertThat(v.lines()).isEqualTo(3L * n);
    Set<String> seen = new HashSet<>();
    for (AuditRecord r : AuditReader.tail(AuditLog.directory(td), 3 * n)) {
      assertThat(seen.add(r.event().operator() + "/" + r.event().orderId())).isTrue();
    }
    assertThat(seen).hasSize(3 * n);
  }
}
