package io.quantzoo.core.ledger;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's books: applies fills, marks prices, and gives cash, positions, average prices,
 * equity and the closed trades with their excursions (MAE/MFE). One set of rules for backtests,
 * portfolio sleeves, paper and live trading (docs/ENGINE.md, "Accounting"):
 *
 * <ul>
 *   <li>A fill in the position's direction (or from flat) opens or adds at the volume-weighted
 *       average price; its commission and slippage cost are carried with the position.
 *   <li>A fill against the position closes {@code min(|position|, quantity)} and records one {@link
 *       Trade} with gross P&amp;L {@code closed × (exit − average) × point value × direction}, the
 *       carried entry costs pro rata plus this fill's share, and its excursions. The position is
 *       flat when the closed quantity equals it, or what remains is below {@code 1e-12 × max(1,
 *       |position|)} (float dust); the average price of a flat position is NaN. A remainder above
 *       {@code 1e-12 × quantity} opens the opposite position (a reversal in one fill).
 *   <li>Cash-style instruments (equities, crypto) move the notional through cash; margin-style ones
 *       (futures) only the realised P&amp;L. Commission always leaves cash at the fill.
 *   <li>Equity is cash plus, per open position, its value at the mark (cash style) or its open
 *       P&amp;L at the mark (margin style).
 *   <li>Excursions: the highest high and lowest low seen while the position is open, from the bar
 *       of the entry when it filled at that bar's open, else from the next bar (the path inside a
 *       bar after an intrabar fill is unknown), and the fill prices themselves.
 * </ul>
 *
 * <p>Symbols are addressed by index (the order of the instruments given); the hot path uses
 * primitive arrays and allocates only the {@link Fill} and {@link Trade} records. Not thread-safe.
 */
public final class Ledger {
  private static final double FLAT_EPS = 1e-12;

  private final int k;
  private final Instrument[] inst;
  private final String[] symbol;
  private final double[] pv;
  private final boolean[] margin;
  private final Map<String, Integer> index = new HashMap<>();
  private final double[] pos;
  private final double[] avg;
  private final double[] mark;
  private final long[] openTime;
  private final int[] openBar;
  private final String[] entryReason;
  private final double[] entryComm;
  private final double[] entrySlip;
  private final double[] maxHigh;
  private final double[] minLow;
  private final int[] extremesFromBar;
  private final List<Fill> fills = new ArrayList<>();
  private final List<Trade> trades = new ArrayList<>();
  private double cash;

