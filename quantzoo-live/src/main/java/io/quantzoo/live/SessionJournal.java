package io.quantzoo.live;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.ledger.Fill;
import io.quantzoo.core.ledger.Trade;
import io.quantzoo.core.order.OrderDenied;
import io.quantzoo.core.order.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A finished session read back from its journal alone: its start and end, fills, trades and equity
 * curve, as a {@link BacktestResult} equal to the one the trader held in memory (what {@code qz
 * trade import} stores).
 */
public final class SessionJournal {
  private final String sessionId;
  private final Map<String, Object> start;
  private final Map<String, Object> end;
  private final Map<String, Object> last;
  private final List<Fill> fills;
  private final List<Trade> trades;
  private final List<OrderDenied> denials;
  private final long[] times;
  private final double[] equity;
  private final double[] cash;
  private final double[] exposure;

  private SessionJournal(
      String sessionId,
      Map<String, Object> start,
      Map<String, Object> end,
      Map<String, Object> last,
      List<Fill> fills,
      List<Trade> trades,
      List<OrderDenied> denials,
      long[] times,
      double[] equity,
      double[] cash,
      double[] exposure) {
    this.sessionId = sessionId;
    this.start = start;
    this.end = end;
    this.last = last;
    this.fills = fills;
    this.trades = trades;
    this.denials = denials;
    this.times = times;
    this.equity = equity;
    this.cash = cash;
    this.exposure = exposure;
  }

  /**
   * Reads session {@code id}, which must have ended {@code completed} or {@code stopped}.
   *
   * @throws JournalException if there is no such session, it has not ended, it failed, or its
   *     journal is corrupt
   */
  public static SessionJournal read(TradingDirectory dir, String id) {
    Sessions.SessionInfo info = Sessions.find(dir, id);
    if (!info.status().equals("completed") && !info.status().equals("stopped")) {
      String why =
          switch (info.status()) {
            case "running" -> "is still being traded";
            case "interrupted" ->
                "did not end (run the same qz trade command again to resume and finish it)";
            case "failed" -> "failed (" + info.message() + ")";
            default -> "has no journal";
          };
      throw new JournalException(
          "session " + id + " " + why + "; only a completed or stopped session can be imported");
    }
    Path file = info.dir().resolve(Journal.FILE);
    Map<String, Object> start = null;
    Map<String, Object> end = null;
    Map<String, Object> last = null;
    List<Fill> fills = new ArrayList<>();
    List<Trade> trades = new ArrayList<>();
    List<OrderDenied> denials = new ArrayList<>();
    int n = 0;
    long[] t = new long[1024];
    double[] eq = new double[1024];
    double[] ca = new double[1024];
    double[] ex = new double[1024];
    try (JournalReader r = new JournalReader(file)) {
      String line;
      while ((line = r.nextLine()) != null) {
        Map<String, Object> m = r.parse(line);
        switch ((String) m.get("k")) {
          case JournalRecords.START -> start = m;
          case JournalRecords.END -> end = m;
          case JournalRecords.FINAL -> last = m;
          case JournalRecords.TRADE -> trades.add(trade(m));
          case JournalRecords.EVENT -> {
            if ("filled".equals(m.get("e"))) {
              fills.add(fill(fills.size() + 1L, m));
            } else if ("denied".equals(m.get("e"))) {
              denials.add(JournalRecords.denied(m));
            }
          }
          case JournalRecords.BAR -> {
            if (n == t.length) {
              t = Arrays.copyOf(t, n * 2);
              eq = Arrays.copyOf(eq, n * 2);
              ca = Arrays.copyOf(ca, n * 2);
              ex = Arrays.copyOf(ex, n * 2);
            }
            t[n] = num(m, "t");
            eq[n] = dbl(m, "eq");
            ca[n] = dbl(m, "cash");
            ex[n] = dbl(m, "x");
            n++;
          }
          default -> {}
        }
      }
    }
    if (start == null || end == null || last == null) {
      throw new JournalException(file + " lacks its start, final or end record");
    }
    if (n > 0) {
      // the end of the session may have closed positions at the last close: its re-marked point
      eq[n - 1] = dbl(last, "eq");
      ca[n - 1] = dbl(last, "cash");
      ex[n - 1] = dbl(last, "x");
    }
    return new SessionJournal(
        id,
        start,
        end,
        last,
        List.copyOf(fills),
        List.copyOf(trades),
        List.copyOf(denials),
        Arrays.copyOf(t, n),
        Arrays.copyOf(eq, n),
        Arrays.copyOf(ca, n),
        Arrays.copyOf(ex, n));
  }

