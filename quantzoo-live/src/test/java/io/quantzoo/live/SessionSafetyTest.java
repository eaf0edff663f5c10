package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.order.OrderEvent;
import io.quantzoo.core.risk.RiskDecision;
import io.quantzoo.core.risk.RiskGate;
import io.quantzoo.core.risk.TradingState;
import io.quantzoo.core.risk.TradingStateSource;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.strategy.StrategyContext;
import io.quantzoo.core.sweep.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch inside a trader: the state is taken in before orders and between bars, a HALTED
 * state cancels every working order once, closing still works, and a replayed session sees the
 * state exactly where the original run saw it.
 */
class SessionSafetyTest {
  @TempDir Path tmp;

  static final EngineConfig CFG = PaperTraderTest.CFG;
  static final List<SymbolData> DATA = PaperTraderTest.DATA;
  static final SessionSpec SPEC = Fixtures.spec("fp-safety", "sma_cross", DATA);

  /** A trading state another process would write: set from the test. */
  static final class FakeState implements SafetyInputs {
    final AtomicLong generation = new AtomicLong(1);
    volatile Snapshot snapshot = new Snapshot(TradingState.ACTIVE, 1, "initial", false);

    void set(TradingState s, boolean close) {
      long g = generation.incrementAndGet();
      snapshot = new Snapshot(s, g, "operator", close);
    }

    @Override
    public long generation() {
      return generation.get();
    }

    @Override
    public Snapshot read() {
      return snapshot;
    }
  }

  /**
   * Lets orders through when ACTIVE; otherwise only protective exits and position-reducing orders.
   */
  static RiskGate stateGate(TradingStateSource s) {
    return (req, qty, protective, view) -> {
      TradingState st = s.tradingState();
      if (st == TradingState.ACTIVE || protective) {
        return RiskDecision.ALLOW;
      }
      double pos = view.position(req.symbol());
      boolean opposite = pos != 0 && (pos > 0) == (req.side() == io.quantzoo.core.order.Side.SELL);
      // closing or reduce-only orders against the position reduce it; anything else (a sized
      // reversal, say) may add exposure
      boolean reduces =
          opposite
              && (req.reduceOnly()
                  || req.quantityMode() == io.quantzoo.core.order.QuantityMode.CLOSE_POSITION);
      return reduces ? RiskDecision.ALLOW : RiskDecision.deny("trading_" + st, "new exposure");
    };
  }

