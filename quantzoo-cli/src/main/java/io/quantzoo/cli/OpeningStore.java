package io.quantzoo.cli;

import io.quantzoo.store.RunStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The store, opened on another thread while the command loads its data: DuckDB's first connection
 * loads a large native library. {@link #get()} waits for it; {@link #close()} closes it whether or
 * not it was ever asked for, and does not rethrow a failure to open it.
 */
final class OpeningStore implements AutoCloseable {
  private final CompletableFuture<RunStore> future;

  private OpeningStore(CompletableFuture<RunStore> future) {
    this.future = future;
  }

  /** Starts opening (creating if needed) the store at {@code db}. */
  static OpeningStore open(Path db) {
    return new OpeningStore(CompletableFuture.supplyAsync(() -> RunStore.open(db)));
  }

  /** The open store; rethrows the failure to open it. */
  RunStore get() {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the database", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for the opening to end, then closes the store if it opened. */
  @Override
  public void close() {
    future
        .handle((s, e) -> s)
        .thenAccept(s -> {
          if (s != null) {
            s.close();
          }
        })
        .join();
  }
}
