package io.quantzoo.live;

import io.quantzoo.core.execution.VenueOrder;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.Exits;
import io.quantzoo.core.order.Offset;
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
import io.quantzoo.core.sweep.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The journal's record shapes (docs/LIVE.md, "The journal"), written with the core's one JSON
 * writer. Every record is a flat object whose first key {@code k} is its kind; stream records carry
 * {@code n}, the number of the bar group they belong to (0 before the first bar). Prices and
 * quantities round-trip exactly; a missing price (NaN) is null.
 */
final class JournalRecords {
  static final String START = "start";
  static final String RESUME = "resume";
  static final String END = "end";
  static final String INTENT = "intent";
  static final String MODIFY = "modify";
  static final String EVENT = "ev";
  static final String BAR = "bar";
  static final String TRADE = "trade";
  static final String FINAL = "final";
  static final String CONTROL = "ctl";

  private JournalRecords() {}

  /** Whether a journal line is a meta record (not replayed, not verified). */
  static boolean isMeta(String line) {
    return line.startsWith("{\"k\":\"" + START + "\"")
        || line.startsWith("{\"k\":\"" + RESUME + "\"")
        || line.startsWith("{\"k\":\"" + END + "\"");
  }

  /** Whether a journal line is an input record (see {@link Journal#pollInput}). */
  static boolean isInput(String line) {
    return line.startsWith("{\"k\":\"" + CONTROL + "\"");
  }

  static Map<String, Object> head(String kind) {
    Map<String, Object> m = new LinkedHashMap<>(32);
    m.put("k", kind);
    return m;
  }

  private static Map<String, Object> head(String kind, long n) {
    Map<String, Object> m = head(kind);
    m.put("n", n);
    return m;
  }

  static String intent(long n, String prefix, VenueOrder vo, boolean protective) {
    OrderRequest r = vo.request();
    Map<String, Object> m = head(INTENT, n);
    m.put("id", vo.id().clientOrderId(prefix));
    m.put("sym", r.symbol());
    m.put("side", r.side().name());
    m.put("qm", r.quantityMode().name());
    m.put("qty", r.quantity());
    m.put("type", r.type().name());
    m.put("lp", r.limitPrice());
    m.put("sp", r.stopPrice());
    m.put("tif", r.timeInForce().name());
    m.put("tag", r.tag());
    m.put("ex", exits(r.exits()));
    m.put("ro", r.reduceOnly());
    if (r.allowDuplicate()) {
      m.put("dup", true); // only when marked, so older journals verify as before
    }
    m.put("prot", protective);
    m.put("sd", vo.stopDistance());
    m.put("td", vo.trailDistance());
    m.put("ta", vo.trailAnchor());
    return Json.object(m);
  }

  static String modify(long n, String prefix, OrderId id, OrderId replacement, OrderRequest t) {
    Map<String, Object> m = head(MODIFY, n);
    m.put("id", id.clientOrderId(prefix));
    m.put("new", replacement.clientOrderId(prefix));
    m.put("qm", t.quantityMode().name());
    m.put("qty", t.quantity());
    m.put("lp", t.limitPrice());
    m.put("sp", t.stopPrice());
    return Json.object(m);
  }

  /** The name of an event's kind in the journal ({@code e}). */
  static String eventName(OrderEvent e) {
    return switch (e) {
      case OrderAccepted a -> "accepted";
      case OrderRejected r -> "rejected";
      case OrderDenied d -> "denied";
      case OrderFilled f -> "filled";
      case OrderCanceled c -> "canceled";
      case OrderCancelRejected c -> "cancel_rejected";
      case OrderReplaced r -> "replaced";
      case OrderExpired x -> "expired";
    };
  }

