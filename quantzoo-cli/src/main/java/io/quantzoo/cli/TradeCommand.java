package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.trade.TradeSafety;
import io.quantzoo.app.trade.TradeService;
import io.quantzoo.core.risk.TradingState;
import io.quantzoo.live.Durability;
import io.quantzoo.live.Journal;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.ReplayFeed;
import io.quantzoo.live.SafetyAudit;
import io.quantzoo.live.Sessions;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.Environment;
import io.quantzoo.live.safety.EnvironmentGate;
import io.quantzoo.live.safety.FileTradingStateStore;
import io.quantzoo.live.safety.SafetyState;
import io.quantzoo.live.safety.TradingMode;
import io.quantzoo.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qz trade}: a strategy traded on a feed through a broker, journaled in the trading
 * directory (docs/LIVE.md); {@code qz trade list} and {@code qz trade import ID}.
 */
@Command(
    name = "trade",
    mixinStandardHelpOptions = true,
    description = {
      "Trade a run config: paper trading on a replay of its data (docs/LIVE.md).",
      "Same strategies and config as qz run; at --speed max the trades are the backtest's.",
      "Everything goes to the session's journal in the trading directory ($QUANTZOO_TRADING_DIR,"
          + " default ~/.quantzoo/trading), never to the research database.",
      "Killed, it resumes when the same command runs again; Ctrl-C stops it cleanly."
    },
    subcommands = {
      TradeCommand.ListSessions.class,
      TradeCommand.ImportSession.class,
      CommandLine.HelpCommand.class
    })
