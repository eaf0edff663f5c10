package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditKey;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.audit.AuditReader;
import io.quantzoo.live.audit.AuditRecord;
import io.quantzoo.live.audit.AuditVerification;
import io.quantzoo.live.audit.AuditVerifier;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qz audit verify} and {@code qz audit tail}: the audit trail of the trading directory
 * (docs/AUDIT.md).
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The audit trail of the trading directory ($QUANTZOO_TRADING_DIR/audit, docs/AUDIT.md):"
          + " every order intent, venue answer, fill, cancel, denial, state change, approval,"
          + " override and config load, chained by HMAC tags.",
      "The key: $QUANTZOO_AUDIT_KEY (hex or base64, 32+ bytes), else"
          + " $QUANTZOO_TRADING_DIR/keys/audit.key (mode 600)."
    },
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.Tail.class,
      CommandLine.HelpCommand.class
    })
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code qz audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check every line of the audit log with the key: OK, or the first bad line (file:line and"
            + " why: edited, deleted, reordered, truncated, written with another key).",
        "Exit code 0 when intact, 3 when not (or when the key is missing or bad)."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TradingDirectory dir = QzCommand.tradingDirectory();
      Path auditDir = AuditLog.directory(dir);
      AuditVerification v;
      if (Files.isDirectory(auditDir)) {
        v = AuditVerifier.verify(auditDir, AuditKey.forReading(dir, System.getenv()));
      } else {
        v = new AuditVerification(0, 0, 0, 0, -1, null, List.of("no audit log yet in " + auditDir));
      }
      if (json) {
        out.println(Json.write(json(v, auditDir)));
      } else {
        text(out, v, auditDir);
      }
      out.flush();
      return v.ok() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static Map<String, Object> json(AuditVerification v, Path auditDir) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ok", v.ok());
      m.put("audit_dir", auditDir.toString());
      m.put("lines", v.lines());
      m.put("files", v.files());
      m.put("first_seq", v.firstSeq());
      m.put("last_seq", v.lastSeq());
      m.put("head_seq", v.headSeq() < 0 ? null : v.headSeq());
      if (v.problem() == null) {
        m.put("problem", null);
      } else {
        AuditVerification.Problem p = v.problem();
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        pm.put("file", auditDir.resolve(p.file()).toString());
        pm.put("line", p.line());
        pm.put("seq", p.seq());
        pm.put("message", p.message());
        m.put("problem", pm);
      }
      m.put("notes", v.notes());
      return m;
    }

    private static void text(PrintWriter out, AuditVerification v, Path auditDir) {
      if (v.ok()) {
        out.printf(
            Locale.ROOT,
            "audit log OK: %,d lines in %d file(s), seq %d..%d, head at seq %s (%s)%n",
            v.lines(),
            v.files(),
            v.firstSeq(),
            v.lastSeq(),
            v.headSeq() < 0 ? "-" : Long.toString(v.headSeq()),
            auditDir);
      } else {
        AuditVerification.Problem p = v.problem();
        out.printf(
            Locale.ROOT,
            "audit log NOT OK: %s%s: %s: %s%n",
            auditDir.resolve(p.file()),
            p.line() > 0 ? ":" + p.line() : "",
            p.kind().name().toLowerCase(Locale.ROOT),
            p.message());
        out.printf(
            Locale.ROOT,
            "  %,d line(s) before it verified (seq %d..%d)%n",
            v.lines(),
            v.firstSeq(),
            v.lastSeq());
      }
      for (String n : v.notes()) {
        out.println("note: " + n);
      }
    }
  }

  /** {@code qz audit tail}. */
  @Command(
      name = "tail",
      mixinStandardHelpOptions = true,
      description = {
        "Print the last lines of the audit log, oldest first; --follow keeps printing new ones"
            + " (Ctrl-C stops). Tags are not checked here: qz audit verify does."
      })
  static final class Tail implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-n", "--lines"},
        paramLabel = "N",
        defaultValue = "20",
        description = "How many lines. Default: ${DEFAULT-VALUE}")
    int lines;

    @Option(
        names = {"-f", "--follow"},
        description = "Keep printing lines as they are appended.")
    boolean follow;

    @Option(names = "--json", description = "Print the log's lines as they are (JSON lines).")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
      if (lines < 0) {
        throw new UsageException("-n must be >= 0, was " + lines);
      }
      PrintWriter out = spec.commandLine().getOut();
      Path auditDir = AuditLog.directory(QzCommand.tradingDirectory());
      if (!follow) {
        List<AuditRecord> rs = AuditReader.tail(auditDir, lines);
        if (rs.isEmpty() && !json) {
          spec.commandLine().getErr().println("no audit lines in " + auditDir);
        }
        for (AuditRecord r : rs) {
          print(out, r);
        }
        out.flush();
        return ExitCodes.OK;
      }
      spec.commandLine().getErr().println("following " + auditDir + " (Ctrl-C stops)");
      spec.commandLine().getErr().flush();
      AuditReader.follow(
          auditDir,
          lines,
          r -> {
            print(out, r);
            out.flush();
          },
          () -> false,
          Duration.ofMillis(200));
      return ExitCodes.OK;
    }

    private void print(PrintWriter out, AuditRecord r) {
      if (json) {
        out.println(r.text());
      } else {
        out.println(human(r));
      }
    }

    /** One line: seq, time, type, symbol, side, quantity, type, order ids, operator, reason. */
    static String human(AuditRecord r) {
      if (!r.readable()) {
        return String.format(
            Locale.ROOT, "%6s %s:%d unreadable (%s)", "?", r.file(), r.line(), r.problem());
      }
      AuditEvent e = r.event();
      List<String> parts = new ArrayList<>();
      parts.add(String.format(Locale.ROOT, "%6d", r.seq()));
      parts.add(e.timestamp() == null ? "-" : e.timestamp().toString());
      parts.add(String.format(Locale.ROOT, "%-22s", e.eventType().jsonName()));
      StringBuilder order = new StringBuilder();
      if (e.symbol() != null) {
        order.append(e.symbol());
      }
      if (e.side() != null) {
        order.append(' ').append(e.side().name().toLowerCase(Locale.ROOT));
      }
      if (!Double.isNaN(e.quantity())) {
        order
            .append(' ')
            .append(BigDecimal.valueOf(e.quantity()).stripTrailingZeros().toPlainString());
      }
      if (e.orderType() != null) {
        order.append(' ').append(e.orderType().name().toLowerCase(Locale.ROOT));
      }
      if (!order.isEmpty()) {
        parts.add(order.toString().strip());
      }
      if (e.orderId() != null || e.clientOrderId() != null) {
        parts.add(
            "order "
                + (e.orderId() == null ? "-" : e.orderId())
                + (e.clientOrderId() == null ? "" : " (" + e.clientOrderId() + ")"));
      }
      if (e.broker() != null) {
        parts.add("broker " + e.broker());
      }
      if (e.operator() != null) {
        parts.add("by " + e.operator());
      }
      if (e.session() != null) {
        parts.add("session " + e.session());
      }
      if (e.reason() != null) {
        parts.add("reason: " + e.reason());
      }
      for (Map.Entry<String, Object> d : e.details().entrySet()) {
        parts.add(d.getKey() + "=" + d.getValue());
      }
      return String.join("  ", parts);
    }
  }
}
