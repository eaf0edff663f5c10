package io.quantzoo.cli;

import io.quantzoo.app.DataFiles;
import io.quantzoo.core.data.BarSeries;
import io.quantzoo.core.data.LoadResult;
import io.quantzoo.core.indicator.Indicator;
import io.quantzoo.core.indicator.IndicatorColumns;
import io.quantzoo.core.indicator.IndicatorFactory;
import io.quantzoo.core.indicator.IndicatorRegistry;
import io.quantzoo.core.indicator.Indicators;
import io.quantzoo.core.indicator.PairIndicator;
import io.quantzoo.core.param.ParamSpec;
import io.quantzoo.core.param.Params;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qz indicator NAME --data PATH}: computes an indicator over a data file. */
@Command(
    name = "indicator",
    mixinStandardHelpOptions = true,
    description = {
      "Compute an indicator over a CSV or Parquet file: one row per bar, the timestamp then",
      "each output column (NaN during the warm-up). `qz indicator --list` lists them all.",
      "Example: qz indicator atr --param period=10 --data data/aapl-daily-2013.csv"
    })
final class IndicatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "Indicator name, e.g. rsi, macd, bollinger.")
  String name;

  @Option(names = "--list", description = "List indicators with their parameters and outputs.")
  boolean list;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A parameter, repeatable (e.g. --param period=14).")
  List<String> params;

  @Option(names = "--data", paramLabel = "PATH", description = "CSV or Parquet bar file.")
  Path data;

  @Option(
      names = "--with",
      paramLabel = "PATH",
      description =
          "Second series for pair indicators (correlation, beta): rows where both have"
              + " a bar at the same time.")
  Path with;

  @Option(names = "--out", paramLabel = "FILE", description = "Write CSV here (default: stdout).")
  Path out;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Zone for naive timestamps (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Symbol if the file has none.")
  String symbol;

  @Override
  public Integer call() {
    IndicatorRegistry registry = IndicatorRegistry.builtIn();
    PrintWriter w = spec.commandLine().getOut();
    if (list) {
      printList(registry, w);
      return ExitCodes.OK;
    }
    if (name == null) {
      throw new UsageException("name an indicator (qz indicator --list shows them)");
    }
    if (data == null) {
      throw new UsageException("--data PATH is required");
    }
    IndicatorFactory f = registry.get(name);
    Map<String, Object> raw = ParamArgs.parse("indicator " + f.name(), f.params(), params);
    Params p = Params.resolve(f.name(), f.params(), raw);
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new UsageException("--timezone must be a zone id, was " + zone);
    }
    BarSeries bars = load(data, z);
    long[] times;
    IndicatorColumns cols;
    if (f.kind() == IndicatorFactory.Kind.PAIR) {
      if (with == null) {
        throw new UsageException(
            f.name() + " reads two series: add --with PATH for the second one");
      }
      BarSeries other = load(with, z);
      long[][] joined = join(bars.timesArray(), other.timesArray());
      int n = joined[0].length;
      double[] xs = new double[n];
      double[] ys = new double[n];
      times = new long[n];
      for (int i = 0; i < n; i++) {
        int a = (int) joined[0][i];
        xs[i] = bars.close(a);
        ys[i] = other.close((int) joined[1][i]);
        times[i] = bars.timeMillis(a);
      }
      PairIndicator ind = f.createPair(p);
      cols = Indicators.compute(ind, xs, ys);
    } else {
      if (with != null) {
        throw new UsageException(
            "--with is only for pair indicators; " + f.name() + " reads one series");
      }
      Indicator ind = f.create(p);
      cols = Indicators.compute(ind, bars);
      times = bars.timesArray();
    }
    try {
      if (out != null) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer fw = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          writeCsv(times, cols, fw);
        }
        spec.commandLine()
            .getErr()
            .printf(
                "wrote %d rows x %d outputs of %s(%s) to %s%n",
                times.length, cols.names().size(), f.name(), p, out);
      } else {
        PrintWriter pw = spec.commandLine().getOut();
        writeCsv(times, cols, pw);
        pw.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExitCodes.OK;
  }

  private BarSeries load(Path path, ZoneId z) {
    LoadResult r =
        DataFiles.load(path, DataFiles.isParquet(path), DataFiles.options(z, symbol, false));
    return r.single();
  }

  /** Indices of equal timestamps in two sorted time arrays. */
  static long[][] join(long[] a, long[] b) {
    long[] ia = new long[Math.min(a.length, b.length)];
    long[] ib = new long[ia.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        ia[n] = i++;
        ib[n++] = j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return new long[][] {java.util.Arrays.copyOf(ia, n), java.util.Arrays.copyOf(ib, n)};
  }

  static void writeCsv(long[] times, IndicatorColumns cols, Writer w) throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("timestamp");
    for (String n : cols.names()) {
      sb.append(',').append(n);
    }
    sb.append('\n');
    w.write(sb.toString());
    double[][] c = cols.columns();
    for (int i = 0; i < times.length; i++) {
      sb.setLength(0);
      sb.append(Instant.ofEpochMilli(times[i]));
      for (double[] col : c) {
        sb.append(',').append(col[i]);
      }
      sb.append('\n');
      w.write(sb.toString());
    }
  }

  private static void printList(IndicatorRegistry registry, PrintWriter w) {
    for (IndicatorFactory f : registry.all()) {
      List<String> outputs;
      int warmup;
      Params defaults = Params.resolve(f.name(), f.params(), Map.of());
      if (f.kind() == IndicatorFactory.Kind.PAIR) {
        PairIndicator pi = f.createPair(defaults);
        outputs = pi.outputs();
        warmup = pi.warmup();
      } else {
        Indicator ind = f.create(defaults);
        outputs = ind.outputs();
        warmup = ind.warmup();
      }
      w.printf(
          "%s%s - %s%n  outputs: %s; warm-up with defaults: %d bars%n",
          f.name(),
          f.kind() == IndicatorFactory.Kind.PAIR ? " (pair: --with PATH)" : "",
          f.description(),
          String.join(", ", outputs),
          warmup);
      for (ParamSpec s : f.params()) {
        w.println(ParamArgs.describe(s));
      }
    }
    w.flush();
  }
}