  /** The orders our own rules refused, with rule, limit and value, in journal order. */
  public List<OrderDenied> denials() {
    return denials;
  }

  /** The session id. */
  public String sessionId() {
    return sessionId;
  }

  /** A field of the session's start record (strategy, symbols, config, started, ...), or "". */
  public String startField(String key) {
    return Sessions.str(start.get(key));
  }

  /** The seed the session traded with. */
  public long seed() {
    return Sessions.num(start.get("seed"), 0);
  }

  /** A field of the session's end record (status, at, ...), or "". */
  public String endField(String key) {
    return Sessions.str(end.get(key));
  }

  /** The session's symbols, in config order. */
  public List<String> symbols() {
    String s = startField("symbols");
    return s.isEmpty() ? List.of() : List.of(s.split(","));
  }

  /**
   * The session as a backtest result.
   *
   * @param instruments the session's instruments, in the order of {@link #symbols()}
   * @param cfg the engine settings it traded with (initial cash, seed and fill model are taken)
   */
  public BacktestResult toResult(List<Instrument> instruments, EngineConfig cfg) {
    String open = Sessions.str(last.get("open"));
    return new BacktestResult(
        instruments,
        new EquityCurve(times, equity, cash, exposure),
        trades,
        fills,
        cfg.initialCash(),
        cfg.seed(),
        cfg.fillModel(),
        new BacktestResult.OrderStats(
            (int) num(last, "submitted"),
            (int) num(last, "filled"),
            (int) num(last, "cancelled"),
            (int) num(last, "expired"),
            (int) num(last, "rejected")),
        dbl(last, "bh"),
        open.isEmpty() ? List.of() : List.of(open.split(",")));
  }

  private static Fill fill(long id, Map<String, Object> m) {
    return new Fill(
        id,
        orderNumber((String) m.get("id")),
        (String) m.get("sym"),
        num(m, "ts"),
        (int) num(m, "bar"),
        Side.valueOf((String) m.get("side")),
        dbl(m, "qty"),
        dbl(m, "px"),
        dbl(m, "comm"),
        dbl(m, "slip"),
        (String) m.get("tag"));
  }

  private static long orderNumber(String clientOrderId) {
    return Long.parseLong(clientOrderId.substring(clientOrderId.lastIndexOf('-') + 1));
  }

  private static Trade trade(Map<String, Object> m) {
    return new Trade(
        num(m, "id"),
        (String) m.get("sym"),
        Trade.Direction.valueOf((String) m.get("dir")),
        dbl(m, "qty"),
        num(m, "et"),
        num(m, "xt"),
        dbl(m, "ep"),
        dbl(m, "xp"),
        dbl(m, "gross"),
        dbl(m, "comm"),
        dbl(m, "slip"),
        dbl(m, "net"),
        dbl(m, "ret"),
        (int) num(m, "held"),
        dbl(m, "mae"),
        dbl(m, "mfe"),
        (String) m.get("er"),
        (String) m.get("xr"));
  }

  private static long num(Map<String, Object> m, String k) {
    return Sessions.num(m.get(k), 0);
  }

  private static double dbl(Map<String, Object> m, String k) {
    return Sessions.dbl(m.get(k));
  }
}