  static String event(long n, String prefix, OrderEvent e) {
    Map<String, Object> m = head(EVENT, n);
    m.put("e", eventName(e));
    m.put("id", e.orderId().clientOrderId(prefix));
    m.put("sym", e.symbol());
    m.put("ts", e.tsEvent());
    m.put("ti", e.tsInit());
    switch (e) {
      case OrderAccepted a -> {}
      case OrderExpired x -> {}
      case OrderRejected r -> {
        m.put("code", r.code());
        m.put("reason", r.reason());
      }
      case OrderDenied d -> {
        m.put("rule", d.rule().name());
        m.put("detail", d.detail());
        // written only when numeric, so a journal of older denials reads and verifies as before
        if (!Double.isNaN(d.limit())) {
          m.put("limit", d.limit());
        }
        if (!Double.isNaN(d.value())) {
          m.put("value", d.value());
        }
      }
      case OrderFilled f -> {
        m.put("x", f.executionId());
        m.put("side", f.side().name());
        m.put("qty", f.quantity());
        m.put("px", f.price());
        m.put("comm", f.commission());
        m.put("slip", f.slippageCost());
        m.put("leaves", f.leavesQuantity());
        m.put("tag", f.tag());
        m.put("bar", f.barIndex());
        m.put("open", f.atBarOpen());
      }
      case OrderCanceled c -> m.put("reason", c.reason().name());
      case OrderCancelRejected c -> m.put("reason", c.reason());
      case OrderReplaced r -> {
        m.put("new", r.replacementId().clientOrderId(prefix));
        m.put("qty", r.quantity());
        m.put("lp", r.limitPrice());
        m.put("sp", r.stopPrice());
      }
    }
    return Json.object(m);
  }

  /**
   * An {@code OrderDenied} read back from its event record; a record written before denials had a
   * limit and a value reads them as NaN.
   */
  static OrderDenied denied(Map<String, Object> m) {
    String id = (String) m.get("id");
    return new OrderDenied(
        new OrderId(Long.parseLong(id.substring(id.lastIndexOf('-') + 1))),
        (String) m.get("sym"),
        DenialRule.valueOf((String) m.get("rule")),
        Sessions.str(m.get("detail")),
        Sessions.dbl(m.get("limit")),
        Sessions.dbl(m.get("value")),
        Sessions.num(m.get("ts"), 0),
        Sessions.num(m.get("ti"), 0));
  }

  static String bar(long n, long time, double equity, double cash, double exposure, int trades) {
    Map<String, Object> m = head(BAR, n);
    m.put("t", time);
    m.put("eq", equity);
    m.put("cash", cash);
    m.put("x", exposure);
    m.put("tr", trades);
    return Json.object(m);
  }

  static String trade(long n, Trade t) {
    Map<String, Object> m = head(TRADE, n);
    m.put("id", t.tradeId());
    m.put("sym", t.symbol());
    m.put("dir", t.direction().name());
    m.put("qty", t.quantity());
    m.put("et", t.entryTimeMillis());
    m.put("xt", t.exitTimeMillis());
    m.put("ep", t.entryPrice());
    m.put("xp", t.exitPrice());
    m.put("gross", t.grossPnl());
    m.put("comm", t.commission());
    m.put("slip", t.slippage());
    m.put("net", t.netPnl());
    m.put("ret", t.returnPct());
    m.put("held", t.barsHeld());
    m.put("mae", t.mae());
    m.put("mfe", t.mfe());
    m.put("er", t.entryReason());
    m.put("xr", t.exitReason());
    return Json.object(m);
  }

  /** An exit bracket as text, e.g. {@code sl=ATR:2.0:14 tp=PRICE:50.0:0}; empty when none. */
  static String exits(Exits ex) {
    if (ex.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    offset(b, "sl", ex.stopLoss());
    offset(b, "tp", ex.takeProfit());
    offset(b, "ts", ex.trailingStop());
    return b.toString();
  }

  private static void offset(StringBuilder b, String name, Offset o) {
    if (o == null) {
      return;
    }
    if (!b.isEmpty()) {
      b.append(' ');
    }
    b.append(name)
        .append('=')
        .append(o.unit().name())
        .append(':')
        .append(o.value())
        .append(':')
        .append(o.atrPeriod());
  }

  /** A status as the journal and {@code --json} spell it. */
  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
