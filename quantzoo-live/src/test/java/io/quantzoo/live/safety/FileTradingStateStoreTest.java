package io.quantzoo.live.safety;

import static io.quantzoo.core.risk.TradingState.ACTIVE;
import static io.quantzoo.core.risk.TradingState.HALTED;
import static io.quantzoo.core.risk.TradingState.REDUCING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quantzoo.core.sweep.Json;
import io.quantzoo.live.TradingDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileTradingStateStoreTest {
  static final Instant T0 = Instant.parse("2025-03-03T14:30:00Z");

  @TempDir Path tmp;
  final MutableClock clock = new MutableClock(T0);

  TradingDirectory dir() {
    return TradingDirectory.at(tmp.resolve("trading"));
  }

  FileTradingStateStore open() {
    return FileTradingStateStore.open(dir(), clock);
  }

  Path stateFile() {
    return tmp.resolve("trading/safety/state.json");
  }

  @Test
  void aBrandNewStoreIsActiveAndRecordsItsCreation() throws Exception {
    FileTradingStateStore s = open();
    SafetyState st = s.read();
    assertThat(st.state()).isEqualTo(ACTIVE);
    assertThat(st.cause()).isEqualTo(StateCause.INITIAL);
    assertThat(st.failed()).isFalse();
    assertThat(st.createdAt()).isEqualTo(T0);
    assertThat(st.generation()).isEqualTo(1);
    assertThat(s.generation()).isEqualTo(1);
    assertThat(s.tradingState()).isEqualTo(ACTIVE);
    assertThat(s.location()).isEqualTo(stateFile().toString());
    assertThat(s.stateFile()).isAbsolute();
    Path safety = tmp.resolve("trading/safety");
    assertThat(safety.resolve("created")).isRegularFile();
    assertThat(Json.parseObject(Files.readString(safety.resolve("created"))))
        .containsEntry("createdAt", T0.toString());
    assertThat(Files.size(safety.resolve("generation"))).isEqualTo(8);
    assertThat(Json.parseObject(Files.readString(stateFile())))
        .containsEntry("state", "ACTIVE")
        .containsEntry("generation", 1);

    clock.advance(Duration.ofHours(1)); // opening again creates nothing anew
    assertThat(open().read()).isEqualTo(st);
  }

  @Test
  void everyTransitionIsDurableAndSurvivesARestart() {
    FileTradingStateStore s = open();
    clock.advance(Duration.ofMinutes(1));
    SafetyState halted = s.activate(" alice ", "runaway strategy");
    assertThat(halted.state()).isEqualTo(HALTED);
    assertThat(halted.cause()).isEqualTo(StateCause.OPERATOR);
    assertThat(halted.operator()).isEqualTo("alice");
    assertThat(halted.changedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(halted.generation()).isEqualTo(2);
    assertThat(halted.createdAt()).isEqualTo(T0);
    assertThat(s.tradingState()).isEqualTo(HALTED);

    // a restart (a new store, as a new process would open it) keeps HALTED
    FileTradingStateStore restarted = open();
    assertThat(restarted.read()).isEqualTo(halted);
    assertThat(restarted.current()).isEqualTo(halted);
    assertThat(restarted.tradingState()).isEqualTo(HALTED);

    SafetyState reducing = restarted.reduce("bob", "winding down", false);
    assertThat(reducing.state()).isEqualTo(REDUCING);
    assertThat(reducing.generation()).isEqualTo(3);
    assertThat(open().read()).isEqualTo(reducing);
    assertThat(s.tradingState()).isEqualTo(REDUCING); // the first store sees the second's change

    SafetyState active = s.deactivate("alice", "fixed", false);
    assertThat(active.state()).isEqualTo(ACTIVE);
    assertThat(active.generation()).isEqualTo(4);
    assertThat(open().read()).isEqualTo(active);
    assertThat(restarted.tradingState()).isEqualTo(ACTIVE);
  }

  @Test
  void anOperatorAndAReasonAreRequired() {
    FileTradingStateStore s = open();
    assertThatThrownBy(() -> s.activate(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.deactivate("alice", null, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(s.read().generation()).isEqualTo(1);
  }

  // --- fail closed ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "truncated",
        "unknownState",
        "empty",
        "notUtf8",
        "missingField",
        "lossHaltWhileActive"
      })
  void aCorruptStateIsHaltedWithTheFileAndTheRecovery(String kind) throws Exception {
    FileTradingStateStore s = open();
    s.activate("alice", "before the damage");
    String good = Files.readString(stateFile());
    byte[] bad =
        switch (kind) {
          case "garbage" -> "\u0000\u0001zz{{".getBytes(StandardCharsets.UTF_8);
          case "truncated" -> good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8);
          case "unknownState" ->
              good.replace("\"HALTED\"", "\"PAUSED\"").getBytes(StandardCharsets.UTF_8);
          case "empty" -> new byte[0];
          case "notUtf8" -> new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'};
          case "missingField" ->
              good.replace("\"operator\":\"alice\",", "").getBytes(StandardCharsets.UTF_8);
          case "lossHaltWhileActive" ->
              good.replace("\"HALTED\"", "\"ACTIVE\"")
                  .replace("\"lossHaltUntil\":null", "\"lossHaltUntil\":\"2030-01-01T00:00:00Z\"")
                  .getBytes(StandardCharsets.UTF_8);
          default -> throw new AssertionError(kind);
        };
    Files.write(stateFile(), bad);

    SafetyState st = open().read();
    assertThat(st.state()).isEqualTo(HALTED);
    assertThat(st.cause()).isEqualTo(StateCause.FAIL_CLOSED);
    assertThat(st.failed()).isTrue();
    assertThat(st.failure().kind()).isEqualTo(StateFailure.Kind.CORRUPT);
    assertThat(st.failure().message())
        .contains(stateFile().toString())
        .contains("corrupt")
        .contains("HALTED")
        .contains("qz kill-switch deactivate --reason R --operator O");
    if (kind.equals("unknownState")) {
      assertThat(st.failure().message()).contains("unknown state 'PAUSED'");
    }
    assertThat(st.createdAt()).isEqualTo(T0);
    assertThat(st.summary()).startsWith("HALTED (fail closed)");
    assertThat(open().tradingState()).isEqualTo(HALTED);
  }

  @Test
  void aMissingStateAfterCreationIsHaltedAndIsNotCreatedAfresh() throws Exception {
    open();
    Files.delete(stateFile());
    FileTradingStateStore s = open(); // a restart must not start afresh
    SafetyState st = s.read();
    assertThat(st.state()).isEqualTo(HALTED);
    assertThat(st.failure().kind()).isEqualTo(StateFailure.Kind.MISSING);
    assertThat(st.failure().message())
        .contains(stateFile().toString())
        .contains("missing")
        .contains("created at " + T0)
        .contains("qz kill-switch status")
        .contains("qz kill-switch deactivate --reason R --operator O");
    assertThat(s.tradingState()).isEqualTo(HALTED);
    assertThat(stateFile()).doesNotExist();
  }

  @Test
  void aStateThatCannotBeReadIsHalted() throws Exception {
    FileTradingStateStore s = open();
    Files.delete(stateFile());
    Files.createDirectory(stateFile()); // reading a directory fails, even for root
    SafetyState st = s.read();
    assertThat(st.state()).isEqualTo(HALTED);
    assertThat(st.failure().kind()).isEqualTo(StateFailure.Kind.UNREADABLE);
    assertThat(st.failure().message())
        .contains(stateFile().toString())
        .contains("cannot be read")
        .contains("qz kill-switch deactivate");
  }

  @Test
  void aStateWithoutReadPermissionIsHaltedUntilItCanBeReadAgain() throws Exception {
    FileTradingStateStore s = FileTradingStateStore.open(dir(), clock, Duration.ZERO);
    s.activate("alice", "x");
    Files.setPosixFilePermissions(stateFile(), PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(stateFile()), "root reads any file: nothing to test");
      SafetyState st = s.read();
      assertThat(st.state()).isEqualTo(HALTED);
      assertThat(st.failure().kind()).isEqualTo(StateFailure.Kind.UNREADABLE);
      assertThat(st.failure().message()).contains("permission denied").contains("access");
      assertThat(s.current().failed()).isTrue();
    } finally {
      Files.setPosixFilePermissions(stateFile(), PosixFilePermissions.fromString("rw-------"));
    }
    assertThat(s.current().failed()).isFalse(); // revalidated: readable again
    assertThat(s.tradingState()).isEqualTo(HALTED);
  }

  @Test
  void anOperatorRecoversAFailedStateByWritingAFreshOne() throws Exception {
    FileTradingStateStore s = open();
    List<SafetyState[]> changes = new ArrayList<>();
    s.addListener((before, after) -> changes.add(new SafetyState[] {before, after}));
    s.activate("alice", "x");
    Files.writeString(stateFile(), "{\"state\":");

    // automatic controls never write over a failed state: only an operator recovers it
    SafetyState still =
        s.escalate(HALTED, StateCause.DAILY_LOSS, "max-daily-loss", "loss", T0.plusSeconds(60));
    assertThat(still.failed()).isTrue();
    assertThat(Files.readString(stateFile())).isEqualTo("{\"state\":");

    SafetyState recovered = s.deactivate("alice", "state file was damaged", false);
    assertThat(recovered.state()).isEqualTo(ACTIVE);
    assertThat(recovered.cause()).isEqualTo(StateCause.RECOVERY);
    assertThat(recovered.createdAt()).isEqualTo(T0);
    assertThat(recovered.generation()).isEqualTo(3);
    assertThat(open().read()).isEqualTo(recovered);
    assertThat(changes).hasSize(2);
    assertThat(changes.get(1)[0].failure().kind()).isEqualTo(StateFailure.Kind.CORRUPT);
    assertThat(changes.get(1)[1]).isEqualTo(recovered);

    Files.delete(stateFile());
    assertThat(s.activate("bob", "after a lost file").cause()).isEqualTo(StateCause.RECOVERY);
    assertThat(open().read().state()).isEqualTo(HALTED);
  }

  @Test
  void aHandEditThatBypassesTheCounterIsNoticedAtTheNextRevalidation() throws Exception {
    FileTradingStateStore s = FileTradingStateStore.open(dir(), clock, Duration.ofMillis(20));
    assertThat(s.tradingState()).isEqualTo(ACTIVE);
    Files.writeString(stateFile(), "not json");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (s.tradingState() != HALTED) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
    assertThat(s.current().failure().kind()).isEqualTo(StateFailure.Kind.CORRUPT);
  }

  @Test
  void aLostGenerationCounterIsHaltedAndTheNextWriteCreatesItAgain() throws Exception {
    FileTradingStateStore s = FileTradingStateStore.open(dir(), clock, Duration.ZERO);
    FileTradingStateStore other = open();
    Files.delete(tmp.resolve("trading/safety/generation"));
    SafetyState st = s.current();
    assertThat(st.state()).isEqualTo(HALTED);
    assertThat(st.failure().kind()).isEqualTo(StateFailure.Kind.MISSING);
    assertThat(st.failure().message()).contains("generation");

    other.activate("alice", "x"); // recreates the counter
    assertThat(Files.size(tmp.resolve("trading/safety/generation"))).isEqualTo(8);
    assertThat(s.current().failed()).isFalse();
    assertThat(s.tradingState()).isEqualTo(HALTED);
    other.deactivate("alice", "y", false);
    assertThat(s.tradingState()).isEqualTo(ACTIVE); // the new counter is mapped and watched
  }

  // --- automatic controls and the daily-loss halt ---

  @Test
  void automaticControlsOnlyEverMakeTheStateStricter() {
    FileTradingStateStore s = open();
    SafetyState r = s.escalate(REDUCING, StateCause.MAX_DRAWDOWN, "max-drawdown", "dd 12%", null);
    assertThat(r.state()).isEqualTo(REDUCING);
    assertThat(r.cause()).isEqualTo(StateCause.MAX_DRAWDOWN);
    assertThat(r.operator()).isEqualTo("max-drawdown");
    assertThat(r.generation()).isEqualTo(2);
    // the same again writes nothing
    assertThat(s.escalate(REDUCING, StateCause.MAX_DRAWDOWN, "max-drawdown", "dd 13%", null))
        .isEqualTo(r);

    s.activate("alice", "stop");
    SafetyState halted = s.read();
    assertThat(s.escalate(REDUCING, StateCause.MAX_DRAWDOWN, "max-drawdown", "dd", null))
        .isEqualTo(halted);
    assertThat(open().read()).isEqualTo(halted);
    assertThat(s.generation()).isEqualTo(halted.generation());

    assertThatThrownBy(() -> s.escalate(ACTIVE, StateCause.MAX_DRAWDOWN, "c", "r", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.escalate(HALTED, StateCause.OPERATOR, "c", "r", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.escalate(HALTED, StateCause.DAILY_LOSS, "c", "r", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.escalate(REDUCING, StateCause.DAILY_LOSS, "c", "r", T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDailyLossHaltRefusesDeactivateUntilItEndsOrIsOverridden() {
    FileTradingStateStore s = open();
    Instant until = T0.plus(Duration.ofHours(8));
    SafetyState loss =
        s.escalate(HALTED, StateCause.DAILY_LOSS, "max-daily-loss", "loss 2,100 > 2,000", until);
    assertThat(loss.state()).isEqualTo(HALTED);
    assertThat(loss.lossHaltUntil()).isEqualTo(until);
    assertThat(loss.lossHaltInForce(T0)).isTrue();

    for (boolean reduce : new boolean[] {false, true}) {
      assertThatThrownBy(
              () -> {
                if (reduce) {
                  s.reduce("alice", "resume", false);
                } else {
                  s.deactivate("alice", "resume", false);
                }
              })
          .isInstanceOfSatisfying(
              SafetyRefusal.class,
              e -> {
                assertThat(e.rule()).isEqualTo(SafetyRefusal.Rule.LOSS_HALT_IN_FORCE);
                assertThat(e.current()).isEqualTo(loss);
                assertThat(e.getMessage())
                    .contains("daily-loss halt is in force until " + until)
                    .contains("--override-loss-halt");
              });
    }
    assertThat(open().read()).isEqualTo(loss); // nothing written

    // the kill switch on top keeps the loss halt in force
    SafetyState killed = s.activate("alice", "also manual");
    assertThat(killed.cause()).isEqualTo(StateCause.OPERATOR);
    assertThat(killed.lossHaltUntil()).isEqualTo(until);
    assertThatThrownBy(() -> s.deactivate("alice", "resume", false))
        .isInstanceOf(SafetyRefusal.class);

    // a later loss halt extends it, an earlier one writes nothing
    Instant later = until.plus(Duration.ofHours(24));
    assertThat(s.escalate(HALTED, StateCause.DAILY_LOSS, "max-daily-loss", "again", later))
        .extracting(SafetyState::lossHaltUntil, SafetyState::cause)
        .containsExactly(later, StateCause.DAILY_LOSS);
    long g = s.generation();
    assertThat(s.escalate(HALTED, StateCause.DAILY_LOSS, "max-daily-loss", "x", until).generation())
        .isEqualTo(g);

    // with the override
    SafetyState overridden = s.deactivate("alice", "checked the loss", true);
    assertThat(overridden.state()).isEqualTo(ACTIVE);
    assertThat(overridden.lossHaltUntil()).isNull();
    assertThat(open().read()).isEqualTo(overridden);
  }

  @Test
  void afterTheLossHaltEndsDeactivateNeedsNoOverrideAndTheStateNeverLowersByItself() {
    FileTradingStateStore s = open();
    Instant until = T0.plus(Duration.ofHours(8));
    s.escalate(HALTED, StateCause.DAILY_LOSS, "max-daily-loss", "loss", until);
    clock.advance(Duration.ofHours(8));
    assertThat(s.tradingState()).isEqualTo(HALTED);
    assertThat(s.read().lossHaltInForce(clock.instant())).isFalse();
    SafetyState reducing = s.reduce("alice", "next day, carefully", false);
    assertThat(reducing.state()).isEqualTo(REDUCING);
    assertThat(reducing.lossHaltUntil()).isNull();
    assertThat(s.deactivate("alice", "next day", false).state()).isEqualTo(ACTIVE);
  }

  // --- cheap reads and listeners ---

  @Test
  void cheapReadsDoNotReadTheFileUntilTheGenerationChanges() {
    FileTradingStateStore s = FileTradingStateStore.open(dir(), clock, Duration.ofHours(1));
    FileTradingStateStore other = open();
    long reads = s.stateFileReads();
    for (int i = 0; i < 100_000; i++) {
      assertThat(s.tradingState()).isEqualTo(ACTIVE);
    }
    assertThat(s.stateFileReads()).isEqualTo(reads);

    other.activate("alice", "x");
    assertThat(s.tradingState()).isEqualTo(HALTED);
    assertThat(s.stateFileReads()).isEqualTo(reads + 1);
    for (int i = 0; i < 100_000; i++) {
      assertThat(s.tradingState()).isEqualTo(HALTED);
    }
    assertThat(s.stateFileReads()).isEqualTo(reads + 1);
    assertThat(s.current().operator()).isEqualTo("alice");
  }

  @Test
  void listenersHearEveryChangeAfterItIsDurable() {
    FileTradingStateStore s = open();
    List<String> heard = new ArrayList<>();
    s.addListener((before, after) -> {
      assertThat(open().read()).isEqualTo(after); // already on disk
      heard.add(before.state() + "->" + after.state() + " " + after.cause());
    });
    s.activate("alice", "a");
    s.escalate(REDUCING, StateCause.MAX_DRAWDOWN, "max-drawdown", "dd", null); // no change
    s.deactivate("alice", "b", false);
    s.escalate(REDUCING, StateCause.MAX_DRAWDOWN, "max-drawdown", "dd", null);
    assertThat(heard)
        .containsExactly(
            "ACTIVE->HALTED OPERATOR", "HALTED->ACTIVE OPERATOR", "ACTIVE->REDUCING MAX_DRAWDOWN");
  }

  @Test
  void concurrentWritersInOneProcessNeverLoseAWrite() throws Exception {
    open();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        FileTradingStateStore s = open(); // each thread its own store, like separate traders
        fs.add(
            pool.submit(() -> {
              for (int i = 0; i < 10; i++) {
                s.activate("t", "on");
                s.deactivate("t", "off", false);
              }
            }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    SafetyState st = open().read();
    assertThat(st.failed()).isFalse();
    assertThat(st.generation()).isEqualTo(1 + 4 * 20);
  }

  @Test
  void theFileFormatRoundTrips() {
    SafetyState s =
        new SafetyState(
            HALTED,
            StateCause.DAILY_LOSS,
            "max-daily-loss",
            "loss \"2,100\"\nover",
            T0,
            42,
            T0.plusSeconds(3600),
            T0.minusSeconds(86400),
            null,
            true);
    String json = new String(FileTradingStateStore.toJson(s), StandardCharsets.UTF_8);
    assertThat(json).endsWith("}\n");
    Map<String, Object> m = Json.parseObject(json);
    assertThat(m).containsEntry("state", "HALTED").containsEntry("format", 1);
    assertThat(FileTradingStateStore.parse(json)).isEqualTo(s);
  }
}
