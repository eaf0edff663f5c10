package io.quantzoo.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between Java times and DuckDB {@code TIMESTAMP} values holding UTC.
 *
 * <p>The store never lets JDBC or DuckDB convert a time through a time zone: SQL receives epoch
 * microseconds ({@code make_timestamp(?::BIGINT)}, or the appender's {@code appendEpochMicros}) and
 * returns them ({@code epoch_us(col)} / {@code epoch_ms(col)}). The result is independent of the
 * JVM default zone and of DuckDB's {@code TimeZone} setting.
 */
final class Times {
  private Times() {}

  /**
   * Epoch microseconds of an instant, rounded toward negative infinity (DuckDB {@code TIMESTAMP}
   * resolution is one microsecond).
   */
  static long toMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** The instant of some epoch microseconds. */
  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** Epoch microseconds of epoch milliseconds (exact, overflow checked). */
  static long millisToMicros(long millis) {
    return Math.multiplyExact(millis, 1_000L);
  }
}
