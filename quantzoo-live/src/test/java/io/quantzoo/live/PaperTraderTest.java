package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.engine.EngineConfig;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.execution.SizingModel;
import io.quantzoo.core.strategy.Strategy;
import io.quantzoo.core.sweep.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions: journal contents, resume after a crash at any point, stop, locks, listing. */
class PaperTraderTest {
  @TempDir Path tmp;

  static final EngineConfig CFG = ReplayEquivalenceTest.COSTS.withSizing(new SizingModel.Risk(1));
  static final Map<String, Object> BRACKET =
      Map.of("fast", 10, "slow", 40, "stop_atr", 2.0, "take_profit_atr", 3.0);
  static final List<SymbolData> DATA = List.of(Fixtures.head(Fixtures.btc(), 1500));
  static final SessionSpec SPEC = Fixtures.spec("fp-resume", "sma_cross", DATA);

  private static Strategy strategy() {
    return Fixtures.strategy("sma_cross", BRACKET);
  }

  private PaperTrader.Outcome full(TradingDirectory dir) {
    return Fixtures.trade(dir, SPEC, CFG, DATA, strategy(), Durability.OS);
  }

  static List<String> lines(Path f) throws IOException {
    return Files.readAllLines(f, StandardCharsets.UTF_8);
  }

  /** The lines that end in a newline (a killed writer may leave a torn last line). */
  static List<String> completeLines(Path f) throws IOException {
    String text = Files.readString(f, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
  }

  static List<String> stream(List<String> lines) {
    return lines.stream().filter(l -> !JournalRecords.isMeta(l)).toList();
  }

  static List<String> kinds(List<String> lines, String kind) {
    return lines.stream().filter(l -> l.startsWith("{\"k\":\"" + kind + "\"")).toList();
  }

  /** Client order ids of the intents, asserting none appears twice. */
  static List<String> intentIds(List<String> lines) {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String l : kinds(lines, "intent")) {
      String id = (String) Json.parseObject(l).get("id");
      assertThat(seen.add(id)).as("intent %s journaled once", id).isTrue();
      ids.add(id);
    }
    return ids;
  }

