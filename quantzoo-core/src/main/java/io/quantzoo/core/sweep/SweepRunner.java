package io.quantzoo.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * Evaluates the points of a {@link ParamSpace} on several threads and hands every result to one
 * consumer on the calling thread (so a store needs no locking).
 *
 * <p>Memory stays bounded whatever the number of points: points are decoded one at a time from
 * their index, workers hand results through a queue of {@code 2 × threads} slots (a slow consumer
 * slows the workers down), and nothing else is retained here. Workers take indices in increasing
 * order from a shared counter.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /** Counts of one {@link #run}. */
  public record Counts(long evaluated, long skippedDone) {}

  /**
   * Runs every point not yet done.
   *
   * @param space the points
   * @param evaluate runs one point (thread-safe)
   * @param threads number of worker threads (≥ 1)
   * @param done indices already finished (a resumed sweep); they are skipped
   * @param sink receives every new result, on the calling thread
   * @return how many points were evaluated and how many skipped as done
   * @throws RuntimeException whatever the sink or an evaluation threw (other workers stop)
   */
  public static Counts run(
      ParamSpace space,
      Function<SweepPoint, PointResult> evaluate,
      int threads,
      LongPredicate done,
      Consumer<PointResult> sink) {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(evaluate, "evaluate");
    Objects.requireNonNull(done, "done");
    Objects.requireNonNull(sink, "sink");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    long upper = space.upperBound();
    AtomicLong next = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2 * threads + 1);
    Object finished = new Object();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    long i = next.getAndIncrement();
                    if (i >= upper) {
                      break;
                    }
                    if (done.test(i)) {
                      skipped.incrementAndGet();
                      continue;
                    }
                    SweepPoint p = space.at(i);
                    if (p == null) {
                      continue;
                    }
                    queue.put(evaluate.apply(p));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                  failure.compareAndSet(null, e);
                  stop.set(true);
                } finally {
                  putQuietly(queue, finished);
                }
              },
              "qz-sweep-" + t);
      w.setDaemon(true);
      workers.add(w);
    }
    workers.forEach(Thread::start);
    long evaluated = 0;
    int running = threads;
    try {
      while (running > 0) {
        Object o = queue.take();
        if (o == finished) {
          running--;
          continue;
        }
        if (stop.get()) {
          continue;
        }
        sink.accept((PointResult) o);
        evaluated++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
      workers.forEach(Thread::interrupt);
      throw new IllegalStateException("sweep interrupted", e);
    } catch (RuntimeException | Error e) {
      stop.set(true);
      workers.forEach(Thread::interrupt);
      drain(queue, workers);
      throw e;
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
    return new Counts(evaluated, skipped.get());
  }

  private static void putQuietly(BlockingQueue<Object> q, Object o) {
    while (true) {
      try {
        q.put(o);
        return;
      } catch (InterruptedException e) {
        // The pill must get through so the consumer can finish; keep the flag and retry.
        Thread.currentThread().interrupt();
        if (q.offer(o)) {
          return;
        }
        q.poll();
      }
    }
  }

  private static void drain(BlockingQueue<Object> q, List<Thread> workers) {
    for (Thread w : workers) {
      while (w.isAlive()) {
        q.clear();
        try {
          w.join(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
