package io.quantzoo.core.risk;

import io.quantzoo.core.instrument.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A hand-set account for gate tests: every read is a field the test sets. */
final class FakeView implements RiskView {
  /** 2024-01-02 10:00 New York, in the equity session. */
  static final long T0 = Instant.parse("2024-01-02T15:00:00Z").toEpochMilli();

  final Map<String, Instrument> instruments = new HashMap<>();
  final List<String> symbols = new ArrayList<>();
  final Map<String, Double> positions = new HashMap<>();
  final Map<String, Double> opening = new HashMap<>();
  final Map<String, Double> last = new HashMap<>();
  double openingNotional;
  int openOrders;
  double equity = 100_000;
  double gross;
  long clock = T0;
  long barTime = T0;
  long interval = 60_000;

  FakeView(Instrument... ins) {
    for (Instrument i : ins) {
      instruments.put(i.symbol(), i);
      symbols.add(i.symbol());
      last.put(i.symbol(), 100.0);
    }
  }

  FakeView at(long clockMillis) {
    clock = clockMillis;
    barTime = clockMillis;
    return this;
  }

  @Override
  public double position(String symbol) {
    return positions.getOrDefault(symbol, 0.0);
  }

  @Override
  public double workingQuantity(String symbol) {
    return opening.getOrDefault(symbol, 0.0);
  }

  @Override
  public double openingQuantity(String symbol) {
    return opening.getOrDefault(symbol, 0.0);
  }

  @Override
  public double openingNotional() {
    return openingNotional;
  }

  @Override
  public int openOrderCount() {
    return openOrders;
  }

  @Override
  public double lastPrice(String symbol) {
    return last.get(symbol);
  }

  @Override
  public double equity() {
    return equity;
  }

  @Override
  public double cash() {
    return equity;
  }

  @Override
  public double grossExposure() {
    return gross;
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  @Override
  public Instrument instrument(String symbol) {
    return instruments.get(symbol);
  }

  @Override
  public long barTimeMillis(String symbol) {
    return barTime;
  }

  @Override
  public long barIntervalMillis(String symbol) {
    return interval;
  }

  @Override
  public long clockMillis() {
    return clock;
  }
}
