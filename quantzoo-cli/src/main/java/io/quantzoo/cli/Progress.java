package io.quantzoo.cli;

import io.quantzoo.app.ProgressListener;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA, redrawn in place on a terminal at most ten times a
 * second. Off when the output is not a terminal (pipes, CI logs, {@code --json}).
 */
final class Progress implements ProgressListener {
  private final PrintWriter err;
  private final boolean enabled;
  private final String label;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private Progress(PrintWriter err, boolean enabled, String label) {
    this.err = err;
    this.enabled = enabled;
    this.label = label;
  }

  /** A bar on {@code err} when standard error is a terminal, else a silent one. */
  static Progress forTerminal(PrintWriter err, String label, boolean allowed) {
    return new Progress(err, allowed && isTerminal(), label);
  }

  static Progress silent() {
    return new Progress(null, false, "");
  }

  @Override
  public void update(long done, long total, long sessionDone) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    err.print("\r" + line(done, total, sessionDone, (now - startNanos) / 1e9));
    err.flush();
    drawn = true;
  }

  @Override
  public void finish() {
    if (enabled && drawn) {
      err.println();
      err.flush();
    }
  }

  /** The bar's text, e.g. {@code sweep [#####-----] 50% 500/1000 41.2/s ETA 0:12}. */
  String line(long done, long total, long sessionDone, double seconds) {
    int width = 24;
    double frac = total > 0 ? Math.min(1, (double) done / total) : 1;
    int fill = (int) Math.round(frac * width);
    double rate = seconds > 0 ? sessionDone / seconds : 0;
    String eta = rate > 0 ? clock((total - done) / rate) : "--:--";
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %d/%d  %.1f/s  ETA %s ",
        label,
        "#".repeat(fill),
        "-".repeat(width - fill),
        (int) Math.floor(frac * 100),
        done,
        total,
        rate,
        eta);
  }

  static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static boolean isTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // Java 22+: a Console exists even when redirected; isTerminal() tells.
      Method m = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a Console exists only for a terminal
    }
  }
}
