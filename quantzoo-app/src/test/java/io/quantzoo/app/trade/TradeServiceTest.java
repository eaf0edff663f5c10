package io.quantzoo.app.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.app.Plans;
import io.quantzoo.app.UserInputException;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.run.RunInfo;
import io.quantzoo.core.run.RunKind;
import io.quantzoo.live.Durability;
import io.quantzoo.live.JournalException;
import io.quantzoo.live.PaperTrader;
import io.quantzoo.live.ReplayFeed;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.TradingRefusedException;
import io.quantzoo.live.safety.Environment;
import io.quantzoo.live.safety.SafetyRule;
import io.quantzoo.live.safety.TradingMode;
import io.quantzoo.store.RunStore;
import io.quantzoo.store.StoredRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeServiceTest {
  @TempDir Path tmp;

  static final String YAML =
      """
      strategy: sma_cross
      params: {fast: 5, slow: 20, direction: long_only, stop_atr: 2, take_profit_atr: 3}
      data: {path: %s, timezone: America/New_York}
      instrument: AAPL
      initial_cash: 100000
      execution:
        fill: next_open
        commission: {type: per_unit, per_unit: 0.005, minimum: 1}
        slippage: {type: ticks, ticks: 1}
      sizing: {type: risk, percent: 1}
      """;

  private Path data() throws IOException {
    Path p = tmp.resolve("aapl.csv");
    if (!Files.exists(p)) {
      Files.copy(Path.of("..", "data", "aapl-daily-2013.csv"), p);
    }
    return p;
  }

  private RunPlan plan() throws IOException {
    return Plans.parse(YAML.formatted(data()), "t.yaml", null, null);
  }

  private PaperTrader.Outcome trade(TradingDirectory dir) throws IOException {
    try (TradeService.Session s =
        new TradeService(Clock.systemUTC())
            .open(
                plan(),
                "replay",
                "paper",
                ReplayFeed.MAX,
                Durability.OS,
                dir,
                TradeSafety.unguarded())) {
      return s.run();
    }
  }

  @Test
  void theFingerprintNamesTheStrategyParamsEngineDataFeedAndBrokerButNotTheSpeed()
      throws IOException {
    String a = TradeService.fingerprint(plan(), "replay", "paper");
    assertThat(TradeService.fingerprint(plan(), "replay", "paper")).isEqualTo(a).hasSize(24);
    assertThat(TradeService.fingerprint(plan(), "replay", "alpaca")).isNotEqualTo(a);
    RunPlan other =
        Plans.parse(YAML.replace("fast: 5", "fast: 6").formatted(data()), "t.yaml", null, null);
    assertThat(TradeService.fingerprint(other, "replay", "paper")).isNotEqualTo(a);
    Files.setLastModifiedTime(data(), FileTime.fromMillis(1_000_000_000_000L));
    assertThat(TradeService.fingerprint(plan(), "replay", "paper")).isNotEqualTo(a);
  }

  @Test
  void anImportedSessionIsACompletedRunOfKindTradeUnderItsSessionId() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    PaperTrader.Outcome out = trade(dir);
    try (RunStore store = RunStore.open(tmp.resolve("q.duckdb"))) {
      TradeService.Imported imp =
          new TradeService(Clock.systemUTC()).importSession(dir, out.sessionId(), store);
      RunInfo info = imp.info();
      assertThat(info.runId()).isEqualTo(out.sessionId());
      assertThat(info.kind()).isEqualTo(RunKind.TRADE);
      assertThat(info.status()).isEqualTo(RunInfo.RunStatus.COMPLETED);
      assertThat(info.strategy()).isEqualTo("sma_cross");
      assertThat(info.symbols()).isEqualTo("AAPL");
      assertThat(imp.metrics().finalEquity()).isEqualTo(out.finalEquity());
      assertThat(imp.metrics().trades()).isEqualTo(out.result().trades().size());
      StoredRun stored = store.loadRun(out.sessionId());
      assertThat(stored.trades()).hasSize(out.result().trades().size());
      assertThat(stored.metrics().get("final_equity")).isEqualTo(out.finalEquity());

      assertThatThrownBy(
              () -> new TradeService(Clock.systemUTC()).importSession(dir, out.sessionId(), store))
          .isInstanceOf(UserInputException.class)
          .hasMessageContaining("already in")
          .hasMessageContaining("qz runs show " + out.sessionId());
    }
  }

  @Test
  void anUnknownSessionCannotBeImported() {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading")).create();
    try (RunStore store = RunStore.open(tmp.resolve("q.duckdb"))) {
      assertThatThrownBy(() ->
              new TradeService(Clock.systemUTC()).importSession(dir, "20200101-000000-0000", store))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("no trading session");
    }
  }

  @Test
  void onlyTheReplayFeedAndThePaperBrokerExistSoFar() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    TradeService s = new TradeService(Clock.systemUTC());
    assertThatThrownBy(
            () -> s.open(plan(), "live", "paper", 1, Durability.OS, dir, TradeSafety.unguarded()))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("feed 'live'");
    assertThatThrownBy(() ->
            s.open(plan(), "replay", "alpaca", 1, Durability.OS, dir, TradeSafety.unguarded()))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("broker 'alpaca'")
        .hasMessageContaining("later");
  }

  @Test
  void theSameCommandResumesAnUnfinishedSessionAndStartsANewOneAfterAFinishedOne()
      throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    PaperTrader.Outcome first = trade(dir);
    PaperTrader.Outcome second = trade(dir);
    assertThat(second.resumed()).isFalse();
    assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
    assertThat(second.result().trades()).isEqualTo(first.result().trades());
  }

  @Test
  void aProductionMachineRefusesToTradeWhileAPreTradeLimitIsUnset() throws IOException {
    TradeService prod = new TradeService(Clock.systemUTC());
    TradeSafety production =
        new TradeSafety(null, null, Environment.PRODUCTION, TradingMode.PAPER, false);
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));

    assertThatThrownBy(() ->
            prod.open(plan(), "replay", "paper", ReplayFeed.MAX, Durability.OS, dir, production))
        .isInstanceOfSatisfying(
            TradingRefusedException.class,
            e -> assertThat(e.rule()).isEqualTo(SafetyRule.LIMITS_UNSET))
        .hasMessage(
            "QUANTZOO_ENV=production refuses to start while pre-trade limits are unset:"
                + " risk.max_order_quantity, risk.max_position_quantity (set each in the config's"
                + " risk: section, docs/SAFETY.md)");

    RunPlan complete =
        Plans.parse(
            YAML.formatted(data())
                + "risk: {max_order_quantity: 500, max_position_quantity: 500}\n",
            "t.yaml",
            null,
            null);
    try (TradeService.Session s =
        prod.open(complete, "replay", "paper", ReplayFeed.MAX, Durability.OS, dir, production)) {
      assertThat(s.riskLimits().unsetLimits()).isEmpty();
    }
  }

  @Test
  void aSessionDeniesByItsLimitsAndTheJournalKeepsRuleLimitAndValue() throws IOException {
    RunPlan tight =
        Plans.parse(
            YAML.formatted(data()) + "risk: {max_order_quantity: 10}\n", "t.yaml", null, null);
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    PaperTrader.Outcome out;
    try (TradeService.Session s =
        new TradeService(Clock.systemUTC())
            .open(
                tight,
                "replay",
                "paper",
                ReplayFeed.MAX,
                Durability.OS,
                dir,
                TradeSafety.unguarded())) {
      out = s.run();
    }

    assertThat(out.denials()).isPositive();
    java.util.List<io.quantzoo.core.order.OrderDenied> denied =
        io.quantzoo.live.SessionJournal.read(dir, out.sessionId()).denials();
    assertThat(denied).hasSize((int) out.denials());
    assertThat(denied)
        .allSatisfy(d -> {
          assertThat(d.rule()).isEqualTo(io.quantzoo.core.order.DenialRule.MAX_ORDER_QUANTITY);
          assertThat(d.limit()).isEqualTo(10);
          assertThat(d.value()).isGreaterThan(10);
        });
  }
}
