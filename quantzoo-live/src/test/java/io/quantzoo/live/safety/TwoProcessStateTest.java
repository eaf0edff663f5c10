package io.quantzoo.live.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantzoo.core.risk.TradingState;
import io.quantzoo.live.TradingDirectory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trading state shared by two real processes: this JVM and a {@link StateChild}. */
class TwoProcessStateTest {
  @TempDir Path tmp;

  private Process child(TradingDirectory dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(StateChild.class.getName());
    cmd.add(dir.root().toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.to(tmp.resolve("child.err").toFile()))
        .start();
  }

  private String line(BufferedReader r) throws Exception {
    String l = r.readLine();
    assertThat(l).as("child stderr: %s", Files.readString(tmp.resolve("child.err"))).isNotNull();
    return l;
  }

  @Test
  void theKillSwitchInOneProcessIsSeenByAnotherAndBack() throws Exception {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    FileTradingStateStore parent = FileTradingStateStore.open(dir);
    Process p = child(dir, "watch");
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(line(out)).isEqualTo("ready ACTIVE");
      SafetyState halted = parent.activate("alice", "kill switch");
      assertThat(line(out)).isEqualTo("saw HALTED " + halted.generation());
      assertThat(line(out)).isEqualTo("deactivated " + (halted.generation() + 1));
      // the child's change, seen here by the cheap read
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (parent.tradingState() != TradingState.ACTIVE) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.onSpinWait();
      }
      assertThat(parent.current().operator()).isEqualTo("child");
      assertThat(parent.current().generation()).isEqualTo(halted.generation() + 1);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void writersInTwoProcessesNeverInterleave() throws Exception {
    TradingDirectory dir = TradingDirectory.at(tmp.resolve("trading"));
    FileTradingStateStore parent = FileTradingStateStore.open(dir);
    int n = 40;
    Process p = child(dir, "hammer", Integer.toString(n));
    try (BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(line(out)).isEqualTo("ready");
      in.write("go\n");
      in.flush();
      for (int i = 0; i < n; i++) {
        parent.activate("parent", "on " + i);
        parent.deactivate("parent", "off " + i, false);
      }
      assertThat(line(out)).isEqualTo("done");
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    // every write read the one before it under the lock: no generation was lost or repeated
    SafetyState st = parent.read();
    assertThat(st.failed()).isFalse();
    assertThat(st.generation()).isEqualTo(1 + 4L * n);
    assertThat(parent.generation()).isEqualTo(st.generation());
    assertThat(st.state()).isEqualTo(TradingState.ACTIVE);
  }
}
