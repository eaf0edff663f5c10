package io.quantzoo.live;

import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.TradingStateStore;

/** Audits every change of the trading state a store makes (a {@code state_changed} line each). */
public final class SafetyAudit {
  private SafetyAudit() {}

  /** From now on, every change {@code store} makes is audited in {@code log}, durably. */
  public static void watch(TradingStateStore store, AuditLog log) {
    store.addListener((before, after) ->
        log.append(
            AuditEvent.builder(AuditEventType.STATE_CHANGED)
                .operator(after.operator())
                .reason(after.reason())
                .detail("from", before == null ? null : before.state().name())
                .detail("to", after.state().name())
                .detail("cause", after.cause().name().toLowerCase(java.util.Locale.ROOT))
                .detail("generation", after.generation())
                .detail(
                    "loss_halt_until",
                    after.lossHaltUntil() == null ? null : after.lossHaltUntil().toString())
                .detail("close_positions", after.closePositions())
                .detail("store", store.location())
                .build()));
  }
}
