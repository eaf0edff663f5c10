package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.BarSeriesBuilder;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.instrument.InstrumentCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {
  static final long H = 3_600_000L;

  /** A fake wall clock: waiting moves it to the deadline at once, and is recorded. */
  static final class FakePacer implements Pacer {
    long now = 1_000_000_000L;
    final List<Long> waits = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void waitUntil(long deadline, BooleanSupplier wakeUp) {
      waits.add(Math.max(0, deadline - now));
      now = Math.max(now, deadline);
    }
  }

  static SymbolData hourly(String sym, long from, int n, long step) {
    BarSeriesBuilder b = new BarSeriesBuilder(sym, n);
    for (int i = 0; i < n; i++) {
      b.add(from + i * step, 100, 101, 99, 100, 1);
    }
    BarSeries s = b.build();
    return new SymbolData(s, InstrumentCatalog.find(sym).orElseThrow());
  }

  @Test
  void atSpeedNTheBarsArriveSpacedByTheirTimestampsOverN() throws InterruptedException {
    FakePacer p = new FakePacer();
    ReplayFeed f = new ReplayFeed(List.of(hourly("BTC-USD", 0, 5, H)), 3600, p);
    BarHistory h = f.newHistory();
    BarGroup g = new BarGroup(1);
    long t0 = p.now;
    int n = 0;
    while (f.next(h, g)) {
      n++;
      assertThat(p.now - t0).isEqualTo((n - 1) * 1_000_000_000L); // 1 h / 3600 = 1 s per bar
    }
    assertThat(n).isEqualTo(5);
    assertThat(h.size(0)).isEqualTo(5);
    assertThat(p.waits).hasSize(4);
  }

  @Test
  void atMaxNothingWaits() throws InterruptedException {
    FakePacer p = new FakePacer();
    ReplayFeed f = new ReplayFeed(List.of(hourly("BTC-USD", 0, 100, H)), ReplayFeed.MAX, p);
    BarHistory h = f.newHistory();
    BarGroup g = new BarGroup(1);
    while (f.next(h, g)) {}
    assertThat(p.waits).isEmpty();
    assertThat(f.delivered()).isEqualTo(100);
  }

  @Test
  void unpacedGroupsComeAtOnceAndPacingRestartsFromTheNextGroup() throws InterruptedException {
    FakePacer p = new FakePacer();
    ReplayFeed f = new ReplayFeed(List.of(hourly("BTC-USD", 0, 6, H)), 3600, p);
    f.setPaced(false);
    BarHistory h = f.newHistory();
    BarGroup g = new BarGroup(1);
    f.next(h, g);
    f.next(h, g);
    f.next(h, g);
    assertThat(p.waits).isEmpty();
    f.setPaced(true);
    long t = p.now;
    f.next(h, g); // the new base: no wait
    f.next(h, g);
    f.next(h, g);
    assertThat(p.now - t).isEqualTo(2_000_000_000L);
    assertThat(f.next(h, g)).isFalse();
  }

  @Test
  void severalSymbolsMergeOnOneClockAndGroupEqualTimes() throws InterruptedException {
    FakePacer p = new FakePacer();
    ReplayFeed f =
        new ReplayFeed(
            List.of(hourly("BTC-USD", 0, 3, 2 * H), hourly("ETH-USD", 0, 5, H)), ReplayFeed.MAX, p);
    BarHistory h = f.newHistory();
    BarGroup g = new BarGroup(2);
    List<String> seen = new ArrayList<>();
    while (f.next(h, g)) {
      StringBuilder sb = new StringBuilder(g.time() / H + ":");
      for (int j = 0; j < g.count(); j++) {
        sb.append(g.symbol(j));
      }
      seen.add(sb.toString());
    }
    assertThat(seen).containsExactly("0:01", "1:1", "2:01", "3:1", "4:01");
  }

  @Test
  void stopEndsTheFeedEvenWhileWaiting() throws Exception {
    ReplayFeed f = new ReplayFeed(List.of(hourly("BTC-USD", 0, 3, H)), 1, Pacer.SYSTEM);
    BarHistory h = f.newHistory();
    BarGroup g = new BarGroup(1);
    assertThat(f.next(h, g)).isTrue();
    Thread stopper =
        new Thread(() -> {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          f.stop();
        });
    long t0 = System.nanoTime();
    stopper.start();
    assertThat(f.next(h, g)).isFalse(); // would wait an hour
    stopper.join();
    assertThat(System.nanoTime() - t0).isLessThan(30_000_000_000L);
    assertThat(f.stopped()).isTrue();
  }

  @Test
  void theRealPacerWaitsRoughlyTheSpanOverTheSpeed() throws InterruptedException {
    // 10 hourly bars at speed 36,000: 9 gaps of 0.1 s; a generous bound, not a timing test
    ReplayFeed f = new ReplayFeed(List.of(hourly("BTC-USD", 0, 10, H)), 36_000, Pacer.SYSTEM);
    BarHistory h = f.newHistory();
    BarGroup g = new BarGroup(1);
    long t0 = System.nanoTime();
    while (f.next(h, g)) {}
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).isBetween(850L, 20_000L);
  }
}
