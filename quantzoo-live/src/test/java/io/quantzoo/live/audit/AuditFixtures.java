package io.quantzoo.live.audit;

import io.quantzoo.core.order.OrderType;
import io.quantzoo.core.order.Side;
import io.quantzoo.live.TradingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Keys, clocks, events and file edits for the audit tests. */
final class AuditFixtures {
  private AuditFixtures() {}

  static final byte[] KEY_BYTES = bytes(0x11);
  static final AuditKey KEY = AuditKey.of(KEY_BYTES, "test key");
  static final AuditKey OTHER_KEY = AuditKey.of(bytes(0x22), "another key");

  static byte[] bytes(int seed) {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (seed + i * 7);
    }
    return b;
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void set(Instant t) {
      now = t;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }
  }

  static TradingDirectory dir(Path tmp) {
    return TradingDirectory.at(tmp.toAbsolutePath()).create();
  }

  /** An order intent numbered {@code i}. */
  static AuditEvent intent(int i) {
    return AuditEvent.builder(AuditEventType.ORDER_INTENT)
        .broker("paper")
        .symbol("BTC-USD")
        .side(i % 2 == 0 ? Side.BUY : Side.SELL)
        .quantity(0.5 + i)
        .orderType(OrderType.LIMIT)
        .orderId("" + i)
        .clientOrderId("qz7f3a-" + i)
        .operator("trader")
        .reason("signal " + i)
        .session("s1")
        .detail("limit_price", 42_000.5 + i)
        .build();
  }

  /** Appends {@code n} intents numbered from 1. */
  static void appendIntents(AuditLog log, int n) {
    for (int i = 1; i <= n; i++) {
      log.append(intent(i));
    }
  }

  static Path auditDir(TradingDirectory td) {
    return AuditLog.directory(td);
  }

  static Path onlyFile(TradingDirectory td) {
    List<String> f = AuditFiles.logFiles(auditDir(td));
    if (f.size() != 1) {
      throw new AssertionError("expected one log file, found " + f);
    }
    return auditDir(td).resolve(f.get(0));
  }

  static List<String> lines(Path file) throws IOException {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
