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
