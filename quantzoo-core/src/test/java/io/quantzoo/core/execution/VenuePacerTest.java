package io.quantzoo.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The venue pacer delays requests past the broker's rate, never drops them (a test clock). */
class VenuePacerTest {
  private static final long MS = 1_000_000L;

  @Test
  void aBurstGoesAtOnceAndTheRestQueueOneIntervalApart() {
    VenuePacer p = new VenuePacer(10, 3); // 100 ms apart, 3 at once
    long t = 5_000 * MS;

    assertThat(p.available(t)).isEqualTo(3);
    assertThat(p.reserve(t)).isZero();
    assertThat(p.reserve(t)).isZero();
    assertThat(p.reserve(t)).isZero();
    assertThat(p.available(t)).isZero();
    assertThat(p.reserve(t)).isEqualTo(100 * MS);
    assertThat(p.reserve(t)).isEqualTo(200 * MS);
  }

  @Test
  void aQuietSpellRefillsTheBucketUpToTheBurst() {
    VenuePacer p = new VenuePacer(10, 2);
    long t = 0;
    p.reserve(t);
    p.reserve(t);
    assertThat(p.reserve(t + 50 * MS)).as("half an interval later").isEqualTo(50 * MS);

    long later = t + 10_000 * MS;
    assertThat(p.available(later)).isEqualTo(2);
    assertThat(p.reserve(later)).isZero();
    assertThat(p.reserve(later)).isZero();
    assertThat(p.reserve(later)).isEqualTo(100 * MS);
  }

  @Test
  void aSteadyStreamAtTheRateNeverWaits() {
    VenuePacer p = new VenuePacer(50, 1); // 20 ms apart
    for (int i = 0; i < 100; i++) {
      assertThat(p.reserve(i * 20 * MS)).as("request %d", i).isZero();
    }
    assertThat(p.reserve(99 * 20 * MS + 10 * MS)).isEqualTo(10 * MS);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new VenuePacer(0, 1)).hasMessageContaining("rate per second");
    assertThatThrownBy(() -> new VenuePacer(5, 0)).hasMessageContaining("burst");
  }
}
