package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.trade.KillSwitchService;
import io.quantzoo.app.trade.TradeService;
import io.quantzoo.live.SafetyAudit;
import io.quantzoo.live.Sessions;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.TradingRefusedException;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.FileTradingStateStore;
import io.quantzoo.live.safety.SafetyRule;
import io.quantzoo.live.safety.SafetyState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qz kill-switch status | activate | deactivate}: the machine-wide trading state
 * (docs/SAFETY.md, ops/RUNBOOK.md).
 */
@Command(
    name = "kill-switch",
    mixinStandardHelpOptions = true,
    description = {
      "The machine-wide trading state ($QUANTZOO_TRADING_DIR/safety): ACTIVE, REDUCING or"
          + " HALTED. Activating the kill switch halts every trader on the machine and cancels"
          + " every working order at every venue, whether or not a trader runs (docs/SAFETY.md)."
    },
    subcommands = {
      KillSwitchCommand.Status.class,
      KillSwitchCommand.Activate.class,
      KillSwitchCommand.Deactivate.class,
      KillSwitchCommand.Reduce.class,
      CommandLine.HelpCommand.class
    })
final class KillSwitchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Map<String, Object> stateJson(SafetyState s, String location) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", s.state().name());
    m.put("cause", s.cause().name().toLowerCase(java.util.Locale.ROOT));
    m.put("operator", s.operator());
    m.put("reason", s.reason());
    m.put("changed_at", s.changedAt().toString());
    m.put("generation", s.generation());
    m.put("loss_halt_until", s.lossHaltUntil() == null ? null : s.lossHaltUntil().toString());
    m.put("close_positions", s.closePositions());
    m.put("failure", s.failed() ? s.failure().message() : null);
    m.put("store", location);
    return m;
  }

  /** {@code qz kill-switch status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Print the trading state, who set it and why, and every session.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TradingDirectory dir = QzCommand.tradingDirectory();
      FileTradingStateStore store = FileTradingStateStore.open(dir.create());
      SafetyState s = store.read();
      List<Sessions.SessionInfo> sessions = Sessions.list(dir);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trading_dir", dir.root().toString());
        m.putAll(stateJson(s, store.location()));
        List<Map<String, Object>> ss = new ArrayList<>();
        for (Sessions.SessionInfo i : sessions) {
          if (!i.ended()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("session", i.id());
            x.put("status", i.status());
            x.put("strategy", i.strategy());
            x.put("symbols", i.symbols());
            x.put("bars", i.bars());
            ss.add(x);
          }
        }
        m.put("sessions", ss);
        out.println(Json.write(m));
      } else {
        out.println("trading directory: " + dir.root());
        out.println("trading state: " + s.summary());
        if (s.lossHaltUntil() != null) {
          out.println("daily-loss halt in force until " + s.lossHaltUntil());
        }
        if (s.failed()) {
          out.println("the state could not be read, so trading is HALTED (fail closed)");
        }
        long open = sessions.stream().filter(i -> !i.ended()).count();
        out.println("unfinished sessions: " + open);
        for (Sessions.SessionInfo i : sessions) {
          if (!i.ended()) {
            out.printf(
                java.util.Locale.ROOT,
                "  %s  %-11s %s %s, %d bars%n",
                i.id(),
                i.status(),
                i.strategy(),
                i.symbols(),
                i.bars());
          }
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code qz kill-switch activate}. */
  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = {
        "HALT every trader on the machine and cancel every working order at every venue, at once:"
            + " running traders act on it themselves and acknowledge; sessions no trader runs"
            + " are caught up from their journal and acted on here. Orders that close or reduce"
            + " a position still pass.",
        "Exit 0 when every venue acted or acknowledged, 1 when one could not be acted on."
      })
  static final class Activate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "Why (audited).")
    String reason;

    @Option(names = "--operator", required = true, paramLabel = "O", description = "Who (audited).")
    String operator;

    @Option(
        names = "--close-positions",
        description =
            "Also close every open position with a market order (without it positions stay open"
                + " and their protective stops are canceled too).")
    boolean closePositions;

    @Option(
        names = "--wait",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "How long to wait for running traders to acknowledge. Default: 10")
    double waitSeconds;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (!(waitSeconds >= 0)) {
        throw new UsageException("--wait must be >= 0 seconds, was " + waitSeconds);
      }
      TradingDirectory dir = QzCommand.tradingDirectory();
      FileTradingStateStore store = FileTradingStateStore.open(dir.create());
      try (AuditLog audit = QzCommand.auditLog(dir)) {
        SafetyAudit.watch(store, audit);
        KillSwitchService.Activation a =
            new KillSwitchService(dir, store, audit, new TradeService(Clock.systemUTC()))
                .activate(
                    operator,
                    reason,
                    closePositions,
                    Duration.ofMillis((long) (waitSeconds * 1000)));
        boolean failed =
            a.sessions().stream()
                .anyMatch(r -> r.outcome() == KillSwitchService.SessionOutcome.FAILED);
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("trading_dir", dir.root().toString());
          m.putAll(stateJson(a.after(), store.location()));
          List<Map<String, Object>> vs = new ArrayList<>();
          for (KillSwitchService.SessionResult r : a.sessions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("venue", r.venue());
            x.put("session", r.sessionId());
            x.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
            x.put("canceled", r.canceled() < 0 ? null : r.canceled());
            x.put("closing", r.closing() < 0 ? null : r.closing());
            x.put("message", r.message());
            vs.add(x);
          }
          m.put("venues", vs);
          out.println(Json.write(m));
        } else {
          out.println("kill switch ACTIVATED: " + a.after().summary());
          out.println("trading directory: " + dir.root());
          if (a.sessions().isEmpty()) {
            out.println("no venue holds orders (no unfinished session)");
          }
          for (KillSwitchService.SessionResult r : a.sessions()) {
            out.printf(
                java.util.Locale.ROOT,
                "  %s session %s: %s%s: %s%n",
                r.venue(),
                r.sessionId(),
                r.outcome().name().toLowerCase(java.util.Locale.ROOT),
                r.canceled() < 0
                    ? ""
                    : " (" + r.canceled() + " canceled, " + r.closing() + " closing)",
                r.message());
          }
        }
        out.flush();
        return failed ? ExitCodes.INTERNAL : ExitCodes.OK;
      }
    }
  }

  /** {@code qz kill-switch deactivate}. */
  @Command(
      name = "deactivate",
      mixinStandardHelpOptions = true,
      description = {
        "Set the trading state back to ACTIVE (after the checks in ops/RUNBOOK.md). Asks for"
            + " typed confirmation unless --yes. Refused (exit 4) while a daily-loss halt is in"
            + " force, unless --override-loss-halt."
      })
  static final class Deactivate implements Callable<Integer> {
    static final String CONFIRM = "DEACTIVATE";

    @Spec CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "Why (audited).")
    String reason;

    @Option(names = "--operator", required = true, paramLabel = "O", description = "Who (audited).")
    String operator;

    @Option(names = "--yes", description = "Do not ask for typed confirmation (scripts).")
    boolean yes;

    @Option(
        names = "--override-loss-halt",
        description = "Lift a daily-loss halt that is still in force (audited).")
    boolean overrideLossHalt;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TradingDirectory dir = QzCommand.tradingDirectory();
      FileTradingStateStore store = FileTradingStateStore.open(dir.create());
      SafetyState now = store.read();
      if (!yes) {
        err.println("trading state: " + now.summary());
        err.print("Type " + CONFIRM + " to let every trader on this machine trade again: ");
        err.flush();
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.strip().equals(CONFIRM)) {
          throw new TradingRefusedException(
              SafetyRule.CONFIRMATION_FAILED,
              "not confirmed (typed "
                  + (line == null ? "nothing" : "'" + line.strip() + "'")
                  + "); the state stays "
                  + now.state());
        }
      }
      try (AuditLog audit = QzCommand.auditLog(dir)) {
        SafetyAudit.watch(store, audit);
        SafetyState after =
            new KillSwitchService(dir, store, audit, new TradeService(Clock.systemUTC()))
                .deactivate(operator, reason, overrideLossHalt);
        if (json) {
          out.println(Json.write(stateJson(after, store.location())));
        } else {
          out.println("kill switch deactivated: " + after.summary());
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code qz kill-switch reduce}. */
  @Command(
      name = "reduce",
      mixinStandardHelpOptions = true,
      description = {
        "Set the trading state to REDUCING: every trader on the machine sends only orders that"
            + " reduce exposure; working orders stay. Refused (exit 4) while a daily-loss halt is"
            + " in force, unless --override-loss-halt."
      })
  static final class Reduce implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "Why (audited).")
    String reason;

    @Option(names = "--operator", required = true, paramLabel = "O", description = "Who (audited).")
    String operator;

    @Option(
        names = "--override-loss-halt",
        description = "Lift a daily-loss halt that is still in force (audited).")
    boolean overrideLossHalt;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TradingDirectory dir = QzCommand.tradingDirectory();
      FileTradingStateStore store = FileTradingStateStore.open(dir.create());
      try (AuditLog audit = QzCommand.auditLog(dir)) {
        SafetyAudit.watch(store, audit);
        SafetyState after;
        try {
          after = store.reduce(operator, reason, overrideLossHalt);
        } catch (io.quantzoo.live.safety.SafetyRefusal r) {
          throw new TradingRefusedException(SafetyRule.LOSS_HALT_IN_FORCE, r.getMessage());
        }
        if (json) {
          out.println(Json.write(stateJson(after, store.location())));
        } else {
          out.println("trading state REDUCING: " + after.summary());
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }
}
