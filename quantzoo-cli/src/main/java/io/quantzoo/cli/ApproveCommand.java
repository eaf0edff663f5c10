package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.approval.ApprovalStore;
import io.quantzoo.live.approval.SessionApproval;
import io.quantzoo.live.approval.StrategySource;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import io.quantzoo.live.safety.FileTradingStateStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qz approve session | list | end}: operators' approvals of live trading sessions
 * (docs/SAFETY.md, "Approvals"), kept in the trading directory and audited.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approvals of real-money trading ($QUANTZOO_TRADING_DIR/approvals): a session approval"
          + " covers one strategy with its exact code (source hash), one account, some"
          + " instruments and orders up to a notional, until it expires or the trading state"
          + " changes. Without one, every live order asks for typed confirmation."
    },
    subcommands = {
      ApproveCommand.Grant.class,
      ApproveCommand.ListApprovals.class,
      ApproveCommand.End.class,
      CommandLine.HelpCommand.class
    })
final class ApproveCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Map<String, Object> json(SessionApproval a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("strategy", a.strategy());
    m.put("source_hash", a.sourceHash());
    m.put("account", a.account());
    m.put("instruments", a.instruments());
    m.put("max_order_notional", a.maxOrderNotional());
    m.put("granted_at", a.grantedAt().toString());
    m.put("expires_at", a.expiresAt().toString());
    m.put("operator", a.operator());
    m.put("reason", a.reason());
    m.put("state_generation", a.stateGeneration());
    m.put("ended_at", a.endedAt() == null ? null : a.endedAt().toString());
    m.put("ended_by", a.endedBy());
    return m;
  }

  static Duration duration(String s) {
    Duration d;
    try {
      d = Duration.ofMillis(io.quantzoo.core.risk.RiskLimits.parseDuration(s));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--expires " + e.getMessage());
    }
    if (d.compareTo(Duration.ofDays(7)) > 0) {
      throw new UsageException(
          "--expires must be at most 7 days (approvals are short-lived), was " + s);
    }
    return d;
  }

  private static AuditLog audit(TradingDirectory dir) {
    return QzCommand.auditLog(dir);
  }

  /** {@code qz approve session}. */
  @Command(
      name = "session",
      mixinStandardHelpOptions = true,
      description = "Approve the config's strategy, as its code is now, for live trading.")
  static final class Grant implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PlanOptions planOptions;

    @Option(names = "--account", required = true, paramLabel = "A", description = "Account.")
    String account;

    @Option(
        names = "--instruments",
        paramLabel = "SYM,...",
        split = ",",
        description = "Symbols it may trade (default: the config's).")
    List<String> instruments;

    @Option(
        names = "--max-order-notional",
        required = true,
        paramLabel = "N",
        description = "Largest order value it covers.")
    double maxOrderNotional;

    @Option(
        names = "--expires",
        required = true,
        paramLabel = "DURATION",
        description = "How long it lasts: 8h, 90m, 30s (at most 7 days).")
    String expires;

    @Option(names = "--operator", required = true, paramLabel = "O", description = "Who.")
    String operator;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "Why.")
    String reason;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
      if (!(maxOrderNotional > 0) || Double.isInfinite(maxOrderNotional)) {
        throw new UsageException("--max-order-notional must be > 0, was " + maxOrderNotional);
      }
      Duration d = duration(expires);
      RunPlan plan = planOptions.plan();
      Class<?> cls = plan.strategy().create(plan.params()).getClass();
      List<String> syms =
          instruments != null && !instruments.isEmpty()
              ? instruments.stream().map(String::strip).toList()
              : plan.singleInstrument() != null
                  ? List.of(plan.singleInstrument().symbol())
                  : plan.instrumentsBySymbol().values().stream()
                      .map(io.quantzoo.core.instrument.Instrument::symbol)
                      .distinct()
                      .toList();
      TradingDirectory dir = QzCommand.tradingDirectory();
      long generation = FileTradingStateStore.open(dir.create()).read().generation();
      Instant now = Instant.now();
      SessionApproval a =
          new SessionApproval(
              ApprovalStore.newId(now),
              plan.strategy().name(),
              StrategySource.hash(cls),
              account.strip(),
              syms,
              maxOrderNotional,
              now,
              now.plus(d),
              operator.strip(),
              reason.strip(),
              generation,
              null,
              null);
      try (AuditLog audit = audit(dir)) {
        new ApprovalStore(dir).grant(a);
        audit.append(
            AuditEvent.builder(AuditEventType.APPROVAL_GRANTED)
                .operator(a.operator())
                .reason(a.reason())
                .detail("scope", "session")
                .detail("approval", a.id())
                .detail("strategy", a.strategy())
                .detail("source_hash", a.sourceHash())
                .detail("account", a.account())
                .detail("instruments", String.join(",", a.instruments()))
                .detail("max_order_notional", a.maxOrderNotional())
                .detail("expires_at", a.expiresAt().toString())
                .detail("state_generation", a.stateGeneration())
                .build());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(json(a)));
      } else {
        out.printf(
            Locale.ROOT,
            "approval %s: %s (source %s) on %s, %s, orders up to %.2f, until %s%n"
                + "it ends at that time or at any change of the trading state (qz kill-switch)%n",
            a.id(),
            a.strategy(),
            a.sourceHash().substring(0, 12),
            a.account(),
            a.instruments(),
            a.maxOrderNotional(),
            a.expiresAt());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code qz approve list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every approval, oldest first.")
  static final class ListApprovals implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<SessionApproval> all = new ApprovalStore(QzCommand.tradingDirectory()).list();
      if (json) {
        List<Object> l = new ArrayList<>();
        for (SessionApproval a : all) {
          l.add(json(a));
        }
        out.println(Json.write(l));
      } else if (all.isEmpty()) {
        out.println("no approvals");
      } else {
        Instant now = Instant.now();
        for (SessionApproval a : all) {
          String state =
              a.endedAt() != null
                  ? "ended by " + a.endedBy()
                  : now.isBefore(a.expiresAt()) ? "until " + a.expiresAt() : "expired";
          out.printf(
              Locale.ROOT,
              "%s  %s  %s  %s  %s  <= %.2f  by %s  %s%n",
              a.id(),
              a.strategy(),
              a.sourceHash().substring(0, 12),
              a.account(),
              String.join(",", a.instruments()),
              a.maxOrderNotional(),
              a.operator(),
              state);
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code qz approve end}. */
  @Command(
      name = "end",
      mixinStandardHelpOptions = true,
      description = "End an approval before it expires.")
  static final class End implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The approval.")
    String id;

    @Option(names = "--operator", required = true, paramLabel = "O", description = "Who.")
    String operator;

    @Override
    public Integer call() {
      TradingDirectory dir = QzCommand.tradingDirectory();
      Optional<SessionApproval> a;
      try (AuditLog audit = audit(dir)) {
        a = new ApprovalStore(dir).end(id, Instant.now(), operator.strip());
        if (a.isEmpty()) {
          throw new UsageException("no approval " + id + " (qz approve list)");
        }
        audit.append(
            AuditEvent.builder(AuditEventType.APPROVAL_ENDED)
                .operator(operator.strip())
                .reason("ended early")
                .detail("approval", id)
                .build());
      }
      spec.commandLine().getOut().println("approval " + id + " ended");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
