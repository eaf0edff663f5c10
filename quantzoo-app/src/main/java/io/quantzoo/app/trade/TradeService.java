package io.quantzoo.app.trade;

import io.quantzoo.app.PlanData;
import io.quantzoo.app.Plans;
import io.quantzoo.app.UserInputException;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.run.RunLifecycle;
import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.analytics.MetricsCalculator;
import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.instrument.InstrumentCatalog;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.risk.RiskListener;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.live.Durability;
import io.quantzoo.live.KillAction;
import io.quantzoo.live.OverrideStore;
import io.quantzoo.live.Pacer;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.ReplayFeed;
import io.quantzoo.live.SafetyInputs;
import io.quantzoo.live.SessionJournal;
import io.quantzoo.live.SessionSpec;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.Environment;
import io.quantzoo.live.safety.EnvironmentGate;
import io.quantzoo.live.safety.TradingMode;
import io.quantzoo.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Trading sessions: a config planned as for {@code qz run}, traded on a feed through a broker, its
 * journal in the trading directory; and the import of a finished session into the research
 * database. The trader never opens the research database.
 */
public final class TradeService {
  /** The one feed so far: the config's data file played as if it were arriving. */
  public static final String REPLAY = "replay";

  /** The one broker so far: the simulated venue on the feed's bars. */
  public static final String PAPER = "paper";

  private final Clock clock;