  /**
   * A ledger over these instruments (unique symbols) with this starting cash (&gt;= 0; a portfolio
   * sleeve's sub-ledger starts at 0 and receives transfers).
   */
  public Ledger(List<Instrument> instruments, double initialCash) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("a ledger needs at least one instrument");
    }
    if (!(initialCash >= 0) || !Double.isFinite(initialCash)) {
      throw new IllegalArgumentException("initial cash must be >= 0, was " + initialCash);
    }
    k = instruments.size();
    inst = instruments.toArray(new Instrument[0]);
    symbol = new String[k];
    pv = new double[k];
    margin = new boolean[k];
    pos = new double[k];
    avg = new double[k];
    mark = new double[k];
    openTime = new long[k];
    openBar = new int[k];
    entryReason = new String[k];
    entryComm = new double[k];
    entrySlip = new double[k];
    maxHigh = new double[k];
    minLow = new double[k];
    extremesFromBar = new int[k];
    for (int s = 0; s < k; s++) {
      symbol[s] = inst[s].symbol();
      if (index.put(symbol[s], s) != null) {
        throw new IllegalArgumentException("symbol " + symbol[s] + " appears twice in the ledger");
      }
      pv[s] = inst[s].pointValue();
      margin[s] = inst[s].assetClass().marginStyle();
      avg[s] = Double.NaN;
      mark[s] = Double.NaN;
    }
    cash = initialCash;
  }

  /** Number of symbols. */
  public int size() {
    return k;
  }

  public Instrument instrument(int s) {
    return inst[s];
  }

  /** Index of a symbol, or -1 if the ledger does not hold it. */
  public int indexOf(String symbol) {
    if (symbol == lastSymbol) {
      return lastIndex; // the same String instance as last time: the hot path of one-symbol runs
    }
    Integer s = index.get(symbol);
    if (s == null) {
      return -1;
    }
    lastSymbol = symbol;
    lastIndex = s;
    return s;
  }

  private String lastSymbol;
  private int lastIndex;

  public double cash() {
    return cash;
  }

  /** Moves cash in (&gt; 0) or out (&lt; 0): transfers between a portfolio's sleeves. */
  public void transfer(double amount) {
    cash += amount;
  }

  /** Signed position (&gt; 0 long, &lt; 0 short, 0 flat). */
  public double position(int s) {
    return pos[s];
  }

  /** Average entry price of the open position; NaN when flat. */
  public double averagePrice(int s) {
    return avg[s];
  }

  /** The latest mark price (NaN before the first mark). */
  public double mark(int s) {
    return mark[s];
  }

  /** Marks a symbol at a price (the bar's open while its orders fill, then its close). */
  public void mark(int s, double price) {
    mark[s] = price;
  }

  /** Open time (epoch ms) of the entry of the open position. */
  public long openTime(int s) {
    return openTime[s];
  }

  /** Bar index of the entry of the open position. */
  public int openBar(int s) {
    return openBar[s];
  }

  /** Cash plus open positions valued at their marks. */
  public double equity() {
    double e = cash;
    for (int s = 0; s < k; s++) {
      double p = pos[s];
      if (p != 0) {
        e += margin[s] ? p * (mark[s] - avg[s]) * pv[s] : p * mark[s] * pv[s];
      }
    }
    return e;
  }

  /** Gross exposure: the sum of |position| × mark × point value. */
  public double grossExposure() {
    double x = 0;
    for (int s = 0; s < k; s++) {
      if (pos[s] != 0) {
        x += Math.abs(pos[s]) * mark[s] * pv[s];
      }
    }
    return x;
  }

  /** Counts a bar's range into the open position's excursions (from the entry's first full bar). */
  public void observeBar(int s, int bar, double high, double low) {
    if (pos[s] != 0 && bar >= extremesFromBar[s]) {
      if (high > maxHigh[s]) {
        maxHigh[s] = high;
      }
      if (low < minLow[s]) {
        minLow[s] = low;
      }
    }
  }

  /**
   * Applies one fill and returns its record.
   *
   * @param s symbol index
   * @param orderId the order it filled (its {@code OrderId} value)
   * @param side buy or sell
   * @param qty quantity (&gt; 0)
   * @param price fill price
   * @param commission commission charged
   * @param slipCost slippage cost against the unslipped reference
   * @param tag the order's reason tag (the entry reason of a new position, the exit reason of a
   *     trade)
   * @param bar the symbol's bar index at the fill
   * @param time the fill's time (epoch ms; the bar's open time in simulations)
   * @param rangeAfterFill whether the rest of bar {@code bar} happened after the fill (it filled at
   *     the open), so its range counts in the excursions
   */
  public Fill apply(
      int s,
      long orderId,
      Side side,
      double qty,
      double price,
      double commission,
      double slipCost,
      String tag,
      int bar,
      long time,
      boolean rangeAfterFill) {
    Fill f =
        new Fill(
            fills.size() + 1L,
            orderId,
            symbol[s],
            time,
            bar,
            side,
            qty,
            price,
            commission,
            slipCost,
            tag);
    fills.add(f);
    book(s, side, qty, price, commission, slipCost, tag, bar, time);
    if (!rangeAfterFill) {
      extremesFromBar[s] = Math.max(extremesFromBar[s], pos[s] == 0 ? 0 : bar + 1);
    }
    return f;
  }

  private void book(
      int s,
      Side side,
      double qty,
      double price,
      double commission,
      double slipCost,
      String tag,
      int bar,
      long time) {
    double p = pos[s];
    double signed = side.sign() * qty;
    cash -= commission;
    if (p == 0 || Math.signum(p) == Math.signum(signed)) {
      openOrAdd(s, p, signed, qty, price, commission, slipCost, tag, bar, time);
      return;
    }
    double closeQty = Math.min(Math.abs(p), qty);
    double dir = Math.signum(p);
    double frac = closeQty / Math.abs(p);
    double gross = closeQty * (price - avg[s]) * pv[s] * dir;
    double fillShare = closeQty / qty;
    double comm = entryComm[s] * frac + commission * fillShare;
    double slip = entrySlip[s] * frac + slipCost * fillShare;
    if (margin[s]) {
      cash += gross;
    } else {
      cash += dir * closeQty * price * pv[s];
    }
    maxHigh[s] = Math.max(maxHigh[s], price);
    minLow[s] = Math.min(minLow[s], price);
    double mfe;
    double mae;
    if (dir > 0) {
      mfe = Math.max(0, (maxHigh[s] - avg[s]) * closeQty * pv[s]);
      mae = Math.min(0, (minLow[s] - avg[s]) * closeQty * pv[s]);
    } else {
      mfe = Math.max(0, (avg[s] - minLow[s]) * closeQty * pv[s]);
      mae = Math.min(0, (avg[s] - maxHigh[s]) * closeQty * pv[s]);
    }
    double notional = avg[s] * closeQty * pv[s];
    double net = gross - comm;
    trades.add(
        new Trade(
            trades.size() + 1L,
            symbol[s],
            dir > 0 ? Trade.Direction.LONG : Trade.Direction.SHORT,
            closeQty,
            openTime[s],
            time,
            avg[s],
            price,
            gross,
            comm,
            slip,
            net,
            notional > 0 ? net / notional * 100.0 : Double.NaN,
            Math.max(0, bar - openBar[s]),
            mae,
            mfe,
            entryReason[s],
            tag));
    entryComm[s] -= entryComm[s] * frac;
    entrySlip[s] -= entrySlip[s] * frac;
    double remaining = p + signed;
    if (closeQty == Math.abs(p) || Math.abs(remaining) < FLAT_EPS * Math.max(1, Math.abs(p))) {
      double rest = qty - closeQty;
      pos[s] = 0;
      avg[s] = Double.NaN;
      entryComm[s] = 0;
      entrySlip[s] = 0;
      if (rest > FLAT_EPS * qty) {
        // Reversal within one fill: the remainder opens the opposite position; the commission
        // was charged once above for the whole fill.
        openOrAdd(
            s,
            0,
            side.sign() * rest,
            rest,
            price,
            commission * (rest / qty),
            slipCost * (rest / qty),
            tag,
            bar,
            time);
      }
    } else {
      pos[s] = remaining;
    }
  }

  private void openOrAdd(
      int s,
      double p,
      double signed,
      double qty,
      double price,
      double commission,
      double slipCost,
      String tag,
      int bar,
      long time) {
    if (!margin[s]) {
      cash -= signed * price * pv[s];
    }
    if (p == 0) {
      pos[s] = signed;
      avg[s] = price;
      openTime[s] = time;
      openBar[s] = bar;
      entryReason[s] = tag;
      entryComm[s] = commission;
      entrySlip[s] = slipCost;
      maxHigh[s] = price;
      minLow[s] = price;
      extremesFromBar[s] = bar;
    } else {
      double newAbs = Math.abs(p) + qty;
      avg[s] = (Math.abs(p) * avg[s] + qty * price) / newAbs;
      pos[s] = p + signed;
      entryComm[s] += commission;
      entrySlip[s] += slipCost;
    }
  }

  /** Every fill so far, in execution order (a live view; do not modify). */
  public List<Fill> fills() {
    return Collections.unmodifiableList(fills);
  }

  /** Every closed trade so far, in the order they closed (a live view). */
  public List<Trade> trades() {
    return Collections.unmodifiableList(trades);
  }

  /** The last fill, or null before any. */
  public Fill lastFill() {
    return fills.isEmpty() ? null : fills.get(fills.size() - 1);
  }
}
