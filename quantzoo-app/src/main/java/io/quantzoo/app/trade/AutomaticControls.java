package io.quantzoo.app.trade;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.risk.RiskListener;
import io.quantzoo.core.risk.RiskOverride;
import io.quantzoo.core.risk.TradingState;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.StateCause;
import io.quantzoo.live.safety.TradingStateStore;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What a session's automatic controls do beyond denying orders (docs/SAFETY.md): a passed max daily
 * loss or max drawdown is audited and, on a wall-clock feed, written to the machine-wide trading
 * state (HALTED until the next exchange session day, or REDUCING), which every trader on the
 * machine then follows; every use of an operator override is audited. Nothing is written again
 * while a session replays its journal.
 */
final class AutomaticControls implements RiskListener {
  private final BooleanSupplier catchingUp;
  private final String session;
  private final TradingStateStore store;
  private final AuditLog audit;
  private final boolean escalate;
  private TradingState lastTo;
  private DenialRule lastCause;
  private long lastUntil = Long.MIN_VALUE;

  /**
   * @param escalate whether latches go to the machine-wide state: only when the session's clock is
   *     the wall clock (a live feed); a replay's latches stay in the session
   */
  AutomaticControls(PaperTrader trader, TradingStateStore store, AuditLog audit, boolean escalate) {
    this(trader::catchingUp, trader.sessionId(), store, audit, escalate);
  }

  AutomaticControls(
      BooleanSupplier catchingUp,
      String session,
      TradingStateStore store,
      AuditLog audit,
      boolean escalate) {
    this.catchingUp = catchingUp;
    this.session = session;
    this.store = store;
    this.audit = audit;
    this.escalate = escalate;
  }

  @Override
  public void onAutomaticTransition(
      TradingState to,
      DenialRule cause,
      double limit,
      double value,
      long clockMillis,
      long untilMillis) {
    if (catchingUp.getAsBoolean()) {
      return; // a replay repeats the latch; it was written and audited when it happened
    }
    if (to == lastTo && cause == lastCause && clockMillis < lastUntil) {
      return; // the same latch renewed while it lasts: reported once
    }
    lastTo = to;
    lastCause = cause;
    lastUntil = untilMillis;
    String why =
        String.format(
            Locale.ROOT,
            "%s %.2f passed %s %.2f in session %s at %s",
            cause == DenialRule.DAILY_LOSS ? "the day's loss" : "the drawdown (%)",
            value,
            cause.configKey(),
            limit,
            session,
            Instant.ofEpochMilli(clockMillis));
    boolean machineWide = escalate && store != null;
    if (audit != null) {
      audit.append(
          AuditEvent.builder(AuditEventType.STATE_CHANGED)
              .session(session)
              .operator(cause.configKey())
              .reason(why)
              .detail("to", to.name())
              .detail("rule", cause.name())
              .detail("limit", limit)
              .detail("value", value)
              .detail("scope", machineWide ? "machine" : "session")
              .detail("until", Instant.ofEpochMilli(untilMillis).toString())
              .build());
    }
    if (!machineWide) {
      return;
    }
    if (cause == DenialRule.DAILY_LOSS) {
      store.escalate(
          TradingState.HALTED,
          StateCause.DAILY_LOSS,
          "max-daily-loss",
          why,
          Instant.ofEpochMilli(untilMillis));
    } else {
      store.escalate(to, StateCause.MAX_DRAWDOWN, "max-drawdown", why, null);
    }
  }

  @Override
  public void onOverride(
      RiskOverride override, OrderRequest request, double limit, double value, long clockMillis) {
    if (audit == null || catchingUp.getAsBoolean()) {
      return;
    }
    audit.append(
        AuditEvent.builder(AuditEventType.LIMIT_OVERRIDE)
            .session(session)
            .symbol(request.symbol())
            .side(request.side())
            .quantity(request.quantity())
            .orderType(request.type())
            .operator(override.operator())
            .reason(override.reason())
            .detail("rule", override.rule().name())
            .detail("limit", limit)
            .detail("value", value)
            .build());
  }
}
