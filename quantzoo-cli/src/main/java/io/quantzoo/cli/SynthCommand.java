package io.quantzoo.cli;

import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.SyntheticMnqBars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qz data synth-mnq}: seeded synthetic MNQ 15-minute bars on the CME calendar. */
@Command(
    name = "synth-mnq",
    mixinStandardHelpOptions = true,
    description = {
      "Write SYNTHETIC MNQ 15-minute bars (seeded; CME Globex hours, holidays and early closes;",
      "U-shaped intraday volatility and volume; 0.25 tick) as CSV. For testing and benchmarks",
      "only: never results anyone should trade on. The defaults reproduce",
      "data/mnq-15m-synthetic-2025q1.csv exactly."
    })
final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV to write.")
  Path out;

  @Option(names = "--seed", defaultValue = "808", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--from",
      defaultValue = "2025-01-02",
      paramLabel = "DATE",
      description = "First trading day (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(
      names = "--to",
      defaultValue = "2025-03-31",
      paramLabel = "DATE",
      description = "Last trading day, inclusive (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(
      names = "--start-price",
      defaultValue = "21000",
      description = "Price at the first open (default: ${DEFAULT-VALUE}).")
  double startPrice;

  @Option(
      names = "--volatility",
      defaultValue = "0.22",
      description = "Annualised volatility of log returns (default: ${DEFAULT-VALUE}).")
  double volatility;

  @Override
  public Integer call() {
    LocalDate first = date("--from", from);
    LocalDate last = date("--to", to);
    SyntheticMnqBars.Spec s;
    try {
      s = new SyntheticMnqBars.Spec(seed, first, last, startPrice, volatility);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    BarSeries bars = SyntheticMnqBars.generate(s);
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, SyntheticMnqBars.toCsv(bars), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spec.commandLine()
        .getErr()
        .printf(
            "wrote %d SYNTHETIC MNQ 15-minute bars (seed %d, %s to %s) to %s%n",
            bars.size(), seed, first, last, out);
    return ExitCodes.OK;
  }

  private static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " must be a date YYYY-MM-DD, was " + text);
    }
  }
}
