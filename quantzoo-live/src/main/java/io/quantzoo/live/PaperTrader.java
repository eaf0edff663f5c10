package io.quantzoo.live;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.engine.TradingCore;
import io.quantzoo.core.execution.OrderEventListener;
import io.quantzoo.core.execution.OrderIntentListener;
import io.quantzoo.core.execution.VenueOrder;
import io.quantzoo.core.execution.VenueOrderStatus;
import io.quantzoo.core.feed.BarGroup;
import io.quantzoo.core.feed.BarHistory;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Ledger;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderManager;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskOverrides;
import io.quantzoo.core.risk.TradingStateSource;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.sweep.Json;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.SafetyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Paper trading: the trading core with the simulated venue (the paper broker) on a {@link
 * ReplayFeed}, every order intent journaled before it is sent, every order event, trade and equity
 * point journaled as it happens (docs/LIVE.md).
 *
 * <p>{@link #open} finds the session: an unfinished session with the same {@link
 * SessionSpec#fingerprint()} whose lock is free is resumed, one held by a running trader is
 * refused, otherwise a new session starts. {@link #run} trades it to the end of the feed or to
 * {@link #stop()}.
 *
 * <p>Resuming after a crash: the paper venue lived in the crashed process, so its state is rebuilt
 * by deterministic re-simulation. A fresh core replays the bars from the start, unpaced, with the
 * journal verifying: every intent, event, trade and checkpoint the replay produces must equal the
 * journaled one, in order (the first difference is a {@link JournalException}). Where the journal
 * ends (even between an intent and the event that answered it) appending starts, so an intent
 * journaled but never sent is sent exactly once, no record is written twice and none is lost; then
 * every working order is looked up at the venue by client order id, and the feed continues at its
 * pace. Real brokers will reconcile against the broker instead (a later issue).
 *
 * <p>One trading thread calls {@link #run}; {@link #stop()} may come from any thread.
 */
public final class PaperTrader implements AutoCloseable {
  /** The file a running trader acknowledges a kill action in (in its session directory). */
  public static final String KILL_ACK = "kill-ack.json";

  private static final long WATCH_NANOS = 1_000_000L;

  /** How a session's run ended. */
  public enum Status {
    /** The feed ended; the session is finished. */
    COMPLETED,
    /** Stopped on request (Ctrl-C); working orders canceled; the session is finished. */
    STOPPED,
    /**
     * Stopped while a resumed session was still catching up: nothing was written; running the same
     * command again resumes it.
     */
    INTERRUPTED,
    /** The strategy or the trader failed; the session is finished. */
    FAILED,
    /**
     * Caught up and acted on the trading state on behalf of the kill switch, then left unfinished
     * for its trader to resume ({@link #holdWhenCaughtUp}).
     */
    HELD;

    /** The lower-case name used in the journal and in JSON output. */
    public String label() {
      return JournalRecords.lower(this);
    }
  }

  /**
   * What a run did.
   *
   * @param sessionId the session
   * @param status how it ended
   * @param resumed whether an interrupted session was resumed
   * @param verified journal records verified by the replay on resuming (0 for a new session)
   * @param bars bar groups processed, over the whole session
   * @param orders orders sent (intents), over the whole session
   * @param fills fills
   * @param trades closed trades
   * @param denials orders refused by our own rules
   * @param finalEquity equity at the end
   * @param result the session as a backtest result (null when interrupted)
   */
  public record Outcome(
      String sessionId,
      Status status,
      boolean resumed,
      long verified,
      long bars,
      long orders,
      long fills,
      long trades,
      long denials,
      double finalEquity,
      BacktestResult result) {}

  private final TradingDirectory dir;
  private final SessionSpec spec;
  private final String sessionId;
  private final Path sessionDir;
  private final String prefix;
  private final Durability durability;
  private final Clock clock;
  private final SessionLock lock;
  private final boolean resumed;
  private final List<OrderEventListener> extraListeners = new ArrayList<>();
  private SafetyInputs safetyInputs = SafetyInputs.NONE;
  private Function<TradingStateSource, RiskGate> gateFactory = s -> RiskGate.ALLOW_ALL;
  private SessionSafety safety;
  private OverrideStore overrideStore;
  private SessionOverrides overrides;
  private TraderAudit audit;
  private Map<String, Object> startDetails = Map.of();
  private JournalReader resumeReader;
  private Journal journal;
  private volatile ReplayFeed feed;
  private volatile boolean stopRequested;
  private boolean ran;
  private boolean holdWhenCaughtUp;

  // per-run state, on the trading thread
  private long n;
  private long lastIntent;
  private long orders;
  private long fills;
  private long denials;
  private int tradesJournaled;
  private boolean reconcilePending;

  private PaperTrader(
      TradingDirectory dir,
      SessionSpec spec,
      String sessionId,
      SessionLock lock,
      boolean resumed,
      Durability durability,
      Clock clock) {
    this.dir = dir;
    this.spec = spec;
    this.sessionId = sessionId;
    this.sessionDir = dir.sessionDir(sessionId);
    this.prefix = SessionId.clientIdPrefix(sessionId);
    this.lock = lock;
    this.resumed = resumed;
    this.durability = durability;
    this.clock = clock;
  }

  /**
   * Opens the session for {@code spec}: resumes its unfinished session or starts a new one, and
   * holds the session's lock until {@link #close()}.
   *
   * @throws TradingRefusedException if a running trader holds the unfinished session
   * @throws JournalException if the unfinished session's journal cannot be read
   */
  public static PaperTrader open(
      TradingDirectory dir, SessionSpec spec, Durability durability, Clock clock) {
    Objects.requireNonNull(spec, "spec");
    dir.create();
    // the newest session of this command (by its start time) decides
    String newest = null;
    String newestStart = "";
    for (String id : dir.sessionIds()) {
      Optional<Map<String, Object>> start =
          Sessions.firstRecord(dir.sessionDir(id).resolve(Journal.FILE));
      if (start.isPresent() && spec.fingerprint().equals(start.get().get("fingerprint"))) {
        String started = Sessions.str(start.get().get("started"));
        if (newest == null || Instant.parse(started).compareTo(Instant.parse(newestStart)) >= 0) {
          newest = id;
          newestStart = started;
        }
      }
    }
    if (newest != null && !Sessions.hasEnded(dir.sessionDir(newest).resolve(Journal.FILE))) {
      String id = newest;
      Path sdir = dir.sessionDir(id);
      Optional<SessionLock> l = SessionLock.tryAcquire(sdir);
      if (l.isEmpty()) {
        throw new TradingRefusedException(
            SafetyRule.SESSION_IN_USE,
            "session "
                + id
                + " of this config is being traded by another process (PID "
                + SessionLock.holderPid(sdir)
                + "); stop it first (two traders never run one session)");
      }
      PaperTrader t = new PaperTrader(dir, spec, id, l.get(), true, durability, clock);
      try {
        t.resumeReader = new JournalReader(sdir.resolve(Journal.FILE));
        t.resumeReader.nextLine(); // the start record
      } catch (RuntimeException e) {
        t.close();
        throw e;
      }
      return t;
    }
    return create(dir, spec, durability, clock);
  }

  /**
   * Opens the unfinished session {@code sessionId} to act on it while no trader runs it (the kill
   * switch): {@link #run} then replays it, unpaced and verifying, takes in the trading state where
   * the journal ends, acts on it and returns {@link Status#HELD}, leaving the session unfinished.
   *
   * @throws TradingRefusedException if a running trader holds the session
   * @throws JournalException if the session has ended or its journal cannot be read
   */
  public static PaperTrader openToAct(
      TradingDirectory dir, String sessionId, Durability durability, Clock clock) {
    Path sdir = dir.sessionDir(sessionId);
    Path file = sdir.resolve(Journal.FILE);
    Map<String, Object> start =
        Sessions.firstRecord(file)
            .orElseThrow(() -> new JournalException("session " + sessionId + " has no journal"));
    if (Sessions.hasEnded(file)) {
      throw new JournalException("session " + sessionId + " has ended");
    }
    SessionLock l =
        SessionLock.tryAcquire(sdir)
            .orElseThrow(() ->
                new TradingRefusedException(
                    SafetyRule.SESSION_IN_USE,
                    "session "
                        + sessionId
                        + " is being traded (PID "
                        + SessionLock.holderPid(sdir)
                        + "); its trader acts on the trading state itself"));
    SessionSpec spec =
        new SessionSpec(
            Sessions.str(start.get("fingerprint")),
            Sessions.str(start.get("strategy")),
            Sessions.str(start.get("symbols")),
            Sessions.num(start.get("seed"), 0),
            Sessions.str(start.get("config")),
            Sessions.str(start.get("data_fingerprint")),
            Sessions.str(start.get("data")),
            Sessions.str(start.get("feed")),
            Sessions.str(start.get("broker")));
    PaperTrader t = new PaperTrader(dir, spec, sessionId, l, true, durability, clock);
    t.holdWhenCaughtUp = true;
    try {
      t.resumeReader = new JournalReader(file);
      t.resumeReader.nextLine(); // the start record
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
    return t;
  }

  private static PaperTrader create(
      TradingDirectory dir, SessionSpec spec, Durability durability, Clock clock) {
    SecureRandom random = new SecureRandom();
    for (int attempt = 0; attempt < 100; attempt++) {
      String id = SessionId.next(clock.instant(), random);
      Path sdir = dir.sessionDir(id);
      try {
        Files.createDirectory(sdir);
      } catch (FileAlreadyExistsException e) {
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the session directory " + sdir, e);
      }
      SessionLock l =
          SessionLock.tryAcquire(sdir)
              .orElseThrow(() -> new IllegalStateException("a new session is locked: " + sdir));
      PaperTrader t = new PaperTrader(dir, spec, id, l, false, durability, clock);
      try {
        t.journal = Journal.create(sdir.resolve(Journal.FILE), t.startRecord(), durability);
      } catch (RuntimeException e) {
        t.close();
        throw e;
      }
      return t;
    }
    throw new IllegalStateException("no free session id in " + dir.sessionsDir());
  }

  private String startRecord() {
    Map<String, Object> m = JournalRecords.head(JournalRecords.START);
    m.put("v", 1);
    m.put("session", sessionId);
    m.put("fingerprint", spec.fingerprint());
    m.put("prefix", prefix);
    m.put("strategy", spec.strategy());
    m.put("symbols", spec.symbols());
    m.put("seed", spec.seed());
    m.put("feed", spec.feed());
    m.put("broker", spec.broker());
    m.put("data", spec.dataPath());
    m.put("data_fingerprint", spec.dataFingerprint());
    m.put("started", clock.instant().toString());
    m.put("pid", ProcessHandle.current().pid());
    m.put("config", spec.configYaml());
    return Json.object(m);
  }

  /** What the session runs, as its journal's start record keeps it. */
  public SessionSpec spec() {
    return spec;
  }

  /**
   * Whether the session is replaying its journal (catching up after a resume): what it does then
   * was done, journaled and audited by the run that wrote the journal. On the trading thread.
   */
  public boolean catchingUp() {
    return journal == null || journal.verifying();
  }

  /** The session id (also its run id once imported). */
  public String sessionId() {
    return sessionId;
  }

  /** The session's directory. */
  public Path sessionDir() {
    return sessionDir;
  }

  /** The trading directory. */
  public TradingDirectory tradingDirectory() {
    return dir;
  }

  /** The prefix of this session's client order ids. */
  public String clientIdPrefix() {
    return prefix;
  }

  /** What the session's latest kill action did in this process, if it took one. */
  public Optional<KillAction> lastKill() {
    return safety == null ? Optional.empty() : Optional.ofNullable(safety.lastKill());
  }

  /** Whether an interrupted session is being resumed. */
  public boolean resumed() {
    return resumed;
  }

  /** Adds a listener told of every order event after the journal (benchmarks, monitors). */
  public void addListener(OrderEventListener l) {
    extraListeners.add(Objects.requireNonNull(l, "listener"));
  }

  /**
   * Where the session reads the machine-wide trading state (the kill switch); without it the
   * session sees ACTIVE throughout.
   */
  public void setSafetyInputs(SafetyInputs inputs) {
    this.safetyInputs = Objects.requireNonNull(inputs, "inputs");
  }

  /**
   * The risk gate every order passes, built over the session's view of the trading state (the
   * default lets every order through).
   */
  public void setRiskGate(Function<TradingStateSource, RiskGate> factory) {
    this.gateFactory = Objects.requireNonNull(factory, "factory");
  }

  /** Where operators' one-shot overrides come from (none by default). */
  public void setOverrideStore(OverrideStore store) {
    this.overrideStore = store;
  }

  /**
   * The session's overrides, for its gate: journaled where they are used, read back in place when
   * the session replays. Valid once {@link #run} has begun (the gate factory is called there).
   */
  public RiskOverrides overrides() {
    return overrides;
  }

  /**
   * Audits the session into {@code log} (docs/AUDIT.md): its start and config, every order intent
   * before the order is sent, every venue answer, fill, cancel and denial, and every kill action.
   *
   * @param details further values for the {@code trader_started} line (environment, mode)
   */
  public void setAudit(AuditLog log, Map<String, Object> details) {
    this.audit = new TraderAudit(log, spec.broker(), sessionId, prefix);
    this.startDetails = new java.util.LinkedHashMap<>(details);
  }

  /** Asks the run to stop at the next bar (from any thread, e.g. a shutdown hook). */
  public void stop() {
    stopRequested = true;
    ReplayFeed f = feed;
    if (f != null) {
      f.stop();
    }
  }

  /**
   * Trades the session on {@code feed} to its end or to {@link #stop()}; at the end every working
   * order is canceled and, if the config says {@code close_at_end}, open positions are closed.
   *
   * @param strategy a fresh strategy instance
   * @throws JournalException if a resumed session's journal does not match the replay
   */
  public Outcome run(EngineConfig cfg, Strategy strategy, ReplayFeed feed) {
    if (ran) {
      throw new IllegalStateException("a trader runs once");
    }
    ran = true;
    String symbols = String.join(",", feed.instruments().stream().map(Instrument::symbol).toList());
    if (!symbols.equals(spec.symbols())) {
      throw new IllegalArgumentException(
          "the feed plays " + symbols + ", the session trades " + spec.symbols());
    }
    this.feed = feed;
    if (stopRequested) {
      feed.stop();
    }
    BarHistory hist = feed.newHistory();
    safety = new SessionSafety(safetyInputs);
    overrides = new SessionOverrides(overrideStore, sessionId, clock);
    TradingCore core =
        TradingCore.simulated(cfg, hist, strategy, gateFactory.apply(safety), prefix);
    Ledger ledger = core.ledger();
    core.setIntentListener(new IntentHook());
    core.addListener(this::onEvent);
    for (OrderEventListener l : extraListeners) {
      core.addListener(l);
    }
    if (resumed) {
      feed.setPaced(false);
      journal =
          Journal.resume(
              sessionDir.resolve(Journal.FILE),
              resumeReader,
              this::resumeRecord,
              durability,
              () -> {
                feed.setPaced(true);
                reconcilePending = true;
              });
      resumeReader = null;
    }
    safety.attach(journal);
    overrides.attach(journal);
    auditStart();
    feed.setBetweenBars(() -> afterKill(safety.betweenBars(core)));
    Thread watcher = startWatcher(feed);
    BarGroup group = new BarGroup(hist.symbolCount());
    boolean interrupted = false;
    try {
      core.start();
      while (true) {
        // between bars, before the next one is in the history: the kill switch acts here
        afterKill(safety.betweenBars(core));
        if (holdWhenCaughtUp && !journal.verifying()) {
          journal.close();
          auditStop(Status.HELD, "");
          return new Outcome(
              sessionId,
              Status.HELD,
              true,
              journal.verified(),
              n,
              orders,
              fills,
              ledger.trades().size(),
              denials,
              ledger.equity(),
              null);
        }
        boolean more;
        try {
          more = feed.next(hist, group);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          interrupted = true;
          more = false;
        }
        if (!more) {
          break;
        }
        n++;
        safety.atBar(n);
        overrides.atBar(n);
        core.onBars(group);
        journalTrades(ledger);
        journal.record(
            JournalRecords.bar(
                n,
                group.time(),
                ledger.equity(),
                ledger.cash(),
                ledger.grossExposure(),
                ledger.trades().size()));
        if (reconcilePending) {
          reconcile(core);
        }
        if (feed.pacing()) {
          journal.flush();
        }
      }
      boolean stopped = interrupted || feed.stopped();
      if (stopped && journal.verifying()) {
        long verified = journal.verified();
        journal.close();
        auditStop(Status.INTERRUPTED, "");
        return new Outcome(
            sessionId,
            Status.INTERRUPTED,
            resumed,
            verified,
            n,
            orders,
            fills,
            -1,
            denials,
            Double.NaN,
            null);
      }
      BacktestResult result = core.finish();
      journalTrades(ledger);
      journal.record(finalRecord(result));
      journal.requireCaughtUp("ended there");
      if (reconcilePending) {
        reconcile(core);
      }
      Status status = stopped ? Status.STOPPED : Status.COMPLETED;
      double eq = finalEquity(result);
      journal.meta(endRecord(status, result.trades().size(), eq, ""));
      auditStop(status, "");
      long verified = journal.verified();
      journal.close();
      return new Outcome(
          sessionId,
          status,
          resumed,
          verified,
          n,
          orders,
          fills,
          result.trades().size(),
          denials,
          eq,
          result);
    } catch (JournalException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      if (journal != null && !journal.verifying()) {
        try {
          journal.meta(
              endRecord(Status.FAILED, ledger.trades().size(), ledger.equity(), String.valueOf(e)));
          auditStop(Status.FAILED, String.valueOf(e));
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    } finally {
      if (watcher != null) {
        watcher.interrupt();
      }
      feed.setBetweenBars(null);
    }
  }

  /**
   * Watches the trading state's generation (no file read) and wakes the trading thread between bars
   * when it changes, so a kill switch acts within milliseconds, not at the next bar.
   */
  private Thread startWatcher(ReplayFeed f) {
    if (safetyInputs == SafetyInputs.NONE) {
      return null;
    }
    SafetyInputs in = safetyInputs;
    Thread t =
        new Thread(
            () -> {
              long seen = in.generation();
              while (!Thread.currentThread().isInterrupted()) {
                long g = in.generation();
                if (g != seen) {
                  seen = g;
                  f.nudge();
                }
                LockSupport.parkNanos(WATCH_NANOS);
              }
            },
            "qz-kill-switch-watcher-" + sessionId);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** After a kill action: its acknowledgement for the kill-switch command (live only). */
  private void afterKill(KillAction k) {
    if (k == null || journal.verifying()) {
      return;
    }
    journal.flush();
    if (audit != null) {
      audit.kill(k);
    }
    Map<String, Object> m = JournalRecords.head("kill_ack");
    m.put("session", sessionId);
    m.put("generation", k.generation());
    m.put("canceled", k.canceled());
    m.put("closing", k.closing());
    m.put("at", clock.instant().toString());
    m.put("pid", ProcessHandle.current().pid());
    try {
      AtomicFiles.write(
          sessionDir.resolve(KILL_ACK),
          Json.object(m).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sessionDir.resolve(KILL_ACK), e);
    }
  }

  private void auditStart() {
    if (audit == null) {
      return;
    }
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("trading_dir", dir.root().toString());
    d.put("resumed", resumed);
    d.put("strategy", spec.strategy());
    d.put("symbols", spec.symbols());
    d.put("feed", spec.feed());
    d.put("pid", ProcessHandle.current().pid());
    d.putAll(startDetails);
    audit.note(AuditEventType.TRADER_STARTED, holdWhenCaughtUp ? "kill switch" : "trade", d);
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("fingerprint", spec.fingerprint());
    c.put("config_sha256", sha256(spec.configYaml()));
    c.put("data", spec.dataPath());
    c.put("data_fingerprint", spec.dataFingerprint());
    audit.note(AuditEventType.CONFIG_LOADED, "session config", c);
  }

  private void auditStop(Status status, String message) {
    if (audit == null) {
      return;
    }
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("status", status.label());
    d.put("bars", n);
    d.put("orders", orders);
    d.put("fills", fills);
    d.put("denials", denials);
    if (!message.isEmpty()) {
      d.put("message", message);
    }
    audit.note(AuditEventType.TRADER_STOPPED, status.label(), d);
  }

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double finalEquity(BacktestResult r) {
    EquityCurve c = r.equity();
    return c.size() == 0 ? r.initialCash() : c.equity(c.size() - 1);
  }

  private void onEvent(OrderEvent e) {
    boolean live = !journal.verifying();
    journal.record(JournalRecords.event(n, prefix, e));
    if (audit != null && live) {
      audit.event(e);
    }
    if (e instanceof OrderFilled) {
      fills++;
    } else if (e instanceof OrderDenied) {
      denials++;
    }
  }

  private void journalTrades(Ledger ledger) {
    List<Trade> trades = ledger.trades();
    while (tradesJournaled < trades.size()) {
      journal.record(JournalRecords.trade(n, trades.get(tradesJournaled++)));
    }
  }

  /** The intent goes to the journal (and the OS) before the order goes to the venue. */
  private final class IntentHook implements OrderIntentListener {
    @Override
    public void beforeSubmit(VenueOrder order, boolean protective) {
      intent(order.id());
      if (audit != null && !journal.verifying()) {
        audit.intent(order, protective); // durable before the order is sent
      }
      journal.recordDurable(JournalRecords.intent(n, prefix, order, protective));
    }

    @Override
    public void beforeModify(OrderId id, OrderId replacement, OrderRequest newTerms) {
      intent(replacement);
      if (audit != null && !journal.verifying()) {
        audit.modify(id, replacement, newTerms);
      }
      journal.recordDurable(JournalRecords.modify(n, prefix, id, replacement, newTerms));
    }

    private void intent(OrderId id) {
      if (id.value() <= lastIntent) {
        throw new IllegalStateException(
            "order " + id.clientOrderId(prefix) + " would be sent a second time");
      }
      lastIntent = id.value();
      orders++;
    }
  }

  /**
   * After catching up: every order our book holds as working must be working at the venue, found by
   * its client order id, and the venue may hold no other.
   */
  private void reconcile(TradingCore core) {
    reconcilePending = false;
    List<OrderManager.Order> open = core.orders().openOrders();
    for (OrderManager.Order o : open) {
      String cid = o.id().clientOrderId(prefix);
      Optional<VenueOrderStatus> v = core.venue().findByClientOrderId(cid);
      if (v.isEmpty() || !v.get().state().isOpen()) {
        throw new IllegalStateException(
            "after resuming, order "
                + cid
                + " is working in the journal but "
                + (v.isEmpty() ? "unknown to" : v.get().state() + " at")
                + " the venue");
      }
    }
    int atVenue = core.venue().openOrders().size();
    if (atVenue != open.size()) {
      throw new IllegalStateException(
          "after resuming, the venue holds "
              + atVenue
              + " working orders and the journal "
              + open.size());
    }
  }

  private String resumeRecord(long verified) {
    Map<String, Object> m = JournalRecords.head(JournalRecords.RESUME);
    m.put("at", clock.instant().toString());
    m.put("pid", ProcessHandle.current().pid());
    m.put("verified", verified);
    m.put("n", n);
    return Json.object(m);
  }

  private String finalRecord(BacktestResult r) {
    Map<String, Object> m = JournalRecords.head(JournalRecords.FINAL);
    m.put("n", n);
    EquityCurve c = r.equity();
    int last = c.size() - 1;
    m.put("t", last < 0 ? null : c.timeMillis(last));
    m.put("eq", last < 0 ? r.initialCash() : c.equity(last));
    m.put("cash", last < 0 ? r.initialCash() : c.cash(last));
    m.put("x", last < 0 ? 0.0 : c.exposure(last));
    m.put("bh", r.buyAndHoldReturnPct());
    m.put("open", String.join(",", r.openPositionsAtEnd()));
    m.put("submitted", r.orders().submitted());
    m.put("filled", r.orders().filled());
    m.put("cancelled", r.orders().cancelled());
    m.put("expired", r.orders().expired());
    m.put("rejected", r.orders().rejected());
    m.put("trades", r.trades().size());
    m.put("fills", r.fills().size());
    return Json.object(m);
  }

  private String endRecord(Status status, int trades, double equity, String message) {
    Map<String, Object> m = JournalRecords.head(JournalRecords.END);
    m.put("status", status.label());
    m.put("at", clock.instant().toString());
    m.put("bars", n);
    m.put("orders", orders);
    m.put("fills", fills);
    m.put("trades", trades);
    m.put("denials", denials);
    m.put("final_equity", equity);
    m.put("message", message);
    return Json.object(m);
  }

  /** Closes the journal (if the run did not) and releases the session. */
  @Override
  public void close() {
    try {
      if (journal != null) {
        journal.close();
      }
      if (resumeReader != null) {
        resumeReader.close();
      }
    } finally {
      lock.close();
    }
  }
}
