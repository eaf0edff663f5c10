package io.quantzoo.live;

import io.quantzoo.core.engine.TradingCore;
import io.quantzoo.core.order.CancelReason;
import io.quantzoo.core.risk.TradingState;
import io.quantzoo.core.risk.TradingStateSource;
import io.quantzoo.core.sweep.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A session's view of the machine-wide trading state, journaled so that a replayed session sees the
 * state exactly where the original run saw it (docs/SAFETY.md, "Inside a trader").
 *
 * <p>The gate asks {@link #tradingState()} before every order: live, it compares the state's
 * generation (no file read) and, when it changed, reads the state and journals it as an input
 * record before the order; replaying, it reads the journaled input back at the same point. Between
 * bars ({@link #betweenBars}) the trader acts on a HALTED state once per activation: every working
 * order is canceled at once and, when the activation asked for it, every position is closed; that
 * action is journaled as an input too, so the replay repeats it between the same bars.
 */
final class SessionSafety implements TradingStateSource {
  static final String STATE = "state";
  static final String KILL = "kill";

  private final SafetyInputs inputs;
  private Journal journal;
  private long n;
  private TradingState current = TradingState.ACTIVE;
  private long seenGeneration = Long.MIN_VALUE;
  private long haltGeneration = Long.MIN_VALUE;
  private boolean haltClose;
  private long actedGeneration = Long.MIN_VALUE;
  private KillAction lastKill;

  SessionSafety(SafetyInputs inputs) {
    this.inputs = Objects.requireNonNull(inputs, "inputs");
  }

  void attach(Journal journal) {
    this.journal = journal;
  }

  /** The bar group number records are stamped with. */
  void atBar(long n) {
    this.n = n;
  }

  @Override
  public TradingState tradingState() {
    poll(false, null);
    return current;
  }

  /** The state as this session last took it in (no polling). */
  TradingState current() {
    return current;
  }

  /** The latest kill action, or null. */
  KillAction lastKill() {
    return lastKill;
  }

  /**
   * Between bars: takes in the state and, when it is a HALTED not yet acted on, cancels every
   * working order (and closes positions when asked).
   *
   * @return the action taken now, or null
   */
  KillAction betweenBars(TradingCore core) {
    return poll(true, core);
  }

  private KillAction poll(boolean boundary, TradingCore core) {
    if (journal == null) {
      return null;
    }
    KillAction done = null;
    if (journal.verifying()) {
      String in;
      while ((in = peekInput(boundary)) != null) {
        Map<String, Object> m = Json.parseObject(in);
        if (KILL.equals(m.get("what"))) {
          done =
              kill(core, ((Number) m.get("gen")).longValue(), Boolean.TRUE.equals(m.get("close")));
        } else {
          apply(m);
        }
      }
      if (journal.verifying()) {
        return done;
      }
      // caught up inside this poll: from here on the live state counts
    }
    long g = inputs.generation();
    if (g != seenGeneration) {
      seenGeneration = g;
      SafetyInputs.Snapshot s = inputs.read();
      if (s.state() != current
          || (s.state() == TradingState.HALTED && s.generation() != haltGeneration)) {
        Map<String, Object> m = JournalRecords.head(JournalRecords.CONTROL);
        m.put("n", n);
        m.put("what", STATE);
        m.put("state", s.state().name());
        m.put("gen", s.generation());
        m.put("cause", s.cause());
        m.put("close", s.closePositions());
        journal.recordInput(Json.object(m));
        apply(m);
      }
    }
    if (boundary
        && current == TradingState.HALTED
        && haltGeneration != actedGeneration
        && !journal.verifying()) {
      Map<String, Object> m = JournalRecords.head(JournalRecords.CONTROL);
      m.put("n", n);
      m.put("what", KILL);
      m.put("gen", haltGeneration);
      m.put("close", haltClose);
      journal.recordInput(Json.object(m));
      done = kill(core, haltGeneration, haltClose);
    }
    return done;
  }

  /** The next journaled input, but a kill action only between bars (where it was taken). */
  private String peekInput(boolean boundary) {
    if (!boundary) {
      // inputs taken before an order are state records only; a kill action waits for the boundary
      return journal.pollInput(l -> l.contains("\"what\":\"" + STATE + "\""));
    }
    return journal.pollInput(
        l -> l.contains("\"what\":\"" + STATE + "\"") || l.contains("\"what\":\"" + KILL + "\""));
  }

  private void apply(Map<String, Object> m) {
    TradingState s = TradingState.valueOf((String) m.get("state"));
    long gen = ((Number) m.get("gen")).longValue();
    if (s == TradingState.HALTED && gen != haltGeneration) {
      haltGeneration = gen;
      haltClose = Boolean.TRUE.equals(m.get("close"));
    }
    current = s;
  }

  private KillAction kill(TradingCore core, long generation, boolean close) {
    actedGeneration = generation;
    int canceled = core.cancelAllWorking(CancelReason.KILL_SWITCH);
    int closing = close ? core.closeAllPositions("KillSwitch").size() : 0;
    lastKill = new KillAction(generation, canceled, closing);
    return lastKill;
  }
}
