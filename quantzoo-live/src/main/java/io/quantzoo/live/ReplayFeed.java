package io.quantzoo.live;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.feed.BarFeed;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.instrument.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays loaded bars as if they were arriving: the merged clock of several symbols (bars with equal
 * open times form one group, in config order, as in a backtest), each group appended to a growing
 * {@link BarHistory} when its time comes.
 *
 * <p>At speed {@code N} the gap between two groups is the gap between their bar timestamps divided
 * by {@code N} (4-hour bars at speed 14,400 arrive one a second); the schedule is absolute, from
 * the first paced group, so waits do not drift. At {@link #MAX} nothing waits. {@link
 * #setPaced(boolean) Unpaced} groups are delivered at once (a resumed session catching up). {@link
 * #stop()}, from any thread, ends the feed at the next group or wait; an interrupt of the waiting
 * thread does too, as an {@link InterruptedException}.
 */
public final class ReplayFeed implements BarFeed {
  /** No waiting: as fast as the trader can take the bars. */
  public static final double MAX = Double.POSITIVE_INFINITY;

  private final List<Instrument> instruments;
  private final BarSeries[] series;
  private final int[] next;
  private final double speed;
  private final Pacer pacer;
  private volatile boolean stopped;
  private volatile Thread waiter;
  private volatile boolean nudged;
  private volatile Runnable betweenBars;
  private boolean paced = true;
  private boolean based;
  private long wallBase;
  private long barBase;
  private long delivered;
  private long deliveredAt;

  /**
   * A feed of {@code data} (one series per instrument) at {@code speed} (&gt; 0, or {@link #MAX}).
   */
  public ReplayFeed(List<SymbolData> data, double speed, Pacer pacer) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("a replay needs at least one symbol's bars");
    }
    if (!(speed > 0)) {
      throw new IllegalArgumentException("replay speed must be > 0 or max, was " + speed);
    }
    this.speed = speed;
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    List<Instrument> in = new ArrayList<>(data.size());
    series = new BarSeries[data.size()];
    for (int s = 0; s < data.size(); s++) {
      in.add(data.get(s).instrument());
      series[s] = data.get(s).bars();
    }
    instruments = List.copyOf(in);
    next = new int[series.length];
  }

  /** The instruments, in config order. */
  public List<Instrument> instruments() {
    return instruments;
  }

  /** An empty history of this feed's instruments, for {@link #next} to grow. */
  public BarHistory newHistory() {
    return BarHistory.growing(instruments);
  }

  /** The speed (a multiple of real time), or {@link #MAX}. */
  public double speed() {
    return speed;
  }

  /** Whether groups wait for their time (false at {@link #MAX} or while unpaced). */
  public boolean pacing() {
    return paced && speed != MAX;
  }

  /**
   * Paces from the next group on (true), or delivers at once (false). Turning pacing on measures
   * the schedule from the next group.
   */
  public void setPaced(boolean on) {
    if (on && !paced) {
      based = false;
    }
    paced = on;
  }

  /** Ends the feed: the trading thread's current or next {@link #next} returns false. */
  public void stop() {
    stopped = true;
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  /**
   * Wakes the trading thread while it waits for the next group: it runs the {@link #setBetweenBars}
   * hook, then goes on waiting (from any thread, e.g. a kill-switch watcher).
   */
  public void nudge() {
    nudged = true;
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  /** What the trading thread runs when {@link #nudge()}d between groups. */
  public void setBetweenBars(Runnable hook) {
    this.betweenBars = hook;
  }

  /** Whether {@link #stop()} was called. */
  public boolean stopped() {
    return stopped;
  }

  /** Groups delivered so far. */
  public long delivered() {
    return delivered;
  }

  /** {@link Pacer#nanoTime()} when the latest group was delivered (its arrival). */
  public long deliveredAtNanos() {
    return deliveredAt;
  }

  @Override
  public boolean next(BarHistory hist, BarGroup group) throws InterruptedException {
    if (stopped) {
      return false;
    }
    int k = series.length;
    long t = Long.MAX_VALUE;
    for (int s = 0; s < k; s++) {
      if (next[s] < series[s].size()) {
        long ts = series[s].timeMillis(next[s]);
        if (ts < t) {
          t = ts;
        }
      }
    }
    if (t == Long.MAX_VALUE) {
      return false;
    }
    if (pacing()) {
      if (!based) {
        based = true;
        wallBase = pacer.nanoTime();
        barBase = t;
      } else {
        long deadline = wallBase + (long) ((t - barBase) * 1e6 / speed);
        waiter = Thread.currentThread();
        try {
          while (true) {
            pacer.waitUntil(deadline, () -> stopped || nudged);
            if (!nudged || stopped) {
              break;
            }
            nudged = false;
            Runnable h = betweenBars;
            if (h != null) {
              h.run();
            }
          }
        } finally {
          waiter = null;
        }
        if (stopped) {
          return false;
        }
      }
    }
    deliveredAt = pacer.nanoTime();
    group.reset(t);
    for (int s = 0; s < k; s++) {
      int i = next[s];
      if (i < series[s].size() && series[s].timeMillis(i) == t) {
        BarSeries b = series[s];
        hist.append(s, t, b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
        next[s] = i + 1;
        group.add(s);
      }
    }
    delivered++;
    return true;
  }
}
