package io.quantzoo.live.audit;

import io.quantzoo.live.TradingDirectory;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A process that appends to the audit log, for the two-process test: {@code args[1]} events with
 * operator {@code args[2]} in the trading directory {@code args[0]}, the key from the environment.
 */
public final class AuditChild {
  private AuditChild() {}

  public static void main(String[] args) {
    TradingDirectory td = TradingDirectory.at(Path.of(args[0]));
    int n = Integer.parseInt(args[1]);
    String operator = args[2];
    AuditKey key = AuditKey.forWriting(td, System.getenv());
    try (AuditLog log = AuditLog.open(td, key, Clock.systemUTC())) {
      System.out.println("ready");
      System.out.flush();
      for (int i = 1; i <= n; i++) {
        log.append(
            AuditEvent.builder(AuditEventType.ORDER_SUBMITTED)
                .operator(operator)
                .orderId(Integer.toString(i))
                .build());
      }
    }
    System.out.println("done");
  }
}
