package io.quantzoo.live;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A trader in a child JVM, for the crash test: trades {@link PaperTraderTest#SPEC} in the trading
 * directory {@code args[0]} at speed {@code args[1]}, announcing its session on stdout.
 */
public final class TraderChild {
  private TraderChild() {}

  public static void main(String[] args) {
    TradingDirectory dir = TradingDirectory.at(Path.of(args[0]));
    double speed = Double.parseDouble(args[1]);
    try (PaperTrader t =
        PaperTrader.open(dir, PaperTraderTest.SPEC, Durability.OS, Clock.systemUTC())) {
      System.out.println("session " + t.sessionId());
      System.out.flush();
      PaperTrader.Outcome out =
          t.run(
              PaperTraderTest.CFG,
              Fixtures.strategy("sma_cross", PaperTraderTest.BRACKET),
              new ReplayFeed(PaperTraderTest.DATA, speed, Pacer.SYSTEM));
      System.out.println("done " + out.status());
    }
  }
}
