package io.quantzoo.app.trade;

import io.quantzoo.core.sweep.Json;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.Sessions;
import io.quantzoo.live.StoreInputs;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.TradingRefusedException;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.SafetyRefusal;
import io.quantzoo.live.safety.SafetyRule;
import io.quantzoo.live.safety.SafetyState;
import io.quantzoo.live.safety.TradingStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * The kill switch (docs/SAFETY.md): activation writes HALTED to the machine-wide trading state and
 * then cancels every working order at every venue that holds orders, whether or not a trader runs
 * there, and with {@code closePositions} closes every position; deactivation writes ACTIVE, refused
 * while a daily-loss halt is in force unless overridden. Every step is audited.
 *
 * <p>Venues today: the paper venue of each unfinished paper session. A running trader acts on the
 * halt itself (it watches the state) and acknowledges; a session no trader runs is caught up from
 * its journal and acted on here, then left for its trader to resume.
 */
public final class KillSwitchService {

  /** What happened at one session. */
  public enum SessionOutcome {
    /** Its running trader acted on the halt and acknowledged. */
    ACKNOWLEDGED,
    /** Its running trader did not acknowledge within the wait (it acts before its next order). */
    NOT_ACKNOWLEDGED,
    /** No trader runs it: it was caught up and acted on by this command. */
    ACTED,
    /** It could not be acted on (the message says why). */
    FAILED
  }

  /**
   * One venue's (session's) result.
   *
   * @param venue the venue ({@code paper})
   * @param sessionId the session
   * @param outcome what happened
   * @param canceled working orders canceled (-1 unknown)
   * @param closing closing orders submitted (-1 unknown)
   * @param message details for people
   */
  public record SessionResult(
      String venue,
      String sessionId,
      SessionOutcome outcome,
      int canceled,
      int closing,
      String message) {}

  /**
   * What an activation did.
   *
   * @param before the state before
   * @param after the state written
   * @param sessions every unfinished session's result
   */
  public record Activation(SafetyState before, SafetyState after, List<SessionResult> sessions) {
    /** Whether every session was acted on or acknowledged. */
    public boolean complete() {
      return sessions.stream()
          .allMatch(s ->
              s.outcome() == SessionOutcome.ACKNOWLEDGED || s.outcome() == SessionOutcome.ACTED);
    }
  }

  private final TradingDirectory dir;
  private final TradingStateStore store;
  private final AuditLog audit;
  private final TradeService trades;

  /**
   * @param dir the trading directory
   * @param store its trading state
   * @param audit its audit log
   * @param trades opens sessions to act on them
   */
  public KillSwitchService(
      TradingDirectory dir, TradingStateStore store, AuditLog audit, TradeService trades) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.store = Objects.requireNonNull(store, "store");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.trades = Objects.requireNonNull(trades, "trades");
  }

  /** The state, read afresh. */
  public SafetyState status() {
    return store.read();
  }

  /**
   * Activates the kill switch.
   *
   * @param wait how long to wait for each running trader's acknowledgement
   */
  public Activation activate(
      String operator, String reason, boolean closePositions, Duration wait) {
    SafetyState before = store.read();
    SafetyState after = store.activate(operator, reason, closePositions);
    audit.append(
        AuditEvent.builder(AuditEventType.KILL_SWITCH_ACTIVATED)
            .operator(after.operator())
            .reason(after.reason())
            .detail("generation", after.generation())
            .detail("close_positions", closePositions)
            .detail("before", before.state().name())
            .detail("trading_dir", dir.root().toString())
            .build());
    List<SessionResult> results = new ArrayList<>();
    List<Sessions.SessionInfo> open =
        Sessions.list(dir).stream().filter(s -> !s.ended() && !"empty".equals(s.status())).toList();
    List<Sessions.SessionInfo> running = new ArrayList<>();
    for (Sessions.SessionInfo s : open) {
      if ("running".equals(s.status())) {
        running.add(s);
      } else {
        results.add(actOffline(s.id()));
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    for (Sessions.SessionInfo s : running) {
      results.add(awaitAck(s.id(), after.generation(), deadline));
    }
    return new Activation(before, after, List.copyOf(results));
  }

  /**
   * Deactivates the kill switch.
   *
   * @throws TradingRefusedException ({@link SafetyRule#LOSS_HALT_IN_FORCE}) while a daily-loss halt
   *     is in force, unless {@code overrideLossHalt}
   */
  public SafetyState deactivate(String operator, String reason, boolean overrideLossHalt) {
    SafetyState before = store.read();
    SafetyState after;
    try {
      after = store.deactivate(operator, reason, overrideLossHalt);
    } catch (SafetyRefusal r) {
      throw new TradingRefusedException(SafetyRule.LOSS_HALT_IN_FORCE, r.getMessage());
    }
    audit.append(
        AuditEvent.builder(AuditEventType.KILL_SWITCH_DEACTIVATED)
            .operator(after.operator())
            .reason(after.reason())
            .detail("generation", after.generation())
            .detail("before", before.state().name())
            .detail("override_loss_halt", overrideLossHalt && before.lossHaltUntil() != null)
            .build());
    return after;
  }

  private SessionResult actOffline(String id) {
    try {
      TradeService.Acted a = trades.actOnSession(dir, id, new StoreInputs(store), audit);
      return new SessionResult(
          "paper",
          id,
          SessionOutcome.ACTED,
          a.kill().map(k -> k.canceled()).orElse(0),
          a.kill().map(k -> k.closing()).orElse(0),
          "no trader runs it: caught up from its journal ("
              + a.bars()
              + " bars) and acted on; its trader resumes it halted");
    } catch (TradingRefusedException e) {
      // its trader started meanwhile: it acts itself
      return new SessionResult(
          "paper", id, SessionOutcome.NOT_ACKNOWLEDGED, -1, -1, e.getMessage());
    } catch (RuntimeException e) {
      return new SessionResult(
          "paper",
          id,
          SessionOutcome.FAILED,
          -1,
          -1,
          "could not act on it: "
              + e.getMessage()
              + "; its working orders stay in its journal and are canceled when its trader"
              + " resumes it (the state is HALTED)");
    }
  }

  private SessionResult awaitAck(String id, long generation, long deadline) {
    Path ack = dir.sessionDir(id).resolve(PaperTrader.KILL_ACK);
    while (true) {
      Map<String, Object> m = readAck(ack);
      if (m != null && m.get("generation") instanceof Number g && g.longValue() >= generation) {
        int canceled = ((Number) m.get("canceled")).intValue();
        int closing = ((Number) m.get("closing")).intValue();
        return new SessionResult(
            "paper",
            id,
            SessionOutcome.ACKNOWLEDGED,
            canceled,
            closing,
            "its trader (PID " + m.get("pid") + ") acted on the halt at " + m.get("at"));
      }
      if (System.nanoTime() - deadline >= 0) {
        return new SessionResult(
            "paper",
            id,
            SessionOutcome.NOT_ACKNOWLEDGED,
            -1,
            -1,
            "its trader has not acknowledged yet; it cancels its working orders before its next"
                + " order or bar (check qz kill-switch status / qz audit tail)");
      }
      LockSupport.parkNanos(5_000_000L);
    }
  }

  private static Map<String, Object> readAck(Path ack) {
    try {
      return Files.exists(ack)
          ? Json.parseObject(Files.readString(ack, StandardCharsets.UTF_8))
          : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