final class TradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanOptions planOptions;

  @Option(
      names = "--feed",
      paramLabel = "FEED",
      defaultValue = TradeService.REPLAY,
      description =
          "Where bars come from: replay (the config's data file). Default: ${DEFAULT-VALUE}")
  String feed;

  @Option(
      names = "--broker",
      paramLabel = "BROKER",
      defaultValue = TradeService.PAPER,
      description = "Where orders go: paper (simulated fills). Default: ${DEFAULT-VALUE}")
  String broker;

  @Option(
      names = "--speed",
      paramLabel = "N|max",
      defaultValue = "max",
      description =
          "Replay at N times real time by the bars' timestamps, or max (no waiting). Default:"
              + " ${DEFAULT-VALUE}")
  String speed;

  @Option(
      names = "--durable",
      paramLabel = "os|disk",
      defaultValue = "os",
      description =
          "os: each order intent is written to the OS before the order is sent (survives kill"
              + " -9); disk: also forced to the disk (fsync; survives a power loss, slower)."
              + " Default: ${DEFAULT-VALUE}")
  String durable;

  @Option(
      names = "--live",
      description =
          "Trade real money. Refused unless QUANTZOO_ENV=production and the config says mode:"
              + " live, with a real-money broker (docs/SAFETY.md). Paper is the default.")
  boolean live;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    double sp = speed(speed);
    Durability d = durability(durable);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TradingDirectory dir = QzCommand.tradingDirectory();
    RunPlan plan = planOptions.plan();
    err.println("trading directory: " + dir.root());
    Environment env = Environment.from(System.getenv());
    TradingMode mode = plan.tradingMode();
    EnvironmentGate.check(
        env, mode, live, false, List.of()); // refuses real money before anything is opened
    FileTradingStateStore store = FileTradingStateStore.open(dir.create());
    try (AuditLog audit = QzCommand.auditLog(dir)) {
      SafetyAudit.watch(store, audit);
      SafetyState state = store.read();
      err.println("trading state: " + state.summary());
      if (state.state() != TradingState.ACTIVE) {
        err.println(
            "note: trading is "
                + state.state()
                + ": orders that add exposure are denied (qz kill-switch status)");
      }
      TradeSafety safety = TradeSafety.of(store, audit, env, mode, live);
      return trade(plan, sp, d, dir, safety, out, err);
    }
  }

  private int trade(
      RunPlan plan,
      double sp,
      Durability d,
      TradingDirectory dir,
      TradeSafety safety,
      PrintWriter out,
      PrintWriter err) {
    try (TradeService.Session s =
        new TradeService(Clock.systemUTC()).open(plan, feed, broker, sp, d, dir, safety)) {
      err.printf(
          "%s session %s: %s, feed %s at speed %s, broker %s; journal %s%n",
          s.resumed() ? "resuming" : "new",
          s.id(),
          plan.strategy().name(),
          feed,
          speed,
          broker,
          s.directory().resolve(Journal.FILE));
      err.println("Ctrl-C stops cleanly (working orders canceled, the session ended)");
      err.flush();
      StopOnSignal signal = StopOnSignal.install(s::stop);
      int code = ExitCodes.INTERNAL;
      try {
        PaperTrader.Outcome o = s.run();
        if (signal.fired()) {
          err.println(
              o.status() == PaperTrader.Status.INTERRUPTED
                  ? "note: stopped while catching up; nothing was written; run the same command"
                      + " again to resume session "
                      + s.id()
                  : "note: stopped by a signal (Ctrl-C): working orders canceled, session "
                      + s.id()
                      + " ended");
        }
        if (json) {
          out.println(Json.write(jsonSummary(o, s, dir)));
        } else {
          printSummary(out, o, s);
        }
        out.flush();
        err.flush();
        code = ExitCodes.OK;
        return code;
      } finally {
        signal.finished(code);
      }
    }
  }

  private static double speed(String s) {
    if (s.equalsIgnoreCase("max")) {
      return ReplayFeed.MAX;
    }
    try {
      double v = Double.parseDouble(s);
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new UsageException("--speed must be a number > 0 or max, was '" + s + "'");
  }

  private static Durability durability(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "os" -> Durability.OS;
      case "disk" -> Durability.DISK;
      default -> throw new UsageException("--durable must be os or disk, was '" + s + "'");
    };
  }

  private static Map<String, Object> jsonSummary(
      PaperTrader.Outcome o, TradeService.Session s, TradingDirectory dir) {
    boolean known = o.status() != PaperTrader.Status.INTERRUPTED;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", o.sessionId());
    m.put("status", o.status().label());
    m.put("resumed", o.resumed());
    m.put("orders", o.orders());
    m.put("fills", o.fills());
    m.put("trades", known ? o.trades() : null);
    m.put("denials", o.denials());
    m.put("final_equity", known ? o.finalEquity() : null);
    m.put("bars", o.bars());
    m.put("verified_records", o.verified());
    m.put("trading_dir", dir.root().toString());
    m.put("journal", s.directory().resolve(Journal.FILE).toString());
    m.put("notes", s.notes());
    return m;
  }

  private static void printSummary(PrintWriter out, PaperTrader.Outcome o, TradeService.Session s) {
    out.printf(
        "Session %s %s%s: %,d bars, %,d orders, %,d fills, %s trades, %,d denials%n",
        o.sessionId(),
        o.status().label(),
        o.resumed() ? " (resumed, " + o.verified() + " journal records replayed)" : "",
        o.bars(),
        o.orders(),
        o.fills(),
        o.status() == PaperTrader.Status.INTERRUPTED ? "-" : String.format("%,d", o.trades()),
        o.denials());
    if (o.status() != PaperTrader.Status.INTERRUPTED) {
      out.println("  final equity " + Fmt.num(o.finalEquity(), 2));
      out.println("  into the research database: qz trade import " + o.sessionId());
    }
    for (String n : s.notes()) {
      out.println("note: " + n);
    }
  }

  /**
   * Stops the trader on SIGINT/SIGTERM: the shutdown hook asks the session to stop, waits for the
   * trading thread to end the session and print, then ends the process with the command's exit code
   * (0), instead of the signal's.
   */
  static final class StopOnSignal {
    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean fired;
    private volatile int exitCode = ExitCodes.INTERNAL;

    private StopOnSignal(Runnable stop) {
      hook =
          new Thread(
              () -> {
                fired = true;
                stop.run();
                try {
                  done.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(exitCode);
              },
              "qz-trade-stop");
    }

    static StopOnSignal install(Runnable stop) {
      StopOnSignal s = new StopOnSignal(stop);
      Runtime.getRuntime().addShutdownHook(s.hook);
      return s;
    }

    boolean fired() {
      return fired;
    }

    /** The trading thread is done; {@code code} is the exit code if a signal stopped it. */
    void finished(int code) {
      exitCode = code;
      if (!fired) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the signal came just now: the hook runs and exits with this code
        }
      }
      done.countDown();
    }
  }

  /** {@code qz trade list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the trading sessions of the trading directory, oldest first.")
  static final class ListSessions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TradingDirectory dir = QzCommand.tradingDirectory();
      List<Sessions.SessionInfo> all = Sessions.list(dir);
      if (json) {
        out.println(Json.write(all.stream().map(ListSessions::map).toList()));
        return ExitCodes.OK;
      }
      out.println("trading directory: " + dir.root());
      if (all.isEmpty()) {
        out.println("no trading sessions yet: qz trade -c CONFIG");
        return ExitCodes.OK;
      }
      out.printf(
          "%-22s %-12s %-20s %-14s %-16s %9s %7s %16s%n",
          "SESSION", "STATUS", "STARTED", "STRATEGY", "SYMBOLS", "BARS", "TRADES", "FINAL EQUITY");
      for (Sessions.SessionInfo s : all) {
        out.printf(
            "%-22s %-12s %-20s %-14s %-16s %9s %7s %16s%n",
            s.id(),
            s.status(),
            started(s.started()),
            s.strategy(),
            s.symbols(),
            s.bars() < 0 ? "-" : Long.toString(s.bars()),
            s.trades() < 0 ? "-" : Long.toString(s.trades()),
            Double.isNaN(s.finalEquity()) ? "-" : Fmt.num(s.finalEquity(), 2));
      }
      return ExitCodes.OK;
    }

    private static String started(String iso) {
      try {
        return Fmt.time(Instant.parse(iso));
      } catch (DateTimeParseException e) {
        return iso.isEmpty() ? "-" : iso;
      }
    }

    private static Map<String, Object> map(Sessions.SessionInfo s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("session_id", s.id());
      m.put("status", s.status());
      m.put("started", s.started());
      m.put("strategy", s.strategy());
      m.put("symbols", s.symbols());
      m.put("bars", s.bars() < 0 ? null : s.bars());
      m.put("trades", s.trades() < 0 ? null : s.trades());
      m.put("final_equity", s.finalEquity());
      m.put("message", s.message());
      m.put("dir", s.dir().toString());
      return m;
    }
  }

  /** {@code qz trade import ID}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Write an ended trading session into the research database as a completed run of kind"
            + " trade (its run id is the session id): qz runs show, qz report and qz leaderboard"
            + " then work on it."
      })
  static final class ImportSession implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SESSION_ID", description = "The session (see qz trade list).")
    String id;

    @Option(
        names = "--db",
        paramLabel = "PATH",
        description = "Database file. Default: $QUANTZOO_DB or ./.quantzoo/quantzoo.duckdb")
    Path db;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TradingDirectory dir = QzCommand.tradingDirectory();
      Path dbPath = QzCommand.databasePath(db);
      try (RunStore store = RunStore.open(dbPath)) {
        TradeService.Imported imp =
            new TradeService(Clock.systemUTC()).importSession(dir, id, store);
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("run_id", imp.info().runId());
          m.put("status", imp.info().status().dbName());
          m.put("kind", imp.info().kind().dbName());
          m.put("strategy", imp.info().strategy());
          m.put("symbols", imp.info().symbols());
          m.put("metrics", imp.metrics().asMap());
          out.println(Json.write(m));
        } else {
          out.printf(
              "Imported session %s into %s as run %s (kind %s): %d trades, final equity %s%n",
              id,
              dbPath,
              imp.info().runId(),
              imp.info().kind().dbName(),
              imp.metrics().trades(),
              Fmt.num(imp.metrics().finalEquity(), 2));
          out.println(
              "  qz runs show " + imp.info().runId() + "   qz report " + imp.info().runId());
        }
      }
      return ExitCodes.OK;
    }
  }
}