  /**
   * @param clock dates sessions and imported runs
   */
  public TradeService(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A session opened (new or resumed) with its data loaded, ready to {@link #run()}. */
  public static final class Session implements AutoCloseable {
    private final PaperTrader trader;
    private final RunPlan plan;
    private final List<SymbolData> data;
    private final List<String> notes;
    private final double speed;
    private final RiskLimits risk;
    private final TradeSafety safety;

    private Session(
        PaperTrader trader,
        RunPlan plan,
        List<SymbolData> data,
        List<String> notes,
        double speed,
        RiskLimits risk,
        TradeSafety safety) {
      this.trader = trader;
      this.plan = plan;
      this.data = data;
      this.notes = notes;
      this.speed = speed;
      this.risk = risk;
      this.safety = safety;
    }

    /** The pre-trade limits every order of the session passes (defaults with the config over). */
    public RiskLimits riskLimits() {
      return risk;
    }

    /** The session id (its run id once imported). */
    public String id() {
      return trader.sessionId();
    }

    /** Whether an interrupted session is resumed. */
    public boolean resumed() {
      return trader.resumed();
    }

    /** The session's directory. */
    public Path directory() {
      return trader.sessionDir();
    }

    /** Notes on the data (dropped rows, suspicious prints). */
    public List<String> notes() {
      return notes;
    }

    /** Bars loaded, over every symbol. */
    public int bars() {
      return data.stream().mapToInt(d -> d.bars().size()).sum();
    }

    /** Asks the running session to stop at the next bar (any thread: a shutdown hook). */
    public void stop() {
      trader.stop();
    }

    /** Trades the session to the end of the feed or to {@link #stop()}. */
    public PaperTrader.Outcome run() {
      guard(trader, risk, safety);
      return trader.run(
          plan.engine(),
          plan.strategy().create(plan.params()),
          new ReplayFeed(data, speed, Pacer.SYSTEM));
    }

    /** Releases the session (its lock). */
    @Override
    public void close() {
      trader.close();
    }
  }

  /**
   * Opens the session of {@code plan} on {@code feed} and {@code broker}: loads the data, then
   * resumes the unfinished session of the same fingerprint or starts a new one.
   *
   * @param speed replay speed (a multiple of real time, or {@link ReplayFeed#MAX})
   * @throws UserInputException for a feed or broker that does not exist yet, or on a production
   *     machine ({@value #ENV}{@code =production}) while a pre-trade limit is unset
   * @throws io.quantzoo.live.TradingRefusedException if another trader holds the session
   */
  public Session open(
      RunPlan plan,
      String feed,
      String broker,
      double speed,
      Durability durability,
      TradingDirectory dir,
      TradeSafety safety) {
    if (!REPLAY.equals(feed)) {
      throw new UserInputException(
          "feed '" + feed + "' is not available yet; the feed is 'replay' (docs/LIVE.md)");
    }
    if (!PAPER.equals(broker)) {
      throw new UserInputException(
          "broker '"
              + broker
              + "' is not available yet; the broker is 'paper' (real brokers come later,"
              + " docs/LIVE.md)");
    }
    RiskLimits risk = plan.tradingRiskLimits();
    // before anything connects or loads: the environment, the mode, --live, the limits
    EnvironmentGate.check(
        safety.environment(),
        safety.mode(),
        safety.liveFlag(),
        false, // the paper broker never trades real money
        risk.unsetLimits().stream().map(k -> "risk." + k).toList());
    List<String> notes = new ArrayList<>();
    List<SymbolData> data = PlanData.load(plan, notes);
    SessionSpec spec =
        new SessionSpec(
            fingerprint(plan, feed, broker),
            plan.strategy().name(),
            data.stream().map(d -> d.instrument().symbol()).collect(Collectors.joining(",")),
            plan.engine().seed(),
            plan.effectiveYaml(),
            data.stream().map(d -> d.bars().fingerprint()).collect(Collectors.joining(",")),
            plan.sources().stream()
                .map(s -> s.path().toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(",")),
            feed,
            broker);
    PaperTrader trader = PaperTrader.open(dir, spec, durability, clock);
    return new Session(trader, plan, data, List.copyOf(notes), speed, risk, safety);
  }

  /**
   * Puts a trader under the safety layer: its view of the trading state, its pre-trade gate (the
   * limits over that view, automatic halts written to the machine-wide state and audited) and its
   * audit log.
   */
  private static void guard(PaperTrader trader, RiskLimits risk, TradeSafety safety) {
    trader.setSafetyInputs(safety.inputs());
    // a replay's clock is not the wall clock: its automatic latches stay in the session
    RiskListener listener =
        new AutomaticControls(
            trader, safety.store(), safety.audit(), !REPLAY.equals(trader.spec().feed()));
    if (safety.store() != null) {
      trader.setOverrideStore(new OverrideStore(trader.tradingDirectory()));
    }
    trader.setRiskGate(state -> new PreTradeRiskGate(risk, state, trader.overrides(), listener));
    if (safety.audit() != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("environment", safety.environment().label());
      d.put("mode", safety.mode().label());
      d.put("trading_state", safety.store() == null ? null : safety.store().location());
      trader.setAudit(safety.audit(), d);
    }
  }

  /**
   * What acting on a session for the kill switch did.
   *
   * @param kill the kill action, if the session took one
   * @param bars bar groups the session had processed
   */
  public record Acted(Optional<KillAction> kill, long bars) {}

  /**
   * Acts on the unfinished session {@code sessionId} that no trader runs (the kill switch): replays
   * it from its journal with its own config, data and limits, takes in the trading state where the
   * journal ends, acts on it (cancel every working order, close positions when asked) and leaves
   * the session unfinished for its trader.
   *
   * @throws io.quantzoo.live.TradingRefusedException if a trader runs it
   * @throws io.quantzoo.live.JournalException if its journal does not match its data any more
   */
  public Acted actOnSession(
      TradingDirectory dir, String sessionId, SafetyInputs inputs, AuditLog audit) {
    try (PaperTrader t = PaperTrader.openToAct(dir, sessionId, Durability.OS, clock)) {
      String yaml = t.spec().configYaml();
      RunPlan plan = Plans.parse(yaml, "the config of session " + sessionId, null, Plans.home());
      List<SymbolData> data = PlanData.load(plan, new ArrayList<>());
      TradeSafety s =
          new TradeSafety(null, audit, Environment.DEVELOPMENT, TradingMode.PAPER, false);
      guard(t, plan.tradingRiskLimits(), s);
      t.setSafetyInputs(inputs);
      PaperTrader.Outcome o =
          t.run(
              plan.engine(),
              plan.strategy().create(plan.params()),
              new ReplayFeed(data, ReplayFeed.MAX, Pacer.SYSTEM));
      return new Acted(t.lastKill(), o.bars());
    }
  }

  /**
   * What identifies "the same command": the strategy, its parameters, the engine settings, the
   * instruments, each data file's absolute path, size and modification time and how it is read, the
   * feed and the broker; not the replay speed. A SHA-256, hex, first 24 digits.
   */
  public static String fingerprint(RunPlan plan, String feed, String broker) {
    StringBuilder b = new StringBuilder();
    b.append("strategy=").append(plan.strategy().name()).append('\n');
    b.append("params=").append(new TreeMap<>(plan.params().asMap())).append('\n');
    b.append("engine=").append(plan.engine()).append('\n');
    b.append("instrument=").append(plan.singleInstrument()).append('\n');
    b.append("instruments=").append(new TreeMap<>(plan.instrumentsBySymbol())).append('\n');
    b.append("risk=").append(plan.tradingRiskLimits()).append('\n');
    for (RunPlan.Source s : plan.sources()) {
      Path p = s.path().toAbsolutePath().normalize();
      b.append("data=").append(p);
      try {
        b.append(" size=")
            .append(Files.size(p))
            .append(" mtime=")
            .append(Files.getLastModifiedTime(p).toMillis());
      } catch (IOException e) {
        b.append(" missing");
      }
      b.append(" symbol=")
          .append(s.symbol())
          .append(" zone=")
          .append(s.zone())
          .append(" parquet=")
          .append(s.parquet())
          .append(" drop_bad_rows=")
          .append(s.dropBadRows())
          .append('\n');
    }
    b.append("feed=").append(feed).append('\n');
    b.append("broker=").append(broker).append('\n');
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * What an import stored.
   *
   * @param info the stored run (its id is the session id)
   * @param result the session as a result
   * @param metrics its metrics
   */
  public record Imported(RunInfo info, BacktestResult result, Metrics metrics) {}

  /**
   * Writes the ended session {@code sessionId} into {@code store} as a completed run of kind {@code
   * trade}, with the session id as its run id: trades, fills, equity curve and metrics, through the
   * same lifecycle and store code as {@code qz run}.
   *
   * @throws UserInputException if the session was imported before
   * @throws io.quantzoo.live.JournalException if there is no such session or it has not ended
   */
  public Imported importSession(TradingDirectory dir, String sessionId, RunStore store) {
    SessionJournal j = SessionJournal.read(dir, sessionId);
    if (store.findRun(sessionId).filter(r -> r.runId().equals(sessionId)).isPresent()) {
      throw new UserInputException(
          "session "
              + sessionId
              + " is already in "
              + store.path()
              + " as run "
              + sessionId
              + " (qz runs show "
              + sessionId
              + "); an import is done once");
    }
    String yaml = j.startField("config");
    RunPlan plan = Plans.parse(yaml, "the config of session " + sessionId, null, Plans.home());
    List<Instrument> instruments = new ArrayList<>();
    for (String sym : j.symbols()) {
      instruments.add(instrument(plan, sym));
    }
    BacktestResult result = j.toResult(instruments, plan.engine());
    Instant started = instant(j.startField("started"), clock.instant());
    Instant ended = instant(j.endField("at"), started);
    long elapsed = Math.max(0, Duration.between(started, ended).toMillis());
    RunLifecycle.NewRun what =
        new RunLifecycle.NewRun(
            RunKind.TRADE,
            j.startField("strategy"),
            j.startField("symbols"),
            yaml,
            j.seed(),
            j.startField("data_fingerprint"));
    RunLifecycle.Completed<Metrics> done =
        new RunLifecycle(store, Clock.fixed(started, ZoneOffset.UTC))
            .run(
                sessionId,
                what,
                run -> {
                  Metrics m = MetricsCalculator.compute(result, plan.metrics());
                  run.complete(result, m, elapsed);
                  return m;
                });
    return new Imported(done.info(), result, done.value());
  }

  /** The instrument a session traded under {@code symbol}, as {@link PlanData} chose it. */
  private static Instrument instrument(RunPlan plan, String symbol) {
    if (plan.singleInstrument() != null) {
      return plan.singleInstrument();
    }
    for (Map.Entry<String, Instrument> e : plan.instrumentsBySymbol().entrySet()) {
      if (e.getValue().symbol().equals(symbol) || e.getKey().equals(symbol)) {
        return e.getValue();
      }
    }
    return InstrumentCatalog.find(symbol)
        .orElseThrow(() ->
            new UserInputException(
                "the config of the session names no instrument for symbol " + symbol));
  }

  private static Instant instant(String s, Instant dflt) {
    try {
      return s.isEmpty() ? dflt : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return dflt;
    }
  }
}
