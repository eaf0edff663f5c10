package io.quantzoo.live.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.instrument.Instrument;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.order.OrderRequest;
import io.quantzoo.core.order.Side;
import io.quantzoo.core.risk.RiskDecision;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.RiskView;
import io.quantzoo.live.TradingDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real-money order needs an approval; closing never does; approvals bind and expire. */
class ApprovalGateTest {
  static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");
  static final String HASH = StrategySource.hash(ApprovalGateTest.class);

  @TempDir Path tmp;
  final Map<String, Double> positions = new HashMap<>();
  final AtomicLong generation = new AtomicLong(5);

  private RiskView view() {
    return (RiskView)
        Proxy.newProxyInstance(
            RiskView.class.getClassLoader(),
            new Class<?>[] {RiskView.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "position" -> positions.getOrDefault((String) a[0], 0.0);
                  case "lastPrice" -> 100.0;
                  case "instrument" -> Instrument.equity((String) a[0]);
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  private ApprovalGate gate(Instant now, OrderConfirmation c) {
    return new ApprovalGate(
        RiskGate.ALLOW_ALL,
        new ApprovalStore(TradingDirectory.at(tmp)),
        "sma_cross",
        HASH,
        "DU1",
        generation::get,
        Clock.fixed(now, ZoneOffset.UTC),
        c,
        null);
  }

  private void grant(String hash, double maxNotional) {
    new ApprovalStore(TradingDirectory.at(tmp))
        .grant(
            new SessionApproval(
                ApprovalStore.newId(T0),
                "sma_cross",
                hash,
                "DU1",
                List.of("AAPL"),
                maxNotional,
                T0,
                T0.plus(Duration.ofHours(2)),
                "alice",
                "session",
                generation.get(),
                null,
                null));
  }

  static OrderRequest buy(double qty) {
    return OrderRequest.market("AAPL", Side.BUY, qty, "entry");
  }

  @Test
  void withoutAnyApprovalARealMoneyOrderIsDeniedAndClosingStillPasses() {
    RiskDecision d = gate(T0, null).check(buy(10), 10, false, view());
    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo(DenialRule.APPROVAL_REQUIRED);
    assertThat(d.value()).isEqualTo(1000.0); // 10 x 100 x 1
    assertThat(d.detail()).contains("no session approval");
    // a protective exit and a close of the position need no approval
    positions.put("AAPL", 10.0);
    assertThat(gate(T0, null).check(buy(10), 10, true, view()).allowed()).isTrue();
    assertThat(
            gate(T0, null)
                .check(OrderRequest.closePosition("AAPL", Side.SELL, "exit"), 10, false, view())
                .allowed())
        .isTrue();
  }

  @Test
  void aSessionApprovalCoversOrdersUpToItsNotionalUntilItExpiresOrTheStateChanges() {
    grant(HASH, 5_000);
    assertThat(gate(T0.plusSeconds(60), null).check(buy(50), 50, false, view()).allowed()).isTrue();
    assertThat(gate(T0.plusSeconds(60), null).check(buy(51), 51, false, view()).allowed())
        .as("above the approved notional")
        .isFalse();
    assertThat(gate(T0.plus(Duration.ofHours(2)), null).check(buy(1), 1, false, view()).allowed())
        .as("expired")
        .isFalse();
    generation.incrementAndGet(); // the kill switch was touched
    RiskDecision d = gate(T0.plusSeconds(60), null).check(buy(1), 1, false, view());
    assertThat(d.allowed()).isFalse();
    assertThat(d.detail()).contains("trading state changed");
  }

  @Test
  void anApprovalIsBoundToTheStrategysSourceHash() {
    grant(StrategySource.hash(ApprovalStore.class), 1e9); // another build of the code
    RiskDecision d = gate(T0.plusSeconds(1), null).check(buy(1), 1, false, view());
    assertThat(d.allowed()).isFalse();
    assertThat(d.detail()).contains("the code changed since it was approved");
  }

  @Test
  void perOrderTypedConfirmationLetsOneOrderThroughAndNothingElse() throws IOException {
    ArrayDeque<String> typed = new ArrayDeque<>(List.of("BUY 10 AAPL", "BUY 10 AAPL"));
    OrderConfirmation.LineSource in =
        new OrderConfirmation.LineSource() {
          @Override
          public void discardPending() {}

          @Override
          public String next(Duration timeout) {
            return typed.poll();
          }
        };
    StringWriter out = new StringWriter();
    OrderConfirmation c = new OrderConfirmation(in, new PrintWriter(out), Duration.ofSeconds(30));
    ApprovalGate g = gate(T0, c);
    assertThat(g.check(buy(10), 10, false, view()).allowed()).isTrue();
    assertThat(out.toString()).contains("Type 'BUY 10 AAPL'");
    // the next order is asked again: the same text for a different order does not pass
    RiskDecision d = g.check(buy(11), 11, false, view());
    assertThat(d.allowed()).isFalse();
    assertThat(d.detail()).contains("typed confirmation: mismatch");
    // silence refuses
    assertThat(g.check(buy(10), 10, false, view()).allowed()).isFalse();
  }
}
