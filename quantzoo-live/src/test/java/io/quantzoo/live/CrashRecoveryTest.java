package io.quantzoo.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.engine.BacktestResult;
import io.quantzoo.core.sweep.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a trader in a child JVM in the middle of trading, then the same session again
 * at max speed in this JVM: the result is the uninterrupted one, no order is sent twice, and the
 * journal's fills continue where the killed trader's ended.
 */
class CrashRecoveryTest {
  @TempDir Path tmp;

  @Test
  void killNineMidSessionThenResumeWithoutADuplicateOrALostFill() throws Exception {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    String java = ProcessHandle.current().info().command().orElse("java");
    // 1500 4-hour bars at 720,000x: 20 ms a bar, 30 s in all; killed after a few orders
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                TraderChild.class.getName(),
                dir.root().toString(),
                "720000")
            .redirectError(ProcessBuilder.Redirect.to(tmp.resolve("child.err").toFile()))
            .start();
    String sessionId;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).as(Files.readString(tmp.resolve("child.err"))).startsWith("session ");
      sessionId = first.substring("session ".length());
      Path journal = dir.sessionDir(sessionId).resolve(Journal.FILE);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (PaperTraderTest.kinds(PaperTraderTest.lines(journal), "intent").size() < 6) {
        assertThat(child.isAlive()).as("the trader is still trading").isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(5);
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no end record
      child.waitFor();
    }
    Path journal = dir.sessionDir(sessionId).resolve(Journal.FILE);
    List<String> killed = PaperTraderTest.completeLines(journal);
    assertThat(killed.get(killed.size() - 1)).doesNotStartWith("{\"k\":\"end\"");
    assertThat(Sessions.find(dir, sessionId).status()).isEqualTo("interrupted");
    List<String> fillsBefore = fills(killed);

    PaperTrader.Outcome out =
        Fixtures.trade(
            dir,
            PaperTraderTest.SPEC,
            PaperTraderTest.CFG,
            PaperTraderTest.DATA,
            Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET),
            Durability.OS);
    assertThat(out.resumed()).isTrue();
    assertThat(out.sessionId()).isEqualTo(sessionId);

    BacktestResult bt =
        Fixtures.backtest(
            PaperTraderTest.CFG,
            PaperTraderTest.DATA,
            Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET));
    assertThat(out.result().trades()).isEqualTo(bt.trades());
    assertThat(out.finalEquity()).isEqualTo(bt.equity().equity(bt.equity().size() - 1));

    List<String> after = PaperTraderTest.lines(journal);
    PaperTraderTest.intentIds(after); // asserts no client order id twice
    List<String> fillsAfter = fills(after);
    assertThat(fillsAfter.subList(0, fillsBefore.size())).isEqualTo(fillsBefore);
    assertThat(fillsAfter).hasSize(bt.fills().size());
    for (int i = 0; i < fillsAfter.size(); i++) {
      Map<String, Object> m = Json.parseObject(fillsAfter.get(i));
      assertThat(((Number) m.get("px")).doubleValue()).isEqualTo(bt.fills().get(i).price());
    }
    assertThat(PaperTraderTest.kinds(after, "resume")).hasSize(1);
    assertThat(Sessions.find(dir, sessionId).status()).isEqualTo("completed");
  }

  private static List<String> fills(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : PaperTraderTest.kinds(lines, "ev")) {
      if (l.contains("\"e\":\"filled\"")) {
        out.add(l);
      }
    }
    return out;
  }
}
