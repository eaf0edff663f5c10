package io.quantzoo.cli;

import io.quantzoo.app.Version;
import io.quantzoo.live.TradingDirectory;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code qz} command. */
@Command(
    name = "qz",
    mixinStandardHelpOptions = true,
    versionProvider = QzCommand.VersionProvider.class,
    description = {
      "QuantZoo: correct, fast backtests from the command line.",
      "",
      "Start with: qz run   (the bundled default backtest on real BTC-USD data)"
    },
    subcommands = {
      RunCommand.class,
      TradeCommand.class,
      KillSwitchCommand.class,
      ApproveCommand.class,
      RiskCommand.class,
      AuditCommand.class,
      PortfolioCommand.class,
      RunsCommand.class,
      ReportCommand.class,
      DataCommand.class,
      IndicatorCommand.class,
      StrategiesCommand.class,
      SweepCommand.class,
      WalkForwardCommand.class,
      LeaderboardCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (a bug, or the environment: disk, locked database)",
      "2:usage error",
      "3:bad data or bad config",
      "4:refused by a safety rule"
    })
public final class QzCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Database location: {@code --db}, else {@code QUANTZOO_DB}, else ./.quantzoo/quantzoo.duckdb.
   */
  static Path databasePath(Path option) {
    if (option != null) {
      return option;
    }
    String env = System.getenv("QUANTZOO_DB");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(".quantzoo", "quantzoo.duckdb");
  }

  /**
   * The trading directory: {@code QUANTZOO_TRADING_DIR} (absolute), else ~/.quantzoo/trading;
   * machine-wide, never relative to the working directory.
   */
  static TradingDirectory tradingDirectory() {
    return TradingDirectory.fromEnvironment();
  }

  /** The environment variable that sets the audit log's retention in days (0: forever). */
  static final String AUDIT_RETENTION_ENV = "QUANTZOO_AUDIT_RETENTION_DAYS";

  /**
   * The trading directory's audit log for writing: the key from {@code QUANTZOO_AUDIT_KEY} or the
   * key file, the retention from {@value #AUDIT_RETENTION_ENV} (default 90 days; 0 keeps every
   * file; some regulators require years).
   */
  static io.quantzoo.live.audit.AuditLog auditLog(TradingDirectory dir) {
    String r = System.getenv(AUDIT_RETENTION_ENV);
    int days = io.quantzoo.live.audit.AuditLog.DEFAULT_RETENTION_DAYS;
    if (r != null && !r.isBlank()) {
      try {
        days = Integer.parseInt(r.strip());
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 0) {
        throw new io.quantzoo.core.util.ConfigException(
            AUDIT_RETENTION_ENV,
            AUDIT_RETENTION_ENV + " must be a whole number of days >= 0, was '" + r.strip() + "'");
      }
    }
    return io.quantzoo.live.audit.AuditLog.open(
        dir.create(),
        io.quantzoo.live.audit.AuditKey.forWriting(dir, System.getenv()),
        java.time.Clock.systemUTC(),
        days);
  }

  /** Prints the version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "qz " + Version.get(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
