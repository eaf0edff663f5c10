package io.quantzoo.app.trade;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.risk.TradingState;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditKey;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.audit.AuditReader;
import io.quantzoo.live.audit.AuditRecord;
import io.quantzoo.live.safety.FileTradingStateStore;
import io.quantzoo.live.safety.SafetyState;
import io.quantzoo.live.safety.StateCause;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's automatic latches: audited once per latch, machine-wide only on a wall clock. */
class AutomaticControlsTest {
  @TempDir Path tmp;

  static final long DAY1 = Instant.parse("2026-12-02T15:00:00Z").toEpochMilli();
  static final long NEXT = Instant.parse("2026-12-03T14:30:00Z").toEpochMilli();

  private List<AuditRecord> lines(TradingDirectory dir) {
    return AuditReader.tail(AuditLog.directory(dir), 1000);
  }

  @Test
  void aDailyLossOnAWallClockFeedHaltsTheMachineUntilTheNextSessionDayOnce() {
    TradingDirectory dir = TradingDirectory.at(tmp);
    FileTradingStateStore store = FileTradingStateStore.open(dir.create());
    try (AuditLog audit =
        AuditLog.open(dir, AuditKey.of(new byte[32], "test"), Clock.systemUTC())) {
      AutomaticControls c = new AutomaticControls(() -> false, "s1", store, audit, true);
      c.onAutomaticTransition(TradingState.HALTED, DenialRule.DAILY_LOSS, 5000, 5100, DAY1, NEXT);
      c.onAutomaticTransition(
          TradingState.HALTED, DenialRule.DAILY_LOSS, 5000, 5300, DAY1 + 60_000, NEXT);
      SafetyState s = store.read();
      assertThat(s.state()).isEqualTo(TradingState.HALTED);
      assertThat(s.cause()).isEqualTo(StateCause.DAILY_LOSS);
      assertThat(s.lossHaltUntil()).isEqualTo(Instant.ofEpochMilli(NEXT));
      assertThat(s.reason()).contains("max_daily_loss").contains("s1");
      assertThat(lines(dir)).hasSize(1);
      assertThat(lines(dir).get(0).text()).contains("\"scope\":\"machine\"");
    }
  }

  @Test
  void aReplaysLatchStaysInItsSessionAndNothingIsWrittenWhileCatchingUp() {
    TradingDirectory dir = TradingDirectory.at(tmp);
    FileTradingStateStore store = FileTradingStateStore.open(dir.create());
    AtomicBoolean catchingUp = new AtomicBoolean(true);
    try (AuditLog audit =
        AuditLog.open(dir, AuditKey.of(new byte[32], "test"), Clock.systemUTC())) {
      AutomaticControls c = new AutomaticControls(catchingUp::get, "s2", store, audit, false);
      c.onAutomaticTransition(TradingState.REDUCING, DenialRule.MAX_DRAWDOWN, 20, 21, DAY1, NEXT);
      assertThat(lines(dir)).isEmpty();
      catchingUp.set(false);
      for (int i = 0; i < 50; i++) { // renewed every bar while the drawdown lasts
        c.onAutomaticTransition(
            TradingState.REDUCING, DenialRule.MAX_DRAWDOWN, 20, 21 + i, DAY1 + i * 60_000L, NEXT);
      }
      c.onAutomaticTransition(
          TradingState.REDUCING, DenialRule.MAX_DRAWDOWN, 20, 25, NEXT + 1, NEXT + 86_400_000L);
      assertThat(lines(dir)).hasSize(2);
      assertThat(lines(dir).get(0).text()).contains("\"scope\":\"session\"");
      assertThat(store.read().state()).isEqualTo(TradingState.ACTIVE);
    }
  }
}
