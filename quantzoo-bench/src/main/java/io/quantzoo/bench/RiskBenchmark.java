package io.quantzoo.bench;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskDecision;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.risk.RiskView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one pre-trade check ({@link PreTradeRiskGate#check}) with every control on, for an
 * order that passes them all (the hot path; a denial formats its detail and costs more): a limit
 * order adding exposure on a session-hours equity, the engine clock 10 ms further at each order (so
 * the 100/s throttle's window is always full-but-one) and the quantity varied so the duplicate
 * guard scans its whole memory. The view answers from fields, so the figure is the gate's own cost
 * without the core's reads or any I/O (goal: at most 1 µs). {@code protectiveExit} is the floor: a
 * protective exit passes without any rule.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class RiskBenchmark {
  private static final int ORDERS = 1024;

  private PreTradeRiskGate gate;
  private Clocked view;
  private OrderRequest[] orders;
  private OrderRequest exit;
  private int next;

  /** An account that answers from fields; its clock stays within New York session hours. */
  static final class Clocked implements RiskView {
    private static final long HOUR = 3_600_000L;
    private final Instrument eq = Instrument.equity("SYNTH");
    private final List<String> symbols = List.of("SYNTH");
    long clock = Instant.parse("2024-01-02T15:00:00Z").toEpochMilli(); // 10:00 New York
    long dayEnd = clock + 5 * HOUR;

    void tick() {
      clock += 10;
      if (clock >= dayEnd) {
        clock += 19 * HOUR; // the next day's 10:00, the clock only moves forward
        dayEnd += 24 * HOUR;
      }
    }

    @Override
    public double position(String symbol) {
      return 100;
    }

    @Override
    public double workingQuantity(String symbol) {
      return 50;
    }

    @Override
    public double openingQuantity(String symbol) {
      return 50;
    }

    @Override
    public double openingNotional() {
      return 5_000;
    }

    @Override
    public int openOrderCount() {
      return 5;
    }

    @Override
    public double lastPrice(String symbol) {
      return 100;
    }

    @Override
    public double equity() {
      return 1_000_000;
    }

    @Override
    public double cash() {
      return 990_000;
    }

    @Override
    public double grossExposure() {
      return 10_000;
    }

    @Override
    public List<String> symbols() {
      return symbols;
    }

    @Override
    public Instrument instrument(String symbol) {
      return eq;
    }

    @Override
    public long barTimeMillis(String symbol) {
      return clock - 60_000;
    }

    @Override
    public long barIntervalMillis(String symbol) {
      return 60_000;
    }

    @Override
    public long clockMillis() {
      return clock;
    }
  }

  @Setup
  public void setup() {
    RiskLimits limits =
        new RiskLimits(
            10_000, // max_order_quantity
            2_000_000, // max_order_notional
            20_000, // max_position_quantity
            3_000_000, // max_position_notional
            4_000_000, // max_gross_exposure
            100, // max_open_orders
            100, // max_orders_per_second
            10, // price_collar_pct
            1_000, // duplicate_window
            4, // leverage
            50_000, // max_daily_loss
            20, // max_drawdown_pct
            3, // stale_bars
            true); // session_hours
    if (!limits.unsetLimits().isEmpty()) {
      throw new IllegalStateException("every control must be on: " + limits.unsetLimits());
    }
    gate = new PreTradeRiskGate(limits);
    view = new Clocked();
    orders = new OrderRequest[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      orders[i] = OrderRequest.limit("SYNTH", Side.BUY, 1 + i, 100.5, "E");
    }
    exit =
        OrderRequest.closePosition("SYNTH", Side.SELL, "StopLoss")
            .withType(io.quantzoo.core.order.OrderType.STOP, Double.NaN, 95);
    // every check must pass, or the figure would be the denial path's
    for (int i = 0; i < 10 * ORDERS; i++) {
      if (!allControls().allowed()) {
        throw new IllegalStateException("the benchmark order was denied at " + i);
      }
    }
  }

  /** One check of a passing order through every control. */
  @Benchmark
  public RiskDecision allControls() {
    view.tick();
    OrderRequest r = orders[next];
    next = (next + 1) & (ORDERS - 1);
    return gate.check(r, r.quantity(), false, view);
  }

  /** One check of a protective exit: no rule applies (the floor). */
  @Benchmark
  public RiskDecision protectiveExit() {
    view.tick();
    return gate.check(exit, 100, true, view);
  }
}
