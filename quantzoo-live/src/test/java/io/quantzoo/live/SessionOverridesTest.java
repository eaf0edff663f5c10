package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.risk.PreTradeRiskGate;
import io.quantzoo.core.risk.RiskLimits;
import io.quantzoo.core.risk.RiskListener;
import io.quantzoo.core.risk.RiskOverride;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's override lifts one limit for one order, once, and a replay decides the same. */
class SessionOverridesTest {
  @TempDir Path tmp;

  // every long entry is worth far more than 1,000: each is denied unless an override lifts it
  static final RiskLimits LIMITS = RiskLimits.builder().maxOrderNotional(1_000).build();

  private PaperTrader.Outcome trade(TradingDirectory dir) {
    try (PaperTrader t =
        PaperTrader.open(dir, SessionSafetyTest.SPEC, Durability.OS, Clock.systemUTC())) {
      t.setOverrideStore(new OverrideStore(dir));
      t.setRiskGate(state -> new PreTradeRiskGate(LIMITS, state, t.overrides(), RiskListener.NONE));
      return t.run(
          SessionSafetyTest.CFG,
          Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET),
          new ReplayFeed(SessionSafetyTest.DATA, ReplayFeed.MAX, Pacer.SYSTEM));
    }
  }

  @Test
  void oneOverrideLetsExactlyOneOrderPastItsLimitAndAResumeReplaysIt() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("a"));
    OverrideStore store = new OverrideStore(dir);
    store.grant(
        new RiskOverride(
            DenialRule.MAX_ORDER_NOTIONAL, "BTC-USD", "SmaCrossUp", "alice", "one test entry"),
        Instant.parse("2026-12-02T10:00:00Z"));
    PaperTrader.Outcome out = trade(dir);
    List<String> j = Files.readAllLines(dir.sessionDir(out.sessionId()).resolve(Journal.FILE));
    List<String> used =
        j.stream().filter(l -> l.startsWith("{\"k\":\"ctl\"") && l.contains("override")).toList();
    assertThat(used).hasSize(1);
    assertThat(used.get(0)).contains("MAX_ORDER_NOTIONAL").contains("alice");
    // the override's order is the intent right after it; every other entry was denied
    String next = j.get(j.indexOf(used.get(0)) + 1);
    assertThat(next).startsWith("{\"k\":\"intent\"").contains("SmaCrossUp");
    assertThat(
            j.stream()
                .filter(l -> l.contains("\"e\":\"denied\"") && l.contains("MAX_ORDER_NOTIONAL"))
                .count())
        .isPositive();
    assertThat(store.list().get(0).usedBy()).isEqualTo(out.sessionId());

    // a crash after the override: the resumed session reads the use back, the store being spent
    int cut = j.indexOf(used.get(0)) + 30;
    TradingDirectory dir2 = TradingDirectory.at(tmp.resolve("b"));
    Path sdir = dir2.create().sessionDir(out.sessionId());
    Files.createDirectories(sdir);
    Files.write(sdir.resolve(Journal.FILE), j.subList(0, cut), StandardCharsets.UTF_8);
    PaperTrader.Outcome resumed = trade(dir2);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.status()).isEqualTo(PaperTrader.Status.COMPLETED);
    assertThat(resumed.result().trades()).isEqualTo(out.result().trades());
  }

  @Test
  void withoutAnOverrideEveryEntryIsDenied() {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("c"));
    PaperTrader.Outcome out = trade(dir);
    assertThat(out.result().trades()).isEmpty();
    assertThat(out.denials()).isPositive();
  }
}
