package io.quantzoo.cli;

import io.quantzoo.app.Json;
import io.quantzoo.core.order.DenialRule;
import io.quantzoo.core.risk.RiskOverride;
import io.quantzoo.live.OverrideStore;
import io.quantzoo.live.TradingDirectory;
import io.quantzoo.live.audit.AuditEvent;
import io.quantzoo.live.audit.AuditEventType;
import io.quantzoo.live.audit.AuditLog;
import java.io.PrintWriter;
import java.time.Instant;
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

/** {@code qz risk override | overrides}: operators' one-shot limit overrides (docs/SAFETY.md). */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = "Operators' one-shot overrides of pre-trade limits (docs/SAFETY.md).",
    subcommands = {
      RiskCommand.Grant.class,
      RiskCommand.Overrides.class,
      CommandLine.HelpCommand.class
    })
final class RiskCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static DenialRule rule(String key) {
    for (DenialRule r : DenialRule.values()) {
      if (!r.configKey().isEmpty()
          && r.configKey().equals(key.strip())
          && r != DenialRule.TRADING_HALTED
          && r != DenialRule.TRADING_REDUCING) {
        return r;
      }
    }
    List<String> keys = new ArrayList<>();
    for (DenialRule r : DenialRule.values()) {
      if (!r.configKey().isEmpty() && !r.configKey().equals("trading_state")) {
        keys.add(r.configKey());
      }
    }
    throw new UsageException(
        "--rule must be a pre-trade limit ("
            + String.join(", ", keys)
            + "), was '"
            + key
            + "'; the trading state is changed with qz kill-switch, not overridden");
  }

  /** {@code qz risk override}. */
  @Command(
      name = "override",
      mixinStandardHelpOptions = true,
      description =
          "Lift one limit for the next order of one symbol and tag that it would deny, once, on"
              + " any trader of this machine. Audited when granted and when used.")
  static final class Grant implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--rule",
        required = true,
        paramLabel = "KEY",
        description = "The limit's config key, e.g. max_order_notional.")
    String rule;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "Symbol.")
    String symbol;

    @Option(
        names = "--tag",
        required = true,
        paramLabel = "TAG",
        description = "The order's tag (the strategy's reason, e.g. SmaCrossUp).")
    String tag;

    @Option(names = "--operator", required = true, paramLabel = "O", description = "Who.")
    String operator;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "Why.")
    String reason;

    @Override
    public Integer call() {
      DenialRule r = rule(rule);
      if (operator.isBlank() || reason.isBlank()) {
        throw new UsageException("--operator and --reason must not be blank");
      }
      TradingDirectory dir = QzCommand.tradingDirectory();
      RiskOverride o = new RiskOverride(r, symbol.strip(), tag.strip(), operator.strip(), reason);
      OverrideStore.Entry e;
      try (AuditLog audit = QzCommand.auditLog(dir)) {
        e = new OverrideStore(dir).grant(o, Instant.now());
        audit.append(
            AuditEvent.builder(AuditEventType.LIMIT_OVERRIDE)
                .symbol(o.symbol())
                .operator(o.operator())
                .reason(o.reason())
                .detail("granted", e.id())
                .detail("rule", r.name())
                .detail("tag", o.tag())
                .build());
      }
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "override %s: %s lifted once for the next %s order tagged %s%n",
              e.id(),
              r.configKey(),
              o.symbol(),
              o.tag());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code qz risk overrides}. */
  @Command(
      name = "overrides",
      mixinStandardHelpOptions = true,
      description = "Every override, used or not.")
  static final class Overrides implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<OverrideStore.Entry> all = new OverrideStore(QzCommand.tradingDirectory()).list();
      if (json) {
        List<Object> l = new ArrayList<>();
        for (OverrideStore.Entry e : all) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", e.id());
          m.put("rule", e.override().rule().configKey());
          m.put("symbol", e.override().symbol());
          m.put("tag", e.override().tag());
          m.put("operator", e.override().operator());
          m.put("reason", e.override().reason());
          m.put("granted_at", e.grantedAt().toString());
          m.put("used_by", e.usedBy());
          m.put("used_at", e.usedAt() == null ? null : e.usedAt().toString());
          l.add(m);
        }
        out.println(Json.write(l));
      } else if (all.isEmpty()) {
        out.println("no overrides");
      } else {
        for (OverrideStore.Entry e : all) {
          out.printf(
              Locale.ROOT,
              "%s  %s  %s  %s  by %s  %s%n",
              e.id(),
              e.override().rule().configKey(),
              e.override().symbol(),
              e.override().tag(),
              e.override().operator(),
              e.usedBy() == null
                  ? "unused"
                  : "used by session " + e.usedBy() + " at " + e.usedAt());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
