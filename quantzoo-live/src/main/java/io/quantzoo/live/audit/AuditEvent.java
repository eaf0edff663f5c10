package io.quantzoo.live.audit;

import io.quantzoo.core.order.OrderId;
import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One audited fact: what happened, to which order, on whose word and why. Every field but {@link
 * #eventType} may be absent (null; NaN for the quantity); all are always written, so every line has
 * the same fields. Build one with {@link #builder}.
 *
 * @param timestamp when it happened; null: when it is appended (the log's clock)
 * @param eventType what happened
 * @param broker the broker or venue ({@code paper}, {@code alpaca})
 * @param symbol the instrument
 * @param side the order's side
 * @param quantity the order's or fill's quantity; NaN when none
 * @param orderType the order's type
 * @param orderId the order's id (ours, or the venue's)
 * @param clientOrderId the client order id sent to the venue
 * @param operator who acted: a person, or the trader for its own actions
 * @param reason why, in words (a rule, an operator's note)
 * @param session the trading session's id
 * @param details further values in their order (a rule, a limit, a value, a path): strings,
 *     numbers, booleans or null; other values are kept as their {@code toString()}
 */
public record AuditEvent(
    Instant timestamp,
    AuditEventType eventType,
    String broker,
    String symbol,
    Side side,
    double quantity,
    OrderType orderType,
    String orderId,
    String clientOrderId,
    String operator,
    String reason,
    String session,
    Map<String, Object> details) {

  /** The field names of a line, in their order; a detail may not use them. */
  public static final Set<String> RESERVED =
      Set.of(
          "seq",
          "timestamp",
          "event_type",
          "broker",
          "symbol",
          "side",
          "quantity",
          "order_type",
          "order_id",
          "client_order_id",
          "operator",
          "reason",
          "session",
          "prev",
          "tag",
          "mac");

  /** Validates and copies the details. */
  public AuditEvent {
    Objects.requireNonNull(eventType, "eventType");
    Map<String, Object> d = new LinkedHashMap<>();
    if (details != null) {
      for (Map.Entry<String, Object> e : details.entrySet()) {
        String k = Objects.requireNonNull(e.getKey(), "detail name");
        if (k.isEmpty() || RESERVED.contains(k)) {
          throw new IllegalArgumentException("not a name for an audit detail: '" + k + "'");
        }
        d.put(k, plain(e.getValue()));
      }
    }
    details = Collections.unmodifiableMap(d);
  }

  private static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Double || v instanceof Long || v instanceof Integer) {
      return v;
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    return v.toString();
  }

  /** A builder of an event of type {@code type}. */
  public static Builder builder(AuditEventType type) {
    return new Builder(type);
  }

  /** This event at {@code t}. */
  public AuditEvent withTimestamp(Instant t) {
    return new AuditEvent(
        t,
        eventType,
        broker,
        symbol,
        side,
        quantity,
        orderType,
        orderId,
        clientOrderId,
        operator,
        reason,
        session,
        details);
  }

  /** Builds an {@link AuditEvent}; every field is optional. */
  public static final class Builder {
    private final AuditEventType type;
    private Instant timestamp;
    private String broker;
    private String symbol;
    private Side side;
    private double quantity = Double.NaN;
    private OrderType orderType;
    private String orderId;
    private String clientOrderId;
    private String operator;
    private String reason;
    private String session;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Builder(AuditEventType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** When it happened (default: when it is appended). */
    public Builder timestamp(Instant t) {
      this.timestamp = t;
      return this;
    }

    /** The broker or venue. */
    public Builder broker(String b) {
      this.broker = b;
      return this;
    }

    /** The instrument. */
    public Builder symbol(String s) {
      this.symbol = s;
      return this;
    }

    /** The side. */
    public Builder side(Side s) {
      this.side = s;
      return this;
    }

    /** The quantity. */
    public Builder quantity(double q) {
      this.quantity = q;
      return this;
    }

    /** The order type. */
    public Builder orderType(OrderType t) {
      this.orderType = t;
      return this;
    }

    /** The order id (a venue's). */
    public Builder orderId(String id) {
      this.orderId = id;
      return this;
    }

    /** The order id (ours): its number. */
    public Builder orderId(OrderId id) {
      this.orderId = id == null ? null : Long.toString(id.value());
      return this;
    }

    /** The client order id. */
    public Builder clientOrderId(String id) {
      this.clientOrderId = id;
      return this;
    }

    /** Who acted. */
    public Builder operator(String o) {
      this.operator = o;
      return this;
    }

    /** Why. */
    public Builder reason(String r) {
      this.reason = r;
      return this;
    }

    /** The trading session's id. */
    public Builder session(String s) {
      this.session = s;
      return this;
    }

    /** A further value (kept in the order added). */
    public Builder detail(String name, Object value) {
      details.put(name, value);
      return this;
    }

    /** The event. */
    public AuditEvent build() {
      return new AuditEvent(
          timestamp,
          type,
          broker,
          symbol,
          side,
          quantity,
          orderType,
          orderId,
          clientOrderId,
          operator,
          reason,
          session,
          details);
    }
  }
}
