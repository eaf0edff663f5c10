package io.quantzoo.live.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.live.TradingDirectory;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalTest {
  private static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");

  @TempDir Path tmp;

  private static SessionApproval approval(String id, String hash, long generation) {
    return new SessionApproval(
        id,
        "sma_cross",
        hash,
        "DU123",
        List.of("AAPL", "MSFT"),
        50_000,
        T0,
        T0.plus(Duration.ofHours(8)),
        "alice",
        "morning session",
        generation,
        null,
        null);
  }

  private static String noCover(
      SessionApproval a, String hash, String symbol, double notional, Instant now, long gen) {
    return a.whyNot("sma_cross", hash, "DU123", symbol, notional, now, gen);
  }

  @Test
  void coversOnlyWhatWasApproved() {
    SessionApproval a = approval("apr-1", "abc", 7);
    Instant t = T0.plusSeconds(60);
    assertThat(noCover(a, "abc", "AAPL", 50_000, t, 7)).isNull();
    assertThat(noCover(a, "abc", "AAPL", 50_000.01, t, 7)).contains("max order notional");
    assertThat(noCover(a, "abc", "TSLA", 100, t, 7)).contains("does not cover TSLA");
    assertThat(noCover(a, "abd", "AAPL", 100, t, 7)).contains("code changed");
    assertThat(a.whyNot("other", "abc", "DU123", "AAPL", 100, t, 7)).contains("strategy");
    assertThat(a.whyNot("sma_cross", "abc", "U999", "AAPL", 100, t, 7)).contains("account");
  }

  @Test
  void expiresAndEndsAtAnyTradingStateChange() {
    SessionApproval a = approval("apr-1", "abc", 7);
    assertThat(noCover(a, "abc", "AAPL", 1, T0.plus(Duration.ofHours(8)), 7)).contains("expired");
    assertThat(noCover(a, "abc", "AAPL", 1, T0.plus(Duration.ofHours(8)).minusMillis(1), 7))
        .isNull();
    assertThat(noCover(a, "abc", "AAPL", 1, T0.plusSeconds(1), 8))
        .contains("trading state changed");
    SessionApproval e = a.ended(T0.plusSeconds(5), "bob");
    assertThat(noCover(e, "abc", "AAPL", 1, T0.plusSeconds(6), 7)).contains("ended by bob");
  }

  @Test
  void storeKeepsApprovalsDurablyAndEndsThem() {
    ApprovalStore store = new ApprovalStore(TradingDirectory.at(tmp));
    store.grant(approval("apr-1", "abc", 3));
    store.grant(approval("apr-2", "xyz", 3));
    ApprovalStore reopened = new ApprovalStore(TradingDirectory.at(tmp));
    assertThat(reopened.list()).extracting(SessionApproval::id).containsExactly("apr-1", "apr-2");
    assertThat(reopened.get("apr-1")).contains(approval("apr-1", "abc", 3));

    List<String> why = new ArrayList<>();
    Optional<SessionApproval> c =
        reopened.covering("sma_cross", "xyz", "DU123", "MSFT", 10, T0.plusSeconds(1), 3, why);
    assertThat(c).map(SessionApproval::id).contains("apr-2");

    reopened.end("apr-2", T0.plusSeconds(2), "bob");
    why.clear();
    assertThat(
            new ApprovalStore(TradingDirectory.at(tmp))
                .covering("sma_cross", "xyz", "DU123", "MSFT", 10, T0.plusSeconds(3), 3, why))
        .isEmpty();
    assertThat(why).anyMatch(s -> s.contains("ended by bob"));
    assertThat(why).anyMatch(s -> s.contains("code changed"));
  }

  @Test
  void noApprovalsMeansNothingIsCovered() {
    List<String> why = new ArrayList<>();
    assertThat(
            new ApprovalStore(TradingDirectory.at(tmp))
                .covering("s", "h", "a", "AAPL", 1, T0, 0, why))
        .isEmpty();
    assertThat(why).singleElement().asString().contains("no session approval");
  }

  @Test
  void damagedApprovalFileCoversNothingAndSaysSo() throws Exception {
    ApprovalStore store = new ApprovalStore(TradingDirectory.at(tmp));
    store.grant(approval("apr-1", "abc", 3));
    Files.writeString(store.directory().resolve("apr-1.json"), "{\"id\":\"apr-1\",");
    org.assertj.core.api.Assertions.assertThatThrownBy(store::list)
        .hasMessageContaining("damaged")
        .hasMessageContaining("apr-1.json");
  }

  @Test
  void sourceHashIsStableAndDiffersBetweenClasses() {
    String a = StrategySource.hash(ApprovalStore.class);
    assertThat(a).hasSize(64).isEqualTo(StrategySource.hash(ApprovalStore.class));
    assertThat(StrategySource.hash(SessionApproval.class)).isNotEqualTo(a);
    // a nested class hashes with its host: the whole nest is one source
    assertThat(StrategySource.hash(OrderConfirmation.Result.class))
        .isEqualTo(StrategySource.hash(OrderConfirmation.class));
  }

  /** Lines typed after the prompt, one per confirmation; null = silence, "EOF" = input ended. */
  private static OrderConfirmation.LineSource scripted(String... typed) {
    java.util.ArrayDeque<String> q = new java.util.ArrayDeque<>(List.of(typed));
    return new OrderConfirmation.LineSource() {
      @Override
      public void discardPending() {}

      @Override
      public String next(Duration timeout) throws java.io.IOException {
        String l = q.poll();
        if ("EOF".equals(l)) {
          throw new java.io.EOFException();
        }
        return "-".equals(l) ? null : l;
      }
    };
  }

  @Test
  void typedConfirmationMustRepeatSideQuantityAndSymbol() {
    StringWriter out = new StringWriter();
    OrderConfirmation c =
        new OrderConfirmation(
            scripted("buy  10 AAPL ", "BUY 11 AAPL", "SELL 10 AAPL", "BUY 10 aapl", "-", "EOF"),
            new PrintWriter(out),
            Duration.ofSeconds(30));
    assertThat(c.confirm("BUY", 10, "AAPL", "BUY 10 AAPL LIMIT 101.50"))
        .isEqualTo(OrderConfirmation.Result.CONFIRMED);
    assertThat(out.toString())
        .contains("LIVE ORDER: BUY 10 AAPL LIMIT 101.50")
        .contains("Type 'BUY 10 AAPL' within 30 s");
    assertThat(c.confirm("BUY", 10, "AAPL", "x")).isEqualTo(OrderConfirmation.Result.MISMATCH);
    assertThat(c.confirm("BUY", 10, "AAPL", "x")).isEqualTo(OrderConfirmation.Result.MISMATCH);
    assertThat(c.confirm("BUY", 10, "AAPL", "x")).isEqualTo(OrderConfirmation.Result.MISMATCH);
    assertThat(c.confirm("BUY", 10, "AAPL", "x")).isEqualTo(OrderConfirmation.Result.TIMEOUT);
    assertThat(c.confirm("BUY", 10, "AAPL", "x")).isEqualTo(OrderConfirmation.Result.NO_INPUT);
    assertThat(OrderConfirmation.expected("sell", 2.5, "BTCUSD")).isEqualTo("SELL 2.5 BTCUSD");
    assertThat(OrderConfirmation.expected("BUY", 100, "AAPL")).isEqualTo("BUY 100 AAPL");
  }

  @Test
  void realReaderTimesOutThenReadsALineTypedAfterThePromptThenEnds() throws Exception {
    StringWriter out = new StringWriter();
    OrderConfirmation silent =
        new OrderConfirmation(
            new BufferedReader(new PipedReader(new PipedWriter())),
            new PrintWriter(out),
            Duration.ofMillis(200));
    assertThat(silent.confirm("SELL", 2.5, "BTCUSD", "x"))
        .isEqualTo(OrderConfirmation.Result.TIMEOUT);

    PipedWriter typed = new PipedWriter();
    OrderConfirmation c =
        new OrderConfirmation(
            new BufferedReader(new PipedReader(typed)),
            new PrintWriter(out),
            Duration.ofSeconds(30));
    Thread operator =
        new Thread(() -> {
          try {
            Thread.sleep(100); // after the prompt
            typed.write("SELL 2.5 BTCUSD\n");
            typed.flush();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    operator.start();
    assertThat(c.confirm("SELL", 2.5, "BTCUSD", "x")).isEqualTo(OrderConfirmation.Result.CONFIRMED);
    operator.join();
    typed.close();

    OrderConfirmation ended =
        new OrderConfirmation(
            new BufferedReader(new StringReader("")), new PrintWriter(out), Duration.ofSeconds(5));
    Thread.sleep(50);
    assertThat(ended.confirm("BUY", 1, "AAPL", "x")).isEqualTo(OrderConfirmation.Result.NO_INPUT);
  }
}