  @Test
  void theJournalHoldsTheStartEveryIntentEventBarTradeAndTheEnd() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp);
    PaperTrader.Outcome out = full(dir);
    List<String> lines = lines(dir.sessionDir(out.sessionId()).resolve(Journal.FILE));
    assertThat(lines.get(0)).startsWith("{\"k\":\"start\"");
    assertThat(lines.get(lines.size() - 1)).startsWith("{\"k\":\"end\"");
    assertThat(Json.parseObject(lines.get(lines.size() - 1)).get("status")).isEqualTo("completed");
    assertThat(kinds(lines, "bar")).hasSize(1500);
    assertThat(kinds(lines, "trade")).hasSize(out.result().trades().size());
    assertThat(kinds(lines, "final")).hasSize(1);
    List<String> ids = intentIds(lines);
    assertThat(ids).hasSize((int) out.orders());
    assertThat(ids.get(0)).startsWith(SessionId.clientIdPrefix(out.sessionId()) + "-");
    // every intent comes before any event about its order
    for (String id : ids) {
      int intent = indexOf(lines, "intent", id);
      int firstEvent = indexOf(lines, "ev", id);
      assertThat(intent).isLessThan(firstEvent < 0 ? Integer.MAX_VALUE : firstEvent);
    }
    // the fills journaled are the fills booked
    List<String> filled =
        kinds(lines, "ev").stream().filter(l -> l.contains("\"e\":\"filled\"")).toList();
    assertThat(filled).hasSize(out.result().fills().size());
    for (int i = 0; i < filled.size(); i++) {
      Map<String, Object> m = Json.parseObject(filled.get(i));
      assertThat(((Number) m.get("px")).doubleValue())
          .isEqualTo(out.result().fills().get(i).price());
      assertThat(((Number) m.get("qty")).doubleValue())
          .isEqualTo(out.result().fills().get(i).quantity());
    }
  }

  private static int indexOf(List<String> lines, String kind, String id) {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("{\"k\":\"" + kind + "\"") && l.contains("\"id\":\"" + id + "\"")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A crash can leave the journal cut anywhere: after any line, or inside one. Resuming from each
   * such cut replays to the same journal and the same result, and sends no order twice.
   */
  @Test
  void resumingFromACrashAnywhereGivesTheUninterruptedSessionExactly() throws IOException {
    TradingDirectory ref = TradingDirectory.at(tmp.resolve("ref"));
    PaperTrader.Outcome whole = full(ref);
    Path journal = ref.sessionDir(whole.sessionId()).resolve(Journal.FILE);
    byte[] bytes = Files.readAllBytes(journal);
    List<String> all = lines(journal);
    List<Integer> cuts = new ArrayList<>();
    int off = 0;
    for (int i = 0; i < all.size() - 1; i++) {
      off += all.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
      String next = all.get(i + 1);
      // after the start, after every intent (the order not yet sent), around a few bars
      if (i == 0 || all.get(i).startsWith("{\"k\":\"intent\"") || i % 400 == 7) {
        cuts.add(off);
      }
      if (next.startsWith("{\"k\":\"intent\"") && cuts.size() % 5 == 0) {
        cuts.add(off + next.length() / 2); // torn inside an intent
      }
    }
    cuts.add(bytes.length - 5); // torn end record
    assertThat(cuts.size()).isGreaterThan(20);
    int run = 0;
    for (int cut : cuts) {
      TradingDirectory dir = TradingDirectory.at(tmp.resolve("cut" + run++));
      Path sdir = dir.create().sessionDir(whole.sessionId());
      Files.createDirectories(sdir);
      Files.write(sdir.resolve(Journal.FILE), java.util.Arrays.copyOf(bytes, cut));
      PaperTrader.Outcome out = Fixtures.trade(dir, SPEC, CFG, DATA, strategy(), Durability.OS);
      assertThat(out.resumed()).isTrue();
      assertThat(out.sessionId()).isEqualTo(whole.sessionId());
      assertThat(out.status()).isEqualTo(PaperTrader.Status.COMPLETED);
      assertThat(out.result().trades()).isEqualTo(whole.result().trades());
      assertThat(out.finalEquity()).isEqualTo(whole.finalEquity());
      List<String> after = lines(sdir.resolve(Journal.FILE));
      assertThat(stream(after)).as("cut at byte %d", cut).isEqualTo(stream(all));
      assertThat(intentIds(after)).isEqualTo(intentIds(all));
      assertThat(kinds(after, "resume")).hasSize(1);
      assertThat(out.orders()).isEqualTo(whole.orders());
      assertThat(out.fills()).isEqualTo(whole.fills());
    }
  }

  @Test
  void aJournalOfOtherTradesIsRefusedAtItsFirstDifferenceAndLeftAsItWas() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp);
    PaperTrader.Outcome whole = full(dir);
    Path journal = dir.sessionDir(whole.sessionId()).resolve(Journal.FILE);
    List<String> all = lines(journal);
    // an unfinished session: drop the end record
    Files.write(journal, all.subList(0, all.size() - 1), StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(journal);
    Strategy other = Fixtures.strategy("sma_cross", Map.of("fast", 12, "slow", 40));
    assertThatThrownBy(() -> Fixtures.trade(dir, SPEC, CFG, DATA, other, Durability.OS))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("does not belong to this config and data")
        .hasMessageContaining("first difference at line");
    assertThat(Files.readAllBytes(journal)).isEqualTo(before);
  }

  @Test
  void stopEndsTheSessionCleanlyAndTheNextRunStartsANewOne() throws Exception {
    TradingDirectory dir = TradingDirectory.at(tmp);
    AtomicReference<PaperTrader.Outcome> out = new AtomicReference<>();
    PaperTrader t = PaperTrader.open(dir, SPEC, Durability.OS, Clock.systemUTC());
    Path journal = t.sessionDir().resolve(Journal.FILE);
    // 4-hour bars at 1,440,000x: one every 10 ms
    Thread trader =
        new Thread(
            () -> out.set(t.run(CFG, strategy(), new ReplayFeed(DATA, 1_440_000, Pacer.SYSTEM))));
    trader.start();
    while (kinds(lines(journal), "bar").size() < 100) {
      Thread.sleep(20);
    }
    assertThat(Sessions.list(dir).get(0).status()).isEqualTo("running");
    t.stop();
    trader.join();
    t.close();
    assertThat(out.get().status()).isEqualTo(PaperTrader.Status.STOPPED);
    assertThat(out.get().bars()).isBetween(100L, 1499L);
    List<String> lines = lines(journal);
    Map<String, Object> end = Json.parseObject(lines.get(lines.size() - 1));
    assertThat(end.get("status")).isEqualTo("stopped");
    assertThat(Sessions.list(dir).get(0).status()).isEqualTo("stopped");
    // working orders were canceled at the stop
    assertThat(out.get().result().orders().submitted()).isPositive();

    PaperTrader.Outcome again = full(dir);
    assertThat(again.resumed()).isFalse();
    assertThat(again.sessionId()).isNotEqualTo(out.get().sessionId());
    assertThat(Sessions.list(dir)).hasSize(2);
  }

  @Test
  void aStopWhileCatchingUpWritesNothingAndLeavesTheSessionResumable() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp);
    PaperTrader.Outcome whole = full(dir);
    Path journal = dir.sessionDir(whole.sessionId()).resolve(Journal.FILE);
    List<String> all = lines(journal);
    Files.write(journal, all.subList(0, all.size() / 2), StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(journal);
    try (PaperTrader t = PaperTrader.open(dir, SPEC, Durability.OS, Clock.systemUTC())) {
      assertThat(t.resumed()).isTrue();
      t.stop();
      PaperTrader.Outcome out = t.run(CFG, strategy(), new ReplayFeed(DATA, 1, Pacer.SYSTEM));
      assertThat(out.status()).isEqualTo(PaperTrader.Status.INTERRUPTED);
    }
    assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    assertThat(Sessions.list(dir).get(0).status()).isEqualTo("interrupted");
  }

  @Test
  void twoTradersNeverRunOneSession() {
    TradingDirectory dir = TradingDirectory.at(tmp);
    try (PaperTrader first = PaperTrader.open(dir, SPEC, Durability.OS, Clock.systemUTC())) {
      assertThatThrownBy(() -> PaperTrader.open(dir, SPEC, Durability.OS, Clock.systemUTC()))
          .isInstanceOf(TradingRefusedException.class)
          .hasMessageContaining(first.sessionId())
          .hasMessageContaining("PID " + ProcessHandle.current().pid());
    }
  }

  @Test
  void listShowsEachSessionWithItsStatusBarsTradesAndEquity() {
    TradingDirectory dir = TradingDirectory.at(tmp);
    PaperTrader.Outcome a = full(dir);
    List<Sessions.SessionInfo> list = Sessions.list(dir);
    assertThat(list).hasSize(1);
    Sessions.SessionInfo s = list.get(0);
    assertThat(s.id()).isEqualTo(a.sessionId());
    assertThat(s.status()).isEqualTo("completed");
    assertThat(s.bars()).isEqualTo(1500);
    assertThat(s.trades()).isEqualTo(a.result().trades().size());
    assertThat(s.finalEquity()).isEqualTo(a.finalEquity());
    assertThat(s.strategy()).isEqualTo("sma_cross");
    assertThat(s.ended()).isTrue();
  }

  @Test
  void durableToDiskGivesTheSameJournal() throws IOException {
    TradingDirectory a = TradingDirectory.at(tmp.resolve("a"));
    TradingDirectory b = TradingDirectory.at(tmp.resolve("b"));
    PaperTrader.Outcome x = full(a);
    PaperTrader.Outcome y = Fixtures.trade(b, SPEC, CFG, DATA, strategy(), Durability.DISK);
    // equal but for the client order ids, whose prefix names the session
    assertThat(
            stream(lines(b.sessionDir(y.sessionId()).resolve(Journal.FILE))).stream()
                .map(l -> l.replace(SessionId.clientIdPrefix(y.sessionId()), "P"))
                .toList())
        .isEqualTo(
            stream(lines(a.sessionDir(x.sessionId()).resolve(Journal.FILE))).stream()
                .map(l -> l.replace(SessionId.clientIdPrefix(x.sessionId()), "P"))
                .toList());
  }

  @Test
  void theSessionIsTheBacktest() {
    BacktestResult bt = Fixtures.backtest(CFG, DATA, strategy());
    assertThat(full(TradingDirectory.at(tmp)).result().trades()).isEqualTo(bt.trades());
  }

  @Test
  void aFinishedSessionReadsBackFromItsJournalAsTheResultTheTraderHeld() {
    TradingDirectory dir = TradingDirectory.at(tmp);
    PaperTrader.Outcome out = full(dir);
    SessionJournal j = SessionJournal.read(dir, out.sessionId());
    assertThat(j.symbols()).containsExactly("BTC-USD");
    assertThat(j.startField("strategy")).isEqualTo("sma_cross");
    assertThat(j.endField("status")).isEqualTo("completed");
    BacktestResult back = j.toResult(List.of(DATA.get(0).instrument()), CFG);
    BacktestResult held = out.result();
    assertThat(back.trades()).isEqualTo(held.trades());
    assertThat(back.fills()).isEqualTo(held.fills());
    assertThat(back.orders()).isEqualTo(held.orders());
    assertThat(back.buyAndHoldReturnPct()).isEqualTo(held.buyAndHoldReturnPct());
    assertThat(back.openPositionsAtEnd()).isEqualTo(held.openPositionsAtEnd());
    assertThat(back.equity().size()).isEqualTo(held.equity().size());
    for (int i = 0; i < held.equity().size(); i++) {
      assertThat(back.equity().timeMillis(i)).isEqualTo(held.equity().timeMillis(i));
      assertThat(back.equity().equity(i)).isEqualTo(held.equity().equity(i));
      assertThat(back.equity().cash(i)).isEqualTo(held.equity().cash(i));
      assertThat(back.equity().exposure(i)).isEqualTo(held.equity().exposure(i));
    }
  }

  @Test
  void onlyAnEndedSessionCanBeReadBack() throws IOException {
    TradingDirectory dir = TradingDirectory.at(tmp);
    PaperTrader.Outcome out = full(dir);
    Path journal = dir.sessionDir(out.sessionId()).resolve(Journal.FILE);
    List<String> all = lines(journal);
    Files.write(journal, all.subList(0, all.size() - 1), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SessionJournal.read(dir, out.sessionId()))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("did not end")
        .hasMessageContaining("resume");
    assertThatThrownBy(() -> SessionJournal.read(dir, "20200101-000000-0000"))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("no trading session");
  }
}
