package io.quantzoo.cli;

import io.quantzoo.app.PhaseListener;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock phase timings of one command, printed to stderr with {@code --timings}. Measures from
 * JVM start, so the first phase includes JVM and class loading.
 */
final class Timings implements PhaseListener {
  private final boolean enabled;
  private final List<String> lines = new ArrayList<>();
  private long last;

  Timings(boolean enabled) {
    this.enabled = enabled;
    this.last = enabled ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;
    if (enabled) {
      mark("jvm start to command");
    }
  }

  void mark(String phase) {
    if (!enabled) {
      return;
    }
    long now = System.currentTimeMillis();
    lines.add(String.format(java.util.Locale.ROOT, "  %-28s %6d ms", phase, now - last));
    last = now;
  }

  @Override
  public void phaseDone(String phase) {
    mark(phase);
  }

  void print(PrintWriter err) {
    if (!enabled) {
      return;
    }
    err.println("timings:");
    lines.forEach(err::println);
    err.flush();
  }
}
