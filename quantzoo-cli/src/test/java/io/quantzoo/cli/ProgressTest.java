package io.quantzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void lineShowsShareRateAndEta() {
    Progress p = Progress.silent();
    // 50 of 100 done, all 50 in this session, in 10 s: 5.0/s, 50 left -> ETA 10 s.
    assertThat(p.line(50, 100, 50, 10).strip())
        .isEqualTo("[############------------]  50% 50/100  5.0/s  ETA 0:10");
    // A resumed sweep: 80 done, 20 of them this session in 4 s: 5.0/s, 20 left -> 4 s.
    assertThat(p.line(80, 100, 20, 4)).contains(" 80% 80/100").contains("ETA 0:04");
    assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    assertThat(p.line(0, 100, 0, 0)).contains("ETA --:--");
  }

  @Test
  void silentWhenNotATerminal() {
    StringWriter w = new StringWriter();
    Progress p = Progress.forTerminal(new PrintWriter(w), "sweep", false);
    p.update(1, 2, 1);
    p.finish();
    assertThat(w.toString()).isEmpty();
  }
}
