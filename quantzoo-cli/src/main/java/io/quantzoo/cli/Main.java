package io.quantzoo.cli;

import io.quantzoo.app.UserInputException;
import io.quantzoo.core.data.DataException;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.live.JournalException;
import io.quantzoo.live.TradingRefusedException;
import io.quantzoo.live.audit.AuditException;
import io.quantzoo.store.StoreException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code qz}. Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad data or config, 4
 * refused by a safety rule. A user mistake prints one clear message and never a stack trace ({@code
 * --verbose} adds it).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs {@code qz} with the given arguments and streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new QzCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
      return report(ex, err, verbose);
    });
    return cmd.execute(args);
  }

  static int report(Exception ex, PrintWriter err, boolean verbose) {
    int code;
    switch (ex) {
      case DataException de -> {
        err.println("error: bad data: " + de.getMessage());
        code = ExitCodes.BAD_INPUT;
      }
      case ConfigException ce -> {
        err.println("error: bad config: " + ce.getMessage());
        code = ExitCodes.BAD_INPUT;
      }
      case UserInputException ue -> {
        err.println("error: " + ue.getMessage());
        code = ExitCodes.BAD_INPUT;
      }
      case JournalException je -> {
        err.println("error: trading journal: " + je.getMessage());
        code = ExitCodes.BAD_INPUT;
      }
      case AuditException ae -> {
        err.println("error: audit: " + ae.getMessage());
        code = ExitCodes.BAD_INPUT;
      }
      case TradingRefusedException tr -> {
        err.println("refused (" + tr.rule().key() + "): " + tr.getMessage());
        code = ExitCodes.REFUSED;
      }
      case UsageException ue -> {
        err.println("error: " + ue.getMessage());
        code = ExitCodes.USAGE;
      }
      case StoreException se -> {
        err.println("error: database: " + se.getMessage());
        code = ExitCodes.INTERNAL;
      }
      default -> {
        err.println(
            "internal error: " + ex + (verbose ? "" : " (run with --verbose for the stack trace)"));
        code = ExitCodes.INTERNAL;
      }
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
