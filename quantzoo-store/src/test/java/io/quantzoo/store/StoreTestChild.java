package io.quantzoo.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Main class run in a child JVM by {@link RunStoreCrashTest}; it is killed with SIGKILL while it
 * blocks, never exits normally. Usage: {@code StoreTestChild <mode> <db>} where mode is
 *
 * <ul>
 *   <li>{@code start-and-block}: opens the store, starts a run, prints {@code STARTED <id>} and
 *       blocks with the database open;
 *   <li>{@code block-in-complete}: starts a run and completes it with a hook that, once the trades,
 *       fills and equity rows are written but before the commit, prints {@code WRITING <id>} and
 *       blocks.
 * </ul>
 */
final class StoreTestChild {
  private StoreTestChild() {}

  public static void main(String[] args) throws InterruptedException {
    String mode = args[0];
    Path db = Path.of(args[1]);
    switch (mode) {
      case "start-and-block" -> {
        RunStore store = RunStore.open(db);
        String id = store.newRunId();
        store.startRun(TestData.runInfo(id, Clock.systemUTC().instant()));
        announce("STARTED " + id);
        blockForever();
      }
      case "block-in-complete" -> {
        WriteHook hook =
            (runId, table) -> {
              if (table.equals("equity")) {
                announce("WRITING " + runId);
                blockForever();
              }
            };
        RunStore store =
            RunStore.open(db, Clock.systemUTC(), RandomGenerator.of("L64X128MixRandom"), hook);
        String id = store.newRunId();
        store.startRun(TestData.runInfo(id, Clock.systemUTC().instant()));
        store.completeRun(id, TestData.result(50_000), TestData.metrics(50_000), 3);
        announce("COMPLETED " + id); // never reached
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  private static void announce(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static void blockForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while blocking", e);
      }
    }
  }
}
