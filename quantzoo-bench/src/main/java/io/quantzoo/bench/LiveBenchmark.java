package io.quantzoo.bench;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.engine.BacktestEngine;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.strategy.SmaCross;
import io.quantzoo.live.Durability;
import io.quantzoo.live.Journal;
import io.quantzoo.live.Pacer;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.ReplayFeed;
import io.quantzoo.live.SessionSpec;
import io.quantzoo.live.TradingDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The live path, measured (bench/live.sh; figures in docs/BENCHMARKS.md): {@code sma_cross} 10/30
 * long-short on 1M seeded synthetic 1-minute bars through {@link ReplayFeed} at max speed, the
 * trading core, the paper venue, the ledger and the session journal on disk.
 *
 * <ol>
 *   <li>replay throughput in bars per second, with the journal handing each order intent to the OS
 *       (the default) and with an fsync per intent, next to the backtest of the same bars;
 *   <li>latency from a bar's arrival (the feed delivers it) to the paper fill it causes (the fill
 *       event reaches a listener), p50 and p99 over every fill at a bar's open;
 *   <li>the durable writes alone: one journal record handed to the OS, and one forced to the disk.
 * </ol>
 *
 * <p>A plain main, not JMH: the journal's files and fsyncs are the point. Each figure is the best
 * of a few runs after warm-up runs. Usage: {@code LiveBenchmark [bars] [trading dir]}.
 */
public final class LiveBenchmark {
  private LiveBenchmark() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path root =
        args.length > 1
            ? Path.of(args[1]).toAbsolutePath()
            : Files.createTempDirectory("qz-live-bench");
    BarSeries bars = SyntheticBars.generate(n, 42);
    List<SymbolData> data = List.of(new SymbolData(bars, Instrument.equity("SYNTH")));
    EngineConfig cfg = EngineConfig.defaults();
    System.out.printf(
        Locale.ROOT, "bars: %,d synthetic 1-minute bars (seed 42); trading dir %s%n", n, root);

    for (int i = 0; i < 3; i++) { // warm-up
      replay(root, data, cfg, Durability.OS, false);
      backtest(data, cfg);
    }
    double bt = 0;
    for (int i = 0; i < 3; i++) {
      bt = Math.max(bt, backtest(data, cfg));
    }
    Run os = null;
    for (int i = 0; i < 3; i++) {
      Run r = replay(root, data, cfg, Durability.OS, true);
      os = os == null || r.barsPerSecond > os.barsPerSecond ? r : os;
    }
    // one fsync per intent is disk-bound: once, on the first tenth of the bars
    List<SymbolData> tenth =
        List.of(new SymbolData(bars.slice(0, Math.max(1, n / 10)), data.get(0).instrument()));
    Run disk = replay(root, tenth, cfg, Durability.DISK, false);
    System.out.printf(Locale.ROOT, "backtest engine alone:               %,12.0f bars/s%n", bt);
    System.out.printf(
        Locale.ROOT,
        "replay, paper venue, journal (OS):   %,12.0f bars/s  (%,d orders, %,d fills, journal"
            + " %.0f MB)%n",
        os.barsPerSecond,
        os.orders,
        os.fills,
        os.journalBytes / 1e6);
    System.out.printf(
        Locale.ROOT,
        "replay, paper venue, journal (fsync): %,11.0f bars/s  (one fsync per order intent;"
            + " %,d bars, %,d intents)%n",
        disk.barsPerSecond,
        tenth.get(0).bars().size(),
        disk.orders);
    System.out.printf(
        Locale.ROOT,
        "bar arrival -> paper fill:           p50 %.1f us, p99 %.1f us, max %.1f us (%,d fills at"
            + " the open)%n",
        os.p50 / 1e3,
        os.p99 / 1e3,
        os.max / 1e3,
        os.samples);
    durableWrites(root, Durability.OS, 20_000);
    durableWrites(root, Durability.DISK, 1_000);
  }

  private record Run(
      double barsPerSecond,
      long orders,
      long fills,
      long journalBytes,
      long p50,
      long p99,
      long max,
      int samples) {}

  private static double backtest(List<SymbolData> data, EngineConfig cfg) {
    long t0 = System.nanoTime();
    new BacktestEngine(cfg).run(data, strategy());
    return data.get(0).bars().size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static SmaCross strategy() {
    return new SmaCross(10, 30, "long_short", Exits.NONE);
  }

  private static Run replay(
      Path root, List<SymbolData> data, EngineConfig cfg, Durability d, boolean latency)
      throws IOException {
    Path dirPath = Files.createTempDirectory(root, "run");
    try {
      TradingDirectory dir = TradingDirectory.at(dirPath);
      SessionSpec spec =
          new SessionSpec(
              "bench-" + System.nanoTime(),
              "sma_cross",
              "SYNTH",
              42,
              "strategy: sma_cross\n",
              "synthetic",
              "synthetic",
              "replay",
              "paper");
      ReplayFeed feed = new ReplayFeed(data, ReplayFeed.MAX, Pacer.SYSTEM);
      long[] lat = new long[latency ? 200_000 : 0];
      int[] k = {0};
      long t0;
      PaperTrader.Outcome out;
      long bytes;
      try (PaperTrader t = PaperTrader.open(dir, spec, d, Clock.systemUTC())) {
        if (latency) {
          t.addListener(e -> {
            if (e instanceof OrderFilled f && f.atBarOpen() && k[0] < lat.length) {
              lat[k[0]++] = System.nanoTime() - feed.deliveredAtNanos();
            }
          });
        }
        t0 = System.nanoTime();
        out = t.run(cfg, strategy(), feed);
        bytes = Files.size(t.sessionDir().resolve(Journal.FILE));
      }
      double bps = out.bars() / ((System.nanoTime() - t0) / 1e9);
      long[] s = Arrays.copyOf(lat, k[0]);
      Arrays.sort(s);
      return new Run(
          bps,
          out.orders(),
          out.fills(),
          bytes,
          pct(s, 0.50),
          pct(s, 0.99),
          s.length == 0 ? 0 : s[s.length - 1],
          s.length);
    } finally {
      delete(dirPath);
    }
  }

  /** Appends {@code n} intent-sized records, each handed to the OS (and to the disk, DISK). */
  private static void durableWrites(Path root, Durability d, int n) throws IOException {
    Path dir = Files.createTempDirectory(root, "writes");
    try {
      String rec =
          "{\"k\":\"intent\",\"n\":123456,\"id\":\"qz2026120214303000ff-4242\",\"sym\":\"SYNTH\","
              + "\"side\":\"BUY\",\"qm\":\"SIZED\",\"qty\":null,\"type\":\"MARKET\",\"lp\":null,"
              + "\"sp\":null,\"tif\":\"GTC\",\"tag\":\"Long\",\"ex\":\"\",\"ro\":false,"
              + "\"prot\":false,\"sd\":null,\"td\":null,\"ta\":null}";
      long[] t = new long[n];
      try (Journal j = Journal.create(dir.resolve(Journal.FILE), "{\"k\":\"start\"}", d)) {
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          j.recordDurable(rec);
          t[i] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(t);
      long total = 0;
      for (long x : t) {
        total += x;
      }
      System.out.printf(
          Locale.ROOT,
          "durable intent write (%s): p50 %.1f us, p99 %.1f us, %,.0f writes/s (%,d writes)%n",
          d == Durability.OS ? "write to the OS" : "write + fsync",
          pct(t, 0.5) / 1e3,
          pct(t, 0.99) / 1e3,
          n / (total / 1e9),
          n);
    } finally {
      delete(dir);
    }
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
