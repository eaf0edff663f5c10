package io.quantzoo.live.safety;

import io.quantzoo.core.risk.TradingState;
import io.quantzoo.live.TradingDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process on the trading state, for {@link TwoProcessStateTest}: {@code args[0]} the
 * trading directory, {@code args[1]} what to do.
 *
 * <ul>
 *   <li>{@code watch}: prints {@code ready <state>}, reads {@code tradingState()} until it is
 *       HALTED, prints {@code saw HALTED <generation>}, deactivates and prints {@code deactivated
 *       <generation>}.
 *   <li>{@code hammer <n>}: prints {@code ready}, waits for a line on stdin, then activates and
 *       deactivates {@code n} times and prints {@code done}.
 * </ul>
 */
public final class StateChild {
  private StateChild() {}

  public static void main(String[] args) throws IOException {
    FileTradingStateStore s = FileTradingStateStore.open(TradingDirectory.at(Path.of(args[0])));
    switch (args[1]) {
      case "watch" -> {
        System.out.println("ready " + s.tradingState());
        System.out.flush();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (s.tradingState() != TradingState.HALTED) {
          if (System.nanoTime() > deadline) {
            System.out.println("timeout");
            return;
          }
          Thread.onSpinWait();
        }
        System.out.println("saw HALTED " + s.current().generation());
        System.out.println("deactivated " + s.deactivate("child", "seen it", false).generation());
      }
      case "hammer" -> {
        int n = Integer.parseInt(args[2]);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < n; i++) {
          s.activate("child", "on " + i);
          s.deactivate("child", "off " + i, false);
        }
        System.out.println("done");
      }
      default -> throw new IllegalArgumentException(args[1]);
    }
    System.out.flush();
  }
}
