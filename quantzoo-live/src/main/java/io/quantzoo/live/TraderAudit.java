package io.quantzoo.live;

import io.quantzoo.core.execution.VenueOrder;
import io.quantzoo.core.order.OrderAccepted;
import io.quantzoo.core.order.OrderCancelRejected;
import io.quantzoo.core.order.OrderCanceled;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.order.OrderExpired;
import io.quantzoo.core.order.OrderFilled;
import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderRejected;
import io.quantzoo.core.order.OrderReplaced;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import java.util.Objects;

/**
 * A trader's audit lines (docs/AUDIT.md): every order intent before the order is sent, every venue
 * answer, fill, cancel and denial, and every kill action, each durable before the trader goes on. A
 * replayed session does not audit again what its original run audited.
 */
final class TraderAudit {
  private final AuditLog log;
  private final String broker;
  private final String session;
  private final String prefix;

  TraderAudit(AuditLog log, String broker, String session, String prefix) {
    this.log = Objects.requireNonNull(log, "log");
    this.broker = broker;
    this.session = session;
    this.prefix = prefix;
  }

  AuditLog log() {
    return log;
  }

  private AuditEvent.Builder line(AuditEventType type) {
    return AuditEvent.builder(type).broker(broker).session(session).operator("trader");
  }

  /** An order about to be sent. */
  void intent(VenueOrder vo, boolean protective) {
    OrderRequest r = vo.request();
    log.append(
        line(AuditEventType.ORDER_INTENT)
            .symbol(r.symbol())
            .side(r.side())
            .quantity(r.quantity())
            .orderType(r.type())
            .orderId(vo.id())
            .clientOrderId(vo.id().clientOrderId(prefix))
            .reason(r.tag())
            .detail("quantity_mode", r.quantityMode().name())
            .detail("limit_price", r.limitPrice())
            .detail("stop_price", r.stopPrice())
            .detail("time_in_force", r.timeInForce().name())
            .detail("reduce_only", r.reduceOnly())
            .detail("protective", protective)
            .build());
  }

  /** A replace about to be sent. */
  void modify(OrderId id, OrderId replacement, OrderRequest t) {
    log.append(
        line(AuditEventType.ORDER_INTENT)
            .symbol(t.symbol())
            .side(t.side())
            .quantity(t.quantity())
            .orderType(t.type())
            .orderId(replacement)
            .clientOrderId(replacement.clientOrderId(prefix))
            .reason("replace " + id.clientOrderId(prefix))
            .detail("replaces", id.clientOrderId(prefix))
            .detail("limit_price", t.limitPrice())
            .detail("stop_price", t.stopPrice())
            .build());
  }

  /** An order event. */
  void event(OrderEvent e) {
    OrderId id = e.orderId();
    AuditEvent.Builder b =
        switch (e) {
          case OrderAccepted a -> line(AuditEventType.ORDER_ACCEPTED);
          case OrderRejected r ->
              line(AuditEventType.ORDER_REJECTED).reason(r.reason()).detail("code", r.code());
          case OrderDenied d ->
              line(AuditEventType.ORDER_DENIED)
                  .reason(d.rule().name().toLowerCase(java.util.Locale.ROOT))
                  .detail("rule", d.rule().name())
                  .detail("limit", d.limit())
                  .detail("value", d.value())
                  .detail("detail", d.detail());
          case OrderFilled f ->
              line(AuditEventType.ORDER_FILLED)
                  .side(f.side())
                  .quantity(f.quantity())
                  .reason(f.tag())
                  .detail("price", f.price())
                  .detail("execution_id", f.executionId())
                  .detail("commission", f.commission())
                  .detail("leaves_quantity", f.leavesQuantity());
          case OrderCanceled c ->
              line(AuditEventType.ORDER_CANCELED)
                  .reason(c.reason().name().toLowerCase(java.util.Locale.ROOT));
          case OrderCancelRejected c -> line(AuditEventType.CANCEL_REJECTED).reason(c.reason());
          case OrderReplaced r ->
              line(AuditEventType.ORDER_REPLACED)
                  .quantity(r.quantity())
                  .detail("replacement", r.replacementId().clientOrderId(prefix))
                  .detail("limit_price", r.limitPrice())
                  .detail("stop_price", r.stopPrice());
          case OrderExpired x -> line(AuditEventType.ORDER_EXPIRED);
        };
    log.append(
        b.symbol(e.symbol())
            .orderId(id)
            .clientOrderId(id.clientOrderId(prefix))
            .detail("ts_event", e.tsEvent())
            .build());
  }

  /** A kill action the session took. */
  void kill(KillAction k) {
    log.append(
        line(AuditEventType.VENUE_CANCEL_ALL)
            .reason("trading state halted")
            .detail("generation", k.generation())
            .detail("canceled", k.canceled())
            .build());
    if (k.closing() > 0) {
      log.append(
          line(AuditEventType.POSITIONS_CLOSED)
              .reason("kill switch --close-positions")
              .detail("generation", k.generation())
              .detail("closing_orders", k.closing())
              .build());
    }
  }

  /** A line of the trader's own life (started, stopped). */
  void note(AuditEventType type, String reason, java.util.Map<String, Object> details) {
    AuditEvent.Builder b = line(type).reason(reason);
    details.forEach(b::detail);
    log.append(b.build());
  }
}
