package io.quantzoo.app.sweep;

import io.quantzoo.app.UserInputException;
import io.quantzoo.store.SweepResults;
import io.quantzoo.store.SweepStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores sweep results datasets (Parquet written by the Spark job) as completed sweeps, ranked and
 * diagnosed exactly as {@link SweepService} does ({@link SweepService#finish}).
 */
public final class SweepImporter {
  private SweepImporter() {}

  /**
   * The results directories under {@code dir}: itself, or its per-symbol or per-window
   * subdirectories (those holding {@value SweepResults#META_FILE}), in name order.
   *
   * @throws UserInputException if {@code dir} is not a directory or holds no results
   */
  public static List<Path> datasets(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserInputException("bad sweep results: " + dir + ": not a directory");
    }
    if (Files.exists(dir.resolve(SweepResults.META_FILE))) {
      return List.of(dir);
    }
    List<Path> subs = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> Files.isRegularFile(p.resolve(SweepResults.META_FILE)))
          .sorted()
          .forEach(subs::add);
    } catch (IOException e) {
      throw new UserInputException(
          "bad sweep results: " + dir + ": cannot list: " + e.getMessage());
    }
    if (subs.isEmpty()) {
      throw new UserInputException(
          "bad sweep results: "
              + dir.resolve(SweepResults.META_FILE)
              + ": missing; a sweep results directory holds Parquet part files and this file");
    }
    return subs;
  }

  /**
   * One imported sweep.
   *
   * @param source the results directory
   * @param meta its metadata
   * @param finished the completed sweep
   */
  public record Imported(Path source, SweepResults.Meta meta, SweepService.Finished finished) {}

  /**
   * Imports one results directory as a new completed sweep; if ranking or storing the completion
   * fails, the sweep is marked failed.
   *
   * @param clock dates the sweep
   * @throws UserInputException if the results are invalid
   */
  public static Imported importOne(SweepStore store, Path dir, Clock clock) {
    long t0 = System.nanoTime();
    try {
      SweepResults.Meta m = SweepResults.readMeta(dir);
      String id = store.newSweepId();
      store.importParquet(
          dir,
          new SweepStore.SweepInfo(
              id,
              m.kind(),
              null,
              m.strategy(),
              m.symbols(),
              m.configYaml(),
              m.space(),
              m.fingerprint(),
              m.objective(),
              m.direction(),
              m.minTrades(),
              m.blocks(),
              m.totalPoints(),
              "running",
              clock.instant(),
              null,
              0,
              -1,
              null,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              null,
              ""));
      SweepService.Finished f;
      try {
        f =
            SweepService.finish(
                store,
                id,
                m.topK(),
                m.blocks(),
                () -> m.elapsedMillis() + (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException | Error e) {
        try {
          store.stop(id, false, "import failed: " + e.getMessage(), 0);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      return new Imported(dir, m, f);
    } catch (SweepResults.InvalidResultsException e) {
      throw new UserInputException("bad sweep results: " + e.getMessage());
    }
  }
}