  /** The strategy, with the operator's hand at bar {@code at}. */
  static Strategy flipping(FakeState f, int at, TradingState to, boolean close) {
    Strategy inner = Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET);
    return new Strategy() {
      @Override
      public void onStart(StrategyContext ctx) {
        inner.onStart(ctx);
      }

      @Override
      public void onBar(StrategyContext ctx) {
        if (ctx.barIndex() == at) {
          f.set(to, close);
        }
        inner.onBar(ctx);
      }

      @Override
      public void onOrderEvent(StrategyContext ctx, OrderEvent e) {
        inner.onOrderEvent(ctx, e);
      }

      @Override
      public void onStop(StrategyContext ctx) {
        inner.onStop(ctx);
      }
    };
  }

  private static PaperTrader.Outcome trade(TradingDirectory dir, FakeState f, Strategy s) {
    try (PaperTrader t = PaperTrader.open(dir, SPEC, Durability.OS, Clock.systemUTC())) {
      t.setSafetyInputs(f);
      t.setRiskGate(SessionSafetyTest::stateGate);
      return t.run(CFG, s, new ReplayFeed(DATA, ReplayFeed.MAX, Pacer.SYSTEM));
    }
  }

  static List<String> lines(Path f) throws IOException {
    return Files.readAllLines(f, StandardCharsets.UTF_8);
  }

  static int firstIndex(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void haltCancelsEveryWorkingOrderOnceAndNoNewExposureFollows() throws IOException {
    // the operator halts at a bar after which orders are working (a position with its exits)
    TradingDirectory ref = TradingDirectory.at(tmp.resolve("ref"));
    PaperTrader.Outcome whole =
        trade(ref, new FakeState(), Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET));
    List<String> all = lines(ref.sessionDir(whole.sessionId()).resolve(Journal.FILE));
    int at = -1;
    int prevBar = -1;
    for (int i = 600; i < all.size() && at < 0; i++) {
      if (all.get(i).startsWith("{\"k\":\"bar\"")) {
        // exits of a position held across two bars: working before and after the halting bar
        if (prevBar > 0 && workingAt(all, prevBar + 1) > 0 && workingAt(all, i + 1) > 0) {
          at = ((Number) Json.parseObject(all.get(i)).get("n")).intValue() - 1;
        }
        prevBar = i;
      }
    }
    assertThat(at).isPositive();
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("halt"));
    FakeState f = new FakeState();
    PaperTrader.Outcome out = trade(dir, f, flipping(f, at, TradingState.HALTED, false));
    List<String> j = lines(dir.sessionDir(out.sessionId()).resolve(Journal.FILE));
    int state = firstIndex(j, "{\"k\":\"ctl\"");
    assertThat(state).as("the state is journaled where it was taken in").isPositive();
    assertThat(Json.parseObject(j.get(state)).get("state")).isEqualTo("HALTED");
    List<String> kills = j.stream().filter(l -> l.contains("\"what\":\"kill\"")).toList();
    assertThat(kills).as("one kill action per activation").hasSize(1);
    int kill = j.indexOf(kills.get(0));
    // the kill comes between bars: the line before it is a bar checkpoint or the state input
    assertThat(j.get(kill - 1)).matches("\\{\"k\":\"(bar|ctl)\".*");
    // every order working at the kill is canceled by it
    List<String> killCancels =
        j.stream()
            .filter(l -> l.contains("\"e\":\"canceled\"") && l.contains("KILL_SWITCH"))
            .toList();
    long workingAtKill = workingAt(j, kill);
    assertThat(workingAtKill).as("orders were working when the kill came").isPositive();
    assertThat(killCancels).hasSize((int) workingAtKill);
    // and nothing is working right after it
    assertThat(workingAt(j, kill + 1 + killCancels.size())).isZero();
    // after the halt, no intent opens new exposure: every later intent is protective or closing
    for (String l : j.subList(state, j.size())) {
      if (l.startsWith("{\"k\":\"intent\"")) {
        Map<String, Object> m = Json.parseObject(l);
        assertThat(Boolean.TRUE.equals(m.get("prot")) || "CLOSE_POSITION".equals(m.get("qm")))
            .as("intent after the halt: %s", l)
            .isTrue();
      }
    }
    assertThat(j.stream().filter(l -> l.contains("\"e\":\"denied\"")).count())
        .as("the strategy kept trying and was denied")
        .isPositive();
    assertThat(dir.sessionDir(out.sessionId()).resolve(PaperTrader.KILL_ACK)).exists();
  }

  /** Orders with an intent before line {@code upTo} and no final event before it. */
  private static long workingAt(List<String> j, int upTo) {
    java.util.Set<String> open = new java.util.HashSet<>();
    for (String l : j.subList(0, upTo)) {
      Map<String, Object> m =
          l.startsWith("{\"k\":\"intent\"")
                  || l.startsWith("{\"k\":\"ev\"")
                  || l.startsWith("{\"k\":\"modify\"")
              ? Json.parseObject(l)
              : null;
      if (m == null) {
        continue;
      }
      if ("intent".equals(m.get("k"))) {
        open.add((String) m.get("id"));
      } else if ("modify".equals(m.get("k"))) {
        open.add((String) m.get("new"));
      } else {
        String e = (String) m.get("e");
        if (List.of("filled", "canceled", "rejected", "denied", "expired", "replaced").contains(e)
            && !(e.equals("filled") && ((Number) m.getOrDefault("leaves", 0)).doubleValue() > 0)) {
          open.remove((String) m.get("id"));
        }
      }
    }
    return open.size();
  }

  @Test
  void aResumedSessionSeesTheStateWhereTheOriginalSawItEvenAfterItChanged() throws IOException {
    TradingDirectory ref = TradingDirectory.at(tmp.resolve("ref"));
    FakeState f = new FakeState();
    PaperTrader.Outcome whole = trade(ref, f, flipping(f, 700, TradingState.HALTED, true));
    Path journal = ref.sessionDir(whole.sessionId()).resolve(Journal.FILE);
    List<String> all = lines(journal);
    int kill = firstIndex(all, "{\"k\":\"ctl\"");
    // cut the journal after the kill, a few hundred bars later: a crash
    int cut = kill + 400;
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("cut"));
    Path sdir = dir.create().sessionDir(whole.sessionId());
    Files.createDirectories(sdir);
    Files.write(sdir.resolve(Journal.FILE), all.subList(0, cut), StandardCharsets.UTF_8);
    // meanwhile the operator deactivated: the replay must still see HALTED from bar 700 on,
    // and the live state counts only from where the journal ends
    FakeState now = new FakeState();
    now.set(TradingState.ACTIVE, false);
    PaperTrader.Outcome resumed =
        trade(dir, now, Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET));
    assertThat(resumed.resumed()).isTrue();
    List<String> after = lines(sdir.resolve(Journal.FILE));
    assertThat(PaperTraderTest.stream(after).subList(0, cut - 1))
        .isEqualTo(PaperTraderTest.stream(all).subList(0, cut - 1));
    // the deactivation was taken in where the journal ended
    List<String> ctl = after.stream().filter(l -> l.startsWith("{\"k\":\"ctl\"")).toList();
    assertThat(ctl).hasSizeGreaterThanOrEqualTo(3);
    assertThat(ctl.get(ctl.size() - 1)).contains("\"state\":\"ACTIVE\"");
    assertThat(after.indexOf(ctl.get(ctl.size() - 1))).isGreaterThanOrEqualTo(cut);
  }

  @Test
  void aSessionNoTraderRunsIsCaughtUpActedOnAndLeftForItsTrader() throws IOException {
    TradingDirectory ref = TradingDirectory.at(tmp.resolve("ref"));
    FakeState f = new FakeState();
    PaperTrader.Outcome whole =
        trade(ref, f, Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET));
    List<String> all = lines(ref.sessionDir(whole.sessionId()).resolve(Journal.FILE));
    // an interrupted session, cut at a bar where orders are working
    int cut = -1;
    for (int i = 700; i < all.size(); i++) {
      if (all.get(i).startsWith("{\"k\":\"bar\"") && workingAt(all, i + 1) > 0) {
        cut = i + 1;
        break;
      }
    }
    assertThat(cut).isPositive();
    long working = workingAt(all, cut);
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("offline"));
    Path sdir = dir.create().sessionDir(whole.sessionId());
    Files.createDirectories(sdir);
    Files.write(sdir.resolve(Journal.FILE), all.subList(0, cut), StandardCharsets.UTF_8);

    FakeState halted = new FakeState();
    halted.set(TradingState.HALTED, true);
    PaperTrader.Outcome held;
    try (PaperTrader t =
        PaperTrader.openToAct(dir, whole.sessionId(), Durability.OS, Clock.systemUTC())) {
      t.setSafetyInputs(halted);
      t.setRiskGate(SessionSafetyTest::stateGate);
      held =
          t.run(
              CFG,
              Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET),
              new ReplayFeed(DATA, ReplayFeed.MAX, Pacer.SYSTEM));
      assertThat(t.lastKill())
          .hasValueSatisfying(k -> {
            assertThat(k.canceled()).isEqualTo((int) working);
          });
    }
    assertThat(held.status()).isEqualTo(PaperTrader.Status.HELD);
    List<String> j = lines(sdir.resolve(Journal.FILE));
    assertThat(Sessions.hasEnded(sdir.resolve(Journal.FILE))).isFalse();
    assertThat(j.subList(0, cut)).isEqualTo(all.subList(0, cut));
    List<String> tail = j.subList(cut, j.size());
    assertThat(tail.stream().filter(l -> l.contains("KILL_SWITCH")).count()).isEqualTo(working);
    assertThat(tail.stream().filter(l -> l.contains("\"what\":\"kill\"")).count()).isEqualTo(1);

    // its trader resumes it: the replay repeats the kill where it was taken, then trades on halted
    PaperTrader.Outcome resumed;
    try (PaperTrader t = PaperTrader.open(dir, SPEC, Durability.OS, Clock.systemUTC())) {
      t.setSafetyInputs(halted);
      t.setRiskGate(SessionSafetyTest::stateGate);
      resumed =
          t.run(
              CFG,
              Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET),
              new ReplayFeed(DATA, ReplayFeed.MAX, Pacer.SYSTEM));
    }
    assertThat(resumed.status()).isEqualTo(PaperTrader.Status.COMPLETED);
    assertThat(resumed.verified()).isGreaterThan(cut - 2);
    List<String> fin = lines(sdir.resolve(Journal.FILE));
    assertThat(PaperTraderTest.stream(fin).subList(0, PaperTraderTest.stream(j).size()))
        .isEqualTo(PaperTraderTest.stream(j));
    // the close asked for by the activation filled: flat right after
    assertThat(
            fin.stream()
                .filter(l -> l.contains("KillSwitch") && l.contains("\"e\":\"filled\""))
                .count())
        .isPositive();
  }
}
